/** Writes to the caller's namespace: upsertVectors, updateVector, deleteVectors. */
import { tenantScope } from '../context.js';
import { appError, badInput } from '../errors.js';
import type { UpdateRequest } from '../repository/types.js';
import { upsertWriteUnits, writeUnitsOf } from '../usage/units.js';
import type { WriteUsageShape } from '../usage/write-ledger.js';
import {
  validateFilter,
  validateId,
  validateIds,
  validateMetadata,
  validateSparse,
  validateValues,
  validateVectors,
} from '../validation/vectors.js';
import { builder } from './builder.js';
import { INDEX_ARG_DESCRIPTION, SparseValuesInput } from './common.js';
import { WriteUsage } from './usage.js';

const usageField = {
  type: WriteUsage,
  description: "Write units this write used (also counted in the tenant's usage).",
  resolve: (r: { usage: WriteUsageShape }) => r.usage,
} as const;

const VectorInput = builder.inputType('VectorInput', {
  description: 'A record to store; an existing id is overwritten whole.',
  fields: (t) => ({
    id: t.id({ required: true, description: '1-512 ASCII characters, unique within your namespace.' }),
    values: t.floatList({
      description: 'The dense vector: exactly the index dimension, finite, not all zeros.',
    }),
    sparseValues: t.field({
      type: SparseValuesInput,
      description: 'Optional sparse vector (dotproduct indexes).',
    }),
    metadata: t.field({
      type: 'JSONObject',
      description: 'Flat metadata up to 40 KB: string, number, boolean or list-of-string values.',
    }),
  }),
});

const UpsertResult = builder
  .objectRef<{ upsertedCount: number; usage: WriteUsageShape }>('UpsertResult')
  .implement({
    description: 'Outcome of upsertVectors.',
    fields: (t) => ({
      upsertedCount: t.exposeInt('upsertedCount', { description: 'Records written.' }),
      usage: t.field(usageField),
    }),
  });

const UpdateResult = builder.objectRef<{ id: string; usage: WriteUsageShape }>('UpdateResult').implement({
  description: 'Outcome of updateVector.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The updated record.' }),
    usage: t.field(usageField),
  }),
});

const DeleteResult = builder
  .objectRef<{ deletedCount: number | null; usage: WriteUsageShape }>('DeleteResult')
  .implement({
    description: 'Outcome of deleteVectors.',
    fields: (t) => ({
      deletedCount: t.int({
        nullable: true,
        description: 'Records deleted; null where the backend does not report it (Pinecone).',
        resolve: (r) => r.deletedCount,
      }),
      usage: t.field(usageField),
    }),
  });

builder.mutationFields((t) => ({
  upsertVectors: t.field({
    type: UpsertResult,
    description:
      'Inserts or overwrites up to 1,000 records (2 MB) in your namespace: all of them, or none on bad input.',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      vectors: t.arg({ type: [VectorInput], required: true, description: '1 to 1,000 records.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const { index, store } = tenantScope(ctx).index(args.index);
      const records = validateVectors(
        'vectors',
        args.vectors.map((v) => ({ ...v, id: String(v.id) })),
        index,
      );
      const usage = ctx.writes.charge(info, upsertWriteUnits(records, index.dimension));
      return { upsertedCount: await store.upsert(records), usage };
    },
  }),
  updateVector: t.field({
    type: UpdateResult,
    description:
      'Changes one record: replaces its values and/or sparse values, and merges setMetadata into its metadata.',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      id: t.arg.id({ required: true, description: 'The record to update.' }),
      values: t.arg.floatList({ description: 'New dense vector.' }),
      sparseValues: t.arg({ type: SparseValuesInput, description: 'New sparse vector.' }),
      setMetadata: t.arg({ type: 'JSONObject', description: 'Metadata keys to set; other keys are kept.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const { index, store } = tenantScope(ctx).index(args.index);
      const id = validateId('id', String(args.id));
      const update: UpdateRequest = {};
      if (args.values) update.values = validateValues('values', args.values, index);
      if (args.sparseValues) update.sparseValues = validateSparse('sparseValues', args.sparseValues, index);
      if (args.setMetadata) update.setMetadata = validateMetadata('setMetadata', args.setMetadata);
      if (!update.values && !update.sparseValues && !update.setMetadata) {
        throw badInput('values', 'pass at least one of values, sparseValues or setMetadata');
      }
      const usage = ctx.writes.charge(info, writeUnitsOf(args));
      if (!(await store.update(id, update)))
        throw appError('NOT_FOUND', `No record with id "${id}" in your namespace`);
      return { id, usage };
    },
  }),
  deleteVectors: t.field({
    type: DeleteResult,
    description:
      'Deletes records of your namespace by ids, by metadata filter, or all of them (exactly one of the three).',
    args: {
      index: t.arg.string({ description: INDEX_ARG_DESCRIPTION }),
      ids: t.arg.idList({ description: 'Ids to delete, 1 to 1,000; unknown ids are ignored.' }),
      filter: t.arg({
        type: 'JSONObject',
        description: 'Delete every record matching this metadata filter.',
      }),
      deleteAll: t.arg.boolean({ description: 'true: delete every record of your namespace.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const { store } = tenantScope(ctx).index(args.index);
      const chosen = [args.ids != null, args.filter != null, args.deleteAll === true].filter(Boolean).length;
      if (chosen !== 1 || args.deleteAll === false) {
        throw badInput('ids', 'pass exactly one of ids, filter or deleteAll: true');
      }
      const ids = args.ids ? validateIds('ids', args.ids.map(String)) : undefined;
      const filter = args.filter ? validateFilter('filter', args.filter) : undefined;
      const usage = ctx.writes.charge(info, writeUnitsOf(args));
      const deletedCount = ids
        ? await store.deleteIds(ids)
        : filter
          ? await store.deleteByFilter(filter)
          : await store.deleteAll();
      return { usage, deletedCount };
    },
  }),
}));
