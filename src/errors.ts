/**
 * The error codes clients can rely on (`extensions.code`). Anything thrown that is not one of these
 * is masked by Yoga as INTERNAL_SERVER_ERROR, with no message or stack leaking out.
 */
import { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'RATE_LIMITED',
  'BACKEND_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes of the HTTP/GraphQL protocol layer, which keep Yoga's names. */
export const PROTOCOL_ERROR_CODES = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'REQUEST_ENTITY_TOO_LARGE',
] as const;

export function appError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** BAD_USER_INPUT naming the offending argument path (e.g. `vectors[3].values`) and the rule broken. */
export function badInput(path: string, rule: string): GraphQLError {
  return appError('BAD_USER_INPUT', `${path}: ${rule}`, { field: path });
}
