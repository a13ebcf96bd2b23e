/** What a route handler gets and returns. */
import type { IndexCatalog } from './catalog.js';

export interface RequestContext {
  catalog: IndexCatalog;
  /** Decoded path parameters (`:index`, `:name`, `:namespace`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body (`{}` when empty); routes marked `raw` get only `rawBody`. */
  body: Record<string, unknown>;
  rawBody: Buffer;
  /** `http://<Host header>`: index hosts are built from it so clients reach them the way they came in. */
  baseUrl: string;
  /** X-Pinecone-Api-Version sent by the client (2026-04 for SDK v8, 2026-07 for v9). */
  apiVersion: string | undefined;
}

export interface HandlerResult {
  status?: number;
  /** Sent as JSON; `undefined` means an empty body (only DELETE /indexes/{name} does that). */
  body?: unknown;
}

export type Handler = (ctx: RequestContext) => Promise<HandlerResult>;

/** 2026-07 types counts in namespace descriptions as decimal strings; 2026-04 as numbers. */
export const countField = (ctx: RequestContext, n: number): number | string =>
  ctx.apiVersion !== undefined && ctx.apiVersion >= '2026-07' ? String(n) : n;
