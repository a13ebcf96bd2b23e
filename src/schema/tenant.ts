/** Admin operations on tenants: tenants (listing) and offboardTenant. */
import { adminScope } from '../context.js';
import type { OffboardedIndex } from '../tenancy/admin.js';
import { LIMITS } from '../validation/limits.js';
import { validateTenantId } from '../validation/tenants.js';
import { validatePageSize } from '../validation/vectors.js';
import { builder } from './builder.js';
import { INDEX_ARG_DESCRIPTION } from './common.js';

const TenantInfo = builder.objectRef<{ tenantId: string; recordCount: number }>('TenantInfo').implement({
  description: 'A tenant with data in an index.',
  fields: (t) => ({
    tenantId: t.exposeID('tenantId', { description: 'The tenant id (its namespace name).' }),
    recordCount: t.exposeInt('recordCount', { description: 'Records it has in the index.' }),
  }),
});

const TenantPage = builder
  .objectRef<{ tenants: { tenantId: string; recordCount: number }[]; next?: string }>('TenantPage')
  .implement({
    description: 'One page of tenants, ordered by id.',
    fields: (t) => ({
      tenants: t.field({
        type: [TenantInfo],
        description: 'Tenants on this page.',
        resolve: (p) => p.tenants,
      }),
      nextCursor: t.string({
        nullable: true,
        description: 'Pass as `after` for the next page; null on the last page.',
        resolve: (p) => p.next ?? null,
      }),
    }),
  });

const OffboardedIndexRef = builder.objectRef<OffboardedIndex>('OffboardedIndex').implement({
  description: 'What offboarding removed from one index.',
  fields: (t) => ({
    index: t.exposeString('index', { description: 'The index.' }),
    recordCount: t.exposeInt('recordCount', { description: 'Records removed.' }),
  }),
});

const OffboardResult = builder
  .objectRef<{ tenantId: string; removed: OffboardedIndex[] }>('OffboardResult')
  .implement({
    description: 'Outcome of offboardTenant.',
    fields: (t) => ({
      tenantId: t.exposeID('tenantId', { description: 'The offboarded tenant.' }),
      removed: t.field({
        type: [OffboardedIndexRef],
        description: 'Indexes where the tenant had data, now deleted; empty when there was nothing left.',
        resolve: (r) => r.removed,
      }),
      removedRecordCount: t.int({
        description: 'Records removed in all.',
        resolve: (r) => r.removed.reduce((sum, i) => sum + i.recordCount, 0),
      }),
    }),
  });

builder.queryField('tenants', (t) =>
  t.field({
    type: TenantPage,
    description: 'Admins only: the tenants that have data in an index.',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      prefix: t.arg.string({ description: 'Only tenant ids starting with this.' }),
      first: t.arg.int({
        description: `Page size, 1 to ${LIMITS.maxListPage} (default ${LIMITS.maxListPage}).`,
      }),
      after: t.arg.string({ description: 'The `nextCursor` of the previous page.' }),
    },
    resolve: (_root, args, ctx) => {
      const admin = adminScope(ctx);
      return admin.listTenants(admin.index(args.index), {
        prefix: args.prefix ?? undefined,
        limit: validatePageSize('first', args.first, LIMITS.maxListPage),
        after: args.after ?? undefined,
      });
    },
  }),
);

builder.mutationField('offboardTenant', (t) =>
  t.field({
    type: OffboardResult,
    description:
      "Admins only: deletes all of a tenant's records (its namespace) in one index, or in every index when `index` is omitted.",
    args: {
      tenantId: t.arg.id({ required: true, description: 'The tenant to offboard.' }),
      index: t.arg.string({ description: 'Only this index; omit for every index.' }),
    },
    resolve: async (_root, args, ctx) => {
      const tenantId = validateTenantId('tenantId', String(args.tenantId));
      return { tenantId, removed: await adminScope(ctx).offboard(tenantId, args.index) };
    },
  }),
);
