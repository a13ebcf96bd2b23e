/**
 * Pinecone's documented record limits (shared/reference/pinecone-api.md §4) and the checks behind
 * them, in one place for both boundaries that take records from outside: the GraphQL API
 * (src/validation) and the Pinecone-compatible server (src/engine/http). A check throws LimitError
 * naming the offending path and the rule; each boundary turns it into its own error shape, as it
 * does FilterError.
 */
import type { Metadata, Metric, SparseValues } from './types.js';

export const LIMITS = {
  maxUpsertVectors: 1000,
  maxUpsertBytes: 2 * 1024 * 1024,
  maxIdLength: 512,
  maxNamespaceLength: 512,
  maxMetadataBytes: 40 * 1024,
  maxSparseValues: 2048,
  maxTopK: 10_000,
  maxFetchIds: 1000,
  maxListPage: 100,
  maxFetchByMetadataLimit: 10_000,
} as const;

export class LimitError extends Error {
  constructor(
    readonly path: string,
    readonly rule: string,
    /** Set for a dense vector of the wrong length: its length and the index's dimension. */
    readonly dimensionMismatch?: { got: number; expected: number },
  ) {
    super(`${path}: ${rule}`);
    this.name = 'LimitError';
  }
}

/** What a check needs to know of the index (the name only makes messages clearer). */
export interface IndexShape {
  name?: string;
  dimension: number;
  metric: Metric;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is "ASCII except NUL"
export const ASCII = /^[\x01-\x7F]+$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const indexLabel = (index: IndexShape) => (index.name ? `index "${index.name}"` : 'the index');

export function checkId(path: string, id: unknown): string {
  if (typeof id !== 'string') throw new LimitError(path, 'must be a string');
  if (id.length < 1 || id.length > LIMITS.maxIdLength) {
    throw new LimitError(path, `must be 1-${LIMITS.maxIdLength} characters (got ${id.length})`);
  }
  if (!ASCII.test(id)) throw new LimitError(path, 'must be ASCII characters other than NUL');
  return id;
}

export function checkValues(path: string, values: unknown, index: IndexShape): number[] {
  if (!Array.isArray(values)) throw new LimitError(path, 'must be a list of numbers');
  if (values.length !== index.dimension) {
    throw new LimitError(
      path,
      `must have ${index.dimension} values, the dimension of ${indexLabel(index)} (got ${values.length})`,
      { got: values.length, expected: index.dimension },
    );
  }
  let nonZero = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new LimitError(`${path}[${i}]`, 'must be a finite number');
    if (Math.abs(v) >= 1e-8) nonZero = true;
  }
  if (!nonZero) {
    throw new LimitError(path, 'must contain at least one value of magnitude 1e-8 or more (not only zeros)');
  }
  return values as number[];
}

export function checkSparse(path: string, sparse: unknown, index: IndexShape): SparseValues {
  if (index.metric !== 'dotproduct') {
    throw new LimitError(
      path,
      `sparse values need an index with metric dotproduct; ${indexLabel(index)} uses ${index.metric}`,
    );
  }
  if (!isObject(sparse) || !Array.isArray(sparse.indices) || !Array.isArray(sparse.values)) {
    throw new LimitError(path, 'must be {"indices": [...], "values": [...]}');
  }
  const indices: unknown[] = sparse.indices;
  const values: unknown[] = sparse.values;
  if (indices.length !== values.length)
    throw new LimitError(path, 'indices and values must have the same length');
  if (indices.length < 1 || indices.length > LIMITS.maxSparseValues) {
    throw new LimitError(
      path,
      `must have 1-${LIMITS.maxSparseValues} non-zero entries (got ${indices.length})`,
    );
  }
  const seen = new Set<unknown>();
  indices.forEach((ix, i) => {
    if (typeof ix !== 'number' || !Number.isInteger(ix) || ix < 0 || ix > 0xffffffff) {
      throw new LimitError(`${path}.indices[${i}]`, 'must be an integer from 0 to 4294967295');
    }
    if (seen.has(ix)) throw new LimitError(`${path}.indices[${i}]`, `index ${ix} is repeated`);
    seen.add(ix);
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new LimitError(`${path}.values[${i}]`, 'must be a finite number');
  });
  return { indices: [...(indices as number[])], values: [...(values as number[])] };
}

export function checkMetadata(path: string, metadata: unknown): Metadata {
  if (!isObject(metadata)) throw new LimitError(path, 'must be a JSON object');
  for (const [key, value] of Object.entries(metadata)) {
    const at = `${path}.${key}`;
    if (key.length === 0) throw new LimitError(path, 'keys must not be empty');
    if (key.startsWith('$')) throw new LimitError(at, 'keys must not start with "$"');
    const ok =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok) {
      throw new LimitError(
        at,
        'must be a string, a finite number, a boolean or a list of strings (no null, no nested objects)',
      );
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(metadata));
  if (bytes > LIMITS.maxMetadataBytes) {
    throw new LimitError(path, `must be at most ${LIMITS.maxMetadataBytes} bytes as JSON (got ${bytes})`);
  }
  return metadata as Metadata;
}

/** Pinecone's size of a record in its cost model: id + metadata JSON + 4 × dimension + 8 × sparse non-zeros. */
export function recordSize(
  id: string,
  dimension: number,
  metadata?: Metadata,
  sparse?: SparseValues,
): number {
  const metaBytes = metadata ? Buffer.byteLength(JSON.stringify(metadata)) : 0;
  return Buffer.byteLength(id) + metaBytes + 4 * dimension + 8 * (sparse?.indices.length ?? 0);
}

/** The longest JSON text of a finite double: "-0.0000012345678901234567". */
export const MAX_NUMBER_JSON_CHARS = 25;

interface RecordShape {
  values?: readonly number[];
}

/**
 * Holds upsert records to Pinecone's 2 MB request limit, measured as their JSON. Serialising every
 * float costs ~100 ns each (~8 ms for 100 × 768), so the exact size is computed only when an upper
 * bound (each value of `values` at its longest) exceeds the limit.
 */
export function checkUpsertSize(path: string, records: readonly RecordShape[]): void {
  let bound = 0;
  for (const r of records) {
    bound += Buffer.byteLength(JSON.stringify({ ...r, values: [] }));
    bound += (r.values?.length ?? 0) * (MAX_NUMBER_JSON_CHARS + 1); // and a comma
  }
  if (bound <= LIMITS.maxUpsertBytes) return;
  const bytes = Buffer.byteLength(JSON.stringify(records));
  if (bytes > LIMITS.maxUpsertBytes) {
    throw new LimitError(
      path,
      `must be at most 2 MB per request (got ${(bytes / 1e6).toFixed(1)} MB); split it into smaller batches`,
    );
  }
}
