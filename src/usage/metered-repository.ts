/**
 * Counts read units wherever they are spent (query, fetch: also the DataLoader-batched fetches of
 * `vector(s)` and admin fan-outs) without touching resolvers: each operation's context gets a view
 * of the repository whose stores add their reported usage to that operation's accumulator, which
 * the metering plugin records. Passed explicitly rather than through AsyncLocalStorage: on Node 20
 * the first AsyncLocalStorage.run turns on promise hooks for the whole process, a tax on every
 * promise of every request (and of the engine), metered or not.
 */
import type {
  IndexSpec,
  NamespaceStore,
  QueryInput,
  VectorRecord,
  VectorRepository,
} from '../repository/types.js';
import type { NamespaceRef } from '../tenancy/namespace.js';

export interface RequestUsage {
  readUnits: number;
}

// Classes rather than Proxies or object literals of arrows: one view is made per operation (and
// per store it opens), so each is a single allocation whose methods live on the prototype.

class MeteredStore implements NamespaceStore {
  constructor(
    private readonly store: NamespaceStore,
    private readonly acc: RequestUsage,
  ) {}

  async query(input: QueryInput) {
    const result = await this.store.query(input);
    if (result.usage) this.acc.readUnits += result.usage.readUnits;
    return result;
  }

  async fetch(ids: string[]) {
    const result = await this.store.fetch(ids);
    if (result.usage) this.acc.readUnits += result.usage.readUnits;
    return result;
  }

  upsert(records: VectorRecord[]) {
    return this.store.upsert(records);
  }
  update(...args: Parameters<NamespaceStore['update']>) {
    return this.store.update(...args);
  }
  deleteIds(ids: string[]) {
    return this.store.deleteIds(ids);
  }
  deleteByFilter(...args: Parameters<NamespaceStore['deleteByFilter']>) {
    return this.store.deleteByFilter(...args);
  }
  deleteAll() {
    return this.store.deleteAll();
  }
  list(...args: Parameters<NamespaceStore['list']>) {
    return this.store.list(...args);
  }
  count(...args: Parameters<NamespaceStore['count']>) {
    return this.store.count(...args);
  }
}

class MeteredRepository implements VectorRepository {
  constructor(
    private readonly repository: VectorRepository,
    private readonly acc: RequestUsage,
  ) {}

  get backend() {
    return this.repository.backend;
  }
  store(index: IndexSpec, namespace: NamespaceRef): NamespaceStore {
    return new MeteredStore(this.repository.store(index, namespace), this.acc);
  }
  init(...args: Parameters<VectorRepository['init']>) {
    return this.repository.init(...args);
  }
  listNamespaces(...args: Parameters<VectorRepository['listNamespaces']>) {
    return this.repository.listNamespaces(...args);
  }
  deleteNamespace(...args: Parameters<VectorRepository['deleteNamespace']>) {
    return this.repository.deleteNamespace(...args);
  }
  ping() {
    return this.repository.ping();
  }
  close() {
    return this.repository.close();
  }
}

/** The same repository, with stores that add the read units they use to `acc`. */
export function meteredRepository(repository: VectorRepository, acc: RequestUsage): VectorRepository {
  return new MeteredRepository(repository, acc);
}
