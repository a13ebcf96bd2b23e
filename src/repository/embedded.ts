/** VectorRepository over the embedded engine (src/engine), in process. */
import { Engine, type EngineOptions, type LocalIndex } from '../engine/engine.js';
import type { EngineNamespace } from '../engine/types.js';
import type { NamespaceRef } from '../tenancy/namespace.js';
import {
  fetchReadUnits,
  type IndexSpec,
  type NamespaceStore,
  type QueryInput,
  queryReadUnits,
  type VectorRepository,
} from './types.js';

export class EmbeddedRepository implements VectorRepository {
  readonly backend = 'embedded';
  readonly engine: Engine;

  constructor(dataDir: string, options: EngineOptions = {}) {
    this.engine = new Engine(dataDir, options);
  }

  async init(indexes: IndexSpec[]): Promise<void> {
    for (const spec of indexes) await this.engine.openIndex(spec);
  }

  store(index: IndexSpec, namespace: NamespaceRef): NamespaceStore {
    return new EmbeddedStore(this.index(index).namespace(namespace.name));
  }

  listNamespaces(index: IndexSpec, options: { prefix?: string; limit: number; after?: string }) {
    return this.index(index).listNamespaces(options);
  }

  deleteNamespace(index: IndexSpec, namespace: NamespaceRef) {
    return this.index(index).deleteNamespace(namespace.name);
  }

  async ping(): Promise<void> {}

  close(): Promise<void> {
    return this.engine.close();
  }

  private index(spec: IndexSpec): LocalIndex {
    const index = this.engine.getIndex(spec.name);
    if (!index) throw new Error(`index ${spec.name} was not opened (call init first)`);
    return index;
  }
}

/** Methods, not arrow fields: a store is made per request, and tsx names each arrow field it creates. */
class EmbeddedStore implements NamespaceStore {
  constructor(private readonly ns: EngineNamespace) {}

  upsert(records: Parameters<EngineNamespace['upsert']>[0]) {
    return this.ns.upsert(records);
  }

  async query(input: QueryInput) {
    let vector = input.vector;
    let sparseVector = input.sparseVector;
    if (input.id !== undefined) {
      const [record] = await this.ns.fetch([input.id]);
      if (!record) return { matches: [], usage: { readUnits: queryReadUnits(await this.ns.sizeBytes()) } };
      vector = record.values;
      sparseVector = record.sparseValues;
    }
    const matches = await this.ns.query({ ...input, vector, sparseVector });
    return { matches, usage: { readUnits: queryReadUnits(await this.ns.sizeBytes()) } };
  }

  async fetch(ids: string[]) {
    const records = await this.ns.fetch(ids);
    return { records, usage: { readUnits: fetchReadUnits(records.length) } };
  }

  update(id: string, update: Parameters<EngineNamespace['update']>[1]) {
    return this.ns.update(id, update);
  }
  deleteIds(ids: string[]) {
    return this.ns.deleteIds(ids);
  }
  deleteByFilter(filter: Parameters<EngineNamespace['deleteByFilter']>[0]) {
    return this.ns.deleteByFilter(filter);
  }
  deleteAll() {
    return this.ns.deleteAll();
  }
  list(options: Parameters<EngineNamespace['list']>[0]) {
    return this.ns.list(options);
  }
  count(options?: { prefix?: string }) {
    return this.ns.count(options);
  }
}
