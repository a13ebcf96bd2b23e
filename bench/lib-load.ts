/** Load helpers for benchmarks that compare a direct call with the same work over HTTP. */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './lib-engine.js';

/** Runs `call` from `concurrency` loops for `seconds`; returns QPS and latency percentiles (ms). */
export async function direct(call: () => Promise<unknown>, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await call();
      latencies.push(performance.now() - t);
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
