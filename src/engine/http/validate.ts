/**
 * Data-plane request validation to Pinecone's documented limits (reference §4). Every problem is a
 * 400 with a message naming the field, never a 500, and a request is checked whole before any write.
 * The record rules are the engine's (../limits.ts), shared with the GraphQL API; their LimitError
 * becomes a 400 in errors.ts.
 */
import { type Filter, parseFilter } from '../filter.js';
import { ASCII, checkId, checkMetadata, checkSparse, checkValues, LIMITS } from '../limits.js';
import type { EngineRecord, Metadata, SparseValues } from '../types.js';
import type { IndexRecord } from './catalog.js';
import { invalid } from './errors.js';

export { LIMITS };
export const DEFAULT_NAMESPACE = '__default__';

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `""` and a missing namespace are Pinecone's default namespace. */
export function namespaceOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_NAMESPACE;
  if (typeof value !== 'string' || value.length > LIMITS.maxNamespaceLength || !ASCII.test(value)) {
    throw invalid(`Namespace must be 1-${LIMITS.maxNamespaceLength} ASCII characters other than NUL`);
  }
  return value;
}

export const recordId = (value: unknown, field = 'id'): string => checkId(field, value);

export function recordIds(value: unknown, field = 'ids'): string[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > LIMITS.maxFetchIds) {
    throw invalid(`${field} must be a list of 1-${LIMITS.maxFetchIds} ids`);
  }
  return value.map((id, i) => checkId(`${field}[${i}]`, id));
}

export const denseValues = (value: unknown, index: IndexRecord, field: string): number[] =>
  checkValues(field, value, index);

export const sparseValues = (value: unknown, index: IndexRecord, field: string): SparseValues =>
  checkSparse(field, value, index);

export const metadata = (value: unknown, field = 'metadata'): Metadata => checkMetadata(field, value);

export function vectors(value: unknown, index: IndexRecord): EngineRecord[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > LIMITS.maxUpsertVectors) {
    throw invalid(`vectors must be a list of 1-${LIMITS.maxUpsertVectors} vectors`);
  }
  return value.map((raw, i) => {
    const at = `vectors[${i}]`;
    if (!isObject(raw)) throw invalid(`${at} must be an object`);
    if (raw.values === undefined) throw invalid(`${at}.values is required: this index stores dense vectors`);
    const record: EngineRecord = {
      id: checkId(`${at}.id`, raw.id),
      values: checkValues(`${at}.values`, raw.values, index),
    };
    if (raw.sparseValues != null)
      record.sparseValues = checkSparse(`${at}.sparseValues`, raw.sparseValues, index);
    if (raw.metadata != null) record.metadata = checkMetadata(`${at}.metadata`, raw.metadata);
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
