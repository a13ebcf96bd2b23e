/**
 * Persisted operations (allow-list mode). With PERSISTED_OPERATIONS set, a client may send
 * `{ documentId, variables }` instead of the operation text, the id being a key of the manifest
 * codegen writes (src/client/gql/persisted-documents.json, `sha256:<hex>`). The Apollo APQ form
 * `extensions.persistedQuery.sha256Hash` is accepted too. With PERSISTED_OPERATIONS_ONLY=true any
 * operation sent as text is refused (FORBIDDEN), so a production front-end can lock the API to the
 * operations it ships. Errors use the API's own codes (src/errors.ts), not the plugin's.
 */
import {
  type ExtractPersistedOperationId,
  usePersistedOperations,
} from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

const SHA256_PREFIX = 'sha256:';

/** `documentId` (GraphQL over HTTP persisted documents) first, then Apollo's APQ extension. */
const extractId: ExtractPersistedOperationId = (params) => {
  const documentId = (params as { documentId?: unknown }).documentId;
  if (typeof documentId === 'string' && documentId) return documentId;
  const apq = (
    params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined
  )?.persistedQuery;
  return apq?.version === 1 && typeof apq.sha256Hash === 'string'
    ? `${SHA256_PREFIX}${apq.sha256Hash}`
    : null;
};

export function persistedOperationsPlugins(config: Config): Plugin[] {
  const manifest = config.persistedOperations;
  if (!manifest) return [];
  const operations = new Map(Object.entries(manifest.operations));
  return [
    usePersistedOperations({
      allowArbitraryOperations: !manifest.only,
      extractPersistedOperationId: extractId,
      getPersistedOperation: (id) => operations.get(id) ?? null,
      customErrors: {
        persistedQueryOnly: {
          message: 'Only persisted operations are accepted here: send { documentId } from the manifest',
          extensions: { code: 'FORBIDDEN', reason: 'PERSISTED_OPERATIONS_ONLY', http: { status: 403 } },
        },
        notFound: (payload) =>
          createGraphQLError(
            `Unknown persisted operation "${String(extractId(payload.params, payload.request, {}))}"`,
            {
              extensions: {
                code: 'NOT_FOUND',
                reason: 'PERSISTED_OPERATION_NOT_FOUND',
                http: { status: 404 },
              },
            },
          ),
        keyNotFound: {
          message: 'Send either query (the operation text) or documentId',
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        },
      },
    }),
  ];
}
