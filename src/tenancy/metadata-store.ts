/**
 * metadata tenancy: one tenant's view of the shared namespace. Ids are stored as `<tenant>#<id>`
 * (so ids of two tenants never collide and list/fetch/delete by id stay within the tenant), and
 * the reserved field is written by the server, ANDed into every read filter and stripped from
 * output. Clients may neither write nor filter on it.
 */
import { type Filter, filterFields } from '../engine/filter.js';
import { badInput } from '../errors.js';
import type { NamespaceStore, QueryInput, UpdateRequest, VectorRecord } from '../repository/types.js';
import { LIMITS } from '../validation/limits.js';

export const ID_SEPARATOR = '#';

export class MetadataTenantStore implements NamespaceStore {
  private readonly prefix: string;

  constructor(
    private readonly shared: NamespaceStore,
    private readonly tenantId: string,
    private readonly field: string,
  ) {
    this.prefix = `${tenantId}${ID_SEPARATOR}`;
  }

  async upsert(records: VectorRecord[]): Promise<number> {
    const stored = records.map((r, i) => {
      this.checkMetadata(`vectors[${i}].metadata`, r.metadata);
      return {
        ...r,
        id: this.storedId(`vectors[${i}].id`, r.id),
        metadata: { ...r.metadata, [this.field]: this.tenantId },
      };
    });
    return this.shared.upsert(stored);
  }

  async query(input: QueryInput) {
    this.checkFilter(input.filter);
    const { matches, usage } = await this.shared.query({
      ...input,
      id: input.id === undefined ? undefined : this.storedId('id', input.id),
      filter: this.scoped(input.filter),
    });
    return { matches: matches.map((m) => this.strip(m)), usage };
  }

  async fetch(ids: string[]) {
    const { records, usage } = await this.shared.fetch(ids.map((id, i) => this.storedId(`ids[${i}]`, id)));
    return { records: records.filter((r) => r.id.startsWith(this.prefix)).map((r) => this.strip(r)), usage };
  }

  update(id: string, update: UpdateRequest): Promise<boolean> {
    this.checkMetadata('setMetadata', update.setMetadata);
    return this.shared.update(this.storedId('id', id), update);
  }

  deleteIds(ids: string[]) {
    return this.shared.deleteIds(ids.map((id, i) => this.storedId(`ids[${i}]`, id)));
  }

  deleteByFilter(filter: Filter) {
    this.checkFilter(filter);
    return this.shared.deleteByFilter(this.scoped(filter));
  }

  deleteAll() {
    return this.shared.deleteByFilter(this.scoped(undefined));
  }

  async list(options: { prefix?: string; limit: number; after?: string }) {
    const page = await this.shared.list({ ...options, prefix: this.prefix + (options.prefix ?? '') });
    return { ...page, ids: page.ids.map((id) => id.slice(this.prefix.length)) };
  }

  count(options: { prefix?: string } = {}) {
    return this.shared.count({ prefix: this.prefix + (options.prefix ?? '') });
  }

  private storedId(path: string, id: string): string {
    const max = LIMITS.maxIdLength - this.prefix.length;
    if (id.length > max)
      throw badInput(path, `must be at most ${max} characters in this index (metadata tenancy)`);
    return this.prefix + id;
  }

  private scoped(filter: Filter | undefined): Filter {
    const own: Filter = { op: '$eq', field: this.field, value: this.tenantId };
    return filter ? { op: '$and', clauses: [own, filter] } : own;
  }

  private checkMetadata(path: string, metadata: Record<string, unknown> | undefined): void {
    if (metadata && Object.hasOwn(metadata, this.field)) {
      throw badInput(
        `${path}.${this.field}`,
        `"${this.field}" is reserved: the server sets it from your token`,
      );
    }
  }

  private checkFilter(filter: Filter | undefined): void {
    if (filter && filterFields(filter).includes(this.field)) {
      throw badInput(
        'filter',
        `"${this.field}" is reserved and cannot be filtered on: your reads are already limited to your tenant`,
      );
    }
  }

  private strip<T extends VectorRecord>(record: T): T {
    const out = { ...record, id: record.id.slice(this.prefix.length) };
    if (record.metadata) {
      const { [this.field]: _, ...rest } = record.metadata;
      out.metadata = rest;
    }
    return out;
  }
}

/** The tenant of a stored id in the shared namespace, and the id as its tenant knows it. */
export function splitStoredId(stored: string): { tenantId: string; id: string } {
  const at = stored.indexOf(ID_SEPARATOR);
  return { tenantId: stored.slice(0, at), id: stored.slice(at + 1) };
}
