/** Pinecone's documented limits (shared/reference/pinecone-api.md §4), enforced on every backend. */
export const LIMITS = {
  maxUpsertVectors: 1000,
  maxUpsertBytes: 2 * 1024 * 1024,
  maxIdLength: 512,
  maxMetadataBytes: 40 * 1024,
  maxSparseValues: 2048,
  maxTopK: 10_000,
  maxFetchIds: 1000,
  maxListPage: 100,
  maxTenantsPerQuery: 100,
} as const;
