/**
 * Snapshots (eviction, shutdown, compaction): a namespace reloaded from its snapshot (plus the log
 * written after it) is identical to the one written; a crash in the middle of writing one leaves
 * the previous log in force; a corrupt block is cut off, never loaded in part.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalIndex } from '../../src/engine/engine.js';
import { namespaceDir } from '../../src/engine/paths.js';
import type { EngineNamespace } from '../../src/engine/types.js';
import { engineOn, tempDir } from './helpers.js';

const spec = { name: 'snap', dimension: 8, metric: 'dotproduct' as const };
const values = (i: number) => Array.from({ length: 8 }, (_, j) => Math.sin(i * 8 + j));

async function fill(ns: EngineNamespace, from: number, to: number) {
  await ns.upsert(
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      return {
        id: `r${i}`,
        values: values(i),
        metadata: { n: i, tags: [`t${i % 3}`], even: i % 2 === 0 },
        ...(i % 5 === 0 ? { sparseValues: { indices: [i, i + 1], values: [0.5, -1.25] } } : {}),
      };
    }),
  );
}

async function state(index: LocalIndex) {
  const ns = index.namespace('n');
  const ids = (await ns.list({ limit: 10_000 })).ids;
  return {
    records: await ns.fetch(ids),
    count: await ns.count(),
    size: await ns.sizeBytes(),
    even: await ns.count({ filter: { even: { $eq: true } } as never }),
    query: await ns.query({
      vector: values(7),
      sparseVector: { indices: [10, 11], values: [1, 1] },
      topK: 20,
      includeValues: true,
      includeMetadata: true,
    }),
  };
}

describe('snapshots', () => {
  const dir = tempDir();
  const box = engineOn(dir, { snapshotMinBytes: 1 });
  const logPath = () => join(namespaceDir(join(dir, 'indexes', spec.name), 'n'), 'wal.log');

  it('reloads a snapshot and the log after it identically', async () => {
    let index = await box.engine.openIndex(spec);
    const ns = index.namespace('n');
    await fill(ns, 0, 300);
    await ns.deleteIds(['r3', 'r299']);
    await ns.update('r10', { values: values(1000), setMetadata: { n: -1 } });
    const before = await state(index);
    index = await (await box.reopen()).openIndex(spec);
    expect(readFileSync(logPath())[8], 'closing wrote a snapshot block').toBe(9);
    expect(await state(index)).toEqual(before);
    // More writes after the snapshot, then a reopen that keeps the tail as it is.
    await fill(index.namespace('n'), 300, 350);
    await index.namespace('n').deleteIds(['r20']);
    const after = await state(index);
    index = await (await box.reopen({ snapshotMinBytes: 1e12 })).openIndex(spec);
    expect(await state(index)).toEqual(after);
    const listed = await index.listNamespaces({ limit: 10 });
    expect(listed.namespaces).toEqual([{ name: 'n', recordCount: after.count }]);
  });

  it('keeps the previous log when a crash interrupts a snapshot, and cuts a corrupt block', async () => {
    let index = await box.engine.openIndex(spec);
    const before = await state(index);
    await box.engine.close();
    // A crash while writing the snapshot leaves a partial temp file beside an intact log.
    const log = readFileSync(logPath());
    writeFileSync(`${logPath()}.tmp`, log.subarray(0, Math.floor(log.length / 2)));
    index = await (await box.reopen()).openIndex(spec);
    expect(await state(index)).toEqual(before);
    expect(existsSync(`${logPath()}.tmp`)).toBe(false);
    await box.engine.close();
    const snapshot = readFileSync(logPath());
    expect(snapshot[8]).toBe(9);
    // A flipped bit in the values of the first block: it and all after it are cut off.
    snapshot[8 + snapshot.readUInt32LE(0) - 5]! ^= 0xff;
    writeFileSync(logPath(), snapshot);
    index = await (await box.reopen()).openIndex(spec);
    expect(await index.namespace('n').count()).toBe(0);
    expect(statSync(logPath()).size).toBe(0);
  });
});
