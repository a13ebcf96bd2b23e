/** Data plane reads: query, fetch, fetch_by_metadata, list, describe_index_stats (reference §3.1). */
import type { EngineNamespace, EngineRecord, QueryMatch, SparseValues } from '../types.js';
import type { Handler, RequestContext } from './context.js';
import { invalid } from './errors.js';
import { allNamespaces } from './namespace-listing.js';
import { fetchReadUnits, LIST_READ_UNITS, queryReadUnits } from './read-units.js';
import * as v from './validate.js';

export const query: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const b = ctx.body;
  const namespace = v.namespaceOf(b.namespace);
  const topK = v.integer(b.topK, 'topK', 1, v.LIMITS.maxTopK);
  const includeValues = v.boolean(b.includeValues, 'includeValues');
  const includeMetadata = v.boolean(b.includeMetadata, 'includeMetadata');
  const filter = v.filter(b.filter);
  const hasVector = b.vector !== undefined && b.vector !== null;
  const hasSparse = b.sparseVector !== undefined && b.sparseVector !== null;
  const hasId = b.id !== undefined && b.id !== null;
  if (hasId && (hasVector || hasSparse)) throw invalid('Cannot provide both id and vector or sparseVector');
  if (!hasId && !hasVector) {
    throw invalid(
      hasSparse
        ? 'A dense vector (or id) is required to query a dense index'
        : 'No query provided: set vector or id',
    );
  }
  const ns = index.namespace(namespace);
  let vector: number[] | undefined;
  let sparseVector: SparseValues | undefined;
  if (hasId) {
    const [stored] = await ns.fetch([v.recordId(b.id)]);
    if (!stored) return { body: { matches: [], namespace, usage: await queryUsage(ns) } };
    vector = stored.values;
    sparseVector = stored.sparseValues;
  } else {
    vector = v.denseValues(b.vector, record, 'vector');
    if (hasSparse) sparseVector = v.sparseValues(b.sparseVector, record, 'sparseVector');
  }
  const matches = await ns.query({ vector, sparseVector, topK, filter, includeValues, includeMetadata });
  return {
    body: {
      matches: matches.map((m) => match(m, includeValues, includeMetadata)),
      namespace,
      usage: await queryUsage(ns),
    },
  };
};

/** Pinecone sends `values: []` when includeValues is off (SPEC ScoredVector). */
function match(m: QueryMatch, includeValues: boolean, includeMetadata: boolean) {
  const out: Record<string, unknown> = {
    id: m.id,
    score: m.score,
    values: includeValues ? (m.values ?? []) : [],
  };
  if (includeValues && m.sparseValues) out.sparseValues = m.sparseValues;
  if (includeMetadata && m.metadata) out.metadata = m.metadata;
  return out;
}

const queryUsage = async (ns: EngineNamespace) => ({ readUnits: queryReadUnits(await ns.sizeBytes()) });

export const fetch: Handler = async (ctx) => {
  const { index } = ctx.catalog.index(ctx.params.index!);
  const namespace = v.namespaceOf(ctx.query.get('namespace'));
  const ids = v.recordIds(ctx.query.getAll('ids'));
  const records = await index.namespace(namespace).fetch(ids);
  return { body: fetched(records, namespace) };
};

export const fetchByMetadata: Handler = async (ctx) => {
  const { index } = ctx.catalog.index(ctx.params.index!);
  const b = ctx.body;
  const namespace = v.namespaceOf(b.namespace);
  const filter = v.filter(b.filter);
  if (!filter) throw invalid('filter is required');
  const limit = v.integer(b.limit, 'limit', 1, v.LIMITS.maxFetchByMetadataLimit, 100);
  const after = optionalToken(b.paginationToken);
  const { records, next } = await index.namespace(namespace).fetchByFilter(filter, { limit, after });
  return { body: { ...fetched(records, namespace), ...(next ? { pagination: { next } } : {}) } };
};

function fetched(records: EngineRecord[], namespace: string) {
  const vectors: Record<string, EngineRecord> = {};
  for (const r of records) vectors[r.id] = r;
  return { vectors, namespace, usage: { readUnits: fetchReadUnits(records.length) } };
}

export const list: Handler = async (ctx) => {
  const { index } = ctx.catalog.index(ctx.params.index!);
  const q = ctx.query;
  const namespace = v.namespaceOf(q.get('namespace'));
  const limit = v.integer(q.get('limit'), 'limit', 1, v.LIMITS.maxListPage, v.LIMITS.maxListPage);
  const prefix = q.get('prefix') ?? undefined;
  const page = await index
    .namespace(namespace)
    .list({ prefix, limit, after: optionalToken(q.get('paginationToken')) });
  return {
    body: {
      vectors: page.ids.map((id) => ({ id })),
      ...(page.next ? { pagination: { next: page.next } } : {}),
      namespace,
      usage: { readUnits: LIST_READ_UNITS },
    },
  };
};

export const describeIndexStats: Handler = async (ctx: RequestContext) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const filter = ctx.body.filter;
  if (v.isObject(filter) && Object.keys(filter).length > 0) {
    throw invalid('describe_index_stats does not support a metadata filter on serverless indexes');
  }
  const namespaces: Record<string, { vectorCount: number }> = {};
  let total = 0;
  for (const ns of await allNamespaces(ctx.catalog, record.name, index)) {
    if (ns.recordCount === 0) continue;
    namespaces[ns.name] = { vectorCount: ns.recordCount };
    total += ns.recordCount;
  }
  return {
    body: {
      namespaces,
      dimension: record.dimension,
      indexFullness: 0,
      totalVectorCount: total,
      metric: record.metric,
      vectorType: 'dense',
    },
  };
};

function optionalToken(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid('paginationToken must be a string');
  return value;
}
