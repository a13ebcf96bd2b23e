/**
 * In-memory records of one namespace: dense values in one contiguous Float32Array (row-major),
 * with per-row inverse norms for cosine, optional sparse values and metadata. Rows are dense
 * (a delete moves the last row into the hole), so a scan never skips tombstones.
 */
import { type Filter, matches } from './filter.js';
import { topK } from './top-k.js';
import type { EngineRecord, Metadata, Metric, QueryMatch, QueryRequest, SparseValues } from './types.js';

export class RecordTable {
  private ids: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private matrix: Float32Array;
  private invNorms: Float64Array;
  private sparse: (SparseValues | undefined)[] = [];
  private metadata: (Metadata | undefined)[] = [];
  private bytes = 0;

  constructor(
    readonly dimension: number,
    readonly metric: Metric,
  ) {
    this.matrix = new Float32Array(16 * dimension);
    this.invNorms = new Float64Array(16);
  }

  get size(): number {
    return this.ids.length;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  put(record: EngineRecord): void {
    let row = this.rowOf.get(record.id);
    if (row === undefined) {
      row = this.ids.length;
      this.grow(row + 1);
      this.ids.push(record.id);
      this.rowOf.set(record.id, row);
    } else {
      this.bytes -= this.recordBytes(row);
    }
    this.setValues(row, record.values ?? []);
    this.sparse[row] = record.sparseValues;
    this.metadata[row] = record.metadata;
    this.bytes += this.recordBytes(row);
  }

  get(id: string): EngineRecord | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.record(row, true, true);
  }

  delete(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.bytes -= this.recordBytes(row);
    const last = this.ids.length - 1;
    if (row !== last) {
      const lastId = this.ids[last]!;
      this.ids[row] = lastId;
      this.rowOf.set(lastId, row);
      this.matrix.copyWithin(row * this.dimension, last * this.dimension, (last + 1) * this.dimension);
      this.invNorms[row] = this.invNorms[last]!;
      this.sparse[row] = this.sparse[last];
      this.metadata[row] = this.metadata[last];
    }
    this.ids.pop();
    this.sparse.pop();
    this.metadata.pop();
    this.rowOf.delete(id);
    return true;
  }

  clear(): void {
    this.ids = [];
    this.rowOf.clear();
    this.sparse = [];
    this.metadata = [];
    this.bytes = 0;
  }

  /** Ids of rows whose metadata matches (all rows without a filter). */
  idsMatching(filter: Filter | undefined): string[] {
    if (!filter) return [...this.ids];
    return this.ids.filter((_, row) => matches(filter, this.metadata[row]));
  }

  allIds(): string[] {
    return [...this.ids];
  }

  records(): EngineRecord[] {
    return this.ids.map((_, row) => this.record(row, true, true));
  }

  search(request: QueryRequest): QueryMatch[] {
    const n = this.ids.length;
    const d = this.dimension;
    const { filter } = request;
    const q = this.prepareQuery(request.vector);
    const sparseQuery = request.sparseVector ? new Map(zip(request.sparseVector)) : undefined;
    const scores = new Float64Array(n);
    const rows: number[] = [];
    for (let row = 0; row < n; row++) {
      if (filter && !matches(filter, this.metadata[row])) continue;
      let score = q ? this.denseScore(q, row * d) : 0;
      if (this.metric === 'cosine') score *= this.invNorms[row]!;
      if (sparseQuery) score += sparseDot(sparseQuery, this.sparse[row]);
      scores[row] = score;
      rows.push(row);
    }
    const ascending = this.metric === 'euclidean';
    return topK(rows, scores, request.topK, ascending).map((row) => ({
      ...this.record(row, request.includeValues ?? false, request.includeMetadata ?? false),
      score: scores[row]!,
    }));
  }

  private denseScore(q: Float64Array, offset: number): number {
    const m = this.matrix;
    const d = this.dimension;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    if (this.metric === 'euclidean') {
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

  /** The query as float32 values (what is stored), normalised for cosine. */
  private prepareQuery(vector: ArrayLike<number> | undefined): Float64Array | undefined {
    if (!vector) return undefined;
    const q = Float64Array.from(Float32Array.from(vector as ArrayLike<number>));
    if (this.metric === 'cosine') {
      let sum = 0;
      for (const v of q) sum = Math.fround(sum + Math.fround(v * v));
      const norm = Math.fround(Math.sqrt(sum));
      for (let i = 0; i < q.length; i++) q[i] = Math.fround(q[i]! / norm);
    }
    return q;
  }

  private setValues(row: number, values: ArrayLike<number>): void {
    const d = this.dimension;
    const offset = row * d;
    let sum = 0;
    for (let i = 0; i < d; i++) {
      const v = Math.fround(values[i] ?? 0);
      this.matrix[offset + i] = v;
      sum += v * v;
    }
    this.invNorms[row] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }

  private record(row: number, withValues: boolean, withMetadata: boolean): EngineRecord {
    const record: EngineRecord = { id: this.ids[row]! };
    if (withValues) {
      record.values = toShortestFloats(
        this.matrix.subarray(row * this.dimension, (row + 1) * this.dimension),
      );
      const sparse = this.sparse[row];
      if (sparse) record.sparseValues = sparse;
    }
    const metadata = this.metadata[row];
    if (withMetadata && metadata) record.metadata = metadata;
    return record;
  }

  private recordBytes(row: number): number {
    const metadata = this.metadata[row];
    return (
      Buffer.byteLength(this.ids[row]!) +
      (metadata ? Buffer.byteLength(JSON.stringify(metadata)) : 0) +
      4 * this.dimension +
      8 * (this.sparse[row]?.indices.length ?? 0)
    );
  }

  private grow(rows: number): void {
    if (rows * this.dimension <= this.matrix.length) return;
    const capacity = Math.max(rows, Math.ceil(this.invNorms.length * 1.5));
    const matrix = new Float32Array(capacity * this.dimension);
    matrix.set(this.matrix);
    this.matrix = matrix;
    const norms = new Float64Array(capacity);
    norms.set(this.invNorms);
    this.invNorms = norms;
  }
}

function* zip(sparse: SparseValues): Iterable<[number, number]> {
  for (let i = 0; i < sparse.indices.length; i++) yield [sparse.indices[i]!, sparse.values[i]!];
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

/**
 * Float32 values as the shortest decimals that read back to the same float32 (0.6, not
 * 0.6000000238418579), the way Pinecone prints them.
 */
export function toShortestFloats(values: Float32Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let p = 6;
    let s = Number(v.toPrecision(p));
    while (Math.fround(s) !== v && p < 9) s = Number(v.toPrecision(++p));
    out[i] = s;
  }
  return out;
}
