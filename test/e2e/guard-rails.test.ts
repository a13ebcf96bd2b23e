/** Issue 6 over real HTTP: per-tenant limits, query limits, usage metering, metrics and probes. */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startServer, type TestServer } from '../testkit/server.js';

const V = '[1,2,3,4,5,6,7,8]';
const upsert = (id: string) =>
  `mutation { upsertVectors(vectors: [{id: "${id}", values: ${V}}]) { upsertedCount usage { writeUnits } } }`;

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text
      ? (JSON.parse(text) as { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown })
      : null,
  };
}

describe('per-tenant limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({
      RATE_LIMITS: JSON.stringify({
        tight: { requestsPerSecond: 0.01, burst: 3, writeUnitsPerSecond: 1000, concurrency: 1, queue: 0 },
        writer: { requestsPerSecond: 1000, writeUnitsPerSecond: 0.01, writeBurst: 12, concurrency: 10 },
      }),
      TENANT_TIERS: JSON.stringify({ tight: 'tight', writer: 'writer' }),
    });
  });
  afterAll(() => s.close());

  it('refuses requests over the bucket with 429, RATE_LIMITED and retryAfter; other tenants are unaffected', async () => {
    const tight = await s.token('tight');
    for (let i = 0; i < 3; i++) expect((await s.gql(tight, '{ me { tenantId } }')).status).toBe(200);
    const res = await post(s.url, JSON.stringify({ query: '{ me { tenantId } }' }), {
      authorization: `Bearer ${tight}`,
    });
    expect(res.status).toBe(429);
    expect(res.json!.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests' });
    const retryAfter = res.json!.errors![0]!.extensions!.retryAfter as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('retry-after')).toBe(String(retryAfter));
    const other = await s.gql(await s.token('someone-else'), '{ me { tenantId } }');
    expect(other.data).toEqual({ me: { tenantId: 'someone-else' } });
  });

  it('charges write units (at least 5 per write) and refuses writes over the WU bucket, writing nothing', async () => {
    const w = await s.token('writer');
    for (const id of ['a', 'b']) {
      const ok = await s.gql<{ upsertVectors: { usage: { writeUnits: number } } }>(w, upsert(id));
      expect(ok.data!.upsertVectors.usage.writeUnits).toBe(5);
    }
    const refused = await s.gql(w, upsert('c'));
    expect(refused.status).toBe(429);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'write_units' });
    expect((await s.gql(w, '{ namespaceStats { recordCount } }')).data).toEqual({
      namespaceStats: { recordCount: 2 },
    });
  });

  it('caps concurrent requests per tenant', async () => {
    const other = await s.token('conc');
    // `tight` has concurrency 1 but no tokens left; use a fresh tenant with the same tier via a slow upload.
    const url = new URL(s.url);
    const token = await s.token('tight');
    const slow = httpRequest({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'transfer-encoding': 'chunked',
      },
    });
    slow.on('error', () => {});
    slow.write('{"query":');
    await new Promise((r) => setTimeout(r, 100));
    const second = await post(s.url, JSON.stringify({ query: '{ me { tenantId } }' }), {
      authorization: `Bearer ${token}`,
    });
    expect(second.status).toBe(429);
    expect(second.json!.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    slow.destroy();
    expect((await s.gql(other, '{ me { tenantId } }')).status).toBe(200);
  });
});

describe('query limits, metering, metrics, probes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({
      QUERY_MAX_DEPTH: '3',
      QUERY_MAX_ALIASES: '3',
      QUERY_MAX_TOKENS: '400',
      MAX_BATCH_OPERATIONS: '2',
      MAX_BODY_BYTES: '4096',
      INTROSPECTION: 'false',
      METRICS_TENANT_LABELS: '1',
    });
  });
  afterAll(() => s.close());

  it('refuses too deep, too many aliases, too many tokens, with coded errors', async () => {
    const t = await s.token('acme');
    const deep = await s.gql(t, `{ query(vector: ${V}, topK: 1) { matches { sparseValues { indices } } } }`);
    expect(errorCode(deep)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    const aliases = await s.gql(t, '{ a: me { roles } b: me { roles } c: me { roles } d: me { roles } }');
    expect(errorCode(aliases)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    const tokens = await s.gql(t, `{ me { ${'roles '.repeat(400)} } }`);
    expect(errorCode(tokens)).toMatch(/GRAPHQL_PARSE_FAILED|BAD_USER_INPUT/);
    expect((await s.gql(t, '{ a: me { roles } b: me { roles } }')).data).toBeTruthy();
  });

  it('limits batches and body size (413, coded JSON)', async () => {
    const auth = { authorization: `Bearer ${await s.token('acme')}` };
    const op = { query: '{ me { tenantId } }' };
    const two = await post(s.url, JSON.stringify([op, op]), auth);
    expect(two.status).toBe(200);
    expect(two.json).toHaveLength(2);
    const three = await post(s.url, JSON.stringify([op, op, op]), auth);
    expect(three.status).toBeGreaterThanOrEqual(400);
    expect(three.json!.errors![0]!.extensions!.code).toBeTypeOf('string');
    const big = await post(
      s.url,
      JSON.stringify({ query: `{ me { tenantId } } # ${'x'.repeat(5000)}` }),
      auth,
    );
    expect(big.status).toBe(413);
    expect(big.json!.errors![0]!.extensions!.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('prevents CSRF on GET without the header, keeps JSON POST and GraphiQL working, and turns introspection off', async () => {
    const t = await s.token('acme');
    const get = await fetch(`${s.url}?query=${encodeURIComponent('{ me { tenantId } }')}`, {
      headers: { authorization: `Bearer ${t}` },
    });
    expect(get.status).toBe(403);
    expect(
      ((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('FORBIDDEN');
    const withHeader = await fetch(`${s.url}?query=${encodeURIComponent('{ me { tenantId } }')}`, {
      headers: { authorization: `Bearer ${t}`, 'x-graphql-yoga-csrf': '1' },
    });
    expect(withHeader.status).toBe(200);
    const page = await fetch(s.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const intro = await s.gql(t, '{ __schema { types { name } } }');
    expect(intro.data).toBeUndefined();
    expect(intro.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('meters usage per tenant, for admins only, and exports bounded metrics', async () => {
    const acme = await s.token('acme');
    const before = await s.gql<{ tenantUsage: { writeUnits: number; readUnits: number } }>(
      await s.token(undefined, { admin: true }),
      '{ tenantUsage(tenantId: "acme") { writeUnits readUnits } }',
    );
    await s.gql(acme, upsert('m1'));
    await s.gql(acme, `{ query(vector: ${V}, topK: 1) { matches { id } } }`);
    await s.gql(await s.token('b1'), '{ me { tenantId } }');
    await s.gql(await s.token('b2'), '{ me { tenantId } }');
    const admin = await s.token(undefined, { admin: true });
    const usage = await s.gql<{ tenantUsage: { writeUnits: number; readUnits: number } }>(
      admin,
      '{ tenantUsage(tenantId: "acme") { writeUnits readUnits } }',
    );
    expect(usage.data!.tenantUsage.writeUnits - before.data!.tenantUsage.writeUnits).toBe(5);
    expect(usage.data!.tenantUsage.readUnits - before.data!.tenantUsage.readUnits).toBeCloseTo(0.25);
    expect(errorCode(await s.gql(acme, '{ tenantUsage(tenantId: "acme") { writeUnits } }'))).toBe(
      'FORBIDDEN',
    );
    const list = await s.gql<{ tenantUsages: { tenantId: string }[] }>(
      admin,
      '{ tenantUsages(first: 1) { tenantId } }',
    );
    expect(list.data!.tenantUsages).toEqual([{ tenantId: 'acme' }]);

    const metrics = await (await fetch(s.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/tvg_graphql_requests_total\{operation="upsertVectors",outcome="ok"\} \d/);
    expect(metrics).toMatch(
      /tvg_graphql_request_duration_seconds_bucket\{le="0.1",operation="query",outcome="ok"\}/,
    );
    expect(metrics).toMatch(/tvg_write_units_total \d/);
    const tenants = [...metrics.matchAll(/^tvg_tenant_requests\{tenant="([^"]+)"\}/gm)].map((m) => m[1]);
    expect(tenants.sort()).toEqual(['acme', 'other']);
    expect(metrics).not.toMatch(/url=|operationName=/);
  });

  it('answers /health, and /readiness until draining', async () => {
    const base = s.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
    s.app.guards.draining = true;
    expect((await fetch(`${base}/readiness`)).status).toBe(503);
    s.app.guards.draining = false;
  });
});
