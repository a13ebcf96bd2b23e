/**
 * GraphiQL at GET /graphql (never in production). The page and all of its assets come from
 * @graphql-yoga/render-graphiql, inlined, so it works offline and behind corporate proxies (Yoga's
 * default page loads them from a CDN). The guide's walk-through is preloaded as tabs; in development
 * (no AUTH_JWT_SECRET / AUTH_JWKS_URL) each tab carries a token minted with the dev secret for the
 * tenant the guide uses, so the examples run as they are.
 */
import { print } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { signToken } from './auth/tokens.js';
import {
  OffboardDocument,
  QueryVectorsDocument,
  StatsDocument,
  UpdateVectorDocument,
  UpsertDocument,
} from './client/gql/graphql.js';
import { QUERY_VECTOR, TENANT1_VECTORS, TENANT2_VECTORS, UPDATED_A } from './client/guide.js';
import type { Config } from './config.js';

type Caller = 'tenant1' | 'tenant2' | 'admin';
type Tab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/** Dev tokens live as long as a working day: a page left open overnight gets reloaded anyway. */
const DEV_TOKEN_TTL = '12h';

/** Pretty JSON, but with lists of numbers kept on one line (vectors would take a line per value). */
const pretty = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(
    /\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g,
    (_m, list: string) => `[${list.replace(/\s+/g, ' ')}]`,
  );

const EXAMPLES: { caller: Caller; query: string; variables?: Record<string, unknown> }[] = [
  { caller: 'tenant1', query: print(UpsertDocument), variables: { vectors: TENANT1_VECTORS } },
  { caller: 'tenant2', query: print(UpsertDocument), variables: { vectors: TENANT2_VECTORS } },
  { caller: 'tenant1', query: print(UpdateVectorDocument), variables: { id: 'A', values: UPDATED_A } },
  { caller: 'tenant2', query: print(QueryVectorsDocument), variables: { vector: QUERY_VECTOR, topK: 3 } },
  { caller: 'admin', query: print(OffboardDocument), variables: { tenantId: 'tenant1' } },
  { caller: 'tenant1', query: print(StatsDocument) },
];

/**
 * Yoga's `graphiql` option: false in production; otherwise options built per page load, so dev
 * tokens are fresh. `devSecret` is the secret createApp made because none was configured.
 */
export function graphiqlOptions(
  config: Config,
  devSecret: string | undefined,
): false | (() => Promise<GraphiQLOptions>) {
  if (config.env === 'production') return false;
  const mint = async (caller: Caller) =>
    devSecret
      ? signToken({
          secret: devSecret,
          tenant: caller === 'admin' ? undefined : caller,
          admin: caller === 'admin',
          tenantClaim: config.auth.tenantClaim,
          rolesClaim: config.auth.rolesClaim,
          expiresIn: DEV_TOKEN_TTL,
        })
      : `<a token for ${caller}: npm run token -- ${caller === 'admin' ? '--admin' : `--tenant ${caller}`}>`;
  const headers = async (caller: Caller) => pretty({ Authorization: `Bearer ${await mint(caller)}` });

  return async () => {
    const defaultTabs: Tab[] = await Promise.all(
      EXAMPLES.map(async (e) => ({
        query: `# As ${e.caller} (see the Headers pane)\n${e.query}`,
        variables: e.variables ? pretty(e.variables) : null,
        headers: await headers(e.caller),
      })),
    );
    return {
      title: 'Tenant vector search',
      defaultHeaders: await headers('tenant1'),
      defaultTabs,
      defaultEditorToolsVisibility: true,
      // Tokens are per page load; persisting them would keep stale ones around.
      shouldPersistHeaders: false,
    };
  };
}
