/**
 * createApp(config, deps) builds the Yoga server (no socket: tests call `app.fetch`, main.ts
 * listens). The tenant is worked out here, at the edge, from the Bearer token.
 */

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createGraphQLError, createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { AuthError, type Authenticator, createAuthenticator } from './auth/authenticate.js';
import { loadOrCreateDevSecret } from './auth/tokens.js';
import type { Config } from './config.js';
import type { AppServices, RequestContext } from './context.js';
import { applyPermissions } from './permissions/shield.js';
import { EmbeddedRepository } from './repository/embedded.js';
import type { VectorRepository } from './repository/types.js';
import { schema } from './schema/index.js';

export interface AppDeps {
  repository?: VectorRepository;
}

export type App = YogaServerInstance<Record<string, never>, RequestContext> & {
  services: AppServices;
  /** The HS256 secret in use when none was configured (development only). */
  devSecret?: string;
  close(): Promise<void>;
};

export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const repository = deps.repository ?? new EmbeddedRepository(config.dataDir);
  await repository.init(config.indexes);
  const services: AppServices = {
    catalog: { indexes: config.indexes, defaultIndex: config.defaultIndex },
    repository,
  };
  const devSecret =
    config.auth.jwtSecret || config.auth.jwksUrl ? undefined : await loadOrCreateDevSecret(config.dataDir);
  const authenticate = createAuthenticator({ ...config.auth, jwtSecret: config.auth.jwtSecret ?? devSecret });

  const yoga = createYoga<Record<string, never>, RequestContext>({
    schema: applyPermissions(schema),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: true,
    graphiql: config.env === 'production' ? false : { title: 'Tenant vector search' },
    renderGraphiQL,
    context: async ({ request }) => ({
      principal: await principalOf(authenticate, request.headers.get('authorization')),
      services,
    }),
    plugins: [useReadinessCheck({ endpoint: '/readiness', check: () => repository.ping().then(() => true) })],
  });

  return Object.assign(yoga, {
    services,
    devSecret,
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
