/**
 * Runs HNSW builds in a worker thread, one at a time per engine (a build already uses several
 * cores; two at once would only slow both and starve the event loop's thread of CPU).
 */
import { Worker } from 'node:worker_threads';
import type { IndexConfig } from 'usearch';

export interface BuildJob {
  config: IndexConfig;
  /** An existing graph file to extend, or undefined to build from scratch. */
  base: string | undefined;
  keys: BigUint64Array;
  vectors: Float32Array;
  threads: number;
  out: string;
}

export class BuildQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private worker: Worker | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  run(job: BuildJob): Promise<number> {
    const result = this.tail.then(() => this.execute(job));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private execute(job: BuildJob): Promise<number> {
    clearTimeout(this.idleTimer);
    this.worker ??= new Worker(new URL('./hnsw-worker.js', import.meta.url));
    const worker = this.worker;
    worker.ref();
    return new Promise<number>((resolve, reject) => {
      const done = (message: { ok: boolean; size?: number; error?: string }) => {
        worker.off('error', fail);
        worker.removeAllListeners('exit');
        worker.unref();
        this.idleTimer = setTimeout(() => this.stop(), 5_000).unref();
        if (message.ok) resolve(message.size!);
        else reject(new Error(`HNSW build failed: ${message.error}`));
      };
      const fail = (error: Error) => {
        worker.off('message', done);
        worker.removeAllListeners('exit');
        this.worker = undefined;
        reject(error);
      };
      worker.once('message', done);
      worker.once('error', fail);
      // Terminated by stop() mid-build: the build is abandoned (its output file is an orphan that
      // the namespace's next load removes).
      worker.once('exit', () => fail(new Error('HNSW build worker stopped')));
      worker.postMessage(job, [job.vectors.buffer as ArrayBuffer]);
    });
  }

  /**
   * Ends the worker (it holds no state between builds). A build in progress is abandoned, not
   * awaited: `terminate()` cannot interrupt usearch's native build and may not settle until it
   * ends, which would hang engine close (and so a graceful shutdown). The worker is unref'd so it
   * cannot keep the process alive; a half-written graph file is an orphan the next load removes.
   */
  stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.unref();
      void worker.terminate().catch(() => undefined);
    }
    return Promise.resolve();
  }
}
