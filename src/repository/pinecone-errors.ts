/**
 * SDK errors → our error codes, and the retry policy around every SDK call.
 *
 * - 404 → NOT_FOUND; other 4xx the caller caused (400/403/405/409/412/422, SDK argument checks) →
 *   BAD_USER_INPUT with Pinecone's message; 429 → RATE_LIMITED.
 * - A rejected API key (401) or an unpaid plan (402) is an operator problem, not the caller's: it
 *   is BACKEND_UNAVAILABLE (not retried) so clients are not told their input was wrong.
 * - Connection failures, timeouts and 5xx are retried `maxRetries` times with exponential backoff
 *   (the SDK's own retries are off, so the bound is ours), then BACKEND_UNAVAILABLE.
 * - Anything else is rethrown unchanged (masked as INTERNAL_SERVER_ERROR by Yoga).
 */
import type { GraphQLError } from 'graphql';
import { appError } from '../errors.js';

export interface RetryPolicy {
  maxRetries: number;
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number;
}

type Kind = 'not-found' | 'bad-input' | 'rate-limited' | 'unavailable' | 'retryable' | 'unknown';

const BAD_INPUT = new Set([
  'PineconeBadRequestError',
  'PineconeConflictError',
  'PineconeUnprocessableEntityError',
  'PineconeFailedPreconditionError',
  'PineconeMethodNotAllowedError',
  'PineconeArgumentError',
]);
const RETRYABLE = new Set([
  'PineconeConnectionError',
  'PineconeMaxRetriesExceededError',
  'PineconeInternalServerError',
  'PineconeUnavailableError',
  'TimeoutError',
  'AbortError',
]);
const UNAVAILABLE = new Set([
  'PineconeAuthorizationError',
  'PineconePaymentRequiredError',
  'PineconeNotImplementedError',
  'PineconeUnableToResolveHostError',
  // The data plane surfaces a non-JSON success body as a raw SyntaxError.
  'SyntaxError',
]);

function kindOf(error: unknown): Kind {
  const name = (error as { name?: unknown })?.name;
  if (typeof name !== 'string') return 'unknown';
  if (name === 'PineconeNotFoundError') return 'not-found';
  if (BAD_INPUT.has(name)) return 'bad-input';
  if (RETRYABLE.has(name)) return 'retryable';
  if (UNAVAILABLE.has(name)) return 'unavailable';
  if (name === 'PineconeUnmappedHttpError') {
    const status = Number(/Status: (\d{3})/.exec((error as Error).message)?.[1]);
    if (status === 429) return 'rate-limited';
    return status >= 500 ? 'retryable' : 'bad-input';
  }
  return 'unknown';
}

/** The error the GraphQL layer should see for an SDK error; `what` names the target (e.g. `index "rag"`). */
export function mapPineconeError(error: unknown, what: string): GraphQLError | unknown {
  const message = error instanceof Error ? error.message : String(error);
  switch (kindOf(error)) {
    case 'not-found':
      return appError('NOT_FOUND', `${what} was not found in Pinecone`);
    case 'bad-input':
      return appError('BAD_USER_INPUT', `Pinecone rejected the request: ${message}`);
    case 'rate-limited':
      return appError('RATE_LIMITED', 'Pinecone is rate limiting requests; retry later');
    case 'unavailable':
    case 'retryable':
      return appError('BACKEND_UNAVAILABLE', `Pinecone is unavailable (${what}): ${firstSentence(message)}`);
    default:
      return error;
  }
}

export async function withRetries<T>(policy: RetryPolicy, what: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (kindOf(error) === 'retryable' && attempt < policy.maxRetries) {
        const delay = policy.baseDelayMs * 2 ** attempt;
        await new Promise((resolve) => setTimeout(resolve, delay * (0.875 + Math.random() * 0.25)));
        continue;
      }
      throw mapPineconeError(error, what);
    }
  }
}

/** SDK messages run to several sentences of help text; the first one says what happened. */
const firstSentence = (message: string) => message.split(/(?<=\.)\s/)[0] ?? message;
