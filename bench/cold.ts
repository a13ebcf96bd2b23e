/**
 * cold: (1) the first query on an evicted 10,000 × 768 namespace: evicted under the memory budget by
 * another namespace's use (eviction writes its snapshot), then loaded on demand (a bulk read of the
 * snapshot into the segments), next to a hot query and to reading the same file whole in the same
 * process (the bulk-read floor); and the same after a restart; (2) start-up time (open the engine
 * and index, answer one query) with 1,000,000 namespaces on disk against the same with 1. The
 * million namespaces are written straight in the engine's on-disk format (one directory and log
 * each, plus a catalog), which is far quicker than a million fsynced upserts (still minutes:
 * `npm run bench -- cold quick` skips part 2).
 * Headline: first query after eviction / 50 ms (our target: ≤ 1). Start-up with 1,000,000 / with 1
 * (target ≤ 2: start-up must not read namespaces) is reported beside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogFileName, encodeCatalog } from '../src/engine/catalog.js';
import { Engine } from '../src/engine/engine.js';
import { encodeEntry } from '../src/engine/log-entry.js';
import { namespaceDir } from '../src/engine/paths.js';
import { encodeFrame, sealFrame } from '../src/engine/wal.js';
import { ingest, median, randomVectors, tempEngine } from './lib-engine.js';
import { report } from './report.js';

const MANY = 1_000_000;
const TARGET_MS = 50;
const quick = process.argv[3] === 'quick';
const ONES = new Float32Array(8).fill(1);
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

// (1) Two 10,000 × 768 namespaces (about 31 MB each) under a 48 MiB budget: using the second
// evicts the first.
const one = tempEngine({ memoryBudgetBytes: 48 * 1024 ** 2 });
let docs = await one.engine.openIndex(large);
await ingest(docs.namespace('evicted'), randomVectors(10_000, 768));
await ingest(docs.namespace('other'), randomVectors(10_000, 768, 9));
await docs.closed('evicted');
if (docs.isLoaded('evicted')) throw new Error('the namespace was not evicted');
const query = Array.from(randomVectors(1, 768, 5).data);
let start = performance.now();
await docs.namespace('evicted').query({ vector: query, topK: 10 });
const firstQueryMs = performance.now() - start;
await docs.closed('other');
const hot: number[] = [];
for (let i = 0; i < 9; i++) {
  start = performance.now();
  await docs.namespace('evicted').query({ vector: query, topK: 10 });
  hot.push(performance.now() - start);
}
const logPath = join(namespaceDir(docs.dir, 'evicted'), 'wal.log');
const reads: number[] = [];
let logBytes = 0;
for (let i = 0; i < 3; i++) {
  start = performance.now();
  logBytes = (await readFile(logPath)).length;
  reads.push(performance.now() - start);
}
await (await one.engine.openIndex(small))
  .namespace('tenant-0')
  .upsert([{ id: 'a', values: Array(8).fill(1) }]);
await one.engine.close();
let engine = new Engine(one.dir);
start = performance.now();
docs = await engine.openIndex(large);
await docs.namespace('evicted').query({ vector: query, topK: 10 });
const restartMs = performance.now() - start;
await engine.close();
const oneStartups = [await startup(one.dir), await startup(one.dir), await startup(one.dir)];

// (2) a million namespaces.
let manyStartups = [Number.NaN];
let layoutS = Number.NaN;
let firstListMs = Number.NaN;
let nextListMs = Number.NaN;
let listed = '';
if (!quick) {
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
    const frame = sealFrame(encodeEntry({ t: 'put', r: [{ id: 'a', slot: 0, values: ONES }] }, 8).frame);
    writeFileSync(join(dir, 'wal.log'), frame);
    names.push(['+', name, 1, frame.length]);
  }
  const catalog = Buffer.concat(
    Array.from({ length: Math.ceil(MANY / 10_000) }, (_, i) =>
      encodeFrame(encodeCatalog(names.slice(i * 10_000, (i + 1) * 10_000))),
    ),
  );
  writeFileSync(join(indexDir, catalogFileName(1, 0)), catalog);
  layoutS = (performance.now() - start) / 1000;
  manyStartups = [await startup(many.dir), await startup(many.dir), await startup(many.dir)];
  engine = new Engine(many.dir);
  const index = await engine.openIndex(small);
  start = performance.now();
  const page = await index.listNamespaces({ prefix: 'tenant-99999', limit: 5 });
  firstListMs = performance.now() - start;
  listed = page.namespaces.map((n) => `${n.name}:${n.recordCount}`).join(' ');
  start = performance.now();
  await index.listNamespaces({ prefix: 'tenant-5', limit: 100 });
  nextListMs = performance.now() - start;
  await engine.close();
  await many.dispose();
}
await one.dispose();

report({
  name: 'cold',
  figures: {
    'first query after eviction, 10,000 × 768 namespace ms': firstQueryMs,
    'hot query on it ms (median)': median(hot),
    'reading its log whole (readFile, median of 3) ms': median(reads),
    'its log bytes (a snapshot)': logBytes,
    'first query after eviction / hot query': firstQueryMs / median(hot),
    'first query after eviction / (readFile + hot query)': firstQueryMs / (median(reads) + median(hot)),
    'open engine + index + first query on it after a restart ms': restartMs,
    'start-up + first query, 1 namespace ms (median of 3)': median(oneStartups),
    'start-up + first query, 1,000,000 namespaces ms (median of 3)': median(manyStartups),
    'start-up ratio 1,000,000 / 1 namespaces (target ≤ 2)': median(manyStartups) / median(oneStartups),
    'writing the 1,000,000-namespace layout s': layoutS,
    'first listNamespaces (reads the catalog) ms': firstListMs,
    'later listNamespaces page of 100 ms': nextListMs,
    'listed (prefix tenant-99999)': listed,
  },
  ratio: firstQueryMs / TARGET_MS,
  target: 1,
  targetKind: 'max',
});
