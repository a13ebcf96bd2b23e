/**
 * An example typed client for front-end teams to copy: one file, no dependency beyond `graphql`
 * (for `print`) and the generated documents in ./gql. Results and variables are typed by the
 * document; every GraphQL error becomes an `ApiError` carrying the API's error code.
 *
 *   const api = createClient({ url: 'http://localhost:4000/graphql', token: () => session.token });
 *   const { query } = await api.request(QueryVectorsDocument, { vector, topK: 3 });
 *
 * Contract: `request` resolves only with complete data. Any error in the response (even next to
 * partial data) rejects with an ApiError for the first error; all errors are on `error.errors`.
 * Network failures reject with fetch's own TypeError.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';

/** The codes the API puts in `extensions.code` (ARCHITECTURE.md, invariant 2). */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'RATE_LIMITED',
  'BACKEND_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** One of the API's codes; see `serverCode` for what the server actually sent. */
    readonly code: ApiErrorCode,
    /** Where in the result the error happened, e.g. ['upsertVectors'] (request-level errors: []). */
    readonly path: readonly (string | number)[],
    /** For BAD_USER_INPUT: the offending argument path, e.g. `vectors[3].values`. */
    readonly field: string | undefined,
    /** The raw `extensions.code`, e.g. GRAPHQL_VALIDATION_FAILED, which maps to BAD_USER_INPUT. */
    readonly serverCode: string | undefined,
    readonly status: number,
    readonly errors: readonly GraphQLErrorBody[],
    /** Whatever data came with the errors (GraphQL allows partial results). */
    readonly partialData: unknown,
  ) {
    super(message);
  }
}

/** Our codes pass through; a malformed request (Yoga's GRAPHQL_* / BAD_REQUEST) is the caller's input. */
export function toApiErrorCode(serverCode: string | undefined): ApiErrorCode {
  if ((API_ERROR_CODES as readonly string[]).includes(serverCode ?? '')) return serverCode as ApiErrorCode;
  if (serverCode === 'BAD_REQUEST' || serverCode?.startsWith('GRAPHQL_')) return 'BAD_USER_INPUT';
  return 'INTERNAL_SERVER_ERROR';
}

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. https://api.example.com/graphql */
  url: string;
  /** A bearer token, or a function returning the current one (called for every request). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /**
   * Send generated documents by id (`{ documentId }`) instead of their text: for servers running with
   * PERSISTED_OPERATIONS_ONLY=true. Needs codegen's persistedDocuments option (it is on here).
   */
  persisted?: boolean;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** Variables may be omitted when the operation has none or all are optional. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

const printed = new WeakMap<DocumentNode, string>();
const textOf = (document: DocumentNode) => {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
};

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return {
    async request<TResult, TVariables>(
      document: TypedDocumentNode<TResult, TVariables>,
      ...[variables]: VariablesArg<TVariables>
    ): Promise<TResult> {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      const id = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
      if (options.persisted && !id)
        throw new Error('persisted: true needs documents generated with persistedDocuments');
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({
          ...(options.persisted ? { documentId: id } : { query: textOf(document) }),
          variables: variables ?? {},
        }),
      });
      const body = (await response.json().catch(() => undefined)) as
        | { data?: TResult | null; errors?: GraphQLErrorBody[] }
        | undefined;
      if (!body || (!body.errors?.length && body.data == null)) {
        throw new ApiError(
          `HTTP ${response.status} without a GraphQL result`,
          'INTERNAL_SERVER_ERROR',
          [],
          undefined,
          undefined,
          response.status,
          [],
          undefined,
        );
      }
      const [first] = body.errors ?? [];
      if (first) {
        const serverCode = first.extensions?.code;
        throw new ApiError(
          first.message,
          toApiErrorCode(serverCode),
          first.path ?? [],
          first.extensions?.field,
          serverCode,
          response.status,
          body.errors ?? [],
          body.data,
        );
      }
      return body.data as TResult;
    },
  };
}

export type Client = ReturnType<typeof createClient>;
