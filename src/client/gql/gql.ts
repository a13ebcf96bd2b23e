/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation DeleteVectors($ids: [ID!], $filter: JSONObject, $deleteAll: Boolean, $index: String) {\n  deleteVectors(ids: $ids, filter: $filter, deleteAll: $deleteAll, index: $index) {\n    deletedCount\n  }\n}": typeof types.DeleteVectorsDocument,
    "query FetchVectors($ids: [ID!]!, $index: String) {\n  vectors(ids: $ids, index: $index) {\n    id\n    values\n    metadata\n  }\n}": typeof types.FetchVectorsDocument,
    "query Indexes {\n  indexes {\n    name\n    dimension\n    metric\n    tenancy\n  }\n}": typeof types.IndexesDocument,
    "query ListVectors($prefix: String, $first: Int, $after: String, $index: String) {\n  listVectors(prefix: $prefix, first: $first, after: $after, index: $index) {\n    ids\n    nextCursor\n  }\n}": typeof types.ListVectorsDocument,
    "query Me {\n  me {\n    tenantId\n    roles\n  }\n}": typeof types.MeDocument,
    "mutation Offboard($tenantId: ID!, $index: String) {\n  offboardTenant(tenantId: $tenantId, index: $index) {\n    tenantId\n    removed {\n      index\n      recordCount\n    }\n    removedRecordCount\n  }\n}": typeof types.OffboardDocument,
    "query QueryVectors($vector: [Float!], $topK: Int!, $filter: JSONObject, $index: String, $tenants: [ID!]) {\n  query(\n    vector: $vector\n    topK: $topK\n    filter: $filter\n    index: $index\n    tenants: $tenants\n  ) {\n    matches {\n      id\n      score\n      values\n      metadata\n      tenantId\n    }\n    usage {\n      readUnits\n    }\n  }\n}": typeof types.QueryVectorsDocument,
    "query Stats($index: String) {\n  namespaceStats(index: $index) {\n    recordCount\n  }\n}": typeof types.StatsDocument,
    "query Tenants($index: String, $prefix: String, $first: Int, $after: String) {\n  tenants(index: $index, prefix: $prefix, first: $first, after: $after) {\n    tenants {\n      tenantId\n      recordCount\n    }\n    nextCursor\n  }\n}": typeof types.TenantsDocument,
    "mutation UpdateVector($id: ID!, $values: [Float!], $setMetadata: JSONObject, $index: String) {\n  updateVector(id: $id, values: $values, setMetadata: $setMetadata, index: $index) {\n    id\n  }\n}": typeof types.UpdateVectorDocument,
    "mutation Upsert($vectors: [VectorInput!]!, $index: String) {\n  upsertVectors(vectors: $vectors, index: $index) {\n    upsertedCount\n  }\n}": typeof types.UpsertDocument,
};
const documents: Documents = {
    "mutation DeleteVectors($ids: [ID!], $filter: JSONObject, $deleteAll: Boolean, $index: String) {\n  deleteVectors(ids: $ids, filter: $filter, deleteAll: $deleteAll, index: $index) {\n    deletedCount\n  }\n}": types.DeleteVectorsDocument,
    "query FetchVectors($ids: [ID!]!, $index: String) {\n  vectors(ids: $ids, index: $index) {\n    id\n    values\n    metadata\n  }\n}": types.FetchVectorsDocument,
    "query Indexes {\n  indexes {\n    name\n    dimension\n    metric\n    tenancy\n  }\n}": types.IndexesDocument,
    "query ListVectors($prefix: String, $first: Int, $after: String, $index: String) {\n  listVectors(prefix: $prefix, first: $first, after: $after, index: $index) {\n    ids\n    nextCursor\n  }\n}": types.ListVectorsDocument,
    "query Me {\n  me {\n    tenantId\n    roles\n  }\n}": types.MeDocument,
    "mutation Offboard($tenantId: ID!, $index: String) {\n  offboardTenant(tenantId: $tenantId, index: $index) {\n    tenantId\n    removed {\n      index\n      recordCount\n    }\n    removedRecordCount\n  }\n}": types.OffboardDocument,
    "query QueryVectors($vector: [Float!], $topK: Int!, $filter: JSONObject, $index: String, $tenants: [ID!]) {\n  query(\n    vector: $vector\n    topK: $topK\n    filter: $filter\n    index: $index\n    tenants: $tenants\n  ) {\n    matches {\n      id\n      score\n      values\n      metadata\n      tenantId\n    }\n    usage {\n      readUnits\n    }\n  }\n}": types.QueryVectorsDocument,
    "query Stats($index: String) {\n  namespaceStats(index: $index) {\n    recordCount\n  }\n}": types.StatsDocument,
    "query Tenants($index: String, $prefix: String, $first: Int, $after: String) {\n  tenants(index: $index, prefix: $prefix, first: $first, after: $after) {\n    tenants {\n      tenantId\n      recordCount\n    }\n    nextCursor\n  }\n}": types.TenantsDocument,
    "mutation UpdateVector($id: ID!, $values: [Float!], $setMetadata: JSONObject, $index: String) {\n  updateVector(id: $id, values: $values, setMetadata: $setMetadata, index: $index) {\n    id\n  }\n}": types.UpdateVectorDocument,
    "mutation Upsert($vectors: [VectorInput!]!, $index: String) {\n  upsertVectors(vectors: $vectors, index: $index) {\n    upsertedCount\n  }\n}": types.UpsertDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteVectors($ids: [ID!], $filter: JSONObject, $deleteAll: Boolean, $index: String) {\n  deleteVectors(ids: $ids, filter: $filter, deleteAll: $deleteAll, index: $index) {\n    deletedCount\n  }\n}"): (typeof documents)["mutation DeleteVectors($ids: [ID!], $filter: JSONObject, $deleteAll: Boolean, $index: String) {\n  deleteVectors(ids: $ids, filter: $filter, deleteAll: $deleteAll, index: $index) {\n    deletedCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FetchVectors($ids: [ID!]!, $index: String) {\n  vectors(ids: $ids, index: $index) {\n    id\n    values\n    metadata\n  }\n}"): (typeof documents)["query FetchVectors($ids: [ID!]!, $index: String) {\n  vectors(ids: $ids, index: $index) {\n    id\n    values\n    metadata\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Indexes {\n  indexes {\n    name\n    dimension\n    metric\n    tenancy\n  }\n}"): (typeof documents)["query Indexes {\n  indexes {\n    name\n    dimension\n    metric\n    tenancy\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListVectors($prefix: String, $first: Int, $after: String, $index: String) {\n  listVectors(prefix: $prefix, first: $first, after: $after, index: $index) {\n    ids\n    nextCursor\n  }\n}"): (typeof documents)["query ListVectors($prefix: String, $first: Int, $after: String, $index: String) {\n  listVectors(prefix: $prefix, first: $first, after: $after, index: $index) {\n    ids\n    nextCursor\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    tenantId\n    roles\n  }\n}"): (typeof documents)["query Me {\n  me {\n    tenantId\n    roles\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Offboard($tenantId: ID!, $index: String) {\n  offboardTenant(tenantId: $tenantId, index: $index) {\n    tenantId\n    removed {\n      index\n      recordCount\n    }\n    removedRecordCount\n  }\n}"): (typeof documents)["mutation Offboard($tenantId: ID!, $index: String) {\n  offboardTenant(tenantId: $tenantId, index: $index) {\n    tenantId\n    removed {\n      index\n      recordCount\n    }\n    removedRecordCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryVectors($vector: [Float!], $topK: Int!, $filter: JSONObject, $index: String, $tenants: [ID!]) {\n  query(\n    vector: $vector\n    topK: $topK\n    filter: $filter\n    index: $index\n    tenants: $tenants\n  ) {\n    matches {\n      id\n      score\n      values\n      metadata\n      tenantId\n    }\n    usage {\n      readUnits\n    }\n  }\n}"): (typeof documents)["query QueryVectors($vector: [Float!], $topK: Int!, $filter: JSONObject, $index: String, $tenants: [ID!]) {\n  query(\n    vector: $vector\n    topK: $topK\n    filter: $filter\n    index: $index\n    tenants: $tenants\n  ) {\n    matches {\n      id\n      score\n      values\n      metadata\n      tenantId\n    }\n    usage {\n      readUnits\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Stats($index: String) {\n  namespaceStats(index: $index) {\n    recordCount\n  }\n}"): (typeof documents)["query Stats($index: String) {\n  namespaceStats(index: $index) {\n    recordCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tenants($index: String, $prefix: String, $first: Int, $after: String) {\n  tenants(index: $index, prefix: $prefix, first: $first, after: $after) {\n    tenants {\n      tenantId\n      recordCount\n    }\n    nextCursor\n  }\n}"): (typeof documents)["query Tenants($index: String, $prefix: String, $first: Int, $after: String) {\n  tenants(index: $index, prefix: $prefix, first: $first, after: $after) {\n    tenants {\n      tenantId\n      recordCount\n    }\n    nextCursor\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateVector($id: ID!, $values: [Float!], $setMetadata: JSONObject, $index: String) {\n  updateVector(id: $id, values: $values, setMetadata: $setMetadata, index: $index) {\n    id\n  }\n}"): (typeof documents)["mutation UpdateVector($id: ID!, $values: [Float!], $setMetadata: JSONObject, $index: String) {\n  updateVector(id: $id, values: $values, setMetadata: $setMetadata, index: $index) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Upsert($vectors: [VectorInput!]!, $index: String) {\n  upsertVectors(vectors: $vectors, index: $index) {\n    upsertedCount\n  }\n}"): (typeof documents)["mutation Upsert($vectors: [VectorInput!]!, $index: String) {\n  upsertVectors(vectors: $vectors, index: $index) {\n    upsertedCount\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;