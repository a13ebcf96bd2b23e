/**
 * npm run bench -- pinecone-hop [--quick]
 *
 * The cost of the Pinecone hop: the same GraphQL query (through app.fetch, so the API's own HTTP
 * is left out) served by the embedded engine in process, and by PineconeRepository → SDK v8 → HTTP
 * → the engine's Pinecone-compatible server on localhost (same engine, same data). Both run in
 * this process, alternating rounds so machine noise hits both. Headline ratio: p50 latency
 * Pinecone path / embedded path, sequential requests (what one client sees).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type App, createApp } from '../src/app.js';
import { signToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { startPineconeServer } from '../src/engine/http/index.js';
import { EmbeddedRepository } from '../src/repository/embedded.js';
import { PineconeRepository } from '../src/repository/pinecone.js';
import type { VectorRepository } from '../src/repository/types.js';
import { tenantStore } from '../src/tenancy/scope.js';
import { report } from './report.js';

const quick = process.argv.includes('--quick');
const DIM = 256;
const RECORDS = quick ? 2000 : 10_000;
const ROUNDS = quick ? 4 : 10;
const PER_ROUND = quick ? 100 : 200;
const CONCURRENCY = 8;
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const QUERY =
  'query Q($v: [Float!], $k: Int!) { query(vector: $v, topK: $k) { matches { id score } usage { readUnits } } }';

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}
const rand = random(42);
const vector = () => Array.from({ length: DIM }, rand);

const dirs = [mkdtempSync(join(tmpdir(), 'bench-hop-a-')), mkdtempSync(join(tmpdir(), 'bench-hop-b-'))];
const config = loadConfig({
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: SECRET,
  DATA_DIR: dirs[0],
  INDEXES: JSON.stringify([{ name: 'hop', dimension: DIM, metric: 'cosine' }]),
});
const pinecone = await startPineconeServer({ dataDir: dirs[1]!, port: 0, apiKey: 'bench' });
const repositories: Record<'embedded' | 'pinecone', VectorRepository> = {
  embedded: new EmbeddedRepository(dirs[0]!),
  pinecone: new PineconeRepository({
    apiKey: 'bench',
    controllerHostUrl: pinecone.url,
    cloud: 'aws',
    region: 'us-east-1',
    maxRetries: 0,
    timeoutMs: 10_000,
  }),
};
const apps: Record<string, App> = {};
const records = Array.from({ length: RECORDS }, (_, i) => ({ id: `v${i}`, values: vector() }));
for (const [name, repository] of Object.entries(repositories)) {
  apps[name] = await createApp(config, { repository });
  const store = tenantStore(repository, config.indexes[0]!, 'bench');
  for (let i = 0; i < records.length; i += 200) await store.upsert(records.slice(i, i + 200));
}

const token = await signToken({ secret: SECRET, tenant: 'bench' });
const queries = Array.from({ length: 50 }, vector);
let next = 0;
async function ask(app: App): Promise<void> {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { v: queries[next++ % queries.length], k: 10 } }),
  });
  const body = (await response.json()) as { errors?: unknown[]; data?: { query: { matches: unknown[] } } };
  if (body.errors || body.data?.query.matches.length !== 10)
    throw new Error(JSON.stringify(body).slice(0, 300));
}

/** Latencies (ms) of `count` requests, `concurrency` at a time; and the throughput. */
async function run(app: App, count: number, concurrency: number) {
  const latencies: number[] = [];
  let left = count;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        await ask(app);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, qps: count / ((performance.now() - start) / 1000) };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const samples = { embedded: [] as number[], pinecone: [] as number[] };
const qps = { embedded: [] as number[], pinecone: [] as number[] };
for (const name of ['embedded', 'pinecone'] as const) await run(apps[name]!, 50, 1); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['embedded', 'pinecone'] as const) {
    samples[name].push(...(await run(apps[name]!, PER_ROUND, 1)).latencies);
    qps[name].push((await run(apps[name]!, PER_ROUND, CONCURRENCY)).qps);
  }
}

const figures: Record<string, number | string> = { records: RECORDS, dimension: DIM, topK: 10 };
for (const name of ['embedded', 'pinecone'] as const) {
  const sorted = samples[name].sort((a, b) => a - b);
  figures[`${name}: p50 ms (sequential)`] = pct(sorted, 50);
  figures[`${name}: p99 ms (sequential)`] = pct(sorted, 99);
  figures[`${name}: QPS (${CONCURRENCY} concurrent)`] = qps[name].sort((a, b) => a - b)[
    qps[name].length >> 1
  ]!;
}
const ratio =
  (figures['pinecone: p50 ms (sequential)'] as number) / (figures['embedded: p50 ms (sequential)'] as number);
figures['p99 ratio pinecone/embedded'] =
  (figures['pinecone: p99 ms (sequential)'] as number) / (figures['embedded: p99 ms (sequential)'] as number);
figures['QPS ratio pinecone/embedded'] =
  (figures[`pinecone: QPS (${CONCURRENCY} concurrent)`] as number) /
  (figures[`embedded: QPS (${CONCURRENCY} concurrent)`] as number);
figures['hop cost p50 ms'] =
  (figures['pinecone: p50 ms (sequential)'] as number) - (figures['embedded: p50 ms (sequential)'] as number);

// Target (ours; the issue sets none): the hop should at most double a query's latency on localhost.
report({ name: 'pinecone-hop', figures, ratio, target: 2, targetKind: 'max' });

for (const app of Object.values(apps)) await app.close();
await pinecone.close();
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
