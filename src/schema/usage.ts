/**
 * Usage metering in the schema: `WriteUsage` on write results, and the admin queries
 * `tenantUsage` / `tenantUsages` over the in-memory per-tenant meter (since the process started).
 */
import { adminScope } from '../context.js';
import { ADMIN_KEY, ANONYMOUS_KEY } from '../fairness/tenant-limits.js';
import type { TenantUsage } from '../usage/meter.js';
import type { WriteUsageShape } from '../usage/write-ledger.js';
import { LIMITS } from '../validation/limits.js';
import { validateTenantId } from '../validation/tenants.js';
import { validatePageSize } from '../validation/vectors.js';
import { builder } from './builder.js';

export const WriteUsage = builder.objectRef<WriteUsageShape>('WriteUsage').implement({
  description: 'What a write cost, in Pinecone write units.',
  fields: (t) => ({
    writeUnits: t.exposeFloat('writeUnits', {
      description:
        "Write units, at least 5: 1 per KB of an upsert's records as Pinecone sizes them (id, metadata as JSON, 4 bytes per dimension, 8 per sparse value), or of an update's or delete's arguments as JSON.",
    }),
  }),
});

const TenantUsageRef = builder.objectRef<TenantUsage>('TenantUsage').implement({
  description: "A tenant's metered usage since the server started (kept in memory).",
  fields: (t) => ({
    tenantId: t.exposeID('tenantId', { description: 'The tenant ("(admin)" for admin tokens without one).' }),
    requests: t.exposeInt('requests', { description: 'Operations executed.' }),
    readUnits: t.exposeFloat('readUnits', { description: 'Read units (queries and fetches).' }),
    writeUnits: t.exposeFloat('writeUnits', { description: 'Write units of successful writes.' }),
    rateLimited: t.exposeInt('rateLimited', { description: 'Requests refused with RATE_LIMITED.' }),
  }),
});

builder.queryFields((t) => ({
  tenantUsage: t.field({
    type: TenantUsageRef,
    description: "Admins only: one tenant's usage since the server started (zeros if none).",
    args: { tenantId: t.arg.id({ required: true, description: 'The tenant.' }) },
    resolve: (_root, args, ctx) => {
      adminScope(ctx);
      const id = String(args.tenantId);
      const special = id === ADMIN_KEY || id === ANONYMOUS_KEY;
      return ctx.services.usage.get(special ? id : validateTenantId('tenantId', id));
    },
  }),
  tenantUsages: t.field({
    type: [TenantUsageRef],
    description: 'Admins only: the heaviest tenants by read + write units since the server started.',
    args: {
      first: t.arg.int({
        description: `How many, 1 to ${LIMITS.maxListPage} (default ${LIMITS.maxListPage}).`,
      }),
    },
    resolve: (_root, args, ctx) => {
      adminScope(ctx);
      return ctx.services.usage.list().slice(0, validatePageSize('first', args.first, LIMITS.maxListPage));
    },
  }),
}));
