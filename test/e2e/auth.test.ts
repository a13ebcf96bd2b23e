/** Authentication at the edge and authorization by shield, with real signed tokens. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.js';
import { ME, OFFBOARD, QUERY, QUERY_VECTOR, STATS, TENANTS } from '../testkit/guide.js';
import { errorCode, startServer, TEST_SECRET, type TestServer } from '../testkit/server.js';

describe('authentication with HS256', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('identifies a tenant from its token', async () => {
    const res = await server.gql(await server.token('acme'), ME);
    expect(res.data).toEqual({ me: { tenantId: 'acme', roles: [] } });
  });

  it.each([
    ['missing', async () => undefined],
    [
      'expired',
      () => signToken({ secret: TEST_SECRET, tenant: 'acme', expiresIn: Math.floor(Date.now() / 1000) - 60 }),
    ],
    ['signed with another secret', () => signToken({ secret: 'x'.repeat(40), tenant: 'acme' })],
    ['alg: none', async () => new UnsecuredJWT({ tenant: 'acme', roles: ['admin'] }).setIssuedAt().encode()],
    ['without a tenant claim', () => signToken({ secret: TEST_SECRET })],
    ['not a JWT', async () => 'hello'],
  ])('rejects a %s token with UNAUTHENTICATED', async (_name, makeToken) => {
    const res = await server.gql(await makeToken(), ME);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('answers HTTP 401 with WWW-Authenticate for a bad token', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: JSON.stringify({ query: print(ME) }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('forbids offboardTenant and tenants: to a tenant', async () => {
    const token = await server.token('acme');
    expect(errorCode(await server.gql(token, OFFBOARD, { tenantId: 'other' }))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(token, TENANTS))).toBe('FORBIDDEN');
    const res = await server.gql(token, QUERY, { vector: QUERY_VECTOR, topK: 1, tenants: ['other'] });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('forbids tenant data to an admin token without a tenant', async () => {
    const admin = await server.token(undefined, { admin: true });
    expect(errorCode(await server.gql(admin, STATS))).toBe('FORBIDDEN');
  });
});

describe('authentication with RS256 against a JWKS URL', () => {
  let jwks: Server;
  let server: TestServer;
  let privateKey: CryptoKey;
  const sign = (claims: Record<string, unknown>, alg = 'RS256', key: CryptoKey = privateKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid: 'k1' })
      .setIssuer('https://idp.test')
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    server = await startServer({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      AUTH_ISSUER: 'https://idp.test',
    });
  });
  afterAll(async () => {
    await server.close();
    jwks.close();
  });

  it('accepts a token signed by a key of the JWKS', async () => {
    const res = await server.gql(await sign({ tenant: 'globex', roles: ['admin'] }), ME);
    expect(res.data).toEqual({ me: { tenantId: 'globex', roles: ['admin'] } });
  });

  it('rejects a token from another key, another issuer, or HS256 signed with the public key', async () => {
    const other = (await generateKeyPair('RS256')).privateKey;
    expect(errorCode(await server.gql(await sign({ tenant: 'globex' }, 'RS256', other), ME))).toBe(
      'UNAUTHENTICATED',
    );
    const wrongIssuer = await new SignJWT({ tenant: 'globex' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://evil.test')
      .sign(privateKey);
    expect(errorCode(await server.gql(wrongIssuer, ME))).toBe('UNAUTHENTICATED');
    const hs = await signToken({ secret: TEST_SECRET, tenant: 'globex' });
    expect(errorCode(await server.gql(hs, ME))).toBe('UNAUTHENTICATED');
  });
});
