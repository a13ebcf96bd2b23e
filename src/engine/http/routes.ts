/**
 * The route table. Control-plane paths sit at the root; each index's data plane sits under
 * `/index/{name}` (its `host` carries that prefix, reference §1.2). Each route names the error format
 * Pinecone uses for it (§1.5).
 */
import type { Handler } from './context.js';
import * as control from './control-plane.js';
import type { ErrorFormat } from './errors.js';
import * as imports from './imports.js';
import * as namespaces from './namespaces.js';
import * as records from './records.js';
import * as read from './vectors-read.js';
import * as write from './vectors-write.js';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path segments; `:x` binds a parameter. */
  path: string[];
  handler: Handler;
  format: ErrorFormat;
  /** Control-plane bodies that do not parse are 422 (UNPROCESSABLE_ENTITY); data-plane ones are 400. */
  badJsonStatus?: 422;
  /** The body is not JSON (NDJSON records); the handler reads rawBody. */
  raw?: boolean;
}

const c = (method: Route['method'], path: string, handler: Handler): Route => ({
  method,
  path: split(path),
  handler,
  format: 'error-response',
  badJsonStatus: 422,
});
const d = (method: Route['method'], path: string, handler: Handler, format: ErrorFormat = 'rpc'): Route => ({
  method,
  path: ['index', ':index', ...split(path)],
  handler,
  format,
});

const split = (path: string) => path.split('/').filter(Boolean);

export const ROUTES: Route[] = [
  c('GET', '/indexes', control.listIndexes),
  c('POST', '/indexes', control.createIndex),
  c('POST', '/indexes/create-for-model', control.createIndexForModel),
  c('GET', '/indexes/:name', control.describeIndex),
  c('PATCH', '/indexes/:name', control.configureIndex),
  c('DELETE', '/indexes/:name', control.deleteIndex),
  d('POST', '/vectors/upsert', write.upsert),
  d('POST', '/vectors/update', write.update),
  d('POST', '/vectors/delete', write.deleteVectors),
  d('POST', '/query', read.query),
  d('GET', '/vectors/fetch', read.fetch),
  d('POST', '/vectors/fetch_by_metadata', read.fetchByMetadata),
  d('GET', '/vectors/list', read.list),
  d('POST', '/describe_index_stats', read.describeIndexStats),
  d('GET', '/describe_index_stats', read.describeIndexStats),
  d('GET', '/namespaces', namespaces.listNamespaces),
  d('POST', '/namespaces', namespaces.createNamespace),
  d('GET', '/namespaces/:namespace', namespaces.describeNamespace),
  d('DELETE', '/namespaces/:namespace', namespaces.deleteNamespace),
  {
    ...d('POST', '/records/namespaces/:namespace/upsert', records.upsertRecords, 'error-response'),
    raw: true,
  },
  d('POST', '/records/namespaces/:namespace/search', records.searchRecords, 'error-response'),
  d('POST', '/bulk/imports', imports.startImport),
  d('GET', '/bulk/imports', imports.listImports),
  d('GET', '/bulk/imports/:id', imports.importById),
  d('DELETE', '/bulk/imports/:id', imports.importById),
];

/** The route for a method and decoded path segments: a match, a 405 (path known, method not), or none. */
export function findRoute(
  method: string,
  segments: string[],
): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
  let pathKnown = false;
  for (const route of ROUTES) {
    const params = bind(route.path, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathKnown = true;
  }
  return pathKnown ? 'method-not-allowed' : undefined;
}

function bind(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = segments[i]!;
    else if (p !== segments[i]) return undefined;
  }
  return params;
}
