/**
 * The permission map: one rule per root field, deny for anything unlisted. Shield is applied to the
 * root fields only: every tenant's data is reachable only through them, and wrapping every leaf
 * field in an async middleware would multiply the cost of large results (graphql-stack.md §3.5).
 */
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { chain, deny, shield } from 'graphql-shield';
import { bindAdmin, bindQueryScope, bindTenant, isAuthenticated } from './rules.js';

const tenant = chain(isAuthenticated, bindTenant);
const admin = chain(isAuthenticated, bindAdmin);

export const permissions = {
  Query: {
    '*': deny,
    me: isAuthenticated,
    indexes: isAuthenticated,
    query: chain(isAuthenticated, bindQueryScope),
    vector: tenant,
    vectors: tenant,
    listVectors: tenant,
    namespaceStats: tenant,
    tenants: admin,
    tenantUsage: admin,
    tenantUsages: admin,
  },
  Mutation: {
    '*': deny,
    upsertVectors: tenant,
    updateVector: tenant,
    deleteVectors: tenant,
    offboardTenant: admin,
  },
};

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  const generator = shield(permissions, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => new GraphQLError('Not authorised', { extensions: { code: 'FORBIDDEN' } }),
  });
  const fieldMap = generator.generate(schema) as IMiddlewareFieldMap;
  const rootOnly = Object.fromEntries(Object.entries(fieldMap).filter(([type]) => ROOT_TYPES.has(type)));
  return applyMiddleware(schema, rootOnly);
}
