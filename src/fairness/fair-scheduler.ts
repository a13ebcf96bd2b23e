/**
 * Fair scheduling of requests across tenants: a bounded number of execution slots, one FIFO queue
 * per tenant, and round-robin dispatch between the tenants that are waiting. A tenant with 1,000
 * queued requests and a tenant with one get the next free slots alternately, so a flood delays
 * other tenants by at most about one request per slot, not by the flood's queue.
 */
export type Release = () => void;

export class FairScheduler {
  private running = 0;
  /** Insertion order is the round-robin order: a served tenant is moved to the back. */
  private readonly queues = new Map<string, Array<() => void>>();

  constructor(readonly slots: number) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Resolves with a release function once a slot is free for `key`; call it exactly once (extra calls are ignored). */
  acquire(key: string): Promise<Release> {
    if (this.running < this.slots && this.queues.size === 0) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const queue = this.queues.get(key);
      const start = () => resolve(this.releaser());
      if (queue) queue.push(start);
      else this.queues.set(key, [start]);
    });
  }

  private releaser(): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      this.dispatch();
    };
  }

  private dispatch(): void {
    while (this.running < this.slots && this.queues.size > 0) {
      const [key, queue] = this.queues.entries().next().value as [string, Array<() => void>];
      const start = queue.shift()!;
      this.queues.delete(key);
      if (queue.length > 0) this.queues.set(key, queue);
      this.running++;
      start();
    }
  }
}
