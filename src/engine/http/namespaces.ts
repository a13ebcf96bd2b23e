/**
 * Namespace management: GET/POST /namespaces, GET/DELETE /namespaces/{namespace} (snake_case,
 * reference §3.1). The default namespace always exists and cannot be created.
 */
import { countField, type Handler, type RequestContext } from './context.js';
import { invalid, notFound, PineconeHttpError } from './errors.js';
import { allNamespaces, namespaceExists, pageOfNames } from './namespace-listing.js';
import * as v from './validate.js';

export const listNamespaces: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const q = ctx.query;
  const limit = v.integer(q.get('limit'), 'limit', 1, 100, 100);
  const prefix = q.get('prefix') ?? '';
  const all = (await allNamespaces(ctx.catalog, record.name, index)).filter((n) => n.name.startsWith(prefix));
  const { page, next } = pageOfNames(
    all.map((n) => n.name),
    limit,
    q.get('paginationToken') ?? undefined,
  );
  const counts = new Map(all.map((n) => [n.name, n.recordCount]));
  return {
    body: {
      namespaces: page.map((name) => ({ name, record_count: countField(ctx, counts.get(name) ?? 0) })),
      ...(next ? { pagination: { next } } : {}),
      total_count: all.length,
    },
  };
};

export const describeNamespace: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const name = v.namespaceOf(ctx.params.namespace);
  if (name !== v.DEFAULT_NAMESPACE && !(await namespaceExists(ctx.catalog, record.name, index, name))) {
    throw notFound(`Namespace ${name} not found`);
  }
  return { body: await description(ctx, name) };
};

export const createNamespace: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const raw = ctx.body.name;
  if (typeof raw !== 'string' || raw === '') throw invalid('name is required');
  const name = v.namespaceOf(raw);
  if (name === v.DEFAULT_NAMESPACE) throw invalid(`The namespace name ${name} is reserved`);
  if (ctx.body.schema !== undefined && !v.isObject(ctx.body.schema))
    throw invalid('schema must be an object');
  if (await namespaceExists(ctx.catalog, record.name, index, name)) {
    throw new PineconeHttpError('ALREADY_EXISTS', `Namespace ${name} already exists`);
  }
  record.namespaces.push(name);
  await ctx.catalog.saveNamespaces();
  return { body: await description(ctx, name) };
};

export const deleteNamespace: Handler = async (ctx) => {
  const { record, index } = ctx.catalog.index(ctx.params.index!);
  const name = v.namespaceOf(ctx.params.namespace);
  const declared = record.namespaces.includes(name);
  const { existed } = await index.deleteNamespace(name);
  if (!existed && !declared) throw notFound(`Namespace ${name} not found`);
  if (declared) {
    record.namespaces = record.namespaces.filter((n) => n !== name);
    await ctx.catalog.saveNamespaces();
  }
  return { body: {} };
};

async function description(ctx: RequestContext, name: string) {
  const { index } = ctx.catalog.index(ctx.params.index!);
  const ns = index.namespace(name);
  return {
    name,
    record_count: countField(ctx, await ns.count()),
    size_bytes: countField(ctx, await ns.sizeBytes()),
  };
}
