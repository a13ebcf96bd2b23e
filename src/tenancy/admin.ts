/**
 * AdminScope: cross-tenant operations for principals with the admin role (offboarding, listing
 * tenants, searching several tenants at once). Only the admin rule in src/permissions creates one.
 */
import type { IndexConfig } from '../config.js';
import { decodeCursor, pageOf } from '../engine/cursor.js';
import { badInput } from '../errors.js';
import type { Filter, NamespaceStore, QueryInput, QueryMatch } from '../repository/types.js';
import { resolveIndex } from './indexes.js';
import { splitStoredId } from './metadata-store.js';
import { SHARED_NAMESPACE, sharedNamespace, tenantNamespace } from './namespace.js';
import { type ScopeServices, tenantStore } from './scope.js';

export interface OffboardedIndex {
  index: string;
  recordCount: number;
}

export interface TenantMatch extends QueryMatch {
  tenantId: string;
}

export class AdminScope {
  constructor(private readonly services: ScopeServices) {}

  index(name: string | null | undefined): IndexConfig {
    return resolveIndex(this.services.catalog, name);
  }

  /** Deletes the tenant's records in one index or all; reports the indexes where something was there. */
  async offboard(tenantId: string, indexName: string | null | undefined): Promise<OffboardedIndex[]> {
    const indexes = indexName == null ? this.services.catalog.indexes : [this.index(indexName)];
    const removed: OffboardedIndex[] = [];
    for (const index of indexes) {
      const recordCount = await this.removeTenant(index, tenantId);
      if (recordCount !== null) removed.push({ index: index.name, recordCount });
    }
    return removed;
  }

  /** The number of records removed, or null when the tenant had nothing in this index. */
  private async removeTenant(index: IndexConfig, tenantId: string): Promise<number | null> {
    if (index.tenancy === 'namespace') {
      const { existed, recordCount } = await this.services.repository.deleteNamespace(
        index,
        tenantNamespace(tenantId),
      );
      return existed ? recordCount : null;
    }
    const store = tenantStore(this.services.repository, index, tenantId);
    const before = await store.count();
    if (before === 0) return null;
    return (await store.deleteAll()) ?? before;
  }

  async listTenants(index: IndexConfig, options: { prefix?: string; limit: number; after?: string }) {
    if (index.tenancy === 'namespace') {
      const page = await this.services.repository.listNamespaces(index, options);
      return {
        tenants: page.namespaces
          .filter((n) => n.name !== SHARED_NAMESPACE)
          .map((n) => ({ tenantId: n.name, recordCount: n.recordCount })),
        next: page.next,
      };
    }
    return this.listMetadataTenants(index, options);
  }

  /** Searches several tenants at once: a fan-out merged by score, or one `$in` filter in metadata tenancy. */
  async query(index: IndexConfig, tenantIds: string[], input: QueryInput) {
    if (input.id !== undefined)
      throw badInput('id', 'cannot be combined with tenants (ids are per tenant); pass vector');
    const tenants = [...new Set(tenantIds)];
    if (index.tenancy === 'metadata') {
      const own: Filter = { op: '$in', field: index.tenantField, values: new Set(tenants) };
      const shared = this.services.repository.store(index, sharedNamespace());
      const { matches, usage } = await shared.query({
        ...input,
        filter: input.filter ? { op: '$and', clauses: [own, input.filter] } : own,
      });
      return {
        matches: matches.map((m) => {
          const { tenantId, id } = splitStoredId(m.id);
          const metadata = m.metadata ? { ...m.metadata } : undefined;
          if (metadata) delete metadata[index.tenantField];
          return { ...m, id, tenantId, metadata };
        }),
        usage,
      };
    }
    const results = await Promise.all(
      tenants.map(async (tenantId) => {
        const store: NamespaceStore = tenantStore(this.services.repository, index, tenantId);
        const { matches, usage } = await store.query(input);
        return { matches: matches.map((m) => ({ ...m, tenantId })), readUnits: usage.readUnits };
      }),
    );
    const sign = index.metric === 'euclidean' ? 1 : -1;
    const matches: TenantMatch[] = results
      .flatMap((r) => r.matches)
      .sort((a, b) => sign * (a.score - b.score))
      .slice(0, input.topK);
    return { matches, usage: { readUnits: results.reduce((s, r) => s + r.readUnits, 0) } };
  }

  private async listMetadataTenants(
    index: IndexConfig,
    options: { prefix?: string; limit: number; after?: string },
  ) {
    // Distinct `<tenant>#` prefixes of the shared namespace's ids, counted; paged by tenant id.
    const shared = this.services.repository.store(index, sharedNamespace());
    const counts = new Map<string, number>();
    let after: string | undefined;
    do {
      const page = await shared.list({ prefix: options.prefix, limit: 100, after });
      for (const id of page.ids) {
        const { tenantId } = splitStoredId(id);
        counts.set(tenantId, (counts.get(tenantId) ?? 0) + 1);
      }
      after = page.next;
    } while (after);
    const { page, next } = pageOf([...counts.keys()].sort(), options.limit, decodeCursor(options.after));
    return { tenants: page.map((tenantId) => ({ tenantId, recordCount: counts.get(tenantId)! })), next };
  }
}
