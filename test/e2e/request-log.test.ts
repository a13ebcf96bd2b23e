/** The request log: one JSON line per request with the agreed fields, and no token, vector or metadata value. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { signToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { TEST_SECRET } from '../testkit/server.js';

const lines: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'tvg-log-'));
let app: App;

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_SECRET, DATA_DIR: dataDir });
  app = await createApp(config, { logger: createLogger('info', (line) => lines.push(line)) });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function send(token: string, query: string, variables?: unknown, requestId?: string) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
  if (requestId) headers['x-request-id'] = requestId;
  return app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
}

describe('request log', () => {
  it('writes one line per request with id, tenant, operation, duration and outcome, and never payload or token', async () => {
    const token = await signToken({ secret: TEST_SECRET, tenant: 'acme', tenantClaim: 'tenant' });
    const secretValue = 'metadata-value-that-must-not-leak';
    const vector = [0.123456789, 2, 3, 4, 5, 6, 7, 8];
    lines.length = 0;
    const ok = await send(
      token,
      'mutation Up($v: [VectorInput!]!) { upsertVectors(vectors: $v) { upsertedCount } }',
      { v: [{ id: 'x', values: vector, metadata: { note: secretValue } }] },
      'req-123',
    );
    expect(ok.headers.get('x-request-id')).toBe('req-123');
    await send(token, '{ query(vector: [1,2,3,4,5,6,7,8], topK: 0) { matches { id } } }');

    const parsed = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      level: 'info',
      requestId: 'req-123',
      tenantId: 'acme',
      operation: 'upsertVectors',
      status: 200,
      outcome: 'ok',
      errorCodes: [],
    });
    expect(parsed[0]!.durationMs).toBeTypeOf('number');
    expect(parsed[1]).toMatchObject({
      tenantId: 'acme',
      operation: 'query',
      outcome: 'error',
      errorCodes: ['BAD_USER_INPUT'],
    });
    expect(parsed[1]!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[2]!);
    expect(all).not.toContain(secretValue);
    expect(all).not.toContain('0.123456789');
  });
});
