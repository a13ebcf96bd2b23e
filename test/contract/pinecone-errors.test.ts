/**
 * How PineconeRepository reports backend failures. Real parts throughout: our server for 4xx, a
 * closed port for connection errors, and tiny real HTTP servers for what our server never does on
 * purpose (503, 429, a hang).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PineconeRepository, type PineconeRepositoryOptions } from '../../src/repository/pinecone.js';
import type { IndexSpec } from '../../src/repository/types.js';
import { tenantNamespace } from '../../src/tenancy/namespace.js';
import { LOCAL_API_KEY, type LocalPinecone, startLocalPinecone } from '../testkit/pinecone.js';

const SPEC: IndexSpec = { name: 'errors', dimension: 2, metric: 'cosine' };

const repository = (url: string, options: Partial<PineconeRepositoryOptions> = {}) =>
  new PineconeRepository({
    apiKey: LOCAL_API_KEY,
    controllerHostUrl: url,
    cloud: 'aws',
    region: 'us-east-1',
    maxRetries: 0,
    timeoutMs: 5000,
    retryBaseDelayMs: 10,
    ...options,
  });

const codeOf = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as GraphQLError | undefined;
  if (!error) throw new Error('expected a rejection');
  return { code: error.extensions?.code, message: error.message };
};

/** A real HTTP server answering every request with `status` (or never, for a hang); counts requests. */
async function stubServer(status: number | 'hang', body = '{}') {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    if (status === 'hang') return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('PineconeRepository error mapping', () => {
  let local: LocalPinecone;
  let repo: PineconeRepository;

  beforeAll(async () => {
    local = await startLocalPinecone();
    repo = repository(local.server.url);
    await repo.init([SPEC]);
  });
  afterAll(() => local.close());

  it('maps an unknown index to NOT_FOUND', async () => {
    const store = repo.store({ name: 'no-such-index', dimension: 2, metric: 'cosine' }, tenantNamespace('t'));
    expect(await codeOf(store.count())).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("maps Pinecone's 400s to BAD_USER_INPUT with Pinecone's message", async () => {
    const store = repo.store(SPEC, tenantNamespace('t'));
    const wrongDimension = await codeOf(store.upsert([{ id: 'a', values: [1, 2, 3] }]));
    expect(wrongDimension.code).toBe('BAD_USER_INPUT');
    expect(wrongDimension.message).toContain(
      'Vector dimension 3 does not match the dimension of the index 2',
    );
    const zeros = await codeOf(
      store.query({ vector: [0, 0], topK: 1, includeValues: false, includeMetadata: false }),
    );
    expect(zeros.code).toBe('BAD_USER_INPUT');
    // A filter our parser would refuse, built by hand to reach the server: $gt on a string.
    const filter = await codeOf(
      store.deleteByFilter({ op: '$gt', field: 'n', value: 'x' as unknown as number }),
    );
    expect(filter.code).toBe('BAD_USER_INPUT');
  });

  it('stops the start when an existing index has another dimension', async () => {
    await expect(repository(local.server.url).init([{ ...SPEC, dimension: 3 }])).rejects.toThrow(
      /has dimension 2 .* asks for 3/,
    );
  });

  it('retries a 503 a bounded number of times, then BACKEND_UNAVAILABLE', async () => {
    const stub = await stubServer(503, '{"error":{"code":"UNAVAILABLE","message":"down"}}');
    try {
      const result = await codeOf(repository(stub.url, { maxRetries: 2 }).init([SPEC]));
      expect(result.code).toBe('BACKEND_UNAVAILABLE');
      expect(stub.requests()).toBe(3);
    } finally {
      await stub.close();
    }
  });

  it('maps a refused connection to BACKEND_UNAVAILABLE', async () => {
    const stub = await stubServer(200);
    await stub.close();
    expect(await codeOf(repository(stub.url, { maxRetries: 1 }).ping())).toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
    });
  });

  it('gives up on a request that hangs after the timeout', async () => {
    const stub = await stubServer('hang');
    try {
      const started = Date.now();
      const result = await codeOf(repository(stub.url, { timeoutMs: 150, maxRetries: 1 }).init([SPEC]));
      expect(result.code).toBe('BACKEND_UNAVAILABLE');
      expect(stub.requests()).toBe(2);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await stub.close();
    }
  });

  it('maps 429 to RATE_LIMITED and a rejected API key to BACKEND_UNAVAILABLE, neither retried', async () => {
    const limited = await stubServer(429, 'Too many requests');
    try {
      expect(await codeOf(repository(limited.url, { maxRetries: 3 }).ping())).toMatchObject({
        code: 'RATE_LIMITED',
      });
      expect(limited.requests()).toBe(1);
    } finally {
      await limited.close();
    }
    const wrongKey = repository(local.server.url, { apiKey: 'wrong', maxRetries: 3 });
    expect(await codeOf(wrongKey.ping())).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });
});
