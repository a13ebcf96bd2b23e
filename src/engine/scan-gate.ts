/**
 * Keeps a namespace's table still while a search that yields is reading it: writes become
 * durable as usual but are applied only once no such search is running. A waiting write holds
 * back new searches, so a stream of large searches cannot starve writes.
 */
export class ScanGate {
  private readers = 0;
  private waiters: (() => void)[] = [];
  private writer: Promise<void> | undefined;

  async read<T>(fn: () => Promise<T>): Promise<T> {
    while (this.writer) await this.writer;
    this.readers++;
    try {
      return await fn();
    } finally {
      if (--this.readers === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  /** Runs `fn` (synchronous) once no reader is active. */
  async write<T>(fn: () => T): Promise<T> {
    if (this.readers > 0) {
      const idle = new Promise<void>((resolve) => this.waiters.push(resolve));
      this.writer ??= idle.then(() => {
        this.writer = undefined;
      });
      await idle;
    }
    return fn();
  }
}
