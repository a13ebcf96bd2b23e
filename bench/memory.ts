/**
 * memory: resident bytes per hot vector over its raw float bytes. A 100,000 × 768 namespace (with a
 * short metadata field) is written, then a fresh child process (so no freed-but-retained heap from
 * the writes skews RSS) opens the engine and measures its RSS, after GC, before and after the
 * namespace is loaded by a query. This is an exact-search namespace (below the HNSW threshold); one
 * with a graph also maps its f16 graph file (about half as much again, page cache backed).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine } from '../src/engine/engine.js';
import { ingest, randomVectors, tempEngine } from './lib-engine.js';
import { report } from './report.js';

const COUNT = 100_000;
const DIM = 768;
const spec = { name: 'memory', dimension: DIM, metric: 'cosine' as const };
const options = { hnswThreshold: Number.POSITIVE_INFINITY, memoryBudgetBytes: 8 * 1024 ** 3 };
const measureDir = process.env.MEMORY_BENCH_DIR;

if (measureDir) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const rss = () => {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().rss;
  };
  const engine = new Engine(measureDir, options);
  const ns = (await engine.openIndex(spec)).namespace('hot');
  const before = rss();
  await ns.query({ vector: Array(DIM).fill(0.1), topK: 10 });
  const after = rss();
  console.log(
    JSON.stringify({ perVector: (after - before) / COUNT, estimate: engine.residentBytes / COUNT }),
  );
  await engine.close();
} else {
  const { dir, engine, dispose } = tempEngine(options);
  await ingest((await engine.openIndex(spec)).namespace('hot'), randomVectors(COUNT, DIM), 1000, (i) => ({
    group: `g${i % 10}`,
  }));
  await engine.close();
  const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, MEMORY_BENCH_DIR: dir },
    encoding: 'utf8',
  });
  const { perVector, estimate } = JSON.parse(output.trim().split('\n').pop()!) as Record<string, number>;
  await dispose();
  report({
    name: 'memory',
    figures: {
      vectors: COUNT,
      dimension: DIM,
      'raw float bytes per vector': 4 * DIM,
      'RSS growth per loaded vector (bytes)': perVector!,
      "engine's own estimate per vector (bytes, used by the budget)": estimate!,
    },
    ratio: perVector! / (4 * DIM),
    target: 1.3,
    targetKind: 'max',
  });
}
