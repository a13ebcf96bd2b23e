/**
 * Contract of the embedded vector engine. The engine knows nothing of GraphQL or tenants: it stores
 * records in (index, namespace) pairs and answers Pinecone-shaped requests. Inputs are assumed to be
 * validated by the caller (see src/validation); the engine still refuses what would corrupt its state.
 */
export type Metric = 'cosine' | 'dotproduct' | 'euclidean';

export type MetadataValue = string | number | boolean | string[];
export type Metadata = Record<string, MetadataValue>;

export interface SparseValues {
  indices: number[];
  values: number[];
}

export interface EngineRecord {
  id: string;
  values?: number[];
  /** Instead of `values` when a query asks `valuesAsFloat32`: a copy of the stored float32s. */
  float32Values?: Float32Array;
  sparseValues?: SparseValues;
  metadata?: Metadata;
}

export interface IndexSpec {
  name: string;
  dimension: number;
  metric: Metric;
}

export interface QueryRequest {
  /** Dense query vector (length = dimension). */
  vector?: ArrayLike<number>;
  /** Sparse part of a hybrid query (dotproduct only): score = dense·dense + sparse·sparse. */
  sparseVector?: SparseValues;
  topK: number;
  filter?: import('./filter.js').Filter;
  includeValues?: boolean;
  /**
   * With includeValues: the dense values as stored (`float32Values`), not as shortest decimals
   * (`values`). For callers that print them (serialize/json-floats.ts writes the same digits
   * straight from the float32s), which then skip the conversion to doubles.
   */
  valuesAsFloat32?: boolean;
  includeMetadata?: boolean;
}

export interface QueryMatch {
  id: string;
  /** cosine similarity, raw dot product, or squared euclidean distance (lower is better). */
  score: number;
  values?: number[];
  /** See EngineRecord. */
  float32Values?: Float32Array;
  sparseValues?: SparseValues;
  metadata?: Metadata;
}

export interface ListPage {
  ids: string[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

export interface NamespaceInfo {
  name: string;
  recordCount: number;
}

export interface NamespacePage {
  namespaces: NamespaceInfo[];
  next?: string;
}

export interface UpdateRequest {
  values?: number[];
  sparseValues?: SparseValues;
  setMetadata?: Metadata;
}

/** One namespace. Every method resolves only once its effect is durable (writes) or visible (reads). */
export interface EngineNamespace {
  readonly name: string;
  upsert(records: EngineRecord[]): Promise<number>;
  query(request: QueryRequest): Promise<QueryMatch[]>;
  /** Records found, in the order of `ids`; missing ids are left out. */
  fetch(ids: string[]): Promise<EngineRecord[]>;
  fetchByFilter(
    filter: import('./filter.js').Filter,
    options: { limit: number; after?: string },
  ): Promise<{ records: EngineRecord[]; next?: string }>;
  /** Returns false when the id does not exist (nothing is written then). */
  update(id: string, update: UpdateRequest): Promise<boolean>;
  /** Applies setMetadata to every record matching the filter; returns how many matched. */
  updateByFilter(filter: import('./filter.js').Filter, update: { setMetadata: Metadata }): Promise<number>;
  deleteIds(ids: string[]): Promise<number>;
  deleteByFilter(filter: import('./filter.js').Filter): Promise<number>;
  deleteAll(): Promise<number>;
  /** Ids in bitwise (UTF-16 code unit) order, optionally by prefix. */
  list(options: { prefix?: string; limit: number; after?: string }): Promise<ListPage>;
  count(options?: { prefix?: string; filter?: import('./filter.js').Filter }): Promise<number>;
  /** Bytes of records as Pinecone counts them (id + metadata + 4·dimension + 8·sparse non-zeros). */
  sizeBytes(): Promise<number>;
}

export interface EngineIndex {
  readonly spec: IndexSpec;
  /** A cheap handle: nothing is read from disk until the namespace is used. */
  namespace(name: string): EngineNamespace;
  hasNamespace(name: string): Promise<boolean>;
  listNamespaces(options: { prefix?: string; limit: number; after?: string }): Promise<NamespacePage>;
  /** Removes the namespace and all its records; fast whatever its size. */
  deleteNamespace(name: string): Promise<{ existed: boolean; recordCount: number }>;
}

export class EngineError extends Error {
  constructor(
    readonly code: 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'FAILED_PRECONDITION',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
