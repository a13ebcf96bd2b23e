/**
 * The EngineNamespace API over a namespace's state. A handle re-resolves the state on every call
 * (through `use`, which also marks it in use and recently used), so a handle kept across an
 * eviction or a namespace deletion sees the reloaded or new, empty namespace.
 */
import { decodeCursor, pageOf } from './cursor.js';
import { type Filter, filterToJson } from './filter.js';
import type { NamespaceState } from './namespace.js';
import type {
  EngineNamespace,
  EngineRecord,
  ListPage,
  Metadata,
  QueryMatch,
  QueryRequest,
  UpdateRequest,
} from './types.js';

export type StateUser = <T>(fn: (state: NamespaceState) => Promise<T> | T) => Promise<T>;

export class NamespaceHandle implements EngineNamespace {
  constructor(
    readonly name: string,
    private readonly use: StateUser,
  ) {}

  async upsert(records: EngineRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    // The write encodes the values straight into its log frame (no copy here).
    const stored = records.map((r) => ({
      id: r.id,
      slot: -1,
      values: r.values,
      sparseValues: r.sparseValues,
      metadata: r.metadata,
    }));
    return this.use((s) => s.write({ t: 'put', r: stored }));
  }

  query(request: QueryRequest): Promise<QueryMatch[]> {
    return this.use((s) => s.query(request));
  }

  fetch(ids: string[]): Promise<EngineRecord[]> {
    return this.use((s) => {
      const out: EngineRecord[] = [];
      for (const id of new Set(ids)) {
        const row = s.table.rowOfId(id);
        if (row !== undefined) out.push(s.table.record(row, 'numbers', true));
      }
      return out;
    });
  }

  fetchByFilter(filter: Filter, options: { limit: number; after?: string }) {
    return this.use((s) => {
      const ids = s.idsMatching(filter).sort();
      const { page, next } = pageOf(ids, options.limit, decodeCursor(options.after));
      const records = page.map((id) => s.table.record(s.table.rowOfId(id)!, 'numbers', true));
      return next ? { records, next } : { records };
    });
  }

  update(id: string, update: UpdateRequest): Promise<boolean> {
    return this.use(
      async (s) => s.table.has(id) && (await s.write({ t: 'upd', id, u: update, slot: -1 })) > 0,
    );
  }

  updateByFilter(filter: Filter, update: { setMetadata: Metadata }): Promise<number> {
    return this.use((s) => s.write({ t: 'updf', f: filterToJson(filter), m: update.setMetadata }));
  }

  deleteIds(ids: string[]): Promise<number> {
    return this.use((s) => (ids.some((id) => s.table.has(id)) ? s.write({ t: 'del', ids }) : 0));
  }

  deleteByFilter(filter: Filter): Promise<number> {
    return this.use((s) =>
      s.matchingRows(filter).length === 0 ? 0 : s.write({ t: 'delf', f: filterToJson(filter) }),
    );
  }

  deleteAll(): Promise<number> {
    return this.use((s) => (s.table.size === 0 ? 0 : s.write({ t: 'clear' })));
  }

  list(options: { prefix?: string; limit: number; after?: string }): Promise<ListPage> {
    return this.use((s) => {
      const prefix = options.prefix ?? '';
      const ids = s.table
        .allIds()
        .filter((id) => id.startsWith(prefix))
        .sort();
      const { page, next } = pageOf(ids, options.limit, decodeCursor(options.after));
      return next ? { ids: page, next } : { ids: page };
    });
  }

  count(options: { prefix?: string; filter?: Filter } = {}): Promise<number> {
    return this.use((s) => {
      if (!options.prefix && !options.filter) return s.table.size;
      const prefix = options.prefix ?? '';
      const rows = options.filter ? s.matchingRows(options.filter) : undefined;
      const ids = rows ? rows.map((row) => s.table.idOf(row)) : s.table.allIds();
      return ids.filter((id) => id.startsWith(prefix)).length;
    });
  }

  sizeBytes(): Promise<number> {
    return this.use((s) => s.table.sizeBytes);
  }

  /** Waits for background HNSW builds of this namespace (tests and benchmarks). */
  indexed(): Promise<{ indexed: number; tail: number }> {
    return this.use(async (s) => {
      await s.graph.settled();
      return s.graph.stats;
    });
  }
}
