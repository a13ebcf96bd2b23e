/** Engine behaviour on real disk: CRUD, scores per metric, hybrid, recovery, compaction, catalog. */
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../src/engine/filter.js';
import { namespaceDir } from '../../src/engine/paths.js';
import { encodeFrame } from '../../src/engine/wal.js';
import { engineOn, tempDir } from './helpers.js';

const v8 = (x: number) => Array(8).fill(x);

describe('engine', () => {
  const dir = tempDir();
  const box = engineOn(dir);

  it("answers the guide's tenant2 query in Pinecone's order (cosine ties by insertion)", async () => {
    const index = await box.engine.openIndex({ name: 'guide', dimension: 8, metric: 'cosine' });
    const ns = index.namespace('tenant2');
    await ns.upsert(['E', 'F', 'G', 'H'].map((id, i) => ({ id, values: v8(0.5 + i / 10) })));
    const matches = await ns.query({ vector: v8(0.7), topK: 3, includeValues: true });
    expect(matches.map((m) => m.id)).toEqual(['F', 'E', 'G']);
    expect(matches[0]!.values).toEqual(v8(0.6));
  });

  it('scores dotproduct, euclidean (ascending) and hybrid dense + sparse', async () => {
    const dot = (await box.engine.openIndex({ name: 'dot', dimension: 2, metric: 'dotproduct' })).namespace(
      'n',
    );
    await dot.upsert([
      { id: 'a', values: [1, 0], sparseValues: { indices: [7], values: [2] } },
      { id: 'b', values: [2, 0] },
      { id: 'c', values: [0, 3], sparseValues: { indices: [7, 9], values: [1, 5] } },
    ]);
    expect((await dot.query({ vector: [1, 0], topK: 3 })).map((m) => [m.id, m.score])).toEqual([
      ['b', 2],
      ['a', 1],
      ['c', 0],
    ]);
    const hybrid = await dot.query({
      vector: [1, 0],
      sparseVector: { indices: [7, 9], values: [1, 1] },
      topK: 3,
    });
    expect(hybrid.map((m) => [m.id, m.score])).toEqual([
      ['c', 6],
      ['a', 3],
      ['b', 2],
    ]);
    const l2 = (await box.engine.openIndex({ name: 'l2', dimension: 2, metric: 'euclidean' })).namespace('n');
    await l2.upsert([
      { id: 'far', values: [5, 5] },
      { id: 'near', values: [1, 1] },
    ]);
    expect((await l2.query({ vector: [0, 0], topK: 2 })).map((m) => [m.id, m.score])).toEqual([
      ['near', 2],
      ['far', 50],
    ]);
  });

  it('makes updates and deletes (by id, filter, all) visible to the next query', async () => {
    const index = await box.engine.openIndex({ name: 'crud', dimension: 4, metric: 'cosine' });
    const ns = index.namespace('t');
    await ns.upsert([
      { id: 'a', values: [1, 0, 0, 0], metadata: { kind: 'x' } },
      { id: 'b', values: [0, 1, 0, 0], metadata: { kind: 'y' } },
      { id: 'c', values: [0, 0, 1, 0], metadata: { kind: 'y' } },
    ]);
    expect(await ns.update('a', { values: [0, 0, 0, 1], setMetadata: { extra: true } })).toBe(true);
    expect(await ns.update('zz', { setMetadata: { extra: true } })).toBe(false);
    expect((await ns.query({ vector: [0, 0, 0, 1], topK: 1, includeMetadata: true }))[0]).toMatchObject({
      id: 'a',
      metadata: { kind: 'x', extra: true },
    });
    expect(await ns.updateByFilter(parseFilter({ kind: 'y' }), { setMetadata: { kind: 'z' } })).toBe(2);
    expect(await ns.count({ filter: parseFilter({ kind: 'z' }) })).toBe(2);
    expect(await ns.deleteByFilter(parseFilter({ kind: 'z' }))).toBe(2);
    expect((await ns.query({ vector: [0, 1, 0, 0], topK: 5 })).map((m) => m.id)).toEqual(['a']);
    expect(await ns.deleteIds(['a', 'nope'])).toBe(1);
    await ns.upsert([{ id: 'd', values: [1, 1, 1, 1] }]);
    expect(await ns.deleteAll()).toBe(1);
    expect(await ns.query({ vector: [1, 1, 1, 1], topK: 5 })).toEqual([]);
  });

  it('recovers after reopen, ignoring a torn tail, and reads logs of the first engine', async () => {
    const index = await box.engine.openIndex({ name: 'torn', dimension: 2, metric: 'cosine' });
    await index.namespace('t').upsert([{ id: 'kept', values: [1, 2], metadata: { n: 1 } }]);
    const legacyDir = namespaceDir(index.dir, 'old');
    await box.reopen();
    const log = join(namespaceDir(index.dir, 't'), 'wal.log');
    appendFileSync(log, Buffer.from([200, 0, 0, 0, 1, 2, 3]));
    const legacy = { t: 'put', r: [{ id: 'legacy', values: [0.5, 0.25], metadata: { g: 'a' } }] };
    await import('node:fs/promises').then((fs) => fs.mkdir(legacyDir, { recursive: true }));
    writeFileSync(join(legacyDir, 'wal.log'), encodeFrame(Buffer.from(JSON.stringify(legacy))));
    const reopened = await box.engine.openIndex({ name: 'torn', dimension: 2, metric: 'cosine' });
    expect(await reopened.namespace('t').fetch(['kept'])).toEqual([
      { id: 'kept', values: [1, 2], metadata: { n: 1 } },
    ]);
    await reopened.namespace('t').upsert([{ id: 'after', values: [3, 4] }]);
    expect(await reopened.namespace('old').fetch(['legacy'])).toEqual([
      { id: 'legacy', values: [0.5, 0.25], metadata: { g: 'a' } },
    ]);
    await box.reopen();
    const again = await box.engine.openIndex({ name: 'torn', dimension: 2, metric: 'cosine' });
    expect((await again.namespace('t').fetch(['kept', 'after'])).map((r) => r.id)).toEqual(['kept', 'after']);
  });

  it('compacts a churning log so the file stays near the live data', async () => {
    await box.reopen({ compactMinBytes: 64 * 1024 });
    const index = await box.engine.openIndex({ name: 'churn', dimension: 64, metric: 'cosine' });
    const ns = index.namespace('t');
    for (let round = 0; round < 40; round++) {
      await ns.upsert(
        Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, values: Array(64).fill(round + i) })),
      );
    }
    const log = join(namespaceDir(index.dir, 't'), 'wal.log');
    await new Promise((r) => setTimeout(r, 100));
    expect(statSync(log).size).toBeLessThan(3 * 50 * (64 * 4 + 30) + 64 * 1024);
    await box.reopen();
    const reopened = await box.engine.openIndex({ name: 'churn', dimension: 64, metric: 'cosine' });
    const [record] = await reopened.namespace('t').fetch(['r3']);
    expect(record?.values?.[0]).toBe(39 + 3);
    expect(await reopened.namespace('t').count()).toBe(50);
  });

  it('lists namespaces and their counts from the catalog without loading them', async () => {
    const index = await box.engine.openIndex({ name: 'many', dimension: 2, metric: 'cosine' });
    for (let i = 0; i < 30; i++) {
      await index.namespace(`ns-${String(i).padStart(2, '0')}`).upsert([{ id: 'x', values: [1, i] }]);
    }
    await index.namespace('ns-05').upsert([{ id: 'y', values: [1, 1] }]);
    await box.reopen();
    const reopened = await box.engine.openIndex({ name: 'many', dimension: 2, metric: 'cosine' });
    const first = await reopened.listNamespaces({ prefix: 'ns-', limit: 10 });
    expect(first.namespaces.map((n) => n.name)).toEqual(Array.from({ length: 10 }, (_, i) => `ns-0${i}`));
    expect(first.namespaces[5]).toEqual({ name: 'ns-05', recordCount: 2 });
    const second = await reopened.listNamespaces({ prefix: 'ns-', limit: 25, after: first.next });
    expect(second.namespaces).toHaveLength(20);
    expect(second.next).toBeUndefined();
    expect(reopened.isLoaded('ns-05')).toBe(false);
    // A count the catalog did not see (crash before it was written) is noticed and recounted.
    appendFileSync(join(namespaceDir(reopened.dir, 'ns-07'), 'wal.log'), Buffer.alloc(3));
    const page = await reopened.listNamespaces({ prefix: 'ns-07', limit: 1 });
    expect(page.namespaces).toEqual([{ name: 'ns-07', recordCount: 1 }]);
    expect(reopened.isLoaded('ns-07')).toBe(true);
    expect(readdirSync(reopened.dir).filter((f) => f.startsWith('catalog-')).length).toBeGreaterThan(0);
  });
});
