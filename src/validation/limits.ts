/**
 * Limits of the GraphQL API: Pinecone's record limits (kept with their checks in
 * src/engine/limits.ts, shared with the Pinecone-compatible server), plus the API's own.
 */
import { LIMITS as RECORD_LIMITS } from '../engine/limits.js';

export const LIMITS = { ...RECORD_LIMITS, maxTenantsPerQuery: 100 } as const;
