/**
 * The storage contract behind the GraphQL layer, implemented by EmbeddedRepository (our engine, in
 * process) and PineconeRepository (the official SDK). A NamespaceStore is bound to one namespace,
 * like the SDK's `index(name).namespace(ns)`; only the tenancy module can name that namespace.
 */
import type { Filter } from '../engine/filter.js';
import type {
  EngineRecord,
  IndexSpec,
  ListPage,
  NamespacePage,
  QueryMatch,
  SparseValues,
  UpdateRequest,
} from '../engine/types.js';
import type { NamespaceRef } from '../tenancy/namespace.js';

export type { Filter, IndexSpec, ListPage, NamespacePage, QueryMatch, SparseValues, UpdateRequest };
export type VectorRecord = EngineRecord;

/** Pinecone's read units (1 per GB of namespace scanned, at least 0.25; 1 per 10 records fetched). */
export interface Usage {
  readUnits: number;
}

export interface QueryInput {
  vector?: number[];
  /** Query with the stored vector of this id instead of `vector`. */
  id?: string;
  sparseVector?: SparseValues;
  topK: number;
  filter?: Filter;
  includeValues: boolean;
  /** See the engine's QueryRequest; ignored by Pinecone, whose matches always carry `values`. */
  valuesAsFloat32?: boolean;
  includeMetadata: boolean;
}

export interface NamespaceStore {
  upsert(records: VectorRecord[]): Promise<number>;
  query(input: QueryInput): Promise<{ matches: QueryMatch[]; usage: Usage }>;
  fetch(ids: string[]): Promise<{ records: VectorRecord[]; usage: Usage }>;
  /** false when no record has this id (nothing is written). */
  update(id: string, update: UpdateRequest): Promise<boolean>;
  /** Counts are null where the backend does not report them (Pinecone). */
  deleteIds(ids: string[]): Promise<number | null>;
  deleteByFilter(filter: Filter): Promise<number | null>;
  deleteAll(): Promise<number | null>;
  list(options: { prefix?: string; limit: number; after?: string }): Promise<ListPage>;
  count(options?: { prefix?: string }): Promise<number>;
}

export interface VectorRepository {
  readonly backend: 'embedded' | 'pinecone';
  /** Creates or opens the configured indexes. */
  init(indexes: IndexSpec[]): Promise<void>;
  store(index: IndexSpec, namespace: NamespaceRef): NamespaceStore;
  listNamespaces(
    index: IndexSpec,
    options: { prefix?: string; limit: number; after?: string },
  ): Promise<NamespacePage>;
  deleteNamespace(
    index: IndexSpec,
    namespace: NamespaceRef,
  ): Promise<{ existed: boolean; recordCount: number }>;
  /** Throws when the backend cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Read units of a query, as Pinecone bills them: 1 per GB of namespace, at least 0.25. */
export const queryReadUnits = (namespaceBytes: number) => Math.max(0.25, namespaceBytes / 1e9);
/** Read units of a fetch: 1 per 10 records returned, at least 1. */
export const fetchReadUnits = (records: number) => Math.max(1, Math.ceil(records / 10));
