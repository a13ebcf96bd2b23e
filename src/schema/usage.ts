/**
 * Usage metering in the schema: `WriteUsage` on write results, and the admin queries
 * `tenantUsage` / `tenantUsages` over the in-memory per-tenant meter (since the process started).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { adminScope } from '../context.js';
import { ADMIN_KEY, ANONYMOUS_KEY } from '../fairness/tenant-limits.js';
import type { TenantUsage } from '../usage/meter.js';
import { writeUnitsOf } from '../usage/units.js';
import { operationWriteUnits } from '../usage/write-units.js';
import { LIMITS } from '../validation/limits.js';
import { validateTenantId } from '../validation/tenants.js';
import { validatePageSize } from '../validation/vectors.js';
import { builder } from './builder.js';

export interface WriteUsageShape {
  writeUnits: number;
}

export const WriteUsage = builder.objectRef<WriteUsageShape>('WriteUsage').implement({
  description: 'What a write cost, in Pinecone write units.',
  fields: (t) => ({
    writeUnits: t.exposeFloat('writeUnits', {
      description: 'Write units: 1 per KB of the request (its arguments as JSON), at least 5.',
    }),
  }),
});

/**
 * The usage of a write root field: the figure the fairness plugin computed (and the meter records)
 * for this response key before execution; computed from the arguments only if there is none.
 */
export const writeUsage = (args: unknown, ctx: object, info: GraphQLResolveInfo): WriteUsageShape => ({
  writeUnits: operationWriteUnits(ctx)?.get(String(info.path.key)) ?? writeUnitsOf(args),
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
