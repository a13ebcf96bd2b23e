/**
 * The records and operations of Pinecone's multitenancy guide (shared/reference/pinecone-multitenancy.md).
 * The operations are the generated typed documents (src/client/operations -> npm run codegen), so a
 * breaking schema change fails `npm run typecheck` in every test that sends them.
 */
export {
  DeleteVectorsDocument as DELETE,
  FetchVectorsDocument as FETCH,
  IndexesDocument as INDEXES,
  ListVectorsDocument as LIST,
  MeDocument as ME,
  OffboardDocument as OFFBOARD,
  QueryVectorsDocument as QUERY,
  StatsDocument as STATS,
  TenantsDocument as TENANTS,
  UpdateVectorDocument as UPDATE,
  UpsertDocument as UPSERT,
} from '../../src/client/gql/graphql.js';
export {
  QUERY_VECTOR,
  TENANT1_VECTORS,
  TENANT2_NEAREST,
  TENANT2_VECTORS,
  UPDATED_A,
} from '../../src/client/guide.js';
