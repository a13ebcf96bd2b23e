/**
 * Per-namespace inverted index of metadata: field → value → rows holding it (each element of a
 * list-valued field is posted). It answers `$eq`, `$in` and their `$and`/`$or` combinations with a
 * candidate row set, so a selective filter reads only the rows it names. Operators that cannot be
 * answered from postings ($ne, $nin, $exists, ranges) leave the planner to evaluate every row.
 * Strings longer than MAX_INDEXED_CHARS (free text) are not posted; an equality on such a value is
 * likewise left unanswered.
 */
import type { Filter, Scalar } from './filter.js';
import type { Metadata } from './types.js';

const MAX_INDEXED_CHARS = 128;
/** A posting with one row is kept as a number (unique values are common: ids, urls). */
type Posting = number | Set<number>;

export interface Candidates {
  /** Rows in ascending order. */
  rows: Int32Array;
  /** True when `rows` is exactly the matching set (no need to evaluate the filter again). */
  exact: boolean;
}

const indexable = (v: Scalar) => typeof v !== 'string' || v.length <= MAX_INDEXED_CHARS;

export class MetadataIndex {
  private readonly fields = new Map<string, Map<Scalar, Posting>>();

  add(row: number, metadata: Metadata | undefined): void {
    if (!metadata) return;
    for (const [field, value] of Object.entries(metadata)) {
      let values = this.fields.get(field);
      if (!values) {
        values = new Map();
        this.fields.set(field, values);
      }
      for (const v of Array.isArray(value) ? value : [value]) {
        if (!indexable(v)) continue;
        const posting = values.get(v);
        if (posting === undefined) values.set(v, row);
        else if (typeof posting === 'number') {
          if (posting !== row) values.set(v, new Set([posting, row]));
        } else posting.add(row);
      }
    }
  }

  remove(row: number, metadata: Metadata | undefined): void {
    if (!metadata) return;
    for (const [field, value] of Object.entries(metadata)) {
      const values = this.fields.get(field);
      if (!values) continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        const posting = values.get(v);
        if (posting === row) values.delete(v);
        else if (typeof posting === 'object') {
          posting.delete(row);
          if (posting.size === 1) values.set(v, posting.values().next().value!);
        }
      }
      if (values.size === 0) this.fields.delete(field);
    }
  }

  clear(): void {
    this.fields.clear();
  }

  /** A superset of the rows matching `filter`, or undefined when postings cannot narrow it. */
  candidates(filter: Filter): Candidates | undefined {
    const found = this.lookup(filter);
    if (!found) return undefined;
    const rows = Int32Array.from(found.rows).sort();
    return { rows, exact: found.exact };
  }

  private lookup(filter: Filter): { rows: Set<number> | number[]; exact: boolean } | undefined {
    switch (filter.op) {
      case '$eq':
        return indexable(filter.value)
          ? { rows: this.posting(filter.field, filter.value), exact: true }
          : undefined;
      case '$in': {
        if (![...filter.values].every(indexable)) return undefined;
        const rows = new Set<number>();
        for (const v of filter.values) for (const row of this.posting(filter.field, v)) rows.add(row);
        return { rows, exact: true };
      }
      case '$and': {
        const parts = filter.clauses.map((c) => this.lookup(c));
        const known = parts.filter((p) => p !== undefined).sort((a, b) => sizeOf(a.rows) - sizeOf(b.rows));
        if (known.length === 0) return undefined;
        const others = known.slice(1).map((p) => (p.rows instanceof Set ? p.rows : new Set(p.rows)));
        const rows = [...known[0]!.rows].filter((row) => others.every((o) => o.has(row)));
        return { rows, exact: known.length === parts.length && known.every((p) => p.exact) };
      }
      case '$or': {
        const parts = filter.clauses.map((c) => this.lookup(c));
        if (parts.some((p) => p === undefined)) return undefined;
        const rows = new Set<number>();
        for (const p of parts) for (const row of p!.rows) rows.add(row);
        return { rows, exact: parts.every((p) => p!.exact) };
      }
      default:
        return undefined;
    }
  }

  private posting(field: string, value: Scalar): number[] | Set<number> {
    const posting = this.fields.get(field)?.get(value);
    if (posting === undefined) return [];
    return typeof posting === 'number' ? [posting] : posting;
  }
}

const sizeOf = (rows: Set<number> | number[]) => (rows instanceof Set ? rows.size : rows.length);
