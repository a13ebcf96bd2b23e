/**
 * Namespace lifecycle: deleting a namespace takes about as long whatever its size and reclaims its
 * space; a large search yields so other tenants' small requests are not stalled behind it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namespaceDir, trashDir } from '../../src/engine/paths.js';
import { engineOn, tempDir, waitFor } from './helpers.js';

const DIM = 32;
const records = (count: number, sparse = false) =>
  Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    values: Array.from({ length: DIM }, (_, j) => Math.sin(i + j)),
    ...(sparse ? { sparseValues: { indices: [i % 50, 100 + (i % 7)], values: [1, 0.5] } } : {}),
  }));

describe('namespace lifecycle', () => {
  const box = engineOn(tempDir());

  it('deletes a large namespace about as fast as a small one and reclaims the space', async () => {
    const index = await box.engine.openIndex({ name: 'life', dimension: DIM, metric: 'dotproduct' });
    const big = index.namespace('big');
    for (let i = 0; i < 10; i++) await big.upsert(records(5000).map((r) => ({ ...r, id: `${i}-${r.id}` })));
    await index.namespace('small').upsert(records(10));
    const timed = async (name: string) => {
      const start = performance.now();
      const result = await index.deleteNamespace(name);
      return { ms: performance.now() - start, result };
    };
    const small = await timed('small');
    const large = await timed('big');
    expect(large.result).toEqual({ existed: true, recordCount: 50_000 });
    expect(small.result).toEqual({ existed: true, recordCount: 10 });
    expect(large.ms).toBeLessThan(Math.max(50, 5 * small.ms));
    expect(existsSync(namespaceDir(index.dir, 'big'))).toBe(false);
    await waitFor(() => !existsSync(trashDir(index.dir)) || readdirSync(trashDir(index.dir)).length === 0);
    expect(await index.hasNamespace('big')).toBe(false);
    expect((await index.listNamespaces({ limit: 10 })).namespaces).toEqual([]);
    expect(await big.count()).toBe(0);
    expect(await index.deleteNamespace('big')).toEqual({ existed: false, recordCount: 0 });
  });

  it("answers a small tenant's query while a large hybrid scan is running", async () => {
    const index = await box.engine.openIndex({ name: 'busy', dimension: DIM, metric: 'dotproduct' });
    const large = index.namespace('large');
    for (let i = 0; i < 8; i++)
      await large.upsert(records(5000, true).map((r) => ({ ...r, id: `${i}-${r.id}` })));
    const small = index.namespace('small');
    await small.upsert(records(5));
    const order: string[] = [];
    const query = {
      vector: records(1)[0]!.values,
      sparseVector: { indices: [3, 101], values: [1, 1] },
      topK: 5,
    };
    const big = large.query(query).then(() => order.push('large'));
    await new Promise((r) => setImmediate(r));
    const quick = small.query({ vector: records(1)[0]!.values, topK: 1 }).then(() => order.push('small'));
    await Promise.all([big, quick]);
    expect(order).toEqual(['small', 'large']);
  });
});
