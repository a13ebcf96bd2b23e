/**
 * TenantScope: what one authenticated tenant may touch. It binds the tenant to its namespace in
 * each index (or to its slice of the shared namespace in metadata tenancy) and hands resolvers
 * stores already bound there. Only the tenant rule in src/permissions creates one.
 */
import DataLoader from 'dataloader';
import type { IndexConfig } from '../config.js';
import type { NamespaceStore, VectorRecord, VectorRepository } from '../repository/types.js';
import { LIMITS } from '../validation/limits.js';
import { type IndexCatalog, resolveIndex } from './indexes.js';
import { MetadataTenantStore } from './metadata-store.js';
import { sharedNamespace, tenantNamespace } from './namespace.js';

export interface ScopeServices {
  catalog: IndexCatalog;
  repository: VectorRepository;
}

export interface IndexBinding {
  index: IndexConfig;
  store: NamespaceStore;
  /** Per-request batching of fetch-by-id: one backend fetch per tick for this namespace. */
  loader: DataLoader<string, VectorRecord | null>;
}

export class TenantScope {
  private readonly bindings = new Map<string, IndexBinding>();

  constructor(
    readonly tenantId: string,
    private readonly services: ScopeServices,
  ) {}

  /** The caller's store in the named index (or the default one). */
  index(name: string | null | undefined): IndexBinding {
    const index = resolveIndex(this.services.catalog, name);
    let binding = this.bindings.get(index.name);
    if (!binding) {
      const store = tenantStore(this.services.repository, index, this.tenantId);
      const loader = new DataLoader<string, VectorRecord | null>(
        async (ids) => {
          const { records } = await store.fetch([...ids]);
          const byId = new Map(records.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        },
        { maxBatchSize: LIMITS.maxFetchIds },
      );
      binding = { index, store, loader };
      this.bindings.set(index.name, binding);
    }
    return binding;
  }
}

/** A tenant's store in one index, whatever the index's tenancy mode. */
export function tenantStore(
  repository: VectorRepository,
  index: IndexConfig,
  tenantId: string,
): NamespaceStore {
  if (index.tenancy === 'metadata') {
    return new MetadataTenantStore(repository.store(index, sharedNamespace()), tenantId, index.tenantField);
  }
  return repository.store(index, tenantNamespace(tenantId));
}
