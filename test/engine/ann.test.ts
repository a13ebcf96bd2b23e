/**
 * HNSW: recall@10 ≥ 0.95 on a fixed seeded dataset (including filtered ANN), new records found at
 * once through the exact tail scan, and a namespace evicted under the memory budget reloads its
 * saved graph (no rebuild) and answers exactly as before.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusteredVectors, exactTopK, recallAt, row } from '../../bench/lib-vectors.js';
import { parseFilter } from '../../src/engine/filter.js';
import { namespaceDir } from '../../src/engine/paths.js';
import { engineOn, tempDir } from './helpers.js';

const COUNT = 12_000;
const DIM = 48;
const QUERIES = 100;
const generator = clusteredVectors(COUNT, DIM, 4242);
const data = generator.data;
const queries = generator.next(QUERIES);
const group = (i: number) => (i % 100 === 0 ? 'rare' : i % 3 === 0 ? 'third' : 'rest');

describe('HNSW search', () => {
  const dir = tempDir();
  const options = { hnswThreshold: 5_000, hnswThreads: 2, memoryBudgetBytes: 64 * 1024 ** 2 };
  const box = engineOn(dir, options);
  const spec = { name: 'ann', dimension: DIM, metric: 'cosine' as const };
  const ask = async (i: number, filter?: Record<string, unknown>) => {
    const ns = (await box.engine.openIndex(spec)).namespace('big');
    const found = await ns.query({
      vector: Array.from(row(queries, i)),
      topK: 10,
      filter: filter && parseFilter(filter),
    });
    return found.map((m) => Number(m.id));
  };

  it('builds a graph in the background and reaches recall@10 ≥ 0.95', async () => {
    const ns = (await box.engine.openIndex(spec)).namespace('big');
    for (let start = 0; start < COUNT; start += 1000) {
      await ns.upsert(
        Array.from({ length: 1000 }, (_, j) => ({
          id: String(start + j),
          values: Array.from(row(data, start + j)),
          metadata: { group: group(start + j) },
        })),
      );
    }
    expect(await ns.indexed()).toEqual({ indexed: COUNT, tail: 0 });
    let recall = 0;
    for (let i = 0; i < QUERIES; i++) recall += recallAt(await ask(i), exactTopK(data, row(queries, i), 10));
    expect(recall / QUERIES).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps recall under selective and broad filters', async () => {
    for (const g of ['rare', 'third']) {
      const rows = Array.from({ length: COUNT }, (_, i) => i).filter((i) => group(i) === g);
      let recall = 0;
      for (let i = 0; i < 30; i++) {
        const found = await ask(i, { group: g });
        expect(found.every((id) => group(id) === g)).toBe(true);
        recall += recallAt(found, exactTopK(data, row(queries, i), 10, rows));
      }
      expect(recall / 30, g).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds a record upserted after the build at once (exact tail scan)', async () => {
    const ns = (await box.engine.openIndex(spec)).namespace('big');
    const values = Array.from(row(queries, 0), (x) => -x);
    await ns.upsert([{ id: 'fresh', values }]);
    expect((await ns.query({ vector: values, topK: 1 }))[0]?.id).toBe('fresh');
    await ns.deleteIds(['fresh', '17']);
    const found = await ns.query({ vector: Array.from(row(data, 17)), topK: 10 });
    expect(found.map((m) => m.id)).not.toContain('17');
  });

  it('evicts under the memory budget and reloads the saved graph with identical results', async () => {
    const index = await box.engine.openIndex(spec);
    const before = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i)));
    const graphFiles = () =>
      readdirSync(namespaceDir(index.dir, 'big')).filter((f) => f.endsWith('.usearch'));
    const saved = graphFiles();
    // Fill the 64 MiB budget with other namespaces: the big one (about 3 MB) is evicted first.
    const filler = Array.from({ length: 2000 }, (_, i) => ({
      id: String(i),
      values: Array.from(row(data, i)),
    }));
    for (let n = 0; index.isLoaded('big'); n++) {
      await index.namespace(`filler-${n}`).upsert(filler);
      expect(n).toBeLessThan(200);
    }
    expect(box.engine.residentBytes).toBeLessThanOrEqual(options.memoryBudgetBytes);
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i)));
    expect(index.isLoaded('big')).toBe(true);
    expect(after).toEqual(before);
    expect(graphFiles()).toEqual(saved);
    await box.reopen();
    expect(await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i)))).toEqual(before);
  });
});
