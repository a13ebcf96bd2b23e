/**
 * filtered: QPS of top-10 queries with a metadata filter matching 1% of 100,000 × 768 clustered
 * vectors (the metadata index narrows them, then SIMD exact search over the 1,000 matches) divided by
 * the same engine's unfiltered ANN QPS, queries interleaved. Recall@10 is against exact filtered
 * search (float64 over the matching rows).
 */
import { parseFilter } from '../src/engine/filter.js';
import { ingest, tempEngine } from './lib-engine.js';
import { clusteredVectors, exactTopK, recallAt, row } from './lib-vectors.js';
import { report } from './report.js';

const COUNT = 100_000;
const DIM = 768;
const QUERIES = 300;
const BUCKETS = 100;
const generator = clusteredVectors(COUNT, DIM, 777);
const set = generator.data;
const queries = generator.next(QUERIES);
const arrays = Array.from({ length: QUERIES }, (_, i) => Array.from(row(queries, i)));
const bucketOf = (i: number) => (i * 7919) % BUCKETS;
const rowsOf = Array.from({ length: BUCKETS }, () => [] as number[]);
for (let i = 0; i < COUNT; i++) rowsOf[bucketOf(i)]!.push(i);

const { engine, dispose } = tempEngine({
  hnswThreshold: 20_000,
  hnswThreads: 2,
  memoryBudgetBytes: 8 * 1024 ** 3,
});
const ns = (await engine.openIndex({ name: 'filtered', dimension: DIM, metric: 'cosine' })).namespace('big');
await ingest(ns, set, 1000, (i) => ({ bucket: `b${bucketOf(i)}`, title: `document ${i}` }));
await ns.indexed();

const ms = { filtered: 0, unfiltered: 0 };
let recall = 0;
for (let i = -30; i < QUERIES; i++) {
  const q = Math.max(0, i);
  const bucket = q % BUCKETS;
  const filter = parseFilter({ bucket: `b${bucket}` });
  let start = performance.now();
  const found = await ns.query({ vector: arrays[q]!, topK: 10, filter });
  const f = performance.now() - start;
  start = performance.now();
  await ns.query({ vector: arrays[q]!, topK: 10 });
  const u = performance.now() - start;
  if (i < 0) continue;
  ms.filtered += f;
  ms.unfiltered += u;
  const truth = exactTopK(set, row(queries, q), 10, rowsOf[bucket]);
  recall += recallAt(
    found.map((m) => Number(m.id)),
    truth,
  );
}
await dispose();
const filteredQps = QUERIES / (ms.filtered / 1000);
const unfilteredQps = QUERIES / (ms.unfiltered / 1000);
recall /= QUERIES;

report({
  name: 'filtered',
  figures: {
    vectors: COUNT,
    dimension: DIM,
    'filter selectivity': '1% (one of 100 buckets)',
    'filtered QPS': filteredQps,
    'unfiltered ANN QPS (same engine)': unfilteredQps,
    'filtered recall@10 vs exact filtered': recall,
  },
  ratio: recall >= 0.95 ? filteredQps / unfilteredQps : 0,
  target: 0.5,
});
