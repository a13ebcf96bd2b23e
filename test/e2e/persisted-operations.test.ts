/**
 * Allow-list mode: PERSISTED_OPERATIONS points at codegen's manifest; with PERSISTED_OPERATIONS_ONLY
 * the API runs only the operations the front-end ships, sent by id.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient } from '../../src/client/client.js';
import {
  MeDocument,
  QueryVectorsDocument,
  StatsDocument,
  UpsertDocument,
} from '../../src/client/gql/graphql.js';
import { QUERY_VECTOR, TENANT2_NEAREST, TENANT2_VECTORS } from '../testkit/guide.js';
import { startServer, type TestServer } from '../testkit/server.js';

const MANIFEST = fileURLToPath(new URL('../../src/client/gql/persisted-documents.json', import.meta.url));
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

const post = (server: TestServer, token: string, body: unknown) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('persisted operations only', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer({ PERSISTED_OPERATIONS: MANIFEST, PERSISTED_OPERATIONS_ONLY: 'true' });
    token = await server.token('tenant2');
  });
  afterAll(() => server.close());

  it('runs the shipped operations sent by id (the example client with persisted: true)', async () => {
    const api = createClient({ url: server.url, token, persisted: true });
    expect(
      (await api.request(UpsertDocument, { vectors: TENANT2_VECTORS })).upsertVectors.upsertedCount,
    ).toBe(4);
    const { query } = await api.request(QueryVectorsDocument, { vector: QUERY_VECTOR, topK: 3 });
    expect(query.matches.map((m) => m.id)).toEqual(TENANT2_NEAREST);
  });

  it("accepts Apollo's APQ form of the id too", async () => {
    const sha256Hash = hashOf(StatsDocument).replace(/^sha256:/, '');
    const res = await post(server, token, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(await res.json()).toEqual({ data: { namespaceStats: { recordCount: 4 } } });
  });

  it('refuses an operation sent as text with FORBIDDEN, even one that is in the manifest', async () => {
    const error = await createClient({ url: server.url, token })
      .request(MeDocument)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect((error as ApiError).errors[0]?.extensions?.reason).toBe('PERSISTED_OPERATIONS_ONLY');
    const raw = await server.gql(token, '{ namespaceStats { recordCount } }');
    expect(raw.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(raw.data ?? null).toBeNull();
  });

  it('answers NOT_FOUND for an unknown id, BAD_USER_INPUT for neither query nor id', async () => {
    const unknown = await post(server, token, { documentId: 'sha256:0000' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    const empty = await post(server, token, { variables: {} });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('still authenticates and authorizes persisted operations', async () => {
    const res = await post(server, 'bad-token', { documentId: hashOf(StatsDocument) });
    expect(res.status).toBe(401);
    const anonymous = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: hashOf(StatsDocument) }),
    }).then((r) => r.json());
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('persisted operations alongside arbitrary ones', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer({ PERSISTED_OPERATIONS: MANIFEST });
    token = await server.token('acme');
  });
  afterAll(() => server.close());

  it('accepts both ids and text', async () => {
    const byId = createClient({ url: server.url, token, persisted: true });
    const byText = createClient({ url: server.url, token });
    expect(await byId.request(MeDocument)).toEqual({ me: { tenantId: 'acme', roles: [] } });
    expect(await byText.request(MeDocument)).toEqual({ me: { tenantId: 'acme', roles: [] } });
  });
});
