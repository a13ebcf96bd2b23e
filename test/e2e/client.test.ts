/** The example client (src/client/client.ts) against a real server: typed results and coded errors. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type Client, createClient, toApiErrorCode } from '../../src/client/client.js';
import {
  FetchVectorsDocument,
  MeDocument,
  OffboardDocument,
  QueryVectorsDocument,
  StatsDocument,
  UpdateVectorDocument,
  UpsertDocument,
} from '../../src/client/gql/graphql.js';
import { QUERY_VECTOR, TENANT2_NEAREST, TENANT2_VECTORS } from '../testkit/guide.js';
import { startServer, type TestServer } from '../testkit/server.js';

/** The ApiError a request rejects with (fails if it resolves or throws something else). */
async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    (data) => {
      throw new Error(`expected an ApiError, got ${JSON.stringify(data)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('example client', () => {
  let server: TestServer;
  let tenant2: Client;

  beforeAll(async () => {
    server = await startServer();
    const token = await server.token('tenant2');
    tenant2 = createClient({ url: server.url, token: () => token });
  });
  afterAll(() => server.close());

  it('runs the guide for tenant2 with typed variables and results', async () => {
    const { upsertVectors } = await tenant2.request(UpsertDocument, { vectors: TENANT2_VECTORS });
    expect(upsertVectors.upsertedCount).toBe(4);
    const { query } = await tenant2.request(QueryVectorsDocument, { vector: QUERY_VECTOR, topK: 3 });
    expect(query.matches.map((m) => m.id)).toEqual(TENANT2_NEAREST);
    expect(query.matches[0]?.values).toEqual(TENANT2_VECTORS[1]!.values);
    expect((await tenant2.request(StatsDocument)).namespaceStats.recordCount).toBe(4);
    expect((await tenant2.request(MeDocument)).me).toEqual({ tenantId: 'tenant2', roles: [] });
  });

  it('sends a fixed token string too, and returns null for a missing id', async () => {
    const api = createClient({ url: server.url, token: await server.token('tenant2') });
    const { vectors } = await api.request(FetchVectorsDocument, { ids: ['E', 'nope'] });
    expect(vectors.map((v) => v?.id ?? null)).toEqual(['E', null]);
  });

  it('UNAUTHENTICATED without a token (field error) and with a bad one (HTTP 401)', async () => {
    const anonymous = await apiError(createClient({ url: server.url }).request(MeDocument));
    expect(anonymous).toMatchObject({ code: 'UNAUTHENTICATED', path: ['me'] });
    const bad = await apiError(createClient({ url: server.url, token: 'not-a-jwt' }).request(MeDocument));
    expect(bad).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, path: [] });
  });

  it('FORBIDDEN for an admin operation, with the field path', async () => {
    const error = await apiError(tenant2.request(OffboardDocument, { tenantId: 'tenant1' }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', path: ['offboardTenant'] });
  });

  it('BAD_USER_INPUT naming the offending argument, and nothing written', async () => {
    const error = await apiError(
      tenant2.request(UpsertDocument, { vectors: [{ id: 'X', values: [1, 2, 3] }] }),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      path: ['upsertVectors'],
      field: 'vectors[0].values',
    });
    expect(error.message).toMatch(/must have 8 values/);
    expect((await tenant2.request(StatsDocument)).namespaceStats.recordCount).toBe(4);
  });

  it('NOT_FOUND for an update of a missing record', async () => {
    const error = await apiError(
      tenant2.request(UpdateVectorDocument, { id: 'missing', values: QUERY_VECTOR }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', path: ['updateVector'] });
  });

  it('maps a malformed request to BAD_USER_INPUT and keeps the raw code', async () => {
    // A client built against an older schema asks for a field that is gone: validation fails.
    const stale: TypedDocumentNode<unknown, Record<string, never>> = parse(
      'query Stale { namespaceStats { recordCount sizeInBytes } }',
    );
    const error = await apiError(tenant2.request(stale));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', serverCode: 'GRAPHQL_VALIDATION_FAILED' });
    expect(error.message).toMatch(/sizeInBytes/);
  });
});

describe('toApiErrorCode', () => {
  it.each([
    ['RATE_LIMITED', 'RATE_LIMITED'],
    ['BACKEND_UNAVAILABLE', 'BACKEND_UNAVAILABLE'],
    ['INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR'],
    ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'],
    ['BAD_REQUEST', 'BAD_USER_INPUT'],
    ['SOMETHING_NEW', 'INTERNAL_SERVER_ERROR'],
    [undefined, 'INTERNAL_SERVER_ERROR'],
  ])('%s -> %s', (serverCode, code) => {
    expect(toApiErrorCode(serverCode)).toBe(code);
  });
});
