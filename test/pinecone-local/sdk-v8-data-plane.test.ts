/**
 * Every data-plane method of the unmodified SDK v8 (API 2026-04) against the engine's
 * Pinecone-compatible server, over real HTTP with the host the server advertises.
 */
import { Errors, type Index } from '@pinecone-database/pinecone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPinecone, startLocalPinecone } from '../testkit/pinecone.js';

describe('SDK v8 data plane against pinecone-local', () => {
  let local: LocalPinecone;
  let index: Index;
  let ns: Index;

  beforeAll(async () => {
    local = await startLocalPinecone();
    await local.client.createIndex({
      name: 'movies',
      dimension: 3,
      metric: 'dotproduct',
      spec: { serverless: { cloud: 'aws', region: 'us-east-1' } },
      waitUntilReady: true,
    });
    index = local.client.index({ name: 'movies' });
    ns = index.namespace('tenant-a');
    await ns.upsert({
      records: [
        { id: 'm1', values: [1, 0, 0], metadata: { genre: 'comedy', year: 2001 } },
        {
          id: 'm2',
          values: [0.5, 0.5, 0],
          sparseValues: { indices: [7], values: [2] },
          metadata: { genre: 'drama' },
        },
        { id: 'm3', values: [0, 1, 0], metadata: { genre: 'comedy', year: 2020, tags: ['a', 'b'] } },
        { id: 'x1', values: [0, 0, 1] },
      ],
    });
  });
  afterAll(async () => {
    expect(local.faults).toEqual([]);
    await local.close();
  });

  it('upsert into the default namespace (sent as __default__) and describeIndexStats', async () => {
    await index.upsert({ records: [{ id: 'd1', values: [1, 1, 1] }] });
    const stats = await index.describeIndexStats();
    expect(stats).toMatchObject({ dimension: 3, indexFullness: 0, totalRecordCount: 5 });
    expect(stats.namespaces).toEqual({ __default__: { recordCount: 1 }, 'tenant-a': { recordCount: 4 } });
  });

  it('query by vector (dotproduct, hybrid with sparse), with includes and usage', async () => {
    const result = await ns.query({ topK: 2, vector: [1, 0, 0], includeMetadata: true, includeValues: true });
    expect(result.namespace).toBe('tenant-a');
    expect(result.matches.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(result.matches[0]).toMatchObject({ score: 1, values: [1, 0, 0], metadata: { genre: 'comedy' } });
    expect(result.usage?.readUnits).toBe(0.25);
    const hybrid = await ns.query({
      topK: 1,
      vector: [0, 0, 0.1],
      sparseVector: { indices: [7], values: [1] },
    });
    expect(hybrid.matches[0]).toMatchObject({ id: 'm2', score: 2 });
    expect(hybrid.matches[0]!.metadata).toBeUndefined();
  });

  it('query by id and with a filter', async () => {
    const byId = await ns.query({ topK: 1, id: 'm3' });
    expect(byId.matches[0]!.id).toBe('m3');
    const filtered = await ns.query({
      topK: 10,
      vector: [1, 1, 0],
      filter: { genre: { $eq: 'comedy' }, year: { $gt: 2010 } },
    });
    expect(filtered.matches.map((m) => m.id)).toEqual(['m3']);
  });

  it('fetch, leaving missing ids out', async () => {
    const result = await ns.fetch({ ids: ['m1', 'nope', 'm2'] });
    expect(Object.keys(result.records).sort()).toEqual(['m1', 'm2']);
    expect(result.records.m2).toMatchObject({ sparseValues: { indices: [7], values: [2] } });
    expect(result.usage?.readUnits).toBe(1);
  });

  it('fetchByMetadata with pagination', async () => {
    const first = await ns.fetchByMetadata({ filter: { genre: 'comedy' }, limit: 1 });
    expect(Object.keys(first.records)).toEqual(['m1']);
    expect(first.pagination?.next).toBeTruthy();
    const second = await ns.fetchByMetadata({
      filter: { genre: 'comedy' },
      limit: 1,
      paginationToken: first.pagination!.next,
    });
    expect(Object.keys(second.records)).toEqual(['m3']);
  });

  it('update by id (values replaced, metadata merged) and by filter', async () => {
    await ns.update({ id: 'x1', values: [0, 0, 2], metadata: { genre: 'horror' } });
    expect((await ns.fetch({ ids: ['x1'] })).records.x1).toMatchObject({
      values: [0, 0, 2],
      metadata: { genre: 'horror' },
    });
    await ns.update({ filter: { genre: 'comedy' }, metadata: { funny: true } });
    const { records } = await ns.fetch({ ids: ['m1', 'm3', 'm2'] });
    expect(records.m1!.metadata).toEqual({ genre: 'comedy', year: 2001, funny: true });
    expect(records.m3!.metadata).toMatchObject({ funny: true });
    expect(records.m2!.metadata).toEqual({ genre: 'drama' });
  });

  it('listPaginated by prefix with pagination tokens', async () => {
    const first = await ns.listPaginated({ prefix: 'm', limit: 2 });
    expect(first.vectors?.map((v) => v.id)).toEqual(['m1', 'm2']);
    expect(first.usage?.readUnits).toBe(1);
    const rest = await ns.listPaginated({ prefix: 'm', limit: 2, paginationToken: first.pagination?.next });
    expect(rest.vectors?.map((v) => v.id)).toEqual(['m3']);
    expect(rest.pagination).toBeUndefined();
  });

  it('deleteOne, deleteMany by ids and by filter, deleteAll', async () => {
    const scratch = index.namespace('scratch');
    await scratch.upsert({
      records: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
        id,
        values: [1, i, 0],
        metadata: { even: i % 2 === 0 },
      })),
    });
    await scratch.deleteOne({ id: 'a' });
    await scratch.deleteMany({ ids: ['b'] });
    await scratch.deleteMany({ filter: { even: { $eq: true } } });
    expect((await scratch.listPaginated()).vectors?.map((v) => v.id)).toEqual(['d']);
    await scratch.deleteAll();
    expect((await scratch.listPaginated()).vectors).toEqual([]);
  });

  it('namespaces: create, describe, list with pagination, delete', async () => {
    const created = await index.createNamespace({ name: 'empty-one' });
    expect(created).toMatchObject({ name: 'empty-one', recordCount: 0 });
    await expect(index.createNamespace({ name: 'empty-one' })).rejects.toBeInstanceOf(
      Errors.PineconeConflictError,
    );
    expect(await index.describeNamespace('tenant-a')).toMatchObject({ name: 'tenant-a', recordCount: 4 });
    const page = await index.listNamespaces({ limit: 2 });
    expect(page.namespaces?.map((n) => n.name)).toEqual(['__default__', 'empty-one']);
    const next = await index.listNamespaces({ limit: 10, paginationToken: page.pagination?.next });
    expect(next.namespaces?.map((n) => n.name)).toContain('tenant-a');
    expect((await index.listNamespaces({ prefix: 'ten' })).namespaces).toEqual([
      { name: 'tenant-a', recordCount: 4 },
    ]);
    await index.deleteNamespace('empty-one');
    await expect(index.describeNamespace('empty-one')).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
    await expect(index.deleteNamespace('empty-one')).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
  });

  it('searchRecords by vector; upsertRecords needs integrated inference (400)', async () => {
    const found = await ns.searchRecords({
      query: { topK: 1, vector: { values: [1, 0, 0] } },
      fields: ['genre'],
    });
    expect(found.result.hits).toEqual([{ _id: 'm1', _score: 1, fields: { genre: 'comedy' } }]);
    await expect(ns.upsertRecords({ records: [{ id: 'r1', text: 'hello' }] })).rejects.toThrow(
      /not configured/,
    );
  });

  it('bulk import: listing is empty, starting one is a 400, an unknown id is 404', async () => {
    expect((await index.listImports()).data).toEqual([]);
    await expect(index.startImport({ uri: 's3://bucket/path' })).rejects.toBeInstanceOf(
      Errors.PineconeBadRequestError,
    );
    await expect(index.describeImport('1')).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
    await expect(index.cancelImport('1')).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
  });

  it('rejects bad input with a 400 the SDK turns into PineconeBadRequestError', async () => {
    await expect(ns.upsert({ records: [{ id: 'bad', values: [1, 2] }] })).rejects.toThrow(
      'Vector dimension 2 does not match the dimension of the index 3',
    );
    await expect(ns.query({ topK: 10_001, vector: [1, 0, 0] })).rejects.toBeInstanceOf(
      Errors.PineconeBadRequestError,
    );
    await expect(ns.query({ topK: 1, vector: [1, 0, 0], filter: { $bad: 1 } })).rejects.toBeInstanceOf(
      Errors.PineconeBadRequestError,
    );
    await expect(ns.update({ filter: { genre: 'x' }, values: [1, 0, 0] })).rejects.toBeInstanceOf(
      Errors.PineconeBadRequestError,
    );
    await expect(index.describeIndexStats({ filter: { genre: 'x' } })).rejects.toBeInstanceOf(
      Errors.PineconeBadRequestError,
    );
  });

  it('keeps data across a restart', async () => {
    await local.restart();
    const again = local.client.index({ name: 'movies' }).namespace('tenant-a');
    expect(Object.keys((await again.fetch({ ids: ['m1', 'm2'] })).records).sort()).toEqual(['m1', 'm2']);
  });
});
