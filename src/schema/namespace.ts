/** namespaceStats: the caller's record count in an index. */
import { tenantScope } from '../context.js';
import { builder } from './builder.js';
import { INDEX_ARG_DESCRIPTION } from './common.js';

const NamespaceStats = builder.objectRef<{ index: string; recordCount: number }>('NamespaceStats').implement({
  description: 'Statistics of your namespace in one index.',
  fields: (t) => ({
    index: t.exposeString('index', { description: 'The index.' }),
    recordCount: t.exposeInt('recordCount', { description: 'Records you have stored in it.' }),
  }),
});

builder.queryField('namespaceStats', (t) =>
  t.field({
    type: NamespaceStats,
    description: 'How many records you have in an index.',
    args: { index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }) },
    resolve: async (_root, args, ctx) => {
      const { index, store } = tenantScope(ctx).index(args.index);
      return { index: index.name, recordCount: await store.count() };
    },
  }),
);
