/**
 * Bulk import (`/bulk/imports`). Imports read Parquet files from object storage, which this server
 * cannot reach, so starting one is a 400 with a clear message; listing shows no imports and an
 * import id is never found. (Pinecone Local does not support bulk import either.)
 */
import type { Handler } from './context.js';
import { invalid, notFound } from './errors.js';

export const startImport: Handler = async (ctx) => {
  ctx.catalog.index(ctx.params.index!);
  throw invalid('Bulk import from object storage is not supported by this server; upsert in batches instead');
};

export const listImports: Handler = async (ctx) => {
  ctx.catalog.index(ctx.params.index!);
  return { body: { data: [] } };
};

export const importById: Handler = async (ctx) => {
  ctx.catalog.index(ctx.params.index!);
  throw notFound(`Import ${ctx.params.id} not found`);
};
