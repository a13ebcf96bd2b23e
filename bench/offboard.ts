/**
 * offboard: time to delete a 1,000,000-vector namespace (64-d) divided by the time to delete a
 * 1,000-vector one, both evicted (a fresh engine on the same data, catalog already read) and, for the
 * large one, also while loaded. Deletion renames the directory into the trash (O(1)); the space is
 * reclaimed in the background, timed separately.
 */
import { existsSync, readdirSync } from 'node:fs';
import { Engine } from '../src/engine/engine.js';
import { trashDir } from '../src/engine/paths.js';
import { median, randomVectors, tempEngine } from './lib-engine.js';
import { report } from './report.js';

const DIM = 64;
const BIG = 1_000_000;
const SMALL = 1_000;
const spec = { name: 'offboard', dimension: DIM, metric: 'cosine' as const };
const options = { hnswThreshold: Number.POSITIVE_INFINITY, memoryBudgetBytes: 8 * 1024 ** 3 };
const set = randomVectors(10_000, DIM);
const records = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    values: Array.from(set.data.subarray((i % 10_000) * DIM, ((i % 10_000) + 1) * DIM)),
  }));

const { dir, engine, dispose } = tempEngine(options);
let index = await engine.openIndex(spec);
for (const name of ['big-cold', 'big-hot']) {
  for (let start = 0; start < BIG; start += 10_000) {
    await index.namespace(name).upsert(records(`${start}-`, 10_000));
  }
}
for (let n = 0; n < 5; n++) await index.namespace(`small-${n}`).upsert(records('', SMALL));
await engine.close();

const fresh = new Engine(dir, options);
index = await fresh.openIndex(spec);
await index.listNamespaces({ limit: 1 });
const trash = trashDir(index.dir);
/** Waits for the background removal of earlier deletions (it competes for the file system's journal). */
const reclaimed = async () => {
  while (existsSync(trash) && readdirSync(trash).length > 0) await new Promise((r) => setTimeout(r, 20));
};
const time = async (name: string) => {
  await reclaimed();
  const start = performance.now();
  const { recordCount } = await index.deleteNamespace(name);
  const ms = performance.now() - start;
  if (recordCount !== (name.startsWith('big') ? BIG : SMALL))
    throw new Error(`${name}: ${recordCount} records`);
  return ms;
};
const smallTimes: number[] = [];
for (let n = 0; n < 5; n++) smallTimes.push(await time(`small-${n}`));
const smallMs = median(smallTimes);
const bigColdMs = await time('big-cold');
await index.namespace('big-hot').count();
const bigHotMs = await time('big-hot');
const start = performance.now();
await reclaimed();
const reclaimMs = performance.now() - start;
await fresh.close();
await dispose();

report({
  name: 'offboard',
  figures: {
    dimension: DIM,
    'delete 1,000-vector namespace ms (median of 5)': smallMs,
    'delete 1,000,000-vector namespace ms (evicted)': bigColdMs,
    'delete 1,000,000-vector namespace ms (loaded)': bigHotMs,
    'background space reclaim ms (1,000,000 vectors, loaded one)': reclaimMs,
  },
  ratio: Math.max(bigColdMs, bigHotMs) / smallMs,
  target: 2,
  targetKind: 'max',
});
