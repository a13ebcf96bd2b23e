/**
 * startPineconeServer: the engine behind Pinecone's REST API on one port (control plane at the root,
 * each index under /index/{name}). Pass an open `engine` to share it with an in-process
 * EmbeddedRepository (the caller then owns and closes it), or a `dataDir` to have one made here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Engine } from '../engine.js';
import { IndexCatalog } from './catalog.js';
import { createPineconeHandler } from './router.js';

export interface PineconeServerOptions {
  engine?: Engine;
  dataDir?: string;
  /** 0 picks a free port. Default 5080, Pinecone Local's control-plane port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** When set, requests must carry this Api-Key; when unset any key is accepted (as Pinecone Local). */
  apiKey?: string;
  onFault?: (error: unknown) => void;
}

export interface PineconeServer {
  /** The controller URL to give the SDK (`controllerHostUrl` / PINECONE_CONTROLLER_HOST). */
  url: string;
  port: number;
  engine: Engine;
  close(): Promise<void>;
}

export async function startPineconeServer(options: PineconeServerOptions): Promise<PineconeServer> {
  if (!options.engine && !options.dataDir)
    throw new Error('startPineconeServer needs an engine or a dataDir');
  const engine = options.engine ?? new Engine(options.dataDir!);
  const catalog = new IndexCatalog(engine);
  await catalog.load();
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 5080;
  const reachable =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const server = createServer(
    createPineconeHandler({
      catalog,
      apiKey: options.apiKey,
      fallbackHost: () => `${reachable}:${port}`,
      onFault: options.onFault ?? ((error) => console.error('pinecone-local: internal error', error)),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${reachable}:${port}`,
    port,
    engine,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.engine) await engine.close();
    },
  };
}
