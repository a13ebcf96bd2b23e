/**
 * ingest: durable upserts/s of 768-d vectors in batches of 100 (each acknowledged only after fsync)
 * against writing the same number of bytes per batch with fsync in the same process. Sequential
 * (one batch at a time) is the headline; 8 concurrent writers show group commit. The HNSW threshold
 * is off here so a background graph build (its own file writes and fsyncs) does not share the disk.
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { encodeEntry } from '../src/engine/log-entry.js';
import { randomVectors, tempEngine } from './lib-engine.js';
import { report } from './report.js';

const DIM = 768;
const BATCH = 100;
const BATCHES = 300;
const set = randomVectors(BATCH * BATCHES, DIM);
const batch = (b: number, prefix: string) =>
  Array.from({ length: BATCH }, (_, i) => ({
    id: `${prefix}-${b * BATCH + i}`,
    values: Array.from(set.data.subarray((b * BATCH + i) * DIM, (b * BATCH + i + 1) * DIM)),
    metadata: { source: 'bench', n: i },
  }));
const prepared = Array.from({ length: BATCHES }, (_, b) => batch(b, 's'));
// The engine's whole log frame for one batch (header, ids and metadata JSON, values).
const batchBytes = encodeEntry({ t: 'put', r: prepared[0]!.map((r, i) => ({ ...r, slot: i })) }, DIM).frame
  .length;

const { dir, engine, dispose } = tempEngine({ hnswThreshold: Number.POSITIVE_INFINITY });
const ns = (await engine.openIndex({ name: 'ingest', dimension: DIM, metric: 'cosine' })).namespace('n');

// Baseline: the same bytes per batch, write + fdatasync, one after another.
const path = join(dir, 'baseline.bin');
const fd = openSync(path, 'a');
const bytes = Buffer.alloc(batchBytes, 1);
let start = performance.now();
for (let b = 0; b < BATCHES; b++) {
  writeSync(fd, bytes);
  fdatasyncSync(fd);
}
const baselineS = (performance.now() - start) / 1000;
closeSync(fd);
rmSync(path);

start = performance.now();
for (let b = 0; b < BATCHES; b++) await ns.upsert(prepared[b]!);
const sequentialS = (performance.now() - start) / 1000;

const concurrent = Array.from({ length: BATCHES }, (_, b) => batch(b, 'c'));
start = performance.now();
await Promise.all(
  Array.from({ length: 8 }, async (_, w) => {
    for (let b = w; b < BATCHES; b += 8) await ns.upsert(concurrent[b]!);
  }),
);
const concurrentS = (performance.now() - start) / 1000;
await dispose();

const records = BATCH * BATCHES;
report({
  name: 'ingest',
  figures: {
    dimension: DIM,
    'batch size': BATCH,
    'bytes per batch': batchBytes,
    'baseline write+fdatasync records/s': records / baselineS,
    'engine durable upserts/s (sequential)': records / sequentialS,
    'engine durable upserts/s (8 concurrent writers, group commit)': records / concurrentS,
  },
  ratio: baselineS / sequentialS,
  target: 0.5,
});
