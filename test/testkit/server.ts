/**
 * A real server on a real port for end-to-end tests: temp DATA_DIR, a fixed HS256 secret, and
 * helpers to mint tokens and send GraphQL over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { type App, createApp } from '../../src/app.js';
import { signToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { startPineconeServer } from '../../src/engine/http/index.js';

const PINECONE_TEST_KEY = 'pclocal-e2e';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  token(tenant: string | undefined, options?: { admin?: boolean }): Promise<string>;
  /** A generated typed document: variables and result are checked against the schema at typecheck. */
  gql<TResult, TVariables>(
    token: string | undefined,
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<GraphQLResponse<TResult>>;
  /** Raw text, for the malformed, hostile or ad-hoc operations some tests send on purpose. */
  gql<T = Record<string, unknown>>(
    token: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Stops the server and starts a new one on the same DATA_DIR (a process restart, minus the process). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Which backend the end-to-end suite runs on: `embedded` (the engine in process), or `pinecone`
 * (PineconeRepository → the official SDK → the engine's Pinecone-compatible server over HTTP).
 * vitest.config.ts runs test/e2e once per backend.
 */
export const E2E_BACKEND = process.env.E2E_BACKEND === 'pinecone' ? 'pinecone' : 'embedded';

/** What a backend reports as a delete count: Pinecone's delete API does not say how many it removed. */
export const deletedCount = (n: number): number | null => (E2E_BACKEND === 'pinecone' ? null : n);

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'tvg-e2e-'));
  const pinecone =
    E2E_BACKEND === 'pinecone' && !env.PINECONE_API_KEY
      ? await startPineconeServer({ dataDir: join(dataDir, 'pinecone'), port: 0, apiKey: PINECONE_TEST_KEY })
      : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_SECRET,
    PORT: '0',
    ...(pinecone ? { PINECONE_API_KEY: PINECONE_TEST_KEY, PINECONE_CONTROLLER_HOST: pinecone.url } : {}),
    ...env,
    DATA_DIR: dataDir,
  });
  let app: App;
  let server: Server;
  let url = '';

  const start = async () => {
    app = await createApp(config);
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  };
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  };
  await start();

  return {
    get url() {
      return url;
    },
    get app() {
      return app;
    },
    dataDir,
    token: (tenant, options = {}) =>
      signToken({
        // A server started without a secret (dev mode) signs with the dev secret it made.
        secret: config.auth.jwtSecret ?? app.devSecret ?? TEST_SECRET,
        tenant,
        admin: options.admin,
        tenantClaim: config.auth.tenantClaim,
      }),
    async gql(token: string | undefined, document: string | DocumentNode, variables?: unknown) {
      const query = typeof document === 'string' ? document : print(document);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      await pinecone?.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The single error code of a response, failing loudly when there is not exactly one error. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  if (response.errors?.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(response)}`);
  return response.errors[0]!.extensions?.code;
}
