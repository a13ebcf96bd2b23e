/**
 * Exact candidate selection with usearch's SIMD brute-force kernel (memory-bound, ~28 GB/s here),
 * segment by segment (or over gathered rows), yielding to the event loop between chunks of a large
 * scan so other tenants' small requests are not stalled. Kernel distances only pick candidates;
 * the caller rescores them in JavaScript so every path reports the same Pinecone scores.
 */
import { exactSearch, MetricKind } from 'usearch';
import { SEGMENT_BYTES } from './segments.js';
import type { RecordTable } from './table.js';
import type { Metric } from './types.js';

/** A scan yields to the event loop after running this long (bounds other requests' wait). */
const SLICE_MS = 2;

export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields when the current slice of work has run for SLICE_MS. */
export function slicer(): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < SLICE_MS) return undefined;
    return pause().then(() => {
      start = performance.now();
    });
  };
}

export function kernelMetric(metric: Metric) {
  return metric === 'cosine' ? MetricKind.Cos : metric === 'dotproduct' ? MetricKind.IP : MetricKind.L2sq;
}

interface Hit {
  row: number;
  distance: number;
}

/** Rows of the k nearest by kernel distance over the whole table, best first. */
export async function scanAll(
  table: RecordTable,
  query: Float32Array,
  metric: Metric,
  k: number,
): Promise<number[]> {
  const hits: Hit[] = [];
  const maybeYield = slicer();
  for (const { view, firstRow } of table.matrix.views()) {
    await maybeYield();
    const rows = view.length / table.dimension;
    const found = exactSearch(view, query, table.dimension, Math.min(k, rows), kernelMetric(metric), 1);
    collect(hits, found.keys, found.distances, (key) => firstRow + key);
  }
  return best(hits, k);
}

/** Rows of the k nearest among `rows` (gathered into scratch buffers), best first. */
export async function scanRows(
  table: RecordTable,
  rows: ArrayLike<number>,
  query: Float32Array,
  metric: Metric,
  k: number,
): Promise<number[]> {
  const d = table.dimension;
  const chunkRows = Math.max(1, Math.floor(SEGMENT_BYTES / (4 * d)));
  const scratch = scratchOf(Math.min(rows.length, chunkRows) * d);
  const hits: Hit[] = [];
  const maybeYield = slicer();
  for (let start = 0; start < rows.length; start += chunkRows) {
    await maybeYield();
    const count = Math.min(chunkRows, rows.length - start);
    for (let i = 0; i < count; i++) {
      const [segment, offset] = table.matrix.locate(rows[start + i]!);
      scratch.set(segment.subarray(offset, offset + d), i * d);
    }
    const view = count * d === scratch.length ? scratch : scratch.subarray(0, count * d);
    const found = exactSearch(view, query, d, Math.min(k, count), kernelMetric(metric), 1);
    collect(hits, found.keys, found.distances, (key) => rows[start + key]!);
  }
  return best(hits, k);
}

/**
 * One gather buffer reused by every search (JavaScript is single-threaded and a buffer is used only
 * between two yields), so a filtered query does not allocate and zero megabytes each time.
 */
let scratchBuffer = new Float32Array(0);
function scratchOf(length: number): Float32Array {
  if (scratchBuffer.length < length) scratchBuffer = new Float32Array(length);
  return scratchBuffer;
}

function collect(hits: Hit[], keys: BigUint64Array, distances: Float32Array, toRow: (key: number) => number) {
  for (let i = 0; i < keys.length; i++) hits.push({ row: toRow(Number(keys[i])), distance: distances[i]! });
}

function best(hits: Hit[], k: number): number[] {
  hits.sort((a, b) => a.distance - b.distance || a.row - b.row);
  return hits.slice(0, k).map((h) => h.row);
}
