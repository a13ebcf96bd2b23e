/**
 * Input validation to Pinecone's limits. Each function throws BAD_USER_INPUT naming the argument
 * path and the rule, and callers validate a whole request before writing anything.
 */

import type { IndexConfig } from '../config.js';
import { type Filter, FilterError, parseFilter } from '../engine/filter.js';
import type { Metadata, SparseValues } from '../engine/types.js';
import { badInput } from '../errors.js';
import { LIMITS } from './limits.js';

export interface VectorInput {
  id: string;
  values?: readonly number[] | null;
  sparseValues?: { indices: readonly number[]; values: readonly number[] } | null;
  metadata?: Record<string, unknown> | null;
}

export interface ValidRecord {
  id: string;
  values: number[];
  sparseValues?: SparseValues;
  metadata?: Metadata;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is "ASCII except NUL"
const ID = /^[\x01-\x7F]+$/;

export function validateId(path: string, id: string): string {
  if (id.length < 1 || id.length > LIMITS.maxIdLength) {
    throw badInput(path, `must be 1-${LIMITS.maxIdLength} characters (got ${id.length})`);
  }
  if (!ID.test(id)) throw badInput(path, 'must be ASCII characters other than NUL');
  return id;
}

export function validateIds(path: string, ids: readonly string[]): string[] {
  if (ids.length < 1 || ids.length > LIMITS.maxFetchIds) {
    throw badInput(path, `must list 1-${LIMITS.maxFetchIds} ids (got ${ids.length})`);
  }
  return ids.map((id, i) => validateId(`${path}[${i}]`, id));
}

export function validateValues(path: string, values: readonly number[], index: IndexConfig): number[] {
  if (values.length !== index.dimension) {
    throw badInput(
      path,
      `must have ${index.dimension} values, the dimension of index "${index.name}" (got ${values.length})`,
    );
  }
  let nonZero = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw badInput(`${path}[${i}]`, 'must be a finite number');
    if (Math.abs(v) >= 1e-8) nonZero = true;
  }
  if (!nonZero)
    throw badInput(path, 'must contain at least one value of magnitude 1e-8 or more (not only zeros)');
  return values as number[];
}

export function validateSparse(
  path: string,
  sparse: { indices: readonly number[]; values: readonly number[] },
  index: IndexConfig,
): SparseValues {
  if (index.metric !== 'dotproduct') {
    throw badInput(
      path,
      `sparse values need an index with metric dotproduct; "${index.name}" uses ${index.metric}`,
    );
  }
  const { indices, values } = sparse;
  if (indices.length !== values.length) throw badInput(path, 'indices and values must have the same length');
  if (indices.length < 1 || indices.length > LIMITS.maxSparseValues) {
    throw badInput(path, `must have 1-${LIMITS.maxSparseValues} non-zero entries (got ${indices.length})`);
  }
  const seen = new Set<number>();
  indices.forEach((ix, i) => {
    if (!Number.isInteger(ix) || ix < 0 || ix > 0xffffffff) {
      throw badInput(`${path}.indices[${i}]`, 'must be an integer from 0 to 4294967295');
    }
    if (seen.has(ix)) throw badInput(`${path}.indices[${i}]`, `index ${ix} is repeated`);
    seen.add(ix);
    if (!Number.isFinite(values[i])) throw badInput(`${path}.values[${i}]`, 'must be a finite number');
  });
  return { indices: [...indices], values: [...values] };
}

export function validateMetadata(path: string, metadata: Record<string, unknown>): Metadata {
  for (const [key, value] of Object.entries(metadata)) {
    const at = `${path}.${key}`;
    if (key.length === 0) throw badInput(path, 'keys must not be empty');
    if (key.startsWith('$')) throw badInput(at, 'keys must not start with "$"');
    const ok =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok) {
      throw badInput(
        at,
        'must be a string, a finite number, a boolean or a list of strings (no null, no nested objects)',
      );
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(metadata));
  if (bytes > LIMITS.maxMetadataBytes) {
    throw badInput(path, `must be at most ${LIMITS.maxMetadataBytes} bytes as JSON (got ${bytes})`);
  }
  return metadata as Metadata;
}

export function validateVectors(
  path: string,
  vectors: readonly VectorInput[],
  index: IndexConfig,
): ValidRecord[] {
  if (vectors.length < 1 || vectors.length > LIMITS.maxUpsertVectors) {
    throw badInput(
      path,
      `must hold 1-${LIMITS.maxUpsertVectors} vectors per request (got ${vectors.length})`,
    );
  }
  const records = vectors.map((v, i) => {
    const at = `${path}[${i}]`;
    if (!v.values) throw badInput(`${at}.values`, `is required: index "${index.name}" stores dense vectors`);
    const record: ValidRecord = {
      id: validateId(`${at}.id`, v.id),
      values: validateValues(`${at}.values`, v.values, index),
    };
    if (v.sparseValues) record.sparseValues = validateSparse(`${at}.sparseValues`, v.sparseValues, index);
    if (v.metadata) record.metadata = validateMetadata(`${at}.metadata`, v.metadata);
    return record;
  });
  const bytes = Buffer.byteLength(JSON.stringify(records));
  if (bytes > LIMITS.maxUpsertBytes) {
    throw badInput(
      path,
      `must be at most 2 MB per request (got ${(bytes / 1e6).toFixed(1)} MB); split it into smaller batches`,
    );
  }
  return records;
}

export function validateTopK(path: string, topK: number): number {
  if (!Number.isInteger(topK) || topK < 1 || topK > LIMITS.maxTopK) {
    throw badInput(path, `must be an integer from 1 to ${LIMITS.maxTopK} (got ${topK})`);
  }
  return topK;
}

export function validateFilter(path: string, raw: unknown): Filter {
  try {
    return parseFilter(raw, path);
  } catch (error) {
    if (error instanceof FilterError) throw badInput(error.path, error.reason);
    throw error;
  }
}

export function validatePageSize(path: string, first: number | null | undefined, max: number): number {
  if (first === null || first === undefined) return max;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw badInput(path, `must be from 1 to ${max} (got ${first})`);
  return first;
}
