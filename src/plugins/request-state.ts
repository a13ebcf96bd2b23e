/**
 * What the guard-rail plugins learn about one HTTP request, shared between them (the fairness plugin
 * sets the tenant, the result hooks the error codes, the log and metrics plugins read it all).
 * Keyed by the Request object, which Yoga passes unchanged from onRequest to the context.
 */
import { randomUUID } from 'node:crypto';

export interface RequestState {
  id: string;
  /** The URL's path (parsed once: the plugins ask for it at each step). */
  path: string;
  /** performance.now() at onRequest. */
  start: number;
  /** Rate-limit / metering key: tenant id, "(admin)" or "(anonymous)". */
  tenantKey?: string;
  tenantId?: string;
  /** One label per executed operation: its root field, "multiple" or "none". */
  operations: string[];
  errorCodes: Set<string>;
  /** Cleanups (slot release, in-flight count); run once by `finish`. */
  cleanups: Array<() => void>;
}

const states = new WeakMap<Request, RequestState>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** `url`: the request's parsed URL when the caller has it (Yoga's onRequest does), to parse it once. */
export function requestState(request: Request, url?: URL): RequestState {
  let state = states.get(request);
  if (!state) {
    const given = request.headers.get('x-request-id');
    state = {
      id: given && REQUEST_ID.test(given) ? given : randomUUID(),
      path: (url ?? new URL(request.url, 'http://localhost')).pathname,
      start: performance.now(),
      operations: [],
      errorCodes: new Set(),
      cleanups: [],
    };
    states.set(request, state);
  }
  return state;
}

export function finish(state: RequestState): void {
  const cleanups = state.cleanups.splice(0);
  for (const cleanup of cleanups) cleanup();
}

/** A GraphQL-shaped JSON error response for rejections made before Yoga parses the request. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }), {
    status,
    headers: { 'content-type': 'application/graphql-response+json; charset=utf-8', ...headers },
  });
}
