/**
 * Pinecone's error bodies, so that the SDK raises the same typed errors it raises against the real
 * service. Three formats exist (shared/reference/pinecone-api.md §1.5): the control plane and the
 * records API send `ErrorResponse` ({"error":{"code","message"},"status"}), vector and namespace
 * operations send gRPC `rpcStatus` ({"code":3,"message","details":[]}), and the auth layer sends
 * plain text.
 */

import { FilterError } from '../filter.js';
import { LimitError } from '../limits.js';
import { EngineError } from '../types.js';

export type ErrorFormat = 'error-response' | 'rpc';

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'FAILED_PRECONDITION'
  | 'UNPROCESSABLE_ENTITY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL';

const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FAILED_PRECONDITION: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE_ENTITY: 422,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
};

/** gRPC status numbers used by rpcStatus bodies. */
const GRPC_CODE: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FORBIDDEN: 7,
  UNAUTHENTICATED: 16,
  FAILED_PRECONDITION: 9,
  PAYLOAD_TOO_LARGE: 8,
  UNPROCESSABLE_ENTITY: 3,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
};

export class PineconeHttpError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = 'PineconeHttpError';
    this.status = status ?? HTTP_STATUS[code];
  }

  body(format: ErrorFormat): unknown {
    if (format === 'rpc') return { code: GRPC_CODE[this.code], message: this.message, details: [] };
    return { error: { code: this.code, message: this.message }, status: this.status };
  }
}

export const invalid = (message: string) => new PineconeHttpError('INVALID_ARGUMENT', message);
export const notFound = (message: string) => new PineconeHttpError('NOT_FOUND', message);

/** Any error thrown by a handler, as the error the client should see. Unknown errors are faults (500). */
export function toHttpError(error: unknown): PineconeHttpError {
  if (error instanceof PineconeHttpError) return error;
  if (error instanceof FilterError) return invalid(`Invalid filter: ${error.message}`);
  if (error instanceof LimitError) {
    // Pinecone's own wording for the commonest mistake; the rule with its path for the rest.
    const mismatch = error.dimensionMismatch;
    return invalid(
      mismatch
        ? `Vector dimension ${mismatch.got} does not match the dimension of the index ${mismatch.expected}`
        : error.message,
    );
  }
  if (error instanceof EngineError) {
    const code = error.code === 'FAILED_PRECONDITION' ? 'INVALID_ARGUMENT' : error.code;
    return new PineconeHttpError(code, error.message);
  }
  return new PineconeHttpError('INTERNAL', 'Internal error');
}
