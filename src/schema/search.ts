/** Similarity search: `query`, in the caller's namespace or, for admins, across named tenants. */
import { adminScope, tenantScope } from '../context.js';
import { badInput } from '../errors.js';
import type { QueryInput } from '../repository/types.js';
import { deferFloatList } from '../serialize/float-lists.js';
import type { TenantMatch } from '../tenancy/admin.js';
import { LIMITS } from '../validation/limits.js';
import { validateTenantIds } from '../validation/tenants.js';
import {
  validateFilter,
  validateId,
  validateSparse,
  validateTopK,
  validateValues,
} from '../validation/vectors.js';
import { builder } from './builder.js';
import { INDEX_ARG_DESCRIPTION, SparseValues, SparseValuesInput } from './common.js';
import { selectedSubfields } from './selection.js';

type MatchShape = Omit<TenantMatch, 'tenantId'> & { tenantId?: string };

const Match = builder.objectRef<MatchShape>('Match').implement({
  description: 'A search hit.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The record id.' }),
    score: t.exposeFloat('score', {
      description:
        'cosine similarity or dot product (higher is closer), or squared euclidean distance (lower is closer).',
    }),
    values: t.floatList({
      nullable: true,
      description: 'The dense vector (fetched only when selected).',
      resolve: (m, _args, ctx, info) => deferFloatList(ctx, info, m.float32Values ?? m.values),
    }),
    sparseValues: t.field({
      type: SparseValues,
      nullable: true,
      description: 'The sparse vector, if any (fetched only when selected).',
      resolve: (m) => m.sparseValues ?? null,
    }),
    metadata: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The metadata (fetched only when selected).',
      resolve: (m) => m.metadata ?? null,
    }),
    tenantId: t.id({
      nullable: true,
      description: 'The tenant the record belongs to; set on admin searches across tenants.',
      resolve: (m) => m.tenantId ?? null,
    }),
  }),
});

const Usage = builder.objectRef<{ readUnits: number }>('Usage').implement({
  description: 'What the request cost, in Pinecone read units.',
  fields: (t) => ({ readUnits: t.exposeFloat('readUnits', { description: 'Read units consumed.' }) }),
});

const QueryResult = builder
  .objectRef<{ matches: MatchShape[]; usage: { readUnits: number } }>('QueryResult')
  .implement({
    description: 'The closest records, best first.',
    fields: (t) => ({
      matches: t.field({
        type: [Match],
        description: 'Up to topK matches, best first.',
        resolve: (r) => r.matches,
      }),
      usage: t.field({
        type: Usage,
        nullable: true,
        description: 'Read units used.',
        resolve: (r) => r.usage,
      }),
    }),
  });

builder.queryField('query', (t) =>
  t.field({
    type: QueryResult,
    description:
      'The topK records closest to `vector` (or to the stored vector of `id`) in your namespace, optionally filtered on metadata.',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      vector: t.arg.floatList({ description: 'The query vector, as many values as the index dimension.' }),
      id: t.arg.id({ description: 'Query with the stored vector of this record instead of `vector`.' }),
      sparseVector: t.arg({
        type: SparseValuesInput,
        description: 'Sparse part of a hybrid query (dotproduct indexes).',
      }),
      topK: t.arg.int({ required: true, description: `How many matches to return, 1 to ${LIMITS.maxTopK}.` }),
      filter: t.arg({
        type: 'JSONObject',
        description:
          'Pinecone\'s metadata filter, e.g. {"genre": {"$in": ["comedy"]}, "year": {"$gte": 2020}}.',
      }),
      tenants: t.arg.idList({
        description: `Admins only: search these tenants (up to ${LIMITS.maxTenantsPerQuery}) at once.`,
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const selected = selectedSubfields(info, 'matches');
      const scoped = args.tenants ? undefined : tenantScope(ctx).index(args.index);
      const index = scoped ? scoped.index : adminScope(ctx).index(args.index);
      const input: QueryInput = {
        topK: validateTopK('topK', args.topK),
        includeValues: selected.has('values') || selected.has('sparseValues'),
        valuesAsFloat32: true,
        includeMetadata: selected.has('metadata'),
      };
      if ((args.vector == null) === (args.id == null))
        throw badInput('vector', 'pass exactly one of vector or id');
      if (args.vector) input.vector = validateValues('vector', args.vector, index);
      if (args.id != null) input.id = validateId('id', String(args.id));
      if (args.sparseVector) input.sparseVector = validateSparse('sparseVector', args.sparseVector, index);
      if (args.filter) input.filter = validateFilter('filter', args.filter);
      if (scoped) return scoped.store.query(input);
      return adminScope(ctx).query(
        index,
        validateTenantIds('tenants', (args.tenants ?? []).map(String)),
        input,
      );
    },
  }),
);
