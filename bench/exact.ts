/**
 * exact: GB/s scanned by the engine's exact top-10 search over 100,000 × 768 (no graph) against the
 * machine's read bandwidth measured in the same process, interleaved with the queries
 * (Buffer.compare of two identical copies, both counted). Also shown: usearch's exactSearch called
 * directly on one contiguous buffer.
 */
import { exactSearch, MetricKind } from 'usearch';
import { ingest, median, memcmpProbe, randomVectors, tempEngine } from './lib-engine.js';
import { report } from './report.js';

const COUNT = 100_000;
const DIM = 768;
const ROUNDS = 41;
const set = randomVectors(COUNT, DIM);
const bytes = COUNT * DIM * 4;
const queries = randomVectors(ROUNDS, DIM, 99);
const query = (i: number) => queries.data.slice(i * DIM, (i + 1) * DIM);

const { engine, dispose } = tempEngine({
  hnswThreshold: Number.POSITIVE_INFINITY,
  memoryBudgetBytes: 8 * 1024 ** 3,
});
const index = await engine.openIndex({ name: 'exact', dimension: DIM, metric: 'dotproduct' });
const ns = index.namespace('big');
await ingest(ns, set);

const probe = memcmpProbe(bytes);
const memcmp: number[] = [];
const engineMs: number[] = [];
const directMs: number[] = [];
for (let i = -3; i < ROUNDS; i++) {
  const q = query(Math.max(0, i));
  const vector = Array.from(q);
  const m = probe.sample();
  let start = performance.now();
  await ns.query({ vector, topK: 10 });
  const e = performance.now() - start;
  start = performance.now();
  exactSearch(set.data, q, DIM, 10, MetricKind.IP, 1);
  const d = performance.now() - start;
  if (i < 0) continue;
  memcmp.push(m);
  engineMs.push(e);
  directMs.push(d);
}
await dispose();
const engineGBps = bytes / (median(engineMs) / 1000) / 1e9;
const memcmpGBps = median(memcmp);

report({
  name: 'exact',
  figures: {
    vectors: COUNT,
    dimension: DIM,
    'memcmp read GB/s (baseline, median)': memcmpGBps,
    'engine query median ms': median(engineMs),
    'engine scan GB/s': engineGBps,
    'usearch exactSearch direct median ms': median(directMs),
    'usearch exactSearch direct GB/s': bytes / (median(directMs) / 1000) / 1e9,
  },
  ratio: engineGBps / memcmpGBps,
  target: 0.6,
});
