/**
 * Which namespaces stay loaded: least-recently-used eviction under a memory budget shared by all
 * indexes of an engine. A namespace in use or with background work in flight is never evicted;
 * the one just used is evicted last, so a namespace larger than the budget still serves.
 */
export interface Resident {
  readonly memoryBytes: number;
  readonly busy: boolean;
  evict(): Promise<void>;
}

export class Residency {
  /** Map order is recency order: the first entry is the least recently used. */
  private readonly residents = new Map<Resident, number>();
  private total = 0;

  constructor(readonly budgetBytes: number) {}

  get usedBytes(): number {
    return this.total;
  }

  /** Marks `resident` as just used, updates its size and evicts others while over budget. */
  touch(resident: Resident): void {
    const before = this.residents.get(resident) ?? 0;
    const now = resident.memoryBytes;
    this.residents.delete(resident);
    this.residents.set(resident, now);
    this.total += now - before;
    if (this.total <= this.budgetBytes) return;
    for (const [other] of this.residents) {
      if (this.total <= this.budgetBytes) break;
      if (other === resident || other.busy) continue;
      this.forget(other);
      void other.evict();
    }
  }

  forget(resident: Resident): void {
    this.total -= this.residents.get(resident) ?? 0;
    this.residents.delete(resident);
  }
}
