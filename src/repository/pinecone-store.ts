/**
 * NamespaceStore over one SDK `Index` already bound to a namespace (`index(name).namespace(ns)`).
 * Every call goes through `call`, which bounds retries and maps SDK errors to our codes.
 */
import type { Index, QueryOptions, RecordMetadata } from '@pinecone-database/pinecone';
import type { GraphQLError } from 'graphql';
import { filterToJson } from '../engine/filter.js';
import type { Metadata } from '../engine/types.js';
import type { Filter, NamespaceStore, QueryInput, UpdateRequest, VectorRecord } from './types.js';

export type Caller = <T>(what: string, fn: () => Promise<T>) => Promise<T>;

/** Pinecone's list page size (its maximum): used when counting by prefix. */
const LIST_PAGE = 100;

export class PineconeStore implements NamespaceStore {
  private readonly what: string;

  constructor(
    private readonly index: Index,
    indexName: string,
    private readonly namespace: string,
    private readonly call: Caller,
  ) {
    this.what = `index "${indexName}"`;
  }

  async upsert(records: VectorRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    await this.call(this.what, () => this.index.upsert({ records }));
    return records.length;
  }

  async query(input: QueryInput) {
    const shared = {
      topK: input.topK,
      filter: input.filter ? filterToJson(input.filter) : undefined,
      includeValues: input.includeValues,
      includeMetadata: input.includeMetadata,
    };
    const options: QueryOptions =
      input.id !== undefined
        ? { ...shared, id: input.id }
        : { ...shared, vector: input.vector ?? [], sparseVector: input.sparseVector };
    const response = await this.call(this.what, () => this.index.query(options));
    const matches = response.matches.map((m) => ({
      id: m.id,
      score: m.score ?? 0,
      // Pinecone sends `values: []` when values were not asked for.
      ...(input.includeValues && m.values?.length ? { values: m.values } : {}),
      ...(input.includeValues && m.sparseValues ? { sparseValues: m.sparseValues } : {}),
      ...(input.includeMetadata && m.metadata ? { metadata: m.metadata as Metadata } : {}),
    }));
    return { matches, usage: { readUnits: response.usage?.readUnits ?? 0 } };
  }

  async fetch(ids: string[]) {
    const response = await this.call(this.what, () => this.index.fetch({ ids }));
    const seen = new Set<string>();
    const records: VectorRecord[] = [];
    for (const id of ids) {
      const r = response.records[id];
      if (!r || seen.has(id)) continue;
      seen.add(id);
      records.push({
        id: r.id,
        ...(r.values?.length ? { values: r.values } : {}),
        ...(r.sparseValues ? { sparseValues: r.sparseValues } : {}),
        ...(r.metadata ? { metadata: r.metadata as Metadata } : {}),
      });
    }
    return { records, usage: { readUnits: response.usage?.readUnits ?? 0 } };
  }

  /**
   * The SDK's update returns nothing, and Pinecone does not say whether the id existed, so the id is
   * fetched first: false means no record had it (and nothing is sent).
   */
  async update(id: string, update: UpdateRequest): Promise<boolean> {
    const { records } = await this.fetch([id]);
    if (records.length === 0) return false;
    await this.call(this.what, () =>
      this.index.update({
        id,
        values: update.values,
        sparseValues: update.sparseValues,
        metadata: update.setMetadata as RecordMetadata | undefined,
      }),
    );
    return true;
  }

  /** Pinecone does not report how many records a delete removed: null. */
  async deleteIds(ids: string[]): Promise<null> {
    await this.call(this.what, () => this.index.deleteMany({ ids }));
    return null;
  }

  async deleteByFilter(filter: Filter): Promise<null> {
    await this.call(this.what, () => this.index.deleteMany({ filter: filterToJson(filter) }));
    return null;
  }

  async deleteAll(): Promise<null> {
    await this.call(this.what, () => this.index.deleteAll());
    return null;
  }

  async list(options: { prefix?: string; limit: number; after?: string }) {
    const page = await this.call(this.what, () =>
      this.index.listPaginated({
        prefix: options.prefix,
        limit: options.limit,
        paginationToken: options.after,
      }),
    );
    const ids = (page.vectors ?? []).map((v) => v.id!).filter((id) => id !== undefined);
    return page.pagination?.next ? { ids, next: page.pagination.next } : { ids };
  }

  /**
   * With a prefix, Pinecone has no count: ids are paged through `list` (1 RU per 100 ids). Without,
   * the namespace's description gives it; a namespace Pinecone does not know (or a server without
   * namespace management, such as Pinecone Local) falls back to the index stats.
   */
  async count(options: { prefix?: string } = {}): Promise<number> {
    if (options.prefix) {
      let total = 0;
      let after: string | undefined;
      do {
        const page = await this.list({ prefix: options.prefix, limit: LIST_PAGE, after });
        total += page.ids.length;
        after = page.next;
      } while (after);
      return total;
    }
    try {
      const described = await this.call(this.what, () => this.index.describeNamespace(this.namespace));
      return Number(described.recordCount ?? 0);
    } catch (error) {
      if ((error as GraphQLError).extensions?.code !== 'NOT_FOUND') throw error;
      const stats = await this.call(this.what, () => this.index.describeIndexStats());
      return stats.namespaces?.[this.namespace]?.recordCount ?? 0;
    }
  }
}
