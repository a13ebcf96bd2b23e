/** Pinecone's multitenancy guide, step by step, through the GraphQL API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FETCH,
  INDEXES,
  OFFBOARD,
  QUERY,
  QUERY_VECTOR,
  STATS,
  TENANT1_VECTORS,
  TENANT2_NEAREST,
  TENANT2_VECTORS,
  UPDATE,
  UPDATED_A,
  UPSERT,
} from '../testkit/guide.js';
import { startServer, type TestServer } from '../testkit/server.js';

describe("Pinecone's multitenancy guide", () => {
  let server: TestServer;
  let tenant1: string;
  let tenant2: string;
  let admin: string;

  beforeAll(async () => {
    server = await startServer();
    tenant1 = await server.token('tenant1');
    tenant2 = await server.token('tenant2');
    admin = await server.token(undefined, { admin: true });
  });
  afterAll(() => server.close());

  it('lists the guide index', async () => {
    const res = await server.gql(tenant1, INDEXES);
    expect(res.data).toEqual({
      indexes: [{ name: 'multitenant-app', dimension: 8, metric: 'cosine', tenancy: 'namespace' }],
    });
  });

  it('upserts A-D for tenant1 and E-H for tenant2', async () => {
    const r1 = await server.gql(tenant1, UPSERT, { vectors: TENANT1_VECTORS });
    const r2 = await server.gql(tenant2, UPSERT, { vectors: TENANT2_VECTORS });
    expect(r1.data).toEqual({ upsertVectors: { upsertedCount: 4 } });
    expect(r2.data).toEqual({ upsertVectors: { upsertedCount: 4 } });
  });

  it("updates A's values in tenant1", async () => {
    const res = await server.gql(tenant1, UPDATE, { id: 'A', values: UPDATED_A });
    expect(res.data).toEqual({ updateVector: { id: 'A' } });
    const fetched = await server.gql(tenant1, FETCH, { ids: ['A'] });
    expect(fetched.data?.vectors[0]?.values).toEqual(UPDATED_A);
  });

  it('queries tenant2 for the 3 nearest to [0.7 x 8] and gets F, E, G as the guide shows', async () => {
    const res = await server.gql(tenant2, QUERY, { vector: QUERY_VECTOR, topK: 3 });
    const matches = res.data!.query.matches;
    expect(matches.map((m) => m.id)).toEqual(TENANT2_NEAREST);
    for (const m of matches) expect(m.score).toBeCloseTo(1, 6);
    expect(matches[0]!.values).toEqual([0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]);
  });

  it('offboards tenant1 by deleting its namespace; tenant2 is untouched', async () => {
    const res = await server.gql(admin, OFFBOARD, { tenantId: 'tenant1' });
    expect(res.data).toEqual({
      offboardTenant: {
        tenantId: 'tenant1',
        removed: [{ index: 'multitenant-app', recordCount: 4 }],
        removedRecordCount: 4,
      },
    });
    expect((await server.gql(tenant1, STATS)).data).toEqual({ namespaceStats: { recordCount: 0 } });
    expect((await server.gql(tenant2, STATS)).data).toEqual({ namespaceStats: { recordCount: 4 } });
  });
});
