/**
 * The request handler: Api-Key check, routing, body parsing, and errors in Pinecone's formats.
 * Client mistakes are 4xx; a 500 means a real fault here (the SDK retries any 5xx).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IndexCatalog } from './catalog.js';
import { PineconeHttpError, toHttpError } from './errors.js';
import { parseJsonObject, readBody, sendEmpty, sendJson, sendText } from './http-io.js';
import { findRoute } from './routes.js';

export interface HandlerOptions {
  catalog: IndexCatalog;
  /** When set, every request must carry `Api-Key: <apiKey>` (else 401, as Pinecone). */
  apiKey?: string;
  /** Used for index hosts when a request has no Host header. */
  fallbackHost: () => string;
  /** Where real faults (500s) are reported. */
  onFault?: (error: unknown) => void;
}

export function createPineconeHandler(options: HandlerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(options, req, res).catch((error: unknown) => {
      options.onFault?.(error);
      if (!res.headersSent) sendJson(res, 500, { code: 13, message: 'Internal error', details: [] });
      else res.destroy();
    });
  };
}

async function handle(options: HandlerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  if (options.apiKey !== undefined && req.headers['api-key'] !== options.apiKey) {
    // Pinecone's auth layer answers in plain text.
    return sendText(res, 401, 'Unauthorized');
  }
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    const error = new PineconeHttpError('INVALID_ARGUMENT', 'Malformed percent-encoding in the path');
    return sendJson(res, error.status, error.body('error-response'));
  }
  const found = findRoute(req.method ?? 'GET', segments);
  if (found === undefined || found === 'method-not-allowed') {
    const error =
      found === undefined
        ? new PineconeHttpError('NOT_FOUND', `No route for ${url.pathname}`)
        : new PineconeHttpError(
            'INVALID_ARGUMENT',
            `Method ${req.method} is not allowed on ${url.pathname}`,
            405,
          );
    return sendJson(res, error.status, error.body('error-response'));
  }
  const { route, params } = found;
  try {
    const rawBody = await readBody(req);
    const body = route.raw ? {} : parseJsonObject(rawBody, route.badJsonStatus ?? 400);
    const result = await route.handler({
      catalog: options.catalog,
      params,
      query: url.searchParams,
      body,
      rawBody,
      baseUrl: `http://${req.headers.host ?? options.fallbackHost()}`,
      apiVersion: headerValue(req.headers['x-pinecone-api-version']),
    });
    if (result.body === undefined) return sendEmpty(res, result.status ?? 200);
    return sendJson(res, result.status ?? 200, result.body);
  } catch (error) {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) options.onFault?.(error);
    return sendJson(res, httpError.status, httpError.body(route.format));
  }
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
