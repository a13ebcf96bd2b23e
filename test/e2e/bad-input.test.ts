/** Bad input gets BAD_USER_INPUT naming the field and the rule, and changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY, STATS, UPDATE, UPSERT } from '../testkit/guide.js';
import { errorCode, startServer, type TestServer } from '../testkit/server.js';

const ok = (id: string) => ({ id, values: [1, 2, 3, 4, 5, 6, 7, 8] });

describe('bad input', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer({
      INDEXES: JSON.stringify([{ name: 'app', dimension: 8, metric: 'cosine' }]),
    });
    token = await server.token('acme');
    await server.gql(token, UPSERT, { vectors: [ok('keep')] });
  });
  afterAll(() => server.close());

  const count = async () => (await server.gql(token, STATS)).data!.namespaceStats.recordCount;

  it.each([
    [
      'a wrong dimension',
      [ok('a'), { id: 'b', values: [1, 2, 3] }],
      /vectors\[1\]\.values: must have 8 values/,
    ],
    ['only zeros', [{ id: 'z', values: [0, 0, 0, 0, 0, 0, 0, 0] }], /not only zeros/],
    [
      '1,001 vectors',
      Array.from({ length: 1001 }, (_, i) => ok(`v${i}`)),
      /1-1000 vectors per request \(got 1001\)/,
    ],
    ['a 513-character id', [ok('x'.repeat(513))], /vectors\[0\]\.id: must be 1-512 characters \(got 513\)/],
    ['a non-ASCII id', [ok('caf\u00e9')], /vectors\[0\]\.id: must be ASCII/],
    [
      '41 KB of metadata',
      [{ ...ok('m'), metadata: { text: 'y'.repeat(41 * 1024) } }],
      /metadata: must be at most 40960 bytes/,
    ],
    [
      'nested metadata',
      [{ ...ok('n'), metadata: { a: { b: 1 } } }],
      /metadata\.a: must be a string, a finite number/,
    ],
    ['a null metadata value', [{ ...ok('n'), metadata: { a: null } }], /metadata\.a/],
    ['a list of numbers in metadata', [{ ...ok('n'), metadata: { a: [1, 2] } }], /metadata\.a/],
    ['a $-prefixed metadata key', [{ ...ok('n'), metadata: { $set: 'x' } }], /must not start with "\$"/],
    [
      'sparse values on a cosine index',
      [{ ...ok('s'), sparseValues: { indices: [1], values: [0.5] } }],
      /metric dotproduct/,
    ],
  ])('rejects an upsert with %s and writes nothing', async (_name, vectors, message) => {
    const res = await server.gql(token, UPSERT, { vectors });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(message);
    expect(await count()).toBe(1);
  });

  it('rejects non-finite values (GraphQL Float cannot carry them)', async () => {
    const body = `{"query":"mutation { upsertVectors(vectors: [{id: \\"x\\", values: [1e999,1,1,1,1,1,1,1]}]) { upsertedCount } }"}`;
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    }).then((r) => r.json());
    expect(res.errors[0].extensions.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(await count()).toBe(1);
  });

  it.each([
    ['topK 0', { vector: ok('q').values, topK: 0 }, /topK: must be an integer from 1 to 10000 \(got 0\)/],
    ['topK 10,001', { vector: ok('q').values, topK: 10_001 }, /topK: .*\(got 10001\)/],
    [
      'an unknown filter operator',
      { vector: ok('q').values, topK: 1, filter: { genre: { $regex: 'x' } } },
      /filter\.genre\.\$regex: unknown operator/,
    ],
    [
      'a bare top-level operator',
      { vector: ok('q').values, topK: 1, filter: { $eq: 1 } },
      /filter\.\$eq: must be applied to a field/,
    ],
    [
      'an empty $in',
      { vector: ok('q').values, topK: 1, filter: { g: { $in: [] } } },
      /filter\.g\.\$in: must be a non-empty array/,
    ],
    [
      'a list shorthand',
      { vector: ok('q').values, topK: 1, filter: { g: ['a'] } },
      /filter\.g: must be a string/,
    ],
    ['no vector', { topK: 1 }, /exactly one of vector or id/],
    ['a wrong query dimension', { vector: [1, 2], topK: 1 }, /vector: must have 8 values/],
  ])('rejects a query with %s', async (_name, variables, message) => {
    const res = await server.gql(token, QUERY, variables);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(message);
  });

  it('rejects an update of an unknown index or without changes, and names the problem', async () => {
    const unknown = await server.gql(token, UPDATE, { id: 'keep', values: ok('k').values, index: 'nope' });
    expect(unknown.errors![0]!.message).toBe('index: unknown index "nope"; configured: app');
    const empty = await server.gql(token, UPDATE, { id: 'keep' });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
  });

  it('rejects deleteVectors with none or several of ids, filter and deleteAll', async () => {
    for (const args of ['index: "app"', 'ids: ["keep"], deleteAll: true', 'deleteAll: false']) {
      const res = await server.gql(token, `mutation { deleteVectors(${args}) { deletedCount } }`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
    expect(await count()).toBe(1);
  });

  it('never leaks internals: a malformed request gets a coded error', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": "{ namespaceStats { recordCount } ',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
