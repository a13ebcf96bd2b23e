/**
 * npm run bench -- noisy-neighbor [--quick]
 *
 * One tenant must not hurt another. The server runs as its own process (tsx src/main.ts, default
 * guard rails, NODE_ENV=production). Tenant B sends steady queries (one every 10 ms, one at a
 * time) and records their latency: first with the server otherwise idle, then while tenant A
 * floods it at the highest rate it can (autocannon, its own process, 32 connections, ignoring 429s).
 * Headline ratio: B's p99 under flood / B's p99 idle (target ≤ 2). Also run with A's limits lifted
 * (a huge tier) to show the fair scheduler alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../src/auth/tokens.js';
import { percentile } from './lib-engine.js';
import { report } from './report.js';

const quick = process.argv.includes('--quick');
const PHASE_MS = quick ? 3000 : 8000;
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const QUERY = JSON.stringify({
  query: '{ query(vector: [1,2,3,4,5,6,7,8], topK: 10) { matches { id score } } }',
});

async function startServer(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /localhost:(\d+)\/graphql/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, port };
}

function post(agent: Agent, port: number, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** B's steady client: one query every 10 ms (or right after the previous one if slower), latencies in ms. */
async function steady(port: number, token: string, ms: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const t0 = performance.now();
    const status = await post(agent, port, token, QUERY);
    if (status !== 200) throw new Error(`tenant B got HTTP ${status}`);
    latencies.push(performance.now() - t0);
    await sleep(Math.max(0, 10 - (performance.now() - t0)));
  }
  agent.destroy();
  return latencies.sort((a, b) => a - b);
}

/** Tenant A's flood in its own process: autocannon at full speed for `seconds`. */
function flood(
  port: number,
  token: string,
  seconds: number,
): Promise<{ ok: number; limited: number; rps: number }> {
  const child = spawn(
    process.execPath,
    [
      'node_modules/autocannon/autocannon.js',
      '-c',
      '32',
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-H',
      `authorization=Bearer ${token}`,
      '-b',
      QUERY,
      '--json',
      `http://127.0.0.1:${port}/graphql`,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve) =>
    child.on('exit', () => {
      const r = JSON.parse(out) as { '2xx': number; non2xx: number; requests: { average: number } };
      resolve({ ok: r['2xx'], limited: r.non2xx, rps: r.requests.average });
    }),
  );
}

async function scenario(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tvg-noisy-'));
  const { child, port } = await startServer(dataDir, env);
  try {
    const a = await signToken({ secret: SECRET, tenant: 'tenant-a', tenantClaim: 'tenant' });
    const b = await signToken({ secret: SECRET, tenant: 'tenant-b', tenantClaim: 'tenant' });
    const agent = new Agent({ keepAlive: true });
    for (const token of [a, b]) {
      for (let batch = 0; batch < 5; batch++) {
        const vectors = Array.from(
          { length: 200 },
          (_, i) =>
            `{id: "v${batch}-${i}", values: [${Array.from({ length: 8 }, () => Math.random().toFixed(4)).join(',')}]}`,
        );
        await post(
          agent,
          port,
          token,
          JSON.stringify({
            query: `mutation { upsertVectors(vectors: [${vectors.join(',')}]) { upsertedCount } }`,
          }),
        );
      }
    }
    agent.destroy();
    await steady(port, b, 1000); // warm-up
    const idle = await steady(port, b, PHASE_MS);
    const flooding = flood(port, a, Math.ceil(PHASE_MS / 1000) + 2);
    await sleep(1000);
    const loaded = await steady(port, b, PHASE_MS);
    const f = await flooding;
    const secs = Math.ceil(PHASE_MS / 1000) + 2;
    const figures = {
      [`${label}_b_idle_p50_ms`]: percentile(idle, 50),
      [`${label}_b_idle_p99_ms`]: percentile(idle, 99),
      [`${label}_b_flood_p50_ms`]: percentile(loaded, 50),
      [`${label}_b_flood_p99_ms`]: percentile(loaded, 99),
      [`${label}_p50_ratio`]: percentile(loaded, 50) / percentile(idle, 50),
      [`${label}_p99_ratio`]: percentile(loaded, 99) / percentile(idle, 99),
      [`${label}_a_served_per_s`]: f.ok / secs,
      [`${label}_a_rate_limited_per_s`]: f.limited / secs,
      [`${label}_b_samples_flood`]: loaded.length,
    };
    return figures;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const defaults = await scenario('default', {});
const unlimited = await scenario('scheduler_only', {
  RATE_LIMITS: JSON.stringify({
    bulk: { requestsPerSecond: 1e9, writeUnitsPerSecond: 1e9, concurrency: 1000 },
  }),
  TENANT_TIERS: JSON.stringify({ 'tenant-a': 'bulk' }),
});
report({
  name: 'noisy-neighbor',
  figures: { ...defaults, ...unlimited },
  ratio: defaults.default_p99_ratio as number,
  target: 2,
  targetKind: 'max',
});
