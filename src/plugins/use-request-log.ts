/**
 * One structured JSON line per GraphQL request (other paths at debug level): request id (from a
 * valid `x-request-id` header, or generated; echoed back), tenant, operation, duration, HTTP status,
 * outcome and error codes. Only those fields: never variables, vectors, metadata or tokens.
 */
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logging/logger.js';
import { operationLabel } from './operation-label.js';
import { requestState } from './request-state.js';

export function useRequestLog(logger: Logger, graphqlEndpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url }) {
      requestState(request, url);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request) requestState(request).operations.push(operationLabel(args.document, args.operationName));
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      try {
        response.headers.set('x-request-id', state.id);
      } catch {
        // immutable headers (an early response): the id is still in the log line
      }
      const path = state.path;
      const codes = [...state.errorCodes];
      const fields = {
        requestId: state.id,
        method: request.method,
        path,
        tenantId: state.tenantId ?? null,
        operation: state.operations.join(',') || 'none',
        status: response.status,
        outcome: codes.length ? 'error' : response.status < 400 ? 'ok' : 'error',
        errorCodes: codes,
        durationMs: Math.round((performance.now() - state.start) * 100) / 100,
      };
      if (path !== graphqlEndpoint) logger.debug('request', fields);
      else if (response.status >= 500) logger.error('request', fields);
      else logger.info('request', fields);
    },
  };
}
