/** Helpers for engine benchmarks: a throw-away engine under the OS temp dir, timing, vectors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type EngineOptions } from '../src/engine/engine.js';
import type { EngineNamespace, Metadata } from '../src/engine/types.js';
import type { VectorSet } from './lib-vectors.js';

export function tempEngine(options: EngineOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  const engine = new Engine(dir, options);
  return {
    dir,
    engine,
    async dispose() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Upserts every vector of `set` in batches (ids are row numbers), a few batches in flight. */
export async function ingest(
  ns: EngineNamespace,
  set: VectorSet,
  batch = 1000,
  metadata?: (i: number) => Metadata,
): Promise<void> {
  const inFlight: Promise<number>[] = [];
  for (let start = 0; start < set.count; start += batch) {
    const records = [];
    for (let i = start; i < Math.min(set.count, start + batch); i++) {
      const values = Array.from(set.data.subarray(i * set.dimension, (i + 1) * set.dimension));
      records.push(metadata ? { id: String(i), values, metadata: metadata(i) } : { id: String(i), values });
    }
    inFlight.push(ns.upsert(records));
    if (inFlight.length >= 4) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

/** Median milliseconds of `runs` sequential calls, after `warmup` unmeasured ones. */
export async function medianMs(runs: number, fn: () => unknown, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Uniform random vectors (fast to make; for benchmarks where the distribution does not matter). */
export function randomVectors(count: number, dimension: number, seed = 7): VectorSet {
  let s = seed >>> 0;
  const data = new Float32Array(count * dimension);
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2 ** 32 - 0.5;
  }
  return { dimension, data, count };
}

/**
 * Single-core memory read bandwidth: Buffer.compare of two identical copies of `bytes`, both counted.
 * `sample()` returns one measurement in GB/s, so a benchmark can interleave it with its own runs
 * (the machine is shared: both then see the same load).
 */
export function memcmpProbe(bytes: number) {
  const a = Buffer.alloc(bytes, 7);
  const b = Buffer.alloc(bytes, 7);
  Buffer.compare(a, b);
  return {
    sample(): number {
      const start = performance.now();
      Buffer.compare(a, b);
      return (2 * bytes) / ((performance.now() - start) / 1000) / 1e9;
    },
  };
}

/** The p-th percentile (0-100) of values already sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
