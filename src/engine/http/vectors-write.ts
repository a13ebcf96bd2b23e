/** Data plane writes: upsert, update (by id or filter), delete (by ids, filter or all). Bodies are JSON on success. */
import type { UpdateRequest } from '../types.js';
import type { Handler } from './context.js';
import { invalid } from './errors.js';
import * as v from './validate.js';

export const upsert: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  if (ctx.rawBody.length > v.LIMITS.maxUpsertBytes) {
    throw invalid(
      `Request size ${(ctx.rawBody.length / 1e6).toFixed(1)}MB exceeds the maximum supported size of 2MB`,
    );
  }
  const namespace = v.namespaceOf(ctx.body.namespace);
  const records = v.vectors(ctx.body.vectors, record);
  const upsertedCount = await index.namespace(namespace).upsert(records);
  return { body: { upsertedCount } };
};

export const update: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const b = ctx.body;
  const ns = index.namespace(v.namespaceOf(b.namespace));
  const hasId = b.id !== undefined && b.id !== null;
  const filter = v.filter(b.filter);
  if (hasId === (filter !== undefined)) throw invalid('Provide exactly one of id or filter');
  const setMetadata = b.setMetadata == null ? undefined : v.metadata(b.setMetadata, 'setMetadata');
  if (filter) {
    if (b.values != null || b.sparseValues != null) {
      throw invalid('Updating by filter can only set metadata (values and sparseValues are not allowed)');
    }
    if (!setMetadata) throw invalid('setMetadata is required when updating by filter');
    if (b.dryRun === true) return { body: { matchedRecords: await ns.count({ filter }) } };
    return { body: { matchedRecords: await ns.updateByFilter(filter, { setMetadata }) } };
  }
  const id = v.recordId(b.id);
  const change: UpdateRequest = {};
  if (b.values != null) change.values = v.denseValues(b.values, record, 'values');
  if (b.sparseValues != null) change.sparseValues = v.sparseValues(b.sparseValues, record, 'sparseValues');
  if (setMetadata) change.setMetadata = setMetadata;
  // Updating a missing id changes nothing; the count tells the caller (the SDK ignores it).
  const matched = await ns.update(id, change);
  return { body: { matchedRecords: matched ? 1 : 0 } };
};

export const deleteVectors: Handler = async (ctx) => {
  const { index } = ctx.catalog.index(ctx.params.index!);
  const b = ctx.body;
  const ns = index.namespace(v.namespaceOf(b.namespace));
  const hasIds = b.ids !== undefined && b.ids !== null;
  const filter = v.filter(b.filter);
  const deleteAll = v.boolean(b.deleteAll, 'deleteAll');
  if (Number(hasIds) + Number(filter !== undefined) + Number(deleteAll) !== 1) {
    throw invalid('Provide exactly one of ids, filter or deleteAll');
  }
  if (deleteAll) await ns.deleteAll();
  else if (filter) await ns.deleteByFilter(filter);
  else await ns.deleteIds(v.recordIds(b.ids));
  return { body: {} };
};
