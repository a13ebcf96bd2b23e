/**
 * A tenant never sees, counts, fetches, lists, updates or deletes another tenant's records,
 * whatever it sends, in both tenancy modes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE, FETCH, LIST, QUERY, STATS, UPDATE, UPSERT } from '../testkit/guide.js';
import { deletedCount, errorCode, startServer, type TestServer } from '../testkit/server.js';

const vec = (seed: number) => Array.from({ length: 8 }, (_, i) => Math.sin(seed * 7 + i) + 1.1);
const victimRecords = ['v1', 'v2', 'v3', 'shared-id'].map((id, i) => ({
  id,
  values: vec(i),
  metadata: { owner: 'victim', secret: `s${i}` },
}));
const attackerRecords = [{ id: 'shared-id', values: vec(9), metadata: { owner: 'attacker' } }];

describe.each(['namespace', 'metadata'] as const)('isolation with %s tenancy', (tenancy) => {
  let server: TestServer;
  let victim: string;
  let attacker: string;

  const victimSees = async () => {
    const res = await server.gql(victim, FETCH, {
      ids: victimRecords.map((r) => r.id),
    });
    return res.data!.vectors;
  };

  beforeAll(async () => {
    server = await startServer({ INDEXES: JSON.stringify([{ name: 'app', dimension: 8, tenancy }]) });
    victim = await server.token('victim');
    attacker = await server.token('attacker');
    expect((await server.gql(victim, UPSERT, { vectors: victimRecords })).data).toEqual({
      upsertVectors: { upsertedCount: 4 },
    });
    expect((await server.gql(attacker, UPSERT, { vectors: attackerRecords })).data).toEqual({
      upsertVectors: { upsertedCount: 1 },
    });
  });
  afterAll(() => server.close());

  it("does not fetch the other tenant's ids", async () => {
    const res = await server.gql(attacker, FETCH, { ids: ['v1', 'v2', 'v3'] });
    expect(res.data!.vectors).toEqual([null, null, null]);
    const one = await server.gql(attacker, '{ vector(id: "v1") { id } }');
    expect(one.data).toEqual({ vector: null });
  });

  it('keeps records with the same id apart', async () => {
    const mine = await server.gql(attacker, FETCH, {
      ids: ['shared-id'],
    });
    expect(mine.data!.vectors[0]!.metadata).toEqual({ owner: 'attacker' });
    const theirs = await victimSees();
    expect(theirs[3]!.metadata).toEqual({ owner: 'victim', secret: 's3' });
  });

  it('searches, counts and lists only its own records', async () => {
    const res = await server.gql(attacker, QUERY, {
      vector: vec(0),
      topK: 100,
    });
    expect(res.data!.query.matches.map((m) => m.id)).toEqual(['shared-id']);
    expect(res.data!.query.matches[0]!.metadata).toEqual({ owner: 'attacker' });
    expect((await server.gql(attacker, STATS)).data).toEqual({ namespaceStats: { recordCount: 1 } });
    expect((await server.gql(attacker, LIST, {})).data).toEqual({
      listVectors: { ids: ['shared-id'], nextCursor: null },
    });
    expect((await server.gql(attacker, LIST, { prefix: 'v' })).data).toEqual({
      listVectors: { ids: [], nextCursor: null },
    });
  });

  it("finds nothing when filtering on the other tenant's metadata or querying by its id", async () => {
    const res = await server.gql(attacker, QUERY, {
      vector: vec(1),
      topK: 10,
      filter: { owner: 'victim' },
    });
    expect(res.data!.query.matches).toEqual([]);
    const byId = await server.gql<{ query: { matches: unknown[] } }>(
      attacker,
      '{ query(id: "v1", topK: 5) { matches { id } } }',
    );
    expect(byId.data!.query.matches).toEqual([]);
  });

  it('cannot filter on, or write, the tenant field', async () => {
    const filtered = await server.gql(attacker, QUERY, {
      vector: vec(1),
      topK: 10,
      filter: { tenant_id: 'victim' },
    });
    const written = await server.gql(attacker, UPSERT, {
      vectors: [{ id: 'x', values: vec(3), metadata: { tenant_id: 'victim' } }],
    });
    if (tenancy === 'metadata') {
      expect(errorCode(filtered)).toBe('BAD_USER_INPUT');
      expect(errorCode(written)).toBe('BAD_USER_INPUT');
    } else {
      // No such field exists in a namespace of one's own: the filter matches nothing, the key is plain metadata.
      expect(filtered.data).toEqual({ query: { matches: [], usage: { readUnits: 0.25 } } });
      await server.gql(attacker, DELETE, { ids: ['x'] });
    }
    const victimIn = await server.gql(victim, QUERY, {
      vector: vec(3),
      topK: 10,
    });
    expect(victimIn.data!.query.matches).toHaveLength(4);
  });

  it("cannot update or delete the other tenant's records, by id, filter or deleteAll", async () => {
    const update = await server.gql(attacker, UPDATE, { id: 'v1', setMetadata: { owner: 'attacker' } });
    expect(errorCode(update)).toBe('NOT_FOUND');
    expect((await server.gql(attacker, DELETE, { ids: ['v1', 'v2'] })).data).toEqual({
      deleteVectors: { deletedCount: deletedCount(0) },
    });
    expect((await server.gql(attacker, DELETE, { filter: { owner: 'victim' } })).data).toEqual({
      deleteVectors: { deletedCount: deletedCount(0) },
    });
    expect((await server.gql(attacker, DELETE, { deleteAll: true })).data).toEqual({
      deleteVectors: { deletedCount: deletedCount(1) },
    });
    const seen = await victimSees();
    expect(seen.map((v) => v?.metadata?.owner)).toEqual(['victim', 'victim', 'victim', 'victim']);
    await server.gql(attacker, UPSERT, { vectors: attackerRecords });
  });

  it('stays isolated across aliases and several operations in one request', async () => {
    const res = await server.gql<Record<string, unknown>>(
      attacker,
      `query Steal {
        a: vector(id: "v1") { id }
        b: vectors(ids: ["v2", "v3"]) { id }
        c: namespaceStats { recordCount }
        d: query(vector: [1,1,1,1,1,1,1,1], topK: 50) { matches { id } }
      }
      query Other { me { tenantId } }`,
    );
    // Several operations need an operationName: the request is refused, not run.
    expect(res.errors?.[0]?.message).toMatch(/what operation to execute/i);
    expect(res.data ?? null).toBeNull();
    const named = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${attacker}` },
      body: JSON.stringify({
        operationName: 'Steal',
        query: `query Steal { a: vector(id: "v1") { id } b: vectors(ids: ["v2", "v3"]) { id } c: namespaceStats { recordCount }
                 d: query(vector: [1,1,1,1,1,1,1,1], topK: 50) { matches { id } } } query Other { me { tenantId } }`,
      }),
    }).then((r) => r.json());
    expect(named.data).toEqual({
      a: null,
      b: [null, null],
      c: { recordCount: 1 },
      d: { matches: [{ id: 'shared-id' }] },
    });
  });

  it('refuses tenants: to a non-admin, and lets an admin search both tenants', async () => {
    const res = await server.gql(attacker, QUERY, { vector: vec(0), topK: 10, tenants: ['victim'] });
    expect(errorCode(res)).toBe('FORBIDDEN');
    const admin = await server.token(undefined, { admin: true });
    const both = await server.gql(admin, QUERY, {
      vector: vec(0),
      topK: 10,
      tenants: ['victim', 'attacker'],
    });
    const matches = both.data!.query.matches;
    expect(matches).toHaveLength(5);
    expect(matches[0]).toMatchObject({ id: 'v1', tenantId: 'victim' });
    expect(new Set(matches.map((m) => `${m.tenantId}/${m.id}`)).size).toBe(5);
    for (const m of matches) expect(m.metadata).not.toHaveProperty('tenant_id');
  });
});
