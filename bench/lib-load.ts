/** Load helpers for benchmarks that compare a direct call with the same work over HTTP. */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { percentile } from './lib-engine.js';

/**
 * Runs `call` from `concurrency` loops for `seconds`; returns QPS and latency percentiles (ms).
 * Closed loops, as autocannon's connections: a loop's next call is due when its previous one
 * completes, and its latency runs from then, so it includes the wait for the thread while other
 * loops' calls run (as autocannon's include the server's queue). Each call is started from the
 * event loop, as a request arriving on a socket is: loops chaining calls through microtasks alone
 * would starve a call that yielded with setImmediate (the engine's long scans do) until the end of
 * the run (measured: 8 loops on the 10,000-vector query, 6 of them completed one call in 3 s while
 * the other 2 ran back to back).
 */
export async function direct(call: () => Promise<unknown>, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    let due = performance.now();
    while (due < end) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await call();
      const done = performance.now();
      latencies.push(done - due);
      due = done;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { qps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * POSTs over one keep-alive connection with node:http, as a production client would (fetch's
 * per-request cost would be counted as server overhead). Resolves once the whole body arrived.
 */
export function keepAlivePoster(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (headers: Record<string, string>, body: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end(body);
    });
  return Object.assign(post, { close: () => agent.destroy() });
}

/**
 * Sequential latencies of several ways of doing the same work, interleaved in short rounds so that
 * a noisy neighbour on this shared machine slows each of them alike. Returns each one's p50 (ms).
 *
 * First, `warmupSeconds` of the same rounds, not counted: a server reaches its steady per-request
 * cost only after a few thousand requests (V8 optimises the request path as it gets hot; measured
 * here, the GraphQL p50 falls from ~0.95 to ~0.75 ms over the first ~5 s of these loops), and a
 * deployed server is measured warm.
 */
export async function interleaved(
  calls: Record<string, () => Promise<unknown>>,
  seconds: number,
  warmupSeconds = 0,
) {
  const names = Object.keys(calls);
  const latencies: Record<string, number[]> = {};
  for (const name of names) latencies[name] = [];
  const run = async (total: number, record: boolean) => {
    const rounds = Math.max(4, Math.round(total * 4));
    for (let round = 0; round < rounds; round++) {
      for (const name of names) {
        const call = calls[name]!;
        const end = performance.now() + (total * 1000) / rounds / names.length;
        do {
          const t = performance.now();
          await call();
          if (record) latencies[name]!.push(performance.now() - t);
        } while (performance.now() < end);
      }
    }
  };
  // At least one uncounted round (JIT, caches) even without a warm-up period.
  await run(Math.max(warmupSeconds, seconds / 16), false);
  await run(seconds, true);
  const p50: Record<string, number> = {};
  for (const [name, list] of Object.entries(latencies))
    p50[name] = percentile(
      list.sort((a, b) => a - b),
      50,
    );
  return p50;
}

/**
 * The same request without GraphQL: a bare node:http endpoint that reads the JSON body, calls
 * `handle` with it and the Authorization header, and answers JSON.stringify of the result. The
 * baseline for the GraphQL layer's own cost (parse, validate, permissions, execution,
 * serialisation): HTTP, body parsing and whatever `handle` does (the same authentication and input
 * checks as the API's) aside.
 */
export async function bareJsonEndpoint(
  handle: (body: unknown, authorization: string | null) => Promise<unknown>,
) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const result = await handle(body, req.headers.authorization ?? null);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => server.close() };
}
