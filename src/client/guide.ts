/**
 * The records and query of Pinecone's multitenancy guide (shared/reference/pinecone-multitenancy.md),
 * as plain data: GraphiQL preloads them as examples and the end-to-end tests replay them.
 */
const fill = (v: number) => Array.from({ length: 8 }, () => v);

export const GUIDE_INDEX = 'multitenant-app';
export const TENANT1_VECTORS = ['A', 'B', 'C', 'D'].map((id, i) => ({ id, values: fill((i + 1) / 10) }));
export const TENANT2_VECTORS = ['E', 'F', 'G', 'H'].map((id, i) => ({ id, values: fill((i + 5) / 10) }));
export const UPDATED_A = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
export const QUERY_VECTOR = fill(0.7);
/** What the guide shows for tenant2's query of QUERY_VECTOR, topK 3. */
export const TENANT2_NEAREST = ['F', 'E', 'G'];
