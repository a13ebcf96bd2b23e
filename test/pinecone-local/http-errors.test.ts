/**
 * The wire, without the SDK: Pinecone's error body formats, the Api-Key check, JSON on every
 * success, and no 500 for any malformed request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_API_KEY, type LocalPinecone, startLocalPinecone } from '../testkit/pinecone.js';

describe('pinecone-local over raw HTTP', () => {
  let local: LocalPinecone;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${local.server.url}${path}`, {
      method,
      headers: { 'Api-Key': LOCAL_API_KEY, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, text, json };
  };

  beforeAll(async () => {
    local = await startLocalPinecone();
    const created = await call('POST', '/indexes', {
      name: 'wire',
      deployment: { deployment_type: 'managed', cloud: 'aws', region: 'us-east-1' },
      schema: { fields: { _values: { type: 'dense_vector', dimension: 2, metric: 'cosine' } } },
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    expect(local.faults).toEqual([]);
    await local.close();
  });

  it('answers 401 in plain text without the right Api-Key', async () => {
    expect(await call('GET', '/indexes', undefined, { 'Api-Key': 'wrong' })).toMatchObject({
      status: 401,
      text: 'Unauthorized',
    });
  });

  it('sends ErrorResponse on the control plane and rpcStatus on the data plane', async () => {
    expect(await call('GET', '/indexes/nope')).toMatchObject({
      status: 404,
      json: { error: { code: 'NOT_FOUND', message: 'Index nope not found.' }, status: 404 },
    });
    expect(
      await call('POST', '/index/wire/vectors/upsert', { vectors: [{ id: 'a', values: [1, 2, 3] }] }),
    ).toMatchObject({
      status: 400,
      json: {
        code: 3,
        message: 'Vector dimension 3 does not match the dimension of the index 2',
        details: [],
      },
    });
    expect((await call('POST', '/indexes', '{not json')).status).toBe(422);
  });

  it('answers every success with a JSON body except DELETE /indexes (202, empty)', async () => {
    expect(
      await call('POST', '/index/wire/vectors/upsert', { vectors: [{ id: 'a', values: [1, 2] }] }),
    ).toMatchObject({
      status: 200,
      json: { upsertedCount: 1 },
    });
    expect(await call('POST', '/index/wire/vectors/delete', { ids: ['a'], namespace: '' })).toMatchObject({
      status: 200,
      json: {},
    });
    expect(
      await call('POST', '/index/wire/vectors/update', { id: 'zz', setMetadata: { a: 1 } }),
    ).toMatchObject({
      status: 200,
      json: { matchedRecords: 0 },
    });
  });

  it('never answers a malformed request with a 5xx', async () => {
    const bad: [string, string, unknown][] = [
      ['POST', '/index/wire/query', '[1,2]'],
      ['POST', '/index/wire/query', { topK: 'x', vector: [1, 2] }],
      ['POST', '/index/wire/query', { topK: 1 }],
      ['POST', '/index/wire/query', { topK: 1, vector: [1, 'a'] }],
      ['POST', '/index/wire/query', { topK: 1, id: 'a', vector: [1, 2] }],
      ['POST', '/index/wire/query', { topK: 1, vector: [1, 2], filter: { a: { $regex: 'x' } } }],
      ['POST', '/index/wire/query', { topK: 1, vector: [1, 2], filter: [] }],
      ['POST', '/index/wire/query', { topK: 1, vector: [1, 2], namespace: 5 }],
      ['POST', '/index/wire/vectors/upsert', { vectors: [] }],
      ['POST', '/index/wire/vectors/upsert', { vectors: [{ id: '', values: [1, 2] }] }],
      ['POST', '/index/wire/vectors/upsert', { vectors: [{ id: 'é', values: [1, 2] }] }],
      ['POST', '/index/wire/vectors/upsert', { vectors: [{ id: 'a', values: [0, 0] }] }],
      [
        'POST',
        '/index/wire/vectors/upsert',
        { vectors: [{ id: 'a', values: [1, 2], metadata: { a: null } }] },
      ],
      [
        'POST',
        '/index/wire/vectors/upsert',
        { vectors: [{ id: 'a', values: [1, 2], metadata: { a: { b: 1 } } }] },
      ],
      [
        'POST',
        '/index/wire/vectors/upsert',
        { vectors: [{ id: 'a', values: [1, 2], sparseValues: { indices: [1] } }] },
      ],
      [
        'POST',
        '/index/wire/vectors/upsert',
        { vectors: Array.from({ length: 1001 }, (_, i) => ({ id: `${i}`, values: [1, 2] })) },
      ],
      [
        'POST',
        '/index/wire/vectors/upsert',
        { vectors: [{ id: 'a', values: [1, 2], metadata: { big: 'x'.repeat(41_000) } }] },
      ],
      ['POST', '/index/wire/vectors/update', { values: [1, 2] }],
      ['POST', '/index/wire/vectors/update', { id: 'a', filter: { a: 1 } }],
      ['POST', '/index/wire/vectors/delete', {}],
      ['POST', '/index/wire/vectors/delete', { ids: [], deleteAll: true }],
      ['POST', '/index/wire/vectors/fetch_by_metadata', { filter: { a: 1 }, limit: 0 }],
      ['GET', '/index/wire/vectors/fetch', undefined],
      ['GET', '/index/wire/vectors/list?limit=1000', undefined],
      ['GET', '/index/wire/vectors/list?limit=abc', undefined],
      ['GET', '/index/wire/namespaces/%E0%A4%A', undefined],
      ['POST', '/index/wire/namespaces', { name: '__default__' }],
      ['POST', '/index/nope/query', { topK: 1, vector: [1, 2] }],
      ['POST', '/indexes', { name: 'x', dimension: 0, spec: { serverless: { cloud: 'aws', region: 'r' } } }],
      ['POST', '/indexes', { name: 'x', dimension: 2, spec: { pod: {} } }],
      [
        'POST',
        '/indexes',
        { name: 'x', dimension: 2, metric: 'l1', spec: { serverless: { cloud: 'aws', region: 'r' } } },
      ],
      ['PATCH', '/indexes/wire', { deletion_protection: 'maybe' }],
      ['PUT', '/indexes/wire', {}],
      ['GET', '/nowhere', undefined],
    ];
    for (const [method, path, body] of bad) {
      const { status, text } = await call(method, path, body);
      expect(status, `${method} ${path} ${text}`).toBeGreaterThanOrEqual(400);
      expect(status, `${method} ${path} ${text}`).toBeLessThan(500);
    }
  });
});
