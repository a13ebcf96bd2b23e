/** Types and arguments shared by several domain files. */
import type { SparseValues as SparseShape, VectorRecord } from '../repository/types.js';
import { deferFloatList } from '../serialize/float-lists.js';
import { builder } from './builder.js';

export const INDEX_ARG_DESCRIPTION =
  'The index to use; may be omitted when only one index is configured or DEFAULT_INDEX is set.';

export const SparseValues = builder.objectRef<SparseShape>('SparseValues').implement({
  description: 'A sparse vector: parallel lists of dimension indices and their values.',
  fields: (t) => ({
    indices: t.exposeIntList('indices', { description: 'Dimension indices (0 to 4294967295), no repeats.' }),
    values: t.exposeFloatList('values', { description: 'The value at each index.' }),
  }),
});

export const SparseValuesInput = builder.inputType('SparseValuesInput', {
  description: 'A sparse vector (dotproduct indexes only): up to 2,048 non-zero entries.',
  fields: (t) => ({
    indices: t.intList({ required: true, description: 'Dimension indices, unique, 0 to 4294967295.' }),
    values: t.floatList({ required: true, description: 'Finite values, as many as indices.' }),
  }),
});

export const Vector = builder.objectRef<VectorRecord>('Vector').implement({
  description: "A stored record of the caller's namespace.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The record id, unique within your namespace.' }),
    values: t.floatList({
      nullable: true,
      description: 'The dense vector.',
      resolve: (v, _args, ctx, info) => deferFloatList(ctx, info, v.values),
    }),
    sparseValues: t.field({
      type: SparseValues,
      nullable: true,
      description: 'The sparse vector, if any.',
      resolve: (v) => v.sparseValues ?? null,
    }),
    metadata: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The metadata, if any.',
      resolve: (v) => v.metadata ?? null,
    }),
  }),
});
