/** The records and operations of Pinecone's multitenancy guide (shared/reference/pinecone-multitenancy.md). */
const fill = (v: number) => Array.from({ length: 8 }, () => v);

export const TENANT1_VECTORS = ['A', 'B', 'C', 'D'].map((id, i) => ({ id, values: fill((i + 1) / 10) }));
export const TENANT2_VECTORS = ['E', 'F', 'G', 'H'].map((id, i) => ({ id, values: fill((i + 5) / 10) }));
export const UPDATED_A = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
export const QUERY_VECTOR = fill(0.7);

export const UPSERT = /* GraphQL */ `
  mutation Upsert($vectors: [VectorInput!]!, $index: String) {
    upsertVectors(vectors: $vectors, index: $index) { upsertedCount }
  }`;
export const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $values: [Float!], $setMetadata: JSONObject, $index: String) {
    updateVector(id: $id, values: $values, setMetadata: $setMetadata, index: $index) { id }
  }`;
export const QUERY = /* GraphQL */ `
  query Query($vector: [Float!], $topK: Int!, $filter: JSONObject, $index: String, $tenants: [ID!]) {
    query(vector: $vector, topK: $topK, filter: $filter, index: $index, tenants: $tenants) {
      matches { id score values metadata tenantId }
      usage { readUnits }
    }
  }`;
export const OFFBOARD = /* GraphQL */ `
  mutation Offboard($tenantId: ID!, $index: String) {
    offboardTenant(tenantId: $tenantId, index: $index) { tenantId removed { index recordCount } removedRecordCount }
  }`;
export const FETCH = /* GraphQL */ `
  query Fetch($ids: [ID!]!, $index: String) { vectors(ids: $ids, index: $index) { id values metadata } }`;
export const STATS = /* GraphQL */ `
  query Stats($index: String) { namespaceStats(index: $index) { recordCount } }`;
export const LIST = /* GraphQL */ `
  query List($prefix: String, $first: Int, $after: String, $index: String) {
    listVectors(prefix: $prefix, first: $first, after: $after, index: $index) { ids nextCursor }
  }`;
export const DELETE = /* GraphQL */ `
  mutation Delete($ids: [ID!], $filter: JSONObject, $deleteAll: Boolean, $index: String) {
    deleteVectors(ids: $ids, filter: $filter, deleteAll: $deleteAll, index: $index) { deletedCount }
  }`;
