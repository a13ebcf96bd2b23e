/**
 * The error codes clients can rely on (`extensions.code`). Anything thrown that is not one of these
 * is masked by Yoga as INTERNAL_SERVER_ERROR, with no message or stack leaking out.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'BACKEND_UNAVAILABLE';

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
