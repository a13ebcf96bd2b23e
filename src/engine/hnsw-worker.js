// Builds or extends a usearch HNSW graph off the main thread (usearch's add() is synchronous and
// runs at a few thousand inserts per second) and saves it to `job.out`. Plain JavaScript because
// worker threads do not inherit a TypeScript loader under vitest or tsx.
import { parentPort } from 'node:worker_threads';
import usearch from 'usearch';

parentPort.on('message', (job) => {
  try {
    const index = new usearch.Index(job.config);
    if (job.base) index.load(job.base);
    if (job.keys.length > 0) index.add(job.keys, job.vectors, job.threads);
    index.save(job.out);
    parentPort.postMessage({ ok: true, size: index.size() });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error?.message ?? error) });
  }
});
