/**
 * Pinecone scores computed in JavaScript, the reference every search path ends with: cosine is the
 * float32 dot product with the query normalised in float32 times the row's float64 inverse norm;
 * dotproduct adds the sparse dot product (hybrid); euclidean is the squared distance (ascending).
 * Equal scores keep insertion (row) order.
 */
import type { RecordTable } from './table.js';
import type { Metric, SparseValues } from './types.js';

export interface PreparedQuery {
  /** Dense query as stored float32 values (normalised for cosine), or undefined (sparse only). */
  dense: Float64Array | undefined;
  /** The raw float32 query for native kernels (own buffer: usearch ignores byteOffset). */
  raw: Float32Array | undefined;
  sparse: Map<number, number> | undefined;
  metric: Metric;
}

export function prepareQuery(
  metric: Metric,
  vector: ArrayLike<number> | undefined,
  sparse: SparseValues | undefined,
): PreparedQuery {
  // The typed-array constructors copy array-likes directly; `.from` goes through the iterator.
  const raw = vector ? new Float32Array(vector as ArrayLike<number>) : undefined;
  let dense: Float64Array | undefined;
  if (raw) {
    dense = new Float64Array(raw);
    if (metric === 'cosine') {
      let sum = 0;
      for (let i = 0; i < dense.length; i++) sum = Math.fround(sum + Math.fround(dense[i]! * dense[i]!));
      const norm = Math.fround(Math.sqrt(sum));
      for (let i = 0; i < dense.length; i++) dense[i] = Math.fround(dense[i]! / norm);
    }
  }
  const sparseMap = sparse
    ? new Map(sparse.indices.map((index, i) => [index, sparse.values[i]!]))
    : undefined;
  return { dense, raw, sparse: sparseMap, metric };
}

export function scoreRow(table: RecordTable, q: PreparedQuery, row: number): number {
  let score = 0;
  if (q.dense) {
    const [segment, offset] = table.matrix.locate(row);
    score = denseScore(segment, offset, q.dense, q.metric === 'euclidean');
    if (q.metric === 'cosine') score *= table.invNorm(row);
  }
  if (q.sparse) score += sparseDot(q.sparse, table.sparseOf(row));
  return score;
}

function denseScore(m: Float32Array, offset: number, q: Float64Array, euclidean: boolean): number {
  const d = q.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  if (euclidean) {
    for (; i + 3 < d; i += 4) {
      const a = m[offset + i]! - q[i]!;
      const b = m[offset + i + 1]! - q[i + 1]!;
      const c = m[offset + i + 2]! - q[i + 2]!;
      const e = m[offset + i + 3]! - q[i + 3]!;
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += e * e;
    }
    for (; i < d; i++) {
      const a = m[offset + i]! - q[i]!;
      s0 += a * a;
    }
  } else {
    for (; i + 3 < d; i += 4) {
      s0 += m[offset + i]! * q[i]!;
      s1 += m[offset + i + 1]! * q[i + 1]!;
      s2 += m[offset + i + 2]! * q[i + 2]!;
      s3 += m[offset + i + 3]! * q[i + 3]!;
    }
    for (; i < d; i++) s0 += m[offset + i]! * q[i]!;
  }
  return s0 + s1 + s2 + s3;
}

function sparseDot(query: Map<number, number>, sparse: SparseValues | undefined): number {
  if (!sparse) return 0;
  let sum = 0;
  for (let i = 0; i < sparse.indices.length; i++) {
    const q = query.get(sparse.indices[i]!);
    if (q !== undefined) sum += q * sparse.values[i]!;
  }
  return sum;
}
