/**
 * The GraphQL context. `principal` is set at the edge from the token; `tenant` and `admin` scopes are
 * set only by the shield rules in src/permissions, never by resolvers.
 */
import type { YogaInitialContext } from 'graphql-yoga';
import type { Principal } from './auth/principal.js';
import type { DeferredFloatLists } from './serialize/float-lists.js';
import type { AdminScope } from './tenancy/admin.js';
import type { ScopeServices, TenantScope } from './tenancy/scope.js';
import type { UsageMeter } from './usage/meter.js';
import type { RequestUsage } from './usage/metered-repository.js';
import type { WriteLedger } from './usage/write-ledger.js';

export interface AppServices extends ScopeServices {
  /** Per-tenant usage since start (issue 6), read by the admin `tenantUsage` queries. */
  usage: UsageMeter;
}

export interface RequestContext {
  principal: Principal | null;
  /** This operation's services: `repository` meters read units into `readUsage`. */
  services: AppServices;
  /** Read units this operation used so far (recorded by the metering plugin). */
  readUsage: RequestUsage;
  /** Write units this operation's write fields charged (they charge it before writing). */
  writes: WriteLedger;
  /** Set for each execution by useFloatLists: where `values` resolvers hand long lists. */
  floatLists?: DeferredFloatLists;
  tenant?: TenantScope;
  admin?: AdminScope;
}

export type Context = YogaInitialContext & RequestContext;

/** The tenant scope a resolver runs under; the shield rule guarantees it exists. */
export function tenantScope(ctx: RequestContext): TenantScope {
  if (!ctx.tenant) throw new Error('tenant scope missing: the field has no tenant rule');
  return ctx.tenant;
}

export function adminScope(ctx: RequestContext): AdminScope {
  if (!ctx.admin) throw new Error('admin scope missing: the field has no admin rule');
  return ctx.admin;
}
