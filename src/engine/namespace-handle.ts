/**
 * The EngineNamespace API over a namespace's state. A handle re-resolves the state on every call,
 * so a handle kept across a namespace deletion sees the new, empty namespace.
 */
import { decodeCursor, pageOf } from './cursor.js';
import type { Filter } from './filter.js';
import { matches } from './filter.js';
import { NamespaceState } from './namespace.js';
import type {
  EngineNamespace,
  EngineRecord,
  ListPage,
  Metadata,
  QueryMatch,
  QueryRequest,
  UpdateRequest,
} from './types.js';

export class NamespaceHandle implements EngineNamespace {
  constructor(
    readonly name: string,
    private readonly state: () => Promise<NamespaceState>,
  ) {}

  async upsert(records: EngineRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    return (await this.state()).write({ t: 'put', r: records });
  }

  async query(request: QueryRequest): Promise<QueryMatch[]> {
    return (await this.state()).table.search(request);
  }

  async fetch(ids: string[]): Promise<EngineRecord[]> {
    const table = (await this.state()).table;
    const seen = new Set<string>();
    const out: EngineRecord[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const record = table.get(id);
      if (record) out.push(record);
    }
    return out;
  }

  async fetchByFilter(filter: Filter, options: { limit: number; after?: string }) {
    const table = (await this.state()).table;
    const ids = table.idsMatching(filter).sort();
    const { page, next } = pageOf(ids, options.limit, decodeCursor(options.after));
    const records = page.map((id) => table.get(id)!);
    return next ? { records, next } : { records };
  }

  async update(id: string, update: UpdateRequest): Promise<boolean> {
    const state = await this.state();
    if (!state.table.has(id)) return false;
    return (await state.write({ t: 'upd', id, u: update })) > 0;
  }

  async updateByFilter(filter: Filter, update: { setMetadata: Metadata }): Promise<number> {
    return (await this.state()).write({
      t: 'updf',
      f: NamespaceState.filterEntry(filter),
      m: update.setMetadata,
    });
  }

  async deleteIds(ids: string[]): Promise<number> {
    const state = await this.state();
    if (!ids.some((id) => state.table.has(id))) return 0;
    return state.write({ t: 'del', ids });
  }

  async deleteByFilter(filter: Filter): Promise<number> {
    const state = await this.state();
    if (state.table.idsMatching(filter).length === 0) return 0;
    return state.write({ t: 'delf', f: NamespaceState.filterEntry(filter) });
  }

  async deleteAll(): Promise<number> {
    const state = await this.state();
    if (state.table.size === 0) return 0;
    return state.write({ t: 'clear' });
  }

  async list(options: { prefix?: string; limit: number; after?: string }): Promise<ListPage> {
    const table = (await this.state()).table;
    const prefix = options.prefix ?? '';
    const ids = table
      .allIds()
      .filter((id) => id.startsWith(prefix))
      .sort();
    const { page, next } = pageOf(ids, options.limit, decodeCursor(options.after));
    return next ? { ids: page, next } : { ids: page };
  }

  async count(options: { prefix?: string; filter?: Filter } = {}): Promise<number> {
    const table = (await this.state()).table;
    if (!options.prefix && !options.filter) return table.size;
    const prefix = options.prefix ?? '';
    const { filter } = options;
    return table
      .allIds()
      .filter((id) => id.startsWith(prefix) && (!filter || matches(filter, table.get(id)?.metadata))).length;
  }

  async sizeBytes(): Promise<number> {
    return (await this.state()).table.sizeBytes;
  }
}
