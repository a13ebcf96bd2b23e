/**
 * The VectorRepository contract: the same cases against every backend (embedded engine in process,
 * and PineconeRepository → SDK → our Pinecone-compatible server). Register with
 * `vectorRepositoryContract(name, open)`; `open` returns a fresh repository (not yet initialised).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilter } from '../../src/engine/filter.js';
import type { IndexSpec, NamespaceStore, VectorRepository } from '../../src/repository/types.js';
import { tenantNamespace } from '../../src/tenancy/namespace.js';

export interface ContractTarget {
  repository: VectorRepository;
  close(): Promise<void>;
}

const COSINE: IndexSpec = { name: 'contract-cosine', dimension: 3, metric: 'cosine' };
const EUCLID: IndexSpec = { name: 'contract-euclid', dimension: 2, metric: 'euclidean' };

const query = { includeValues: false, includeMetadata: false };

export function vectorRepositoryContract(name: string, open: () => Promise<ContractTarget>): void {
  describe(`VectorRepository contract: ${name}`, () => {
    let target: ContractTarget;
    let repo: VectorRepository;
    let n = 0;
    /** A fresh tenant namespace per case, so cases never see each other's records. */
    const fresh = (index = COSINE): { store: NamespaceStore; tenant: string } => {
      const tenant = `contract-${name}-${++n}`;
      return { store: repo.store(index, tenantNamespace(tenant)), tenant };
    };
    const seed = (store: NamespaceStore) =>
      store.upsert([
        { id: 'a', values: [1, 0, 0], metadata: { genre: 'comedy', year: 2001 } },
        { id: 'b', values: [0.9, 0.1, 0], metadata: { genre: 'drama', year: 2010, tags: ['x', 'y'] } },
        { id: 'c', values: [0, 1, 0], metadata: { genre: 'comedy', year: 2020 } },
        { id: 'd', values: [0, 0, 1] },
      ]);

    beforeAll(async () => {
      target = await open();
      repo = target.repository;
      await repo.init([COSINE, EUCLID]);
      // init is idempotent: a second start finds the indexes and keeps them.
      await repo.init([COSINE, EUCLID]);
    });
    afterAll(() => target?.close());

    it('upserts and fetches records, leaving missing ids out, in the order asked', async () => {
      const { store } = fresh();
      expect(await seed(store)).toBe(4);
      const { records, usage } = await store.fetch(['c', 'missing', 'a']);
      expect(records.map((r) => r.id)).toEqual(['c', 'a']);
      expect(records[1]!.metadata).toEqual({ genre: 'comedy', year: 2001 });
      expect(records[1]!.values).toEqual([1, 0, 0]);
      expect(usage.readUnits).toBe(1);
    });

    it('upsert overwrites a record completely', async () => {
      const { store } = fresh();
      await seed(store);
      await store.upsert([{ id: 'a', values: [0, 1, 0] }]);
      const [a] = (await store.fetch(['a'])).records;
      expect(a!.values).toEqual([0, 1, 0]);
      expect(a!.metadata ?? {}).toEqual({});
    });

    it('queries by vector: cosine, best first, values and metadata only when asked', async () => {
      const { store } = fresh();
      await seed(store);
      const plain = await store.query({ ...query, vector: [1, 0, 0], topK: 2 });
      expect(plain.matches.map((m) => m.id)).toEqual(['a', 'b']);
      expect(plain.matches[0]!.score).toBeCloseTo(1, 5);
      expect(plain.matches[1]!.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
      expect(plain.matches[0]!.values).toBeUndefined();
      expect(plain.matches[0]!.metadata).toBeUndefined();
      expect(plain.usage.readUnits).toBeCloseTo(0.25);
      const full = await store.query({
        vector: [1, 0, 0],
        topK: 1,
        includeValues: true,
        includeMetadata: true,
      });
      expect(full.matches[0]).toMatchObject({ id: 'a', values: [1, 0, 0], metadata: { genre: 'comedy' } });
    });

    it('queries by the stored vector of an id', async () => {
      const { store } = fresh();
      await seed(store);
      const { matches } = await store.query({ ...query, id: 'c', topK: 2 });
      expect(matches[0]).toMatchObject({ id: 'c' });
      expect(matches[0]!.score).toBeCloseTo(1, 5);
    });

    it('queries with a metadata filter (list fields match any element)', async () => {
      const { store } = fresh();
      await seed(store);
      const comedy = await store.query({
        ...query,
        vector: [1, 0, 0],
        topK: 10,
        filter: parseFilter({ genre: 'comedy', year: { $gte: 2001 } }),
      });
      expect(comedy.matches.map((m) => m.id)).toEqual(['a', 'c']);
      const tagged = await store.query({
        ...query,
        vector: [1, 0, 0],
        topK: 10,
        filter: parseFilter({ tags: 'y' }),
      });
      expect(tagged.matches.map((m) => m.id)).toEqual(['b']);
    });

    it('euclidean scores are squared distances, sorted ascending', async () => {
      const { store } = fresh(EUCLID);
      await store.upsert([
        { id: 'far', values: [3, 4] },
        { id: 'near', values: [1, 0] },
        { id: 'mid', values: [2, 2] },
      ]);
      const { matches } = await store.query({ ...query, vector: [0.0001, 0], topK: 3 });
      expect(matches.map((m) => m.id)).toEqual(['near', 'mid', 'far']);
      expect(matches[2]!.score).toBeCloseTo(25, 2);
    });

    it('update replaces values and merges metadata; a missing id is false', async () => {
      const { store } = fresh();
      await seed(store);
      expect(await store.update('a', { values: [0, 0, 1], setMetadata: { year: 1999, lang: 'en' } })).toBe(
        true,
      );
      const [a] = (await store.fetch(['a'])).records;
      expect(a!.values).toEqual([0, 0, 1]);
      expect(a!.metadata).toEqual({ genre: 'comedy', year: 1999, lang: 'en' });
      expect(await store.update('nope', { setMetadata: { x: 'y' } })).toBe(false);
      expect((await store.fetch(['nope'])).records).toEqual([]);
    });

    it('deletes by ids, by filter and all', async () => {
      const { store } = fresh();
      await seed(store);
      const byIds = await store.deleteIds(['a', 'missing']);
      expect(byIds === null || byIds === 1).toBe(true);
      expect((await store.fetch(['a', 'b'])).records.map((r) => r.id)).toEqual(['b']);
      await store.deleteByFilter(parseFilter({ genre: 'comedy' }));
      expect((await store.list({ limit: 100 })).ids).toEqual(['b', 'd']);
      await store.deleteAll();
      expect(await store.count()).toBe(0);
    });

    it('lists ids in order, by prefix, with pagination', async () => {
      const { store } = fresh();
      const ids = Array.from({ length: 25 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);
      await store.upsert([...ids, 'other-1', 'other-2'].map((id) => ({ id, values: [1, 1, 0] })));
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.list({ prefix: 'doc-', limit: 10, after });
        seen.push(...page.ids);
        after = page.next;
        pages++;
      } while (after);
      expect(seen).toEqual(ids);
      expect(pages).toBe(3);
      expect(await store.count()).toBe(27);
      expect(await store.count({ prefix: 'doc-' })).toBe(25);
      expect(await store.count({ prefix: 'zzz' })).toBe(0);
    });

    it('keeps namespaces apart', async () => {
      const one = fresh();
      const two = fresh();
      await seed(one.store);
      expect((await two.store.fetch(['a'])).records).toEqual([]);
      expect((await two.store.query({ ...query, vector: [1, 0, 0], topK: 5 })).matches).toEqual([]);
      expect(await two.store.count()).toBe(0);
    });

    it('lists namespaces with record counts, by prefix and page', async () => {
      const made = [fresh(), fresh(), fresh()];
      for (const { store } of made) await store.upsert([{ id: 'x', values: [1, 0, 0] }]);
      await made[2]!.store.upsert([{ id: 'y', values: [0, 1, 0] }]);
      const prefix = `contract-${name}-`;
      const all = await repo.listNamespaces(COSINE, { prefix, limit: 100 });
      const counts = new Map(all.namespaces.map((ns) => [ns.name, ns.recordCount]));
      expect(counts.get(made[0]!.tenant)).toBe(1);
      expect(counts.get(made[2]!.tenant)).toBe(2);
      expect(all.namespaces.every((ns) => ns.name.startsWith(prefix))).toBe(true);
      const first = await repo.listNamespaces(COSINE, { prefix, limit: 2 });
      expect(first.namespaces).toHaveLength(2);
      expect(first.next).toBeDefined();
      const second = await repo.listNamespaces(COSINE, { prefix, limit: 100, after: first.next });
      expect([...first.namespaces, ...second.namespaces].map((ns) => ns.name)).toEqual(
        all.namespaces.map((ns) => ns.name),
      );
    });

    it('deletes a namespace, reporting what it held', async () => {
      const { store, tenant } = fresh();
      await seed(store);
      expect(await repo.deleteNamespace(COSINE, tenantNamespace(tenant))).toEqual({
        existed: true,
        recordCount: 4,
      });
      expect(await store.count()).toBe(0);
      expect((await store.fetch(['a'])).records).toEqual([]);
      expect(await repo.deleteNamespace(COSINE, tenantNamespace(tenant))).toEqual({
        existed: false,
        recordCount: 0,
      });
      const listed = await repo.listNamespaces(COSINE, { prefix: tenant, limit: 10 });
      expect(listed.namespaces.filter((ns) => ns.name === tenant)).toEqual([]);
    });

    it('answers readiness', async () => {
      await expect(repo.ping()).resolves.toBeUndefined();
    });
  });
}
