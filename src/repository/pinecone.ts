/**
 * VectorRepository over Pinecone through the official SDK (v8, API 2026-04): one `Index` per
 * configured index, bound per tenant with `.namespace(ns)`. PINECONE_CONTROLLER_HOST aims it at a
 * Pinecone-compatible server such as `npm run pinecone-local`. Indexes missing at start are created
 * (serverless, PINECONE_CLOUD / PINECONE_REGION); an existing one with another dimension or metric
 * stops the start. Each request has a timeout; retries are bounded (see pinecone-errors.ts).
 */
import { type Index, type IndexModel, Pinecone } from '@pinecone-database/pinecone';
import type { GraphQLError } from 'graphql';
import type { NamespaceRef } from '../tenancy/namespace.js';
import { type RetryPolicy, withRetries } from './pinecone-errors.js';
import { type Caller, PineconeStore } from './pinecone-store.js';
import type { IndexSpec, NamespacePage, NamespaceStore, VectorRepository } from './types.js';

export interface PineconeRepositoryOptions {
  apiKey: string;
  /** Control-plane URL; default Pinecone's (https://api.pinecone.io). */
  controllerHostUrl?: string;
  cloud: 'aws' | 'gcp' | 'azure';
  region: string;
  /** Retries of connection failures, timeouts and 5xx before BACKEND_UNAVAILABLE. */
  maxRetries: number;
  timeoutMs: number;
  /** Backoff before the first retry (doubles each time); default 100 ms. */
  retryBaseDelayMs?: number;
}

export class PineconeRepository implements VectorRepository {
  readonly backend = 'pinecone';
  readonly client: Pinecone;
  private readonly hosts = new Map<string, string>();
  private readonly indexes = new Map<string, Index>();
  private readonly policy: RetryPolicy;
  private readonly call: Caller;

  constructor(private readonly options: PineconeRepositoryOptions) {
    this.client = new Pinecone({
      apiKey: options.apiKey,
      controllerHostUrl: options.controllerHostUrl,
      // Retries are ours (bounded, and they also cover connection errors, which the SDK never retries).
      maxRetries: 0,
      fetchApi: fetchWithTimeout(options.timeoutMs),
    });
    this.policy = { maxRetries: options.maxRetries, baseDelayMs: options.retryBaseDelayMs ?? 100 };
    this.call = (what, fn) => withRetries(this.policy, what, fn);
  }

  async init(indexes: IndexSpec[]): Promise<void> {
    const listed = await this.call('index list', () => this.client.listIndexes());
    const existing = new Map((listed.indexes ?? []).map((m) => [m.name, m]));
    for (const spec of indexes) {
      const model = existing.get(spec.name) ?? (await this.create(spec));
      if (model.dimension !== spec.dimension || model.metric !== spec.metric) {
        throw new Error(
          `Pinecone index "${spec.name}" has dimension ${model.dimension} and metric ${model.metric}; ` +
            `the configuration asks for ${spec.dimension}/${spec.metric}. Fix INDEXES or use another index name.`,
        );
      }
      this.hosts.set(spec.name, model.host);
      this.indexes.delete(spec.name);
    }
  }

  private async create(spec: IndexSpec): Promise<IndexModel> {
    const what = `index "${spec.name}"`;
    const created = await this.call(what, () =>
      this.client.createIndex({
        name: spec.name,
        dimension: spec.dimension,
        metric: spec.metric,
        spec: { serverless: { cloud: this.options.cloud, region: this.options.region } },
        waitUntilReady: true,
        // Another replica may create it at the same moment.
        suppressConflicts: true,
      }),
    );
    return created ?? (await this.call(what, () => this.client.describeIndex(spec.name)));
  }

  store(index: IndexSpec, namespace: NamespaceRef): NamespaceStore {
    return new PineconeStore(
      this.index(index).namespace(namespace.name),
      index.name,
      namespace.name,
      this.call,
    );
  }

  async listNamespaces(
    index: IndexSpec,
    options: { prefix?: string; limit: number; after?: string },
  ): Promise<NamespacePage> {
    const page = await this.call(`index "${index.name}"`, () =>
      this.index(index).listNamespaces({
        limit: options.limit,
        paginationToken: options.after,
        prefix: options.prefix,
      }),
    );
    const namespaces = (page.namespaces ?? []).map((n) => ({
      name: n.name ?? '',
      recordCount: Number(n.recordCount ?? 0),
    }));
    return page.pagination?.next ? { namespaces, next: page.pagination.next } : { namespaces };
  }

  /** Reads the record count first (Pinecone's delete reports none), then deletes the namespace. */
  async deleteNamespace(index: IndexSpec, namespace: NamespaceRef) {
    const target = this.index(index);
    const what = `namespace of index "${index.name}"`;
    try {
      const described = await this.call(what, () => target.describeNamespace(namespace.name));
      await this.call(what, () => target.deleteNamespace(namespace.name));
      return { existed: true, recordCount: Number(described.recordCount ?? 0) };
    } catch (error) {
      if ((error as GraphQLError).extensions?.code === 'NOT_FOUND') return { existed: false, recordCount: 0 };
      throw error;
    }
  }

  /** Readiness: one control-plane call, not retried. */
  async ping(): Promise<void> {
    await withRetries({ maxRetries: 0, baseDelayMs: 0 }, 'control plane', () => this.client.listIndexes());
  }

  async close(): Promise<void> {}

  private index(spec: IndexSpec): Index {
    let index = this.indexes.get(spec.name);
    if (!index) {
      // With a known host the SDK skips its describe round trip; without, it resolves the host itself.
      const host = this.hosts.get(spec.name);
      index = this.client.index(host ? { name: spec.name, host } : { name: spec.name });
      this.indexes.set(spec.name, index);
    }
    return index;
  }
}

/** Every SDK request (retries included) is cut off after `ms`, surfacing as a retryable connection error. */
function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
