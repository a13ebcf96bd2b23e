/**
 * MAX_BODY_BYTES on every path of useBodyLimit: a declared Content-Length over the limit, a chunked
 * upload with no Content-Length (counted as it streams), and in-process
 * `app.fetch` (no node:http parser to rely on).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../testkit/server.js';

const big = JSON.stringify({ query: `{ me { tenantId } } # ${'x'.repeat(5000)}` });
const small = JSON.stringify({ query: '{ me { tenantId } }' });

function send(url: string, body: string, headers: Record<string, string>, chunked: boolean) {
  return new Promise<{ status: number; code?: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString();
      });
      res.on('end', () => {
        const json = JSON.parse(text || '{}') as { errors?: { extensions?: { code?: string } }[] };
        resolve({ status: res.statusCode ?? 0, code: json.errors?.[0]?.extensions?.code });
      });
    });
    req.on('error', reject);
    if (chunked) {
      req.write(body.slice(0, 100));
      req.end(body.slice(100));
    } else req.end(body);
  });
}

describe('request body limit', () => {
  let s: TestServer;
  let auth: Record<string, string>;
  beforeAll(async () => {
    s = await startServer({ MAX_BODY_BYTES: '4096' });
    auth = { authorization: `Bearer ${await s.token('acme')}` };
  });
  afterAll(() => s.close());

  it('refuses a declared or streamed body over the limit', async () => {
    const length = (b: string) => ({ 'content-length': String(Buffer.byteLength(b)) });
    expect(await send(s.url, big, { ...auth, ...length(big) }, false)).toEqual({
      status: 413,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
    expect(await send(s.url, big, auth, true)).toEqual({ status: 413, code: 'REQUEST_ENTITY_TOO_LARGE' });
    expect((await send(s.url, small, auth, true)).status).toBe(200);
    expect((await send(s.url, small, { ...auth, ...length(small) }, false)).status).toBe(200);
  });

  it('counts the body of in-process requests too', async () => {
    const res = await s.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: big,
    });
    expect(res.status).toBe(413);
  });
});
