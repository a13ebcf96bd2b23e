/**
 * npm run bench -- graphql [--quick]
 *
 * The cost of the GraphQL layer: the same query through the running server (HTTP + Yoga + shield +
 * Pothos + JSON) and as a direct engine call, in the same process and run. Load for the GraphQL
 * side comes from autocannon in a worker thread (the other core); the direct side runs the same
 * number of concurrent callers in process. Headline ratio: GraphQL QPS / direct QPS on the
 * 10,000 × 768 query (target ≥ 0.7). The three targets are printed first as "headline:"
 * figures. Sequential requests use node:http with a keep-alive agent (as a production client would),
 * so the overhead figure is the server's, not the cost of the benchmark's own fetch client.
 */
import './lib-production.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { signToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { parseFilter } from '../src/engine/filter.js';
import type { NamespaceStore, QueryInput } from '../src/repository/types.js';
import { tenantStore } from '../src/tenancy/scope.js';
import { direct, keepAlivePoster } from './lib-load.js';
import { clusteredVectors, row } from './lib-vectors.js';
import { report } from './report.js';

const quick = process.argv.includes('--quick');
const DIM = 768;
const SECONDS = quick ? 3 : 8;
const CONNECTIONS = 8;
const SECRET = 'bench-secret-bench-secret-bench-secret-00';

const dataDir = mkdtempSync(join(tmpdir(), 'bench-graphql-'));
// Fairness limits lifted: this measures the GraphQL layer's cost, not the per-tenant rate limit.
const UNLIMITED = { requestsPerSecond: 1e6, writeUnitsPerSecond: 1e9, concurrency: 64, queue: 1024 };
const config = loadConfig({
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: SECRET,
  DATA_DIR: dataDir,
  INDEXES: JSON.stringify([{ name: 'bench', dimension: DIM }]),
  RATE_LIMITS: JSON.stringify({ default: UNLIMITED }),
  MAX_CONCURRENT_REQUESTS: '64',
});
const app = await createApp(config);
const server = createServer(app);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const index = config.indexes[0]!;

async function seed(tenant: string, count: number): Promise<NamespaceStore> {
  const store = tenantStore(app.services.repository, index, tenant);
  const set = clusteredVectors(count, DIM, count).data;
  for (let i = 0; i < count; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) {
      batch.push({ id: `v${j}`, values: Array.from(row(set, j)), metadata: { bucket: j % 100 } });
    }
    await store.upsert(batch);
  }
  return store;
}

const post = keepAlivePoster(url);

async function viaGraphQL(
  token: string,
  query: string,
  variables: object,
  connections: number,
  seconds: number,
) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    workers: 1,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`GraphQL errors: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { qps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const QUERY =
  'query Q($v: [Float!], $k: Int!, $f: JSONObject) { query(vector: $v, topK: $k, filter: $f) { matches { id score } } }';
const QUERY_VALUES =
  'query Q($v: [Float!], $k: Int!) { query(vector: $v, topK: $k) { matches { id score values } } }';
const UPSERT = 'mutation U($vs: [VectorInput!]!) { upsertVectors(vectors: $vs) { upsertedCount } }';

const figures: Record<string, number> = {};
const sizes = quick
  ? ([
      ['t1k', 1000],
      ['t10k', 10_000],
    ] as const)
  : ([
      ['t1k', 1000],
      ['t10k', 10_000],
      ['t100k', 100_000],
    ] as const);
const stores: Record<string, NamespaceStore> = {};
for (const [tenant, count] of sizes) stores[tenant] = await seed(tenant, count);
const q = Array.from(row(clusteredVectors(1, DIM, 999).data, 0));
const filter = { bucket: 7 };

for (const [tenant, count] of sizes) {
  const token = await signToken({ secret: SECRET, tenant });
  const store = stores[tenant]!;
  const label = `${count / 1000}k`;
  for (const filtered of [false, true]) {
    const input: QueryInput = { vector: q, topK: 10, includeValues: false, includeMetadata: false };
    if (filtered) input.filter = parseFilter(filter);
    const d = await direct(() => store.query(input), CONNECTIONS, SECONDS);
    const g = await viaGraphQL(
      token,
      QUERY,
      { v: q, k: 10, f: filtered ? filter : null },
      CONNECTIONS,
      SECONDS,
    );
    const name = `query ${label}${filtered ? ' filtered' : ''}`;
    Object.assign(figures, {
      [`${name}: direct QPS`]: d.qps,
      [`${name}: GraphQL QPS`]: g.qps,
      [`${name}: QPS ratio GraphQL/direct`]: g.qps / d.qps,
      [`${name}: p50 ratio GraphQL/direct`]: g.p50 / d.p50,
      [`${name}: p99 ratio GraphQL/direct`]: g.p99 / d.p99,
    });
  }
}

// Per-request overhead, one request at a time, on the 1,000-vector namespace.
{
  const token = await signToken({ secret: SECRET, tenant: 't1k' });
  const input: QueryInput = { vector: q, topK: 10, includeValues: false, includeMetadata: false };
  const d = await direct(() => stores.t1k!.query(input), 1, SECONDS);
  const body = JSON.stringify({ query: QUERY, variables: { v: q, k: 10 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const g = await direct(() => post(headers, body), 1, SECONDS);
  figures['1k sequential: direct p50 ms'] = d.p50;
  figures['1k sequential: GraphQL p50 ms'] = g.p50;
  figures['1k sequential: GraphQL overhead p50 ms'] = g.p50 - d.p50;
}

// topK 1,000 with values selected: the cost of serialising 768,000 floats.
{
  const token = await signToken({ secret: SECRET, tenant: 't10k' });
  const input: QueryInput = { vector: q, topK: 1000, includeValues: true, includeMetadata: false };
  const d = await direct(() => stores.t10k!.query(input), 1, SECONDS);
  const body = JSON.stringify({ query: QUERY_VALUES, variables: { v: q, k: 1000 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const g = await direct(() => post(headers, body), 1, SECONDS);
  figures['topK 1000 + values: direct p50 ms'] = d.p50;
  figures['topK 1000 + values: GraphQL p50 ms'] = g.p50;
  figures['topK 1000 + values: cost ratio GraphQL/direct'] = g.p50 / d.p50;
}

// Upserts of 100 × 768.
{
  const token = await signToken({ secret: SECRET, tenant: 'writer' });
  const writes = clusteredVectors(100, DIM, 7).data;
  const batch = Array.from({ length: 100 }, (_, i) => ({ id: `w${i}`, values: Array.from(row(writes, i)) }));
  const store = tenantStore(app.services.repository, index, 'writer-direct');
  const d = await direct(() => store.upsert(batch), CONNECTIONS, SECONDS);
  const g = await viaGraphQL(token, UPSERT, { vs: batch }, CONNECTIONS, SECONDS);
  Object.assign(figures, {
    'upsert 100: direct QPS': d.qps,
    'upsert 100: GraphQL QPS': g.qps,
    'upsert 100: QPS ratio GraphQL/direct': g.qps / d.qps,
  });
}

const headline = {
  'headline: query 10k×768 QPS ratio GraphQL/direct (target ≥ 0.7)':
    figures['query 10k: QPS ratio GraphQL/direct']!,
  'headline: GraphQL overhead p50 ms on 1k vectors (target < 0.3)':
    figures['1k sequential: GraphQL overhead p50 ms']!,
  'headline: topK 1000 + values cost ratio GraphQL/direct (target ≤ 2)':
    figures['topK 1000 + values: cost ratio GraphQL/direct']!,
};
report({
  name: 'graphql',
  figures: { ...headline, ...figures },
  ratio: figures['query 10k: QPS ratio GraphQL/direct']!,
  target: 0.7,
});
post.close();
server.close();
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
