/**
 * Issue 7: a document sent again runs compiled (graphql-jit, plugins/use-fast-execution.ts). Each
 * case sends the same document three times over real HTTP, the first interpreted and the later
 * ones compiled, and expects the same response bytes and status every time: data, values, errors
 * with their paths and codes, partial results and batches alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { signToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { createRepository } from '../../src/repository/create-repository.js';
import type { VectorRepository } from '../../src/repository/types.js';
import { startServer, TEST_SECRET, type TestServer } from '../testkit/server.js';

const DIM = 24;
const vector = (seed: number) => Array.from({ length: DIM }, (_, i) => Math.sin(seed * 31 + i));

describe('compiled execution answers as the executor does', () => {
  let s: TestServer;
  let tenant: string;
  let admin: string;
  beforeAll(async () => {
    s = await startServer({ INDEXES: JSON.stringify([{ name: 'jit', dimension: DIM }]) });
    tenant = await s.token('jit-tenant');
    admin = await s.token(undefined, { admin: true });
    const res = await s.gql(
      tenant,
      'mutation U($vs: [VectorInput!]!) { upsertVectors(vectors: $vs) { upsertedCount } }',
      { vs: Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, values: vector(i), metadata: { n: i } })) },
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => s.close());

  /** Raw POSTs of one body, in order; the response texts and statuses. */
  async function thrice(token: string, body: unknown) {
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      answers.push(`${response.status} ${await response.text()}`);
    }
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    return JSON.parse(answers[0]!.slice(4)) as {
      data?: Record<string, unknown> | null;
      errors?: { path?: unknown[]; locations?: unknown[]; extensions?: { code?: string } }[];
    };
  }

  it('a query with values, metadata and usage', async () => {
    const body = {
      query:
        'query Q($v: [Float!], $k: Int!, $f: JSONObject) { query(vector: $v, topK: $k, filter: $f) { matches { id score values metadata } usage { readUnits } } }',
      variables: { v: vector(3), k: 5, f: { n: { $lt: 20 } } },
    };
    const result = await thrice(tenant, body);
    const matches = (result.data!.query as { matches: { id: string; values: number[] }[] }).matches;
    expect(matches[0]!.id).toBe('r3');
    expect(matches[0]!.values).toHaveLength(DIM);
  });

  it('a write, a fetch with a missing id and literal arguments', async () => {
    await thrice(tenant, {
      query:
        'mutation U($vs: [VectorInput!]!) { upsertVectors(vectors: $vs) { upsertedCount usage { writeUnits } } }',
      variables: { vs: [{ id: 'w1', values: vector(99) }] },
    });
    const result = await thrice(tenant, {
      query: 'query F($ids: [ID!]!) { vectors(ids: $ids) { id values metadata } me { tenantId } }',
      variables: { ids: ['r1', 'nope', 'w1'] },
    });
    expect(result.data?.me).toEqual({ tenantId: 'jit-tenant' });
    expect((result.data!.vectors as ({ id: string } | null)[]).map((v) => v?.id ?? null)).toEqual([
      'r1',
      null,
      'w1',
    ]);
  });

  it('errors from resolvers and permission rules, with their paths and codes', async () => {
    const badTopK = await thrice(tenant, {
      query: 'query Q($v: [Float!], $k: Int!) { query(vector: $v, topK: $k) { matches { id } } }',
      variables: { v: vector(1), k: 0 },
    });
    expect(badTopK.errors?.[0]).toMatchObject({ path: ['query'], extensions: { code: 'BAD_USER_INPUT' } });
    const forbidden = await thrice(admin, {
      query: 'query Q($v: [Float!], $k: Int!) { query(vector: $v, topK: $k) { matches { id } } }',
      variables: { v: vector(1), k: 3 },
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('error locations on later lines, whatever the line endings', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const result = await thrice(tenant, {
        query: [
          'query Q($v: [Float!], $k: Int!) {',
          '  me { tenantId }',
          '  query(vector: $v, topK: $k) { matches { id } }',
          '}',
        ].join(eol),
        variables: { v: vector(1), k: 0 },
      });
      expect(result.errors?.[0]).toMatchObject({ locations: [{ line: 3, column: 3 }], path: ['query'] });
    }
  });

  it('a partial result: one field fails, its sibling answers', async () => {
    const result = await thrice(tenant, {
      query:
        'query P($v: [Float!]) { ok: query(vector: $v, topK: 2) { matches { id } } bad: vector(id: "r1", index: "nope") { id } }',
      variables: { v: vector(2) },
    });
    expect(result.data?.bad).toBeNull();
    expect((result.data!.ok as { matches: unknown[] }).matches).toHaveLength(2);
    expect(result.errors?.[0]).toMatchObject({ path: ['bad'], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('variables the fast path leaves to graphql-js keep its errors', async () => {
    const result = await thrice(tenant, {
      query: 'query Q($v: [Float!], $k: Int!) { query(vector: $v, topK: $k) { matches { id } } }',
      variables: { v: ['x'], k: 3 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data).toBeUndefined();
  });
});

describe('compiled execution and unexpected errors', () => {
  it('masks a backend failure the same way, compiled or not', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tvg-jit-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      AUTH_JWT_SECRET: TEST_SECRET,
      DATA_DIR: dataDir,
      INDEXES: JSON.stringify([{ name: 'jit', dimension: 2 }]),
    });
    // The one fault a real backend will not produce on demand: a store that fails with an
    // internal error whose message must not reach the client.
    const real = createRepository(config);
    const failing: VectorRepository = Object.assign(Object.create(real) as VectorRepository, {
      store: (...args: Parameters<VectorRepository['store']>) =>
        Object.assign(Object.create(real.store(...args)), {
          query: () => Promise.reject(new Error('disk /var/lib/secret-volume is gone')),
        }),
    });
    const logged: string[] = [];
    const app = await createApp(config, {
      repository: failing,
      logger: createLogger('error', (line) => logged.push(line)),
    });
    try {
      const token = await signToken({ secret: TEST_SECRET, tenant: 'acme', tenantClaim: 'tenant' });
      const answers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: 'query Q($v: [Float!]) { query(vector: $v, topK: 1) { matches { id } } }',
            variables: { v: [1, 2] },
          }),
        });
        answers.push(`${response.status} ${await response.text()}`);
      }
      expect(answers[1]).toBe(answers[0]);
      expect(answers[2]).toBe(answers[0]);
      expect(answers[0]).not.toMatch(/secret-volume/);
      expect(JSON.parse(answers[0]!.slice(4)).errors[0]).toMatchObject({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      // Logged for the operator each time, compiled or not.
      expect(logged.filter((line) => line.includes('secret-volume'))).toHaveLength(3);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
