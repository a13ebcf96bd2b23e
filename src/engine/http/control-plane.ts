/** Control plane: POST/GET /indexes, GET/PATCH/DELETE /indexes/{name} (reference §2). */
import type { Handler } from './context.js';
import { invalid, PineconeHttpError } from './errors.js';
import { indexModel, parseCreateIndex, readProtection, readTags } from './index-model.js';

export const createIndex: Handler = async (ctx) => {
  const input = parseCreateIndex(ctx.body);
  if (ctx.catalog.find(input.name)) throw new PineconeHttpError('ALREADY_EXISTS', 'Resource already exists');
  const record = { ...input, namespaces: [] };
  await ctx.catalog.create(record);
  return { status: 201, body: indexModel(record, ctx.baseUrl) };
};

export const createIndexForModel: Handler = async () => {
  throw invalid(
    'Integrated embedding (create-for-model) is not supported by this server: it has no inference',
  );
};

export const listIndexes: Handler = async (ctx) => ({
  body: { indexes: ctx.catalog.list().map((r) => indexModel(r, ctx.baseUrl)) },
});

export const describeIndex: Handler = async (ctx) => ({
  body: indexModel(ctx.catalog.get(ctx.params.name!), ctx.baseUrl),
});

export const configureIndex: Handler = async (ctx) => {
  const record = { ...ctx.catalog.get(ctx.params.name!) };
  const { body } = ctx;
  if (body.embed !== undefined) throw invalid('embed cannot be configured: this server has no inference');
  if (body.deployment !== undefined || (body.spec as { pod?: unknown } | undefined)?.pod !== undefined) {
    throw invalid('Pod settings cannot be configured on a serverless index');
  }
  const protection = readProtection(body.deletion_protection);
  if (protection) record.deletionProtection = protection;
  const tags = readTags(body.tags);
  if (tags) {
    // Setting a tag to "" removes it (SPEC ConfigureIndexRequest.tags).
    const merged: Record<string, string> = { ...record.tags, ...tags };
    for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
    record.tags = Object.keys(merged).length > 0 ? merged : null;
  }
  await ctx.catalog.update(record);
  return { body: indexModel(record, ctx.baseUrl) };
};

export const deleteIndex: Handler = async (ctx) => {
  const record = ctx.catalog.get(ctx.params.name!);
  if (record.deletionProtection === 'enabled') {
    throw new PineconeHttpError(
      'FORBIDDEN',
      'Deletion protection is enabled for this index. Disable deletion protection before retrying.',
    );
  }
  await ctx.catalog.drop(record.name);
  return { status: 202 };
};
