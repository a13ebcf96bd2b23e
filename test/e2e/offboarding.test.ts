/** Offboarding: one call removes a tenant from every index, in both tenancy modes, and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFBOARD, STATS, TENANTS, UPSERT } from '../testkit/guide.js';
import { startServer, type TestServer } from '../testkit/server.js';

const INDEXES = [
  { name: 'rag', dimension: 4 },
  { name: 'search', dimension: 4, metric: 'dotproduct' },
  { name: 'shared', dimension: 4, tenancy: 'metadata' },
];
const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, values: [i + 1, 1, 2, 3] }));

describe('offboardTenant', () => {
  let server: TestServer;
  let admin: string;
  const tokens: Record<string, string> = {};
  const countOf = async (tenant: string, index: string) =>
    (await server.gql(tokens[tenant], STATS, { index })).data!.namespaceStats.recordCount;

  beforeAll(async () => {
    server = await startServer({ INDEXES: JSON.stringify(INDEXES), DEFAULT_INDEX: 'rag' });
    admin = await server.token(undefined, { admin: true });
    for (const tenant of ['leaving', 'staying']) {
      tokens[tenant] = await server.token(tenant);
      for (const [i, index] of INDEXES.entries()) {
        const res = await server.gql(tokens[tenant], UPSERT, { index: index.name, vectors: records(3 + i) });
        expect(res.data).toEqual({ upsertVectors: { upsertedCount: 3 + i } });
      }
    }
  });
  afterAll(() => server.close());

  it("removes the tenant's namespace in every index and reports what it removed", async () => {
    const res = await server.gql(admin, OFFBOARD, { tenantId: 'leaving' });
    expect(res.data).toEqual({
      offboardTenant: {
        tenantId: 'leaving',
        removed: [
          { index: 'rag', recordCount: 3 },
          { index: 'search', recordCount: 4 },
          { index: 'shared', recordCount: 5 },
        ],
        removedRecordCount: 12,
      },
    });
    for (const index of INDEXES) expect(await countOf('leaving', index.name)).toBe(0);
  });

  it('leaves the other tenants intact', async () => {
    expect(await Promise.all(INDEXES.map((i) => countOf('staying', i.name)))).toEqual([3, 4, 5]);
    const tenants = await server.gql(admin, TENANTS, { index: 'rag' });
    expect(tenants.data).toEqual({
      tenants: { tenants: [{ tenantId: 'staying', recordCount: 3 }], nextCursor: null },
    });
    const shared = await server.gql(admin, TENANTS, { index: 'shared' });
    expect(shared.data).toEqual({
      tenants: { tenants: [{ tenantId: 'staying', recordCount: 5 }], nextCursor: null },
    });
  });

  it('succeeds again, reporting nothing removed', async () => {
    const res = await server.gql(admin, OFFBOARD, { tenantId: 'leaving' });
    expect(res.data).toEqual({ offboardTenant: { tenantId: 'leaving', removed: [], removedRecordCount: 0 } });
  });

  it('can offboard from one index only', async () => {
    const res = await server.gql(admin, OFFBOARD, { tenantId: 'staying', index: 'search' });
    expect(res.data).toEqual({
      offboardTenant: {
        tenantId: 'staying',
        removed: [{ index: 'search', recordCount: 4 }],
        removedRecordCount: 4,
      },
    });
    expect(await Promise.all(INDEXES.map((i) => countOf('staying', i.name)))).toEqual([3, 0, 5]);
  });

  it('rejects a malformed tenant id', async () => {
    const res = await server.gql(admin, OFFBOARD, { tenantId: '../etc' });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
