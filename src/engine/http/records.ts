/**
 * The records API (`/records/namespaces/{ns}/upsert|search`). Pinecone serves it for indexes with
 * integrated embedding; this server has no inference, so text upserts and `inputs` queries are a
 * 400 (what Pinecone answers for an index without an embedding model), while a search by `vector`
 * or `id` works on any index. Errors use the ErrorResponse format.
 */
import type { Handler } from './context.js';
import { invalid } from './errors.js';
import { queryReadUnits } from './read-units.js';
import * as v from './validate.js';

export const upsertRecords: Handler = async (ctx) => {
  ctx.catalog.index(ctx.params.index!);
  throw invalid(
    'Integrated inference is not configured for this index: upsert records with an embedding model is not supported by this server; use /vectors/upsert',
  );
};

export const searchRecords: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const q = ctx.body.query;
  if (!v.isObject(q)) throw invalid('query is required');
  if (q.inputs !== undefined)
    throw invalid('query.inputs needs integrated inference, which this server does not have');
  if (ctx.body.rerank !== undefined) throw invalid('rerank needs inference, which this server does not have');
  const topK = v.integer(q.top_k, 'query.top_k', 1, v.LIMITS.maxTopK);
  const filter = v.filter(q.filter, 'query.filter');
  const ns = index.namespace(v.namespaceOf(ctx.params.namespace));
  let vector: number[] | undefined;
  if (q.id !== undefined) {
    const [stored] = await ns.fetch([v.recordId(q.id, 'query.id')]);
    vector = stored?.values;
  } else if (v.isObject(q.vector)) {
    vector = v.denseValues(q.vector.values, record, 'query.vector.values');
  } else {
    throw invalid('query needs vector or id');
  }
  const fields = Array.isArray(ctx.body.fields) ? (ctx.body.fields as unknown[]).map(String) : undefined;
  const matches = vector ? await ns.query({ vector, topK, filter, includeMetadata: true }) : [];
  const hits = matches.map((m) => ({ _id: m.id, _score: m.score, fields: pick(m.metadata ?? {}, fields) }));
  return { body: { result: { hits }, usage: { read_units: queryReadUnits(await ns.sizeBytes()) } } };
};

function pick(metadata: Record<string, unknown>, fields: string[] | undefined) {
  if (!fields) return metadata;
  return Object.fromEntries(fields.filter((f) => f in metadata).map((f) => [f, metadata[f]]));
}
