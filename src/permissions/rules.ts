/**
 * graphql-shield rules. Rules that bind a scope write it to the context, so they are composed with
 * `chain` (sequential), never `and` (parallel). `asTenant` is the only place a principal becomes a
 * TenantScope, `asAdmin` the only place an AdminScope is made.
 */
import type { GraphQLError } from 'graphql';
import { rule } from 'graphql-shield';
import { isAdmin } from '../auth/principal.js';
import type { Context } from '../context.js';
import { appError } from '../errors.js';
import { AdminScope } from '../tenancy/admin.js';
import { TenantScope } from '../tenancy/scope.js';

function asTenant(ctx: Context, hint: string): true | GraphQLError {
  const tenantId = ctx.principal?.tenantId;
  if (!tenantId) return appError('FORBIDDEN', `This token has no tenant: ${hint}`);
  ctx.tenant ??= new TenantScope(tenantId, ctx.services);
  return true;
}

function asAdmin(ctx: Context, message: string): true | GraphQLError {
  if (!isAdmin(ctx.principal)) return appError('FORBIDDEN', message);
  ctx.admin ??= new AdminScope(ctx.services);
  return true;
}

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: Context) =>
    ctx.principal
      ? true
      : appError('UNAUTHENTICATED', 'Authentication required: send "Authorization: Bearer <token>"'),
);

export const bindTenant = rule('bindTenant', { cache: 'contextual' })((_parent, _args, ctx: Context) =>
  asTenant(ctx, 'use a tenant token for tenant data'),
);

export const bindAdmin = rule('bindAdmin', { cache: 'contextual' })((_parent, _args, ctx: Context) =>
  asAdmin(ctx, 'This operation requires the admin role'),
);

/** `query` searches the caller's namespace, or, with `tenants:`, several tenants: admins only. */
export const bindQueryScope = rule('bindQueryScope', { cache: 'no_cache' })(
  (_parent, args: { tenants?: unknown }, ctx: Context) =>
    args.tenants == null
      ? asTenant(ctx, 'pass tenants: [...] to search tenants as an admin')
      : asAdmin(ctx, 'tenants: is for admins; without it, query searches your own data'),
);
