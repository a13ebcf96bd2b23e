import type { Principal as PrincipalShape } from '../auth/principal.js';
import type { IndexConfig } from '../config.js';
import { builder } from './builder.js';

const Principal = builder.objectRef<PrincipalShape>('Principal').implement({
  description: 'Who the caller is, as proven by its token.',
  fields: (t) => ({
    tenantId: t.id({
      nullable: true,
      description: 'The tenant whose data this token reads and writes (absent on tenant-less admin tokens).',
      resolve: (p) => p.tenantId ?? null,
    }),
    roles: t.stringList({
      description: 'Roles from the token; "admin" may offboard and search across tenants.',
      resolve: (p) => p.roles,
    }),
  }),
});

const IndexInfo = builder.objectRef<IndexConfig>('IndexInfo').implement({
  description: 'A configured index: one per workload.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name to pass as `index:`.' }),
    dimension: t.exposeInt('dimension', { description: 'Number of values every vector must have.' }),
    metric: t.exposeString('metric', {
      description:
        'cosine (higher is closer), dotproduct (higher is closer) or euclidean (squared distance, lower is closer).',
    }),
    tenancy: t.exposeString('tenancy', {
      description:
        'namespace: one namespace per tenant; metadata: one shared namespace filtered on a reserved field.',
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: Principal,
    description: 'The caller, as its token identifies it.',
    resolve: (_root, _args, ctx) => ctx.principal!,
  }),
  indexes: t.field({
    type: [IndexInfo],
    description: 'The configured indexes.',
    resolve: (_root, _args, ctx) => ctx.services.catalog.indexes,
  }),
}));
