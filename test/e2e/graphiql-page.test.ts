/** The GraphiQL page as served (no browser): self-contained, tokens only in development, off in production. */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../testkit/server.js';

const page = (server: TestServer) => fetch(server.url, { headers: { accept: 'text/html' } });
/** Anything the page would load from elsewhere: a src/href/url() with a scheme and a host. */
const EXTERNAL_LOAD = /(?:\bsrc|\bhref)\s*=\s*["'`]?\s*(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//i;

describe('GraphiQL page', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('in development: inline assets, the guide as tabs, dev tokens preset', async () => {
    server = await startServer({ NODE_ENV: 'development', AUTH_JWT_SECRET: '' });
    const res = await page(server);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(EXTERNAL_LOAD);
    for (const op of [
      'mutation Upsert',
      'mutation UpdateVector',
      'query QueryVectors',
      'mutation Offboard',
    ]) {
      expect(html).toContain(op);
    }
    expect(html).toMatch(/Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });

  it('with a configured secret: no token in the page, only how to get one', async () => {
    server = await startServer();
    const html = await (await page(server)).text();
    expect(html).toContain('query QueryVectors');
    expect(html).not.toMatch(/Bearer eyJ/);
    expect(html).toContain('npm run token -- --tenant tenant1');
  });

  it('in production: no GraphiQL at all', async () => {
    server = await startServer({ NODE_ENV: 'production' });
    const html = await (await page(server)).text();
    expect(html).not.toContain('YogaGraphiQL');
    expect(html).not.toContain('QueryVectors');
  });
});
