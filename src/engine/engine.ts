/**
 * The embedded engine: indexes under `<dataDir>/indexes/<name>`, each holding one directory per
 * namespace (see paths.ts) and a catalog of them (catalog.ts). Opening the engine or an index reads
 * nothing but the index's spec; a namespace is loaded on first use and evicted least-recently-used
 * under the memory budget (residency.ts).
 */

import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BuildQueue } from './build-queue.js';
import { LocalIndex } from './local-index.js';
import { Residency } from './residency.js';
import { EngineError, type IndexSpec } from './types.js';

export { LocalIndex } from './local-index.js';

export interface EngineOptions {
  /** Loaded namespaces are evicted least-recently-used above this many bytes (default 2 GiB). */
  memoryBudgetBytes?: number;
  /** Namespaces with at least this many records get an HNSW graph (default 20,000). */
  hnswThreshold?: number;
  /** Threads an HNSW build may use (default: all cores but one, at least one). */
  hnswThreads?: number;
  /** HNSW search expansion (default 64). */
  hnswEf?: number;
  /** A namespace's log is compacted once above this and twice its live bytes (default 4 MiB). */
  compactMinBytes?: number;
  /**
   * Evicting or closing a namespace first rewrites its log as a snapshot (a bulk read on the next
   * load) when the tail after its last snapshot exceeds this and a quarter of it (default 1 MiB).
   */
  snapshotMinBytes?: number;
}

export interface EngineContext {
  residency: Residency;
  builds: BuildQueue;
  options: Required<EngineOptions>;
}

export const DEFAULT_MEMORY_BUDGET = 2 * 1024 ** 3;

export class Engine {
  private readonly indexes = new Map<string, LocalIndex>();
  private readonly context: EngineContext;

  constructor(
    readonly dataDir: string,
    options: EngineOptions = {},
  ) {
    const full: Required<EngineOptions> = {
      memoryBudgetBytes: options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET,
      hnswThreshold: options.hnswThreshold ?? 20_000,
      hnswThreads: options.hnswThreads ?? Math.max(1, cpus().length - 1),
      hnswEf: options.hnswEf ?? 64,
      compactMinBytes: options.compactMinBytes ?? 4 * 1024 * 1024,
      snapshotMinBytes: options.snapshotMinBytes ?? 1024 * 1024,
    };
    this.context = {
      residency: new Residency(full.memoryBudgetBytes),
      builds: new BuildQueue(),
      options: full,
    };
  }

  /** Bytes of loaded namespaces, as the memory budget counts them. */
  get residentBytes(): number {
    return this.context.residency.usedBytes;
  }

  /** Opens (creating if needed) an index; refuses one whose stored dimension or metric differ. */
  async openIndex(spec: IndexSpec): Promise<LocalIndex> {
    const existing = this.indexes.get(spec.name);
    if (existing) return existing;
    const dir = join(this.dataDir, 'indexes', spec.name);
    const specPath = join(dir, 'index.json');
    const stored = await readJson<IndexSpec>(specPath);
    if (stored && (stored.dimension !== spec.dimension || stored.metric !== spec.metric)) {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `index "${spec.name}" in ${dir} has dimension ${stored.dimension} and metric ${stored.metric}; ` +
          `the configuration asks for ${spec.dimension}/${spec.metric}`,
      );
    }
    if (!stored) {
      await mkdir(dir, { recursive: true });
      await writeFile(
        specPath,
        JSON.stringify({ name: spec.name, dimension: spec.dimension, metric: spec.metric }),
      );
    }
    const index = new LocalIndex(
      { name: spec.name, dimension: spec.dimension, metric: spec.metric },
      dir,
      this.context,
    );
    this.indexes.set(spec.name, index);
    void index.emptyTrash();
    return index;
  }

  getIndex(name: string): LocalIndex | undefined {
    return this.indexes.get(name);
  }

  async dropIndex(name: string): Promise<boolean> {
    const index = this.indexes.get(name);
    this.indexes.delete(name);
    await index?.close(false);
    const dir = join(this.dataDir, 'indexes', name);
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    if (exists) await rm(dir, { recursive: true, force: true });
    return exists;
  }

  /** Flushes and closes every namespace and stops the build worker. */
  async close(): Promise<void> {
    await Promise.all([...this.indexes.values()].map((index) => index.close()));
    this.indexes.clear();
    await this.context.builds.stop();
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}
