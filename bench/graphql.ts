/**
 * npm run bench -- graphql [--quick]
 *
 * The cost of the GraphQL layer: the same query through the running server (HTTP + Yoga + shield +
 * Pothos + JSON) and as a direct engine call, in the same process and run. Load for the GraphQL
 * side comes from autocannon in a worker thread (the other core); the direct side runs the same
 * number of concurrent callers in process; the two alternate in slices. Headline ratio: GraphQL QPS
 * / direct QPS on the 10,000 × 768 query (target ≥ 0.7); the two other targets are
 * `checks`, rows of their own in the README table. Sequential requests use node:http with a
 * keep-alive agent (as a production client would), so no fetch client's cost counts as the
 * server's. The overhead check is GraphQL's own (parse, validate, permissions, execution,
 * serialisation): its p50 minus that of the same engine call behind a bare JSON endpoint doing the
 * same authentication and input checks; the cost over the direct call, HTTP included, is printed
 * beside it.
 */
import './lib-production.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { createAuthenticator } from '../src/auth/authenticate.js';
import { cachedAuthenticator } from '../src/auth/token-cache.js';
import { signToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { parseFilter } from '../src/engine/filter.js';
import type { EmbeddedRepository } from '../src/repository/embedded.js';
import type { NamespaceStore, QueryInput } from '../src/repository/types.js';
import { tenantNamespace } from '../src/tenancy/namespace.js';
import { tenantStore } from '../src/tenancy/scope.js';
import { validateTopK, validateValues } from '../src/validation/vectors.js';
import { median } from './lib-engine.js';
import { bareJsonEndpoint, direct, interleaved, keepAlivePoster } from './lib-load.js';
import { clusteredVectors, row } from './lib-vectors.js';
import { type Check, report } from './report.js';

const quick = process.argv.includes('--quick');
const DIM = 768;
const SECONDS = quick ? 3 : 8;
const CONNECTIONS = 8;
const ROUNDS = 4;
const SLICE = SECONDS / ROUNDS;
/** Seconds of uncounted sequential requests first: the request path is measured once V8 has optimised it. */
const SEQUENTIAL_WARMUP = 8;
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

type Load = { qps: number; p50: number; p99: number };

/**
 * Direct and GraphQL load in alternating slices (ROUNDS of each), so that drift on this shared
 * machine (a neighbour's job starting, memory bandwidth) weighs on both sides alike. Per side: mean
 * QPS and the median of the slices' p50 and p99.
 */
async function compareQps(directCall: () => Promise<unknown>, graphql: () => Promise<Load>) {
  const d: Load[] = [];
  const g: Load[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    d.push(await direct(directCall, CONNECTIONS, SLICE));
    g.push(await graphql());
  }
  const combine = (runs: Load[]): Load => ({
    qps: runs.reduce((sum, r) => sum + r.qps, 0) / runs.length,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  });
  return { d: combine(d), g: combine(g) };
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
// Measure once the background HNSW builds are done: a build running on the other core during one
// side of a comparison (and not the other) would decide the ratio.
const engine = (app.services.repository as EmbeddedRepository).engine;
for (const [tenant] of sizes)
  await engine.getIndex(index.name)!.namespace(tenantNamespace(tenant).name).indexed();
// And once the seeding's garbage (111,000 vectors as JS arrays) is collected, so that no phase
// pays for a major collection it did not cause.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
gc();
gc();
const q = Array.from(row(clusteredVectors(1, DIM, 999).data, 0));
const filter = { bucket: 7 };

// The sequential figures first, before the load phases leave garbage and worker threads behind.
// Per-request overhead, one request at a time, on the 1,000-vector namespace: the direct call, the
// same call behind a bare JSON-over-HTTP endpoint, and GraphQL, interleaved (lib-load.ts).
{
  const token = await signToken({ secret: SECRET, tenant: 't1k' });
  const input: QueryInput = { vector: q, topK: 10, includeValues: false, includeMetadata: false };
  const body = JSON.stringify({ query: QUERY, variables: { v: q, k: 10 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  // What any endpoint for this query does besides GraphQL: check the token (cached, as the API
  // does), pick the tenant's namespace from it and check the input against Pinecone's limits.
  const authenticate = cachedAuthenticator(createAuthenticator({ ...config.auth, jwtSecret: SECRET }));
  const bare = await bareJsonEndpoint(async (b, authorization) => {
    const principal = await authenticate(authorization);
    const store = tenantStore(app.services.repository, index, principal!.tenantId!);
    const { v, k } = (b as { variables: { v: number[]; k: number } }).variables;
    const vector = validateValues('vector', v, index);
    return { data: { query: await store.query({ ...input, vector, topK: validateTopK('topK', k) }) } };
  });
  const postBare = keepAlivePoster(bare.url);
  const p50 = await interleaved(
    {
      direct: () => stores.t1k!.query(input),
      bare: () => postBare(headers, body),
      graphql: () => post(headers, body),
    },
    SECONDS * 2,
    SEQUENTIAL_WARMUP,
  );
  postBare.close();
  bare.close();
  figures['1k sequential: direct p50 ms'] = p50.direct!;
  figures['1k sequential: bare HTTP endpoint p50 ms'] = p50.bare!;
  figures['1k sequential: GraphQL p50 ms'] = p50.graphql!;
  figures['1k sequential: GraphQL overhead over the bare endpoint p50 ms'] = p50.graphql! - p50.bare!;
  figures['1k sequential: GraphQL + HTTP overhead over the direct call p50 ms'] = p50.graphql! - p50.direct!;
}

// topK 1,000 with values selected: the cost of writing 768,000 floats. "Direct" is the engine call
// returning the values as numbers (what its callers get); GraphQL answers them as JSON text.
{
  const token = await signToken({ secret: SECRET, tenant: 't10k' });
  const input: QueryInput = { vector: q, topK: 1000, includeValues: true, includeMetadata: false };
  const body = JSON.stringify({ query: QUERY_VALUES, variables: { v: q, k: 1000 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const p50 = await interleaved(
    { direct: () => stores.t10k!.query(input), graphql: () => post(headers, body) },
    SECONDS * 2,
    2,
  );
  figures['topK 1000 + values: direct p50 ms'] = p50.direct!;
  figures['topK 1000 + values: GraphQL p50 ms'] = p50.graphql!;
  figures['topK 1000 + values: cost ratio GraphQL/direct'] = p50.graphql! / p50.direct!;
}

for (const [tenant, count] of sizes) {
  const token = await signToken({ secret: SECRET, tenant });
  const store = stores[tenant]!;
  const label = `${count / 1000}k`;
  for (const filtered of [false, true]) {
    const input: QueryInput = { vector: q, topK: 10, includeValues: false, includeMetadata: false };
    if (filtered) input.filter = parseFilter(filter);
    const { d, g } = await compareQps(
      () => store.query(input),
      () => viaGraphQL(token, QUERY, { v: q, k: 10, f: filtered ? filter : null }, CONNECTIONS, SLICE),
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

// Upserts of 100 × 768.
{
  const token = await signToken({ secret: SECRET, tenant: 'writer' });
  const writes = clusteredVectors(100, DIM, 7).data;
  const batch = Array.from({ length: 100 }, (_, i) => ({ id: `w${i}`, values: Array.from(row(writes, i)) }));
  const store = tenantStore(app.services.repository, index, 'writer-direct');
  const { d, g } = await compareQps(
    () => store.upsert(batch),
    () => viaGraphQL(token, UPSERT, { vs: batch }, CONNECTIONS, SLICE),
  );
  Object.assign(figures, {
    'upsert 100: direct QPS': d.qps,
    'upsert 100: GraphQL QPS': g.qps,
    'upsert 100: QPS ratio GraphQL/direct': g.qps / d.qps,
  });
}

const checks: Check[] = [
  {
    label: 'GraphQL overhead p50 ms, 1k vectors',
    value: figures['1k sequential: GraphQL overhead over the bare endpoint p50 ms']!,
    target: 0.3,
    targetKind: 'max',
  },
  {
    label: 'topK 1000 + values, p50 GraphQL/direct',
    value: figures['topK 1000 + values: cost ratio GraphQL/direct']!,
    target: 2,
    targetKind: 'max',
  },
];
report({
  name: 'graphql',
  figures,
  ratio: figures['query 10k: QPS ratio GraphQL/direct']!,
  target: 0.7,
  checks,
});
post.close();
server.close();
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
