/**
 * Pinecone's metadata filter language: parsing (with errors naming the offending path) and evaluation.
 *
 * Semantics (Pinecone's): `{f: v}` is `{f: {$eq: v}}`; several keys in one object are ANDed; a
 * list-valued field matches when any element matches; `$ne` and `$nin` match a record whose field is
 * missing or none of whose elements match; `$gt`..`$lte` apply to numbers only.
 */
import type { Metadata, MetadataValue } from './types.js';

export type Scalar = string | number | boolean;
export type Comparison =
  | { op: '$eq' | '$ne'; field: string; value: Scalar }
  | { op: '$gt' | '$gte' | '$lt' | '$lte'; field: string; value: number }
  | { op: '$in' | '$nin'; field: string; values: Set<Scalar> }
  | { op: '$exists'; field: string; value: boolean };
export type Filter = { op: '$and' | '$or'; clauses: Filter[] } | Comparison;

export const FILTER_OPERATORS = [
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$and',
  '$or',
];
export const MAX_IN_VALUES = 10_000;
const MAX_DEPTH = 16;

export class FilterError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'FilterError';
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Parses a raw filter object; throws FilterError. `path` prefixes error paths (e.g. "filter"). */
export function parseFilter(raw: unknown, path = 'filter'): Filter {
  return parseClause(raw, path, 0);
}

function parseClause(raw: unknown, path: string, depth: number): Filter {
  if (depth > MAX_DEPTH) throw new FilterError(path, `nesting deeper than ${MAX_DEPTH} levels`);
  if (!isPlainObject(raw)) throw new FilterError(path, 'must be an object');
  const keys = Object.keys(raw);
  if (keys.length === 0) throw new FilterError(path, 'must not be empty');
  const clauses: Filter[] = [];
  for (const key of keys) {
    const value = raw[key];
    const at = `${path}.${key}`;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        throw new FilterError(at, 'must be a non-empty array of filter objects');
      }
      clauses.push({ op: key, clauses: value.map((c, i) => parseClause(c, `${at}[${i}]`, depth + 1)) });
    } else if (key.startsWith('$')) {
      const hint = FILTER_OPERATORS.includes(key)
        ? 'must be applied to a field, e.g. {"genre": {"$eq": "x"}}'
        : unknownOperator();
      throw new FilterError(at, hint);
    } else {
      clauses.push(...parseField(key, value, at));
    }
  }
  return clauses.length === 1 ? clauses[0]! : { op: '$and', clauses };
}

const unknownOperator = () => `unknown operator; use one of ${FILTER_OPERATORS.join(', ')}`;

function parseField(field: string, raw: unknown, path: string): Comparison[] {
  if (isScalar(raw)) return [{ op: '$eq', field, value: raw }];
  if (!isPlainObject(raw)) {
    throw new FilterError(
      path,
      'must be a string, number or boolean, or an object of operators like {"$in": [...]}',
    );
  }
  const ops = Object.keys(raw);
  if (ops.length === 0) throw new FilterError(path, 'must not be an empty object');
  return ops.map((op) => parseOperator(field, op, raw[op], `${path}.${op}`));
}

function parseOperator(field: string, op: string, value: unknown, path: string): Comparison {
  switch (op) {
    case '$eq':
    case '$ne':
      if (!isScalar(value)) throw new FilterError(path, 'must be a string, a finite number or a boolean');
      return { op, field, value };
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new FilterError(path, 'must be a finite number');
      return { op, field, value };
    case '$in':
    case '$nin': {
      if (!Array.isArray(value) || value.length === 0) {
        throw new FilterError(path, 'must be a non-empty array of strings or numbers');
      }
      if (value.length > MAX_IN_VALUES)
        throw new FilterError(path, `must have at most ${MAX_IN_VALUES} values`);
      value.forEach((v, i) => {
        if (!(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
          throw new FilterError(`${path}[${i}]`, 'must be a string or a finite number');
        }
      });
      return { op, field, values: new Set(value as Scalar[]) };
    }
    case '$exists':
      if (typeof value !== 'boolean') throw new FilterError(path, 'must be true or false');
      return { op, field, value };
    default:
      throw new FilterError(path, unknownOperator());
  }
}

/** Every field name the filter reads (used to forbid reserved fields). */
export function filterFields(filter: Filter): string[] {
  if ('clauses' in filter) return filter.clauses.flatMap(filterFields);
  return [filter.field];
}

export function matches(filter: Filter, metadata: Metadata | undefined): boolean {
  switch (filter.op) {
    case '$and':
      return filter.clauses.every((c) => matches(c, metadata));
    case '$or':
      return filter.clauses.some((c) => matches(c, metadata));
    default:
      return compare(filter, metadata?.[filter.field]);
  }
}

function compare(c: Comparison, value: MetadataValue | undefined): boolean {
  if (c.op === '$exists') return (value !== undefined) === c.value;
  if (value === undefined) return c.op === '$ne' || c.op === '$nin';
  const elements: Scalar[] = Array.isArray(value) ? value : [value];
  switch (c.op) {
    case '$eq':
      return elements.some((e) => e === c.value);
    case '$ne':
      return !elements.some((e) => e === c.value);
    case '$in':
      return elements.some((e) => c.values.has(e));
    case '$nin':
      return !elements.some((e) => c.values.has(e));
    case '$gt':
      return elements.some((e) => typeof e === 'number' && e > c.value);
    case '$gte':
      return elements.some((e) => typeof e === 'number' && e >= c.value);
    case '$lt':
      return elements.some((e) => typeof e === 'number' && e < c.value);
    case '$lte':
      return elements.some((e) => typeof e === 'number' && e <= c.value);
  }
}

/** The filter back in Pinecone's JSON form (to send to Pinecone or to log a normalised filter). */
export function filterToJson(filter: Filter): Record<string, unknown> {
  switch (filter.op) {
    case '$and':
    case '$or':
      return { [filter.op]: filter.clauses.map(filterToJson) };
    case '$in':
    case '$nin':
      return { [filter.field]: { [filter.op]: [...filter.values] } };
    default:
      return { [filter.field]: { [filter.op]: filter.value } };
  }
}
