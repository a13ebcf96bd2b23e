/**
 * Data-plane request validation to Pinecone's documented limits (reference §4). Every problem is a
 * 400 with a message naming the field, never a 500, and a request is checked whole before any write.
 */
import { type Filter, parseFilter } from '../filter.js';
import type { EngineRecord, Metadata, Metric, SparseValues } from '../types.js';
import type { IndexRecord } from './catalog.js';
import { invalid } from './errors.js';

export const DEFAULT_NAMESPACE = '__default__';
export const LIMITS = {
  maxIdLength: 512,
  maxUpsertVectors: 1000,
  maxUpsertBytes: 2 * 1024 * 1024,
  maxMetadataBytes: 40 * 1024,
  maxSparseValues: 2048,
  maxTopK: 10_000,
  maxIds: 1000,
  maxListLimit: 100,
  maxFetchByMetadataLimit: 10_000,
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is "ASCII except NUL"
const ASCII = /^[\x01-\x7F]+$/;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `""` and a missing namespace are Pinecone's default namespace. */
export function namespaceOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_NAMESPACE;
  if (typeof value !== 'string' || value.length > 512 || !ASCII.test(value)) {
    throw invalid('Namespace must be 1-512 ASCII characters other than NUL');
  }
  return value;
}

export function recordId(value: unknown, field = 'id'): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > LIMITS.maxIdLength) {
    throw invalid(`${field} must be a string of 1-${LIMITS.maxIdLength} characters`);
  }
  if (!ASCII.test(value)) throw invalid(`${field} must contain only ASCII characters other than NUL`);
  return value;
}

export function recordIds(value: unknown, field = 'ids'): string[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > LIMITS.maxIds) {
    throw invalid(`${field} must be a list of 1-${LIMITS.maxIds} ids`);
  }
  return value.map((id, i) => recordId(id, `${field}[${i}]`));
}

export function denseValues(value: unknown, index: IndexRecord, field: string): number[] {
  if (!Array.isArray(value)) throw invalid(`${field} must be a list of numbers`);
  if (value.length !== index.dimension) {
    throw invalid(
      `Vector dimension ${value.length} does not match the dimension of the index ${index.dimension}`,
    );
  }
  let nonZero = false;
  for (const v of value) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`${field} must hold only finite numbers`);
    if (Math.abs(v) >= 1e-8) nonZero = true;
  }
  if (!nonZero)
    throw invalid(`Dense vectors must contain at least one non-zero value (${field} holds only zeros)`);
  return value as number[];
}

export function sparseValues(value: unknown, metric: Metric, field: string): SparseValues {
  if (metric !== 'dotproduct')
    throw invalid(`${field}: sparse values need an index with the dotproduct metric`);
  if (!isObject(value) || !Array.isArray(value.indices) || !Array.isArray(value.values)) {
    throw invalid(`${field} must be {"indices": [...], "values": [...]}`);
  }
  const { indices, values } = value as { indices: unknown[]; values: unknown[] };
  if (indices.length !== values.length)
    throw invalid(`${field}: indices and values must have the same length`);
  if (indices.length < 1 || indices.length > LIMITS.maxSparseValues) {
    throw invalid(`${field} must have 1-${LIMITS.maxSparseValues} non-zero values`);
  }
  const seen = new Set<unknown>();
  indices.forEach((ix, i) => {
    if (typeof ix !== 'number' || !Number.isInteger(ix) || ix < 0 || ix > 0xffffffff) {
      throw invalid(`${field}.indices must be integers from 0 to 4294967295`);
    }
    if (seen.has(ix)) throw invalid(`${field}.indices must be unique (${ix} is repeated)`);
    seen.add(ix);
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i])) {
      throw invalid(`${field}.values must hold only finite numbers`);
    }
  });
  return { indices: indices as number[], values: values as number[] };
}

export function metadata(value: unknown, field = 'metadata'): Metadata {
  if (!isObject(value)) throw invalid(`${field} must be a JSON object`);
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('$')) throw invalid(`${field}: keys must not start with "$" (got "${key}")`);
    const ok =
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      (Array.isArray(v) && v.every((e) => typeof e === 'string'));
    if (!ok) {
      throw invalid(
        `${field}.${key}: metadata values must be strings, numbers, booleans or lists of strings (no null, no nested objects)`,
      );
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > LIMITS.maxMetadataBytes) {
    throw invalid(
      `Metadata size is ${bytes} bytes, which exceeds the limit of ${LIMITS.maxMetadataBytes} bytes per vector`,
    );
  }
  return value as Metadata;
}

export function vectors(value: unknown, index: IndexRecord): EngineRecord[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > LIMITS.maxUpsertVectors) {
    throw invalid(`vectors must be a list of 1-${LIMITS.maxUpsertVectors} vectors`);
  }
  return value.map((raw, i) => {
    const at = `vectors[${i}]`;
    if (!isObject(raw)) throw invalid(`${at} must be an object`);
    if (raw.values === undefined) throw invalid(`${at}.values is required: this index stores dense vectors`);
    const record: EngineRecord = {
      id: recordId(raw.id, `${at}.id`),
      values: denseValues(raw.values, index, `${at}.values`),
    };
    if (raw.sparseValues != null)
      record.sparseValues = sparseValues(raw.sparseValues, index.metric, `${at}.sparseValues`);
    if (raw.metadata != null) record.metadata = metadata(raw.metadata, `${at}.metadata`);
    return record;
  });
}

export function filter(value: unknown, field = 'filter'): Filter | undefined {
  if (value === undefined || value === null) return undefined;
  return parseFilter(value, field);
}

export function integer(value: unknown, field: string, min: number, max: number, fallback?: number): number {
  if ((value === undefined || value === null || value === '') && fallback !== undefined) return fallback;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw invalid(`${field} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return n;
}

export function boolean(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalid(`${field} must be true or false`);
  return value;
}
