/**
 * The engine's Pinecone-compatible server on a free port with a temp DATA_DIR, and an SDK v8 client
 * aimed at it (maxRetries 0: a 5xx here is a bug and should fail fast, not back off).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pinecone } from '@pinecone-database/pinecone';
import { type PineconeServer, startPineconeServer } from '../../src/engine/http/index.js';

export const LOCAL_API_KEY = 'pclocal-test';

export interface LocalPinecone {
  server: PineconeServer;
  dataDir: string;
  client: Pinecone;
  /** Every 5xx the server produced (should stay empty). */
  faults: unknown[];
  /** Stops the server and starts a new one on the same DATA_DIR and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalPinecone(): Promise<LocalPinecone> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tvg-pinecone-'));
  const faults: unknown[] = [];
  const start = (port = 0) =>
    startPineconeServer({ dataDir, port, apiKey: LOCAL_API_KEY, onFault: (e) => faults.push(e) });
  const local: LocalPinecone = {
    server: await start(),
    dataDir,
    client: undefined as unknown as Pinecone,
    faults,
    async restart() {
      // Same port: the SDK caches index hosts per API key and index name, process-wide.
      const { port } = local.server;
      await local.server.close();
      local.server = await start(port);
      local.client = clientFor(local.server.url);
    },
    async close() {
      await local.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  local.client = clientFor(local.server.url);
  return local;
}

export const clientFor = (url: string, apiKey = LOCAL_API_KEY) =>
  new Pinecone({ apiKey, controllerHostUrl: url, maxRetries: 0 });
