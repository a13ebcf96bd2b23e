/**
 * createApp(config, deps) builds the Yoga server (no socket: tests call `app.fetch`, main.ts
 * listens). The tenant is worked out here, at the edge, from the Bearer token.
 */

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { AuthError, type Authenticator, createAuthenticator } from './auth/authenticate.js';
import { cachedAuthenticator } from './auth/token-cache.js';
import { loadOrCreateDevSecret } from './auth/tokens.js';
import type { Config } from './config.js';
import type { AppServices, RequestContext } from './context.js';
import { graphiqlOptions } from './graphiql.js';
import { createGuardRails, type GuardRails } from './guard-rails.js';
import type { Logger } from './logging/logger.js';
import { applyPermissions } from './permissions/shield.js';
import { persistedOperationsPlugins } from './persisted-operations.js';
import { useFastExecution } from './plugins/use-fast-execution.js';
import { useFloatLists } from './plugins/use-float-lists.js';
import { useReadiness } from './plugins/use-readiness.js';
import { createRepository } from './repository/create-repository.js';
import type { VectorRepository } from './repository/types.js';
import { schema } from './schema/index.js';
import { UsageMeter } from './usage/meter.js';
import { meteredRepository } from './usage/metered-repository.js';

export interface AppDeps {
  repository?: VectorRepository;
  /** Where log lines go (tests capture them); default: JSON lines on stdout at LOG_LEVEL. */
  logger?: Logger;
}

export type App = YogaServerInstance<Record<string, never>, RequestContext> & {
  services: AppServices;
  /** The HS256 secret in use when none was configured (development only). */
  devSecret?: string;
  close(): Promise<void>;
  /** Logger, usage meter, scheduler and the draining flag (set it on shutdown: /readiness → 503). */
  guards: GuardRails;
};

export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const repository = deps.repository ?? createRepository(config);
  await repository.init(config.indexes);
  const services: AppServices = {
    catalog: { indexes: config.indexes, defaultIndex: config.defaultIndex },
    repository,
    usage: new UsageMeter(),
  };
  const devSecret =
    config.auth.jwtSecret || config.auth.jwksUrl ? undefined : await loadOrCreateDevSecret(config.dataDir);
  const authenticate = cachedAuthenticator(
    createAuthenticator({ ...config.auth, jwtSecret: config.auth.jwtSecret ?? devSecret }),
  );
  const guards = createGuardRails(config, authenticate, services.usage, deps.logger);

  const yoga = createYoga<Record<string, never>, RequestContext>({
    schema: applyPermissions(schema),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: true,
    ...guards.yogaOptions,
    graphiql: graphiqlOptions(config, devSecret),
    renderGraphiQL,
    context: async ({ request }) => {
      // Per operation: a repository view that adds the read units of every query/fetch to readUsage.
      const readUsage = { readUnits: 0 };
      return {
        principal: await principalOf(authenticate, request.headers.get('authorization')),
        services: { ...services, repository: meteredRepository(repository, readUsage) },
        readUsage,
        writes: guards.writeLedger(request),
      };
    },
    plugins: [
      ...guards.first,
      ...persistedOperationsPlugins(config),
      useReadiness('/readiness', () => !guards.draining && repository.ping().then(() => true)),
      // Execution fast paths (issue 7): variables coerced once, repeated operations compiled, long
      // float lists kept out of item-by-item completion and written by a dedicated serialiser.
      useFastExecution(),
      useFloatLists(),
      ...guards.last,
    ],
  });

  return Object.assign(yoga, {
    services,
    devSecret,
    guards,
    close: () => repository.close(),
  }) as App;
}

async function principalOf(authenticate: Authenticator, header: string | null) {
  try {
    return await authenticate(header);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    throw createGraphQLError(`Invalid token: ${error.message}`, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
      },
    });
  }
}
