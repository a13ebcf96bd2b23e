/**
 * npm run pinecone-local: the embedded engine behind Pinecone's REST API, so the official SDK (and
 * so this API with PINECONE_API_KEY + PINECONE_CONTROLLER_HOST) runs without a Pinecone account.
 * Port PINECONE_LOCAL_PORT (5080), interface PINECONE_LOCAL_HOST (127.0.0.1), data in DATA_DIR.
 * Requests must carry `Api-Key: $PINECONE_API_KEY` (default "pclocal", as Pinecone Local's docs use).
 * Do not point a running embedded-mode API at the same DATA_DIR: one engine per directory.
 */
import { ConfigError, loadConfig } from '../config.js';
import { startPineconeServer } from '../engine/http/index.js';

try {
  const config = loadConfig();
  const apiKey = config.pinecone.apiKey ?? 'pclocal';
  const server = await startPineconeServer({
    dataDir: config.dataDir,
    port: config.pinecone.localPort,
    host: config.pinecone.localHost,
    apiKey,
  });
  console.log(`Pinecone-compatible server on ${server.url} (data in ${config.dataDir}, Api-Key "${apiKey}")`);
  console.log(
    `Use it from the API:  PINECONE_API_KEY=${apiKey} PINECONE_CONTROLLER_HOST=${server.url} npm start`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
