/**
 * cold: (1) the first query on an evicted 10,000 × 768 namespace (loaded from its log on demand)
 * next to a hot query; (2) start-up time (open the engine and index, answer one query) with
 * 1,000,000 namespaces on disk against the same with 1. The million namespaces are written straight
 * in the engine's on-disk format (one directory and log each, plus a catalog), which is far quicker
 * than a million fsynced upserts. Headline: start-up with 1,000,000 / with 1 (target ≤ 2: start-up
 * must not read namespaces).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFileName, encodeCatalog } from '../src/engine/catalog.js';
import { Engine } from '../src/engine/engine.js';
import { encodeEntry } from '../src/engine/log-entry.js';
import { namespaceDir } from '../src/engine/paths.js';
import { encodeFrame } from '../src/engine/wal.js';
import { ingest, median, randomVectors, tempEngine } from './lib-engine.js';
import { report } from './report.js';

const MANY = 1_000_000;
const small = { name: 'tenants', dimension: 8, metric: 'cosine' as const };
const large = { name: 'docs', dimension: 768, metric: 'cosine' as const };

async function startup(dir: string): Promise<number> {
  const start = performance.now();
  const engine = new Engine(dir);
  const index = await engine.openIndex(small);
  await index.namespace('tenant-0').query({ vector: Array(8).fill(1), topK: 1 });
  const ms = performance.now() - start;
  await engine.close();
  return ms;
}

// (1) and the single-namespace start-up.
const one = tempEngine();
await ingest((await one.engine.openIndex(large)).namespace('evicted'), randomVectors(10_000, 768));
await (await one.engine.openIndex(small))
  .namespace('tenant-0')
  .upsert([{ id: 'a', values: Array(8).fill(1) }]);
await one.engine.close();
const query = Array.from(randomVectors(1, 768, 5).data);
let engine = new Engine(one.dir);
let start = performance.now();
const docs = await engine.openIndex(large);
await docs.namespace('evicted').query({ vector: query, topK: 10 });
const firstQueryMs = performance.now() - start;
const hot: number[] = [];
for (let i = 0; i < 9; i++) {
  start = performance.now();
  await docs.namespace('evicted').query({ vector: query, topK: 10 });
  hot.push(performance.now() - start);
}
await engine.close();
const oneStartups = [await startup(one.dir), await startup(one.dir), await startup(one.dir)];

// (2) a million namespaces.
const many = tempEngine();
engine = many.engine;
const indexDir = (await engine.openIndex(small)).dir;
await engine.close();
start = performance.now();
const names: ['+', string, number, number][] = [];
for (let n = 0; n < MANY; n++) {
  const name = `tenant-${n}`;
  const dir = namespaceDir(indexDir, name);
  mkdirSync(dir, { recursive: true });
  const payload = encodeEntry(
    { t: 'put', r: [{ id: 'a', slot: 0, values: new Float32Array(8).fill(1) }] },
    8,
  );
  const frame = encodeFrame(payload);
  writeFileSync(join(dir, 'wal.log'), frame);
  names.push(['+', name, 1, frame.length]);
}
const catalog = Buffer.concat(
  Array.from({ length: Math.ceil(MANY / 10_000) }, (_, i) =>
    encodeFrame(encodeCatalog(names.slice(i * 10_000, (i + 1) * 10_000))),
  ),
);
writeFileSync(join(indexDir, catalogFileName(1, 0)), catalog);
const layoutS = (performance.now() - start) / 1000;
const manyStartups = [await startup(many.dir), await startup(many.dir), await startup(many.dir)];
engine = new Engine(many.dir);
const index = await engine.openIndex(small);
start = performance.now();
const page = await index.listNamespaces({ prefix: 'tenant-99999', limit: 5 });
const firstListMs = performance.now() - start;
start = performance.now();
await index.listNamespaces({ prefix: 'tenant-5', limit: 100 });
const nextListMs = performance.now() - start;
await engine.close();
await one.dispose();
await many.dispose();

report({
  name: 'cold',
  figures: {
    'first query on evicted 10,000 × 768 namespace ms': firstQueryMs,
    'hot query on it ms (median)': median(hot),
    'start-up + first query, 1 namespace ms (median of 3)': median(oneStartups),
    'start-up + first query, 1,000,000 namespaces ms (median of 3)': median(manyStartups),
    'writing the 1,000,000-namespace layout s': layoutS,
    'first listNamespaces (reads the catalog) ms': firstListMs,
    'later listNamespaces page of 100 ms': nextListMs,
    'listed (prefix tenant-99999)': page.namespaces.map((n) => `${n.name}:${n.recordCount}`).join(' '),
  },
  ratio: median(manyStartups) / median(oneStartups),
  target: 2,
  targetKind: 'max',
});
