/**
 * Input validation to Pinecone's limits. Each function throws BAD_USER_INPUT naming the argument
 * path and the rule, and callers validate a whole request before writing anything.
 */

import type { IndexConfig } from '../config.js';
import { type Filter, FilterError, parseFilter } from '../engine/filter.js';
import {
  checkId,
  checkMetadata,
  checkSparse,
  checkUpsertSize,
  checkValues,
  LimitError,
} from '../engine/limits.js';
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

/** Runs an engine check (limits.ts, filter.ts), turning its LimitError or FilterError into BAD_USER_INPUT. */
function check<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof LimitError) throw badInput(error.path, error.rule);
    if (error instanceof FilterError) throw badInput(error.path, error.reason);
    throw error;
  }
}

export const validateId = (path: string, id: string): string => check(() => checkId(path, id));

export function validateIds(path: string, ids: readonly string[]): string[] {
  if (ids.length < 1 || ids.length > LIMITS.maxFetchIds) {
    throw badInput(path, `must list 1-${LIMITS.maxFetchIds} ids (got ${ids.length})`);
  }
  return ids.map((id, i) => validateId(`${path}[${i}]`, id));
}

export const validateValues = (path: string, values: readonly number[], index: IndexConfig): number[] =>
  check(() => checkValues(path, values, index));

export const validateSparse = (
  path: string,
  sparse: { indices: readonly number[]; values: readonly number[] },
  index: IndexConfig,
): SparseValues => check(() => checkSparse(path, sparse, index));

export const validateMetadata = (path: string, metadata: Record<string, unknown>): Metadata =>
  check(() => checkMetadata(path, metadata));

/** The records to upsert, within Pinecone's per-request limits (1,000 records, 2 MB as JSON). */
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
  check(() => checkUpsertSize(path, records));
  return records;
}

export function validateTopK(path: string, topK: number): number {
  if (!Number.isInteger(topK) || topK < 1 || topK > LIMITS.maxTopK) {
    throw badInput(path, `must be an integer from 1 to ${LIMITS.maxTopK} (got ${topK})`);
  }
  return topK;
}

export const validateFilter = (path: string, raw: unknown): Filter => check(() => parseFilter(raw, path));

export function validatePageSize(path: string, first: number | null | undefined, max: number): number {
  if (first === null || first === undefined) return max;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw badInput(path, `must be from 1 to ${max} (got ${first})`);
  return first;
}
