/**
 * Every error a client gets carries `extensions.code`. Yoga's own request errors already do
 * (BAD_REQUEST, GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, REQUEST_ENTITY_TOO_LARGE); others
 * (CSRF, variable coercion, armor) get one from their HTTP status, and bodiless error responses of
 * the GraphQL endpoint (415, 405, ...) get a JSON body. The codes seen are recorded for logs/metrics.
 */
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorResponse, requestState } from './request-state.js';

const BY_STATUS: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'BACKEND_UNAVAILABLE',
};

function codeFor(error: GraphQLError): string {
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (status && BY_STATUS[status]) return BY_STATUS[status];
  return status && status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT';
}

export function useErrorCodes(graphqlEndpoint = '/graphql'): Plugin {
  return {
    onResultProcess({ request, result }) {
      const state = requestState(request);
      const results = Array.isArray(result) ? result : [result];
      for (const r of results) {
        if (!r || typeof r !== 'object' || !('errors' in r) || !r.errors) continue;
        for (const error of r.errors as GraphQLError[]) {
          if (typeof error.extensions?.code !== 'string') {
            (error as { extensions: Record<string, unknown> }).extensions = {
              ...error.extensions,
              code: codeFor(error),
            };
          }
          state.errorCodes.add(error.extensions.code as string);
        }
      }
    },
    onResponse({ request, response, setResponse }) {
      if (response.status < 400 || response.body !== null) return;
      if (requestState(request).path !== graphqlEndpoint) return;
      const code =
        BY_STATUS[response.status] ?? (response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
      requestState(request).errorCodes.add(code);
      const headers = Object.fromEntries(response.headers.entries());
      setResponse(
        errorResponse(response.status, code, response.statusText || `HTTP ${response.status}`, {}, headers),
      );
    },
  };
}
