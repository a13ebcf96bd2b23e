/**
 * Compile-time proof that the generated documents type both the example client and the test kit
 * (checked by `npm run typecheck`, never executed): wrong variables or a field the operation does
 * not select fail the build, so a breaking schema change cannot slip past the tests.
 */
import type { Client } from '../../src/client/client.js';
import {
  MeDocument,
  QueryVectorsDocument,
  StatsDocument,
  UpsertDocument,
} from '../../src/client/gql/graphql.js';
import type { TestServer } from '../testkit/server.js';

export async function attempts(api: Client, server: TestServer): Promise<void> {
  // @ts-expect-error topK is an Int
  await api.request(QueryVectorsDocument, { vector: [1], topK: 'three' });
  // @ts-expect-error topK is required
  await api.request(QueryVectorsDocument, { vector: [1] });
  // @ts-expect-error variables are required when some variable is
  await api.request(UpsertDocument);
  // Optional-only and variable-less operations may omit them.
  await api.request(StatsDocument);
  const me = await api.request(MeDocument);
  // @ts-expect-error Me does not select namespace
  void me.me.namespace;
  const res = await server.gql('t', QueryVectorsDocument, { vector: [1], topK: 1 });
  // @ts-expect-error matches have no `vector` field
  void res.data?.query.matches[0]?.vector;
  // @ts-expect-error the test kit checks variables too
  await server.gql('t', UpsertDocument, { vectors: [{ values: [1] }] });
}
