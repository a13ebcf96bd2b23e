/** Reading records by id: vector (DataLoader-batched), vectors, listVectors. */
import { tenantScope } from '../context.js';
import { LIMITS } from '../validation/limits.js';
import { validateId, validateIds, validatePageSize } from '../validation/vectors.js';
import { builder } from './builder.js';
import { INDEX_ARG_DESCRIPTION, Vector } from './common.js';

const VectorIdPage = builder.objectRef<{ ids: string[]; next?: string }>('VectorIdPage').implement({
  description: 'One page of record ids, in bitwise order.',
  fields: (t) => ({
    ids: t.idList({ description: 'Ids on this page.', resolve: (p) => p.ids }),
    nextCursor: t.string({
      nullable: true,
      description: 'Pass as `after` for the next page; null on the last page.',
      resolve: (p) => p.next ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  vector: t.field({
    type: Vector,
    nullable: true,
    description:
      'One record of your namespace by id, or null. Lookups in one request are batched into one fetch.',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      id: t.arg.id({ required: true, description: 'The record id.' }),
    },
    resolve: (_root, args, ctx) => {
      const id = validateId('id', String(args.id));
      return tenantScope(ctx).index(args.index).loader.load(id);
    },
  }),
  vectors: t.field({
    type: [Vector],
    nullable: { list: false, items: true },
    description:
      'Records of your namespace by id (up to 1,000), in the order asked; a missing id gives null.',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      ids: t.arg.idList({ required: true, description: 'Record ids, 1 to 1,000.' }),
    },
    resolve: (_root, args, ctx) => {
      const { loader } = tenantScope(ctx).index(args.index);
      return Promise.all(validateIds('ids', args.ids.map(String)).map((id) => loader.load(id)));
    },
  }),
  listVectors: t.field({
    type: VectorIdPage,
    description: 'Ids of your records, optionally by prefix, a page at a time (up to 100).',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      prefix: t.arg.string({ description: 'Only ids starting with this.' }),
      first: t.arg.int({
        description: `Page size, 1 to ${LIMITS.maxListPage} (default ${LIMITS.maxListPage}).`,
      }),
      after: t.arg.string({ description: 'The `nextCursor` of the previous page.' }),
    },
    resolve: (_root, args, ctx) =>
      tenantScope(ctx)
        .index(args.index)
        .store.list({
          prefix: args.prefix ?? undefined,
          limit: validatePageSize('first', args.first, LIMITS.maxListPage),
          after: args.after ?? undefined,
        }),
  }),
}));
