/** Starts the API: reads the configuration, listens, prints dev tokens, shuts down on SIGTERM/SIGINT. */
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { signToken } from './auth/tokens.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}/graphql`;
  const backend =
    app.services.repository.backend === 'pinecone'
      ? `Pinecone at ${config.pinecone.controllerHost ?? 'api.pinecone.io'}`
      : `embedded engine, data in ${config.dataDir}`;
  console.log(`GraphQL API on ${url} (${backend})`);

  if (app.devSecret) {
    const sign = (tenant: string | undefined, admin: boolean) =>
      signToken({
        secret: app.devSecret!,
        tenant,
        admin,
        tenantClaim: config.auth.tenantClaim,
        rolesClaim: config.auth.rolesClaim,
      });
    console.log(
      '\nDevelopment mode: no AUTH_JWT_SECRET, so tokens are signed with a dev secret kept in DATA_DIR.',
    );
    console.log(`GraphiQL (${url}) has them preset, with the guide's operations as tabs.`);
    console.log('For other clients, send the header  Authorization: Bearer <token>\n');
    console.log(`tenant1 token: ${await sign('tenant1', false)}`);
    console.log(`tenant2 token: ${await sign('tenant2', false)}`);
    console.log(`admin token:   ${await sign(undefined, true)}`);
    console.log('\nMore: npm run token -- --tenant acme [--admin]');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests`);
    app.guards.draining = true; // /readiness answers 503 from now on
    // Stop accepting; in-flight requests finish (idle keep-alive sockets are closed at once, busy
    // ones after their response); past SHUTDOWN_TIMEOUT_MS the rest are cut. Then flush the engine.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    await closed;
    clearTimeout(timer);
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
