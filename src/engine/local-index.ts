/**
 * One index of the embedded engine: its namespaces (loaded on demand, tracked by the engine's
 * residency for eviction) and its catalog. Deleting a namespace renames its directory into the
 * index's trash (one fsynced rename, whatever the size) and removes it in the background.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Catalog } from './catalog.js';
import { encodeCursor } from './cursor.js';
import type { EngineContext } from './engine.js';
import { NamespaceState } from './namespace.js';
import { NamespaceHandle } from './namespace-handle.js';
import { namespaceDir, namespacesDir, trashDir } from './paths.js';
import type { Resident } from './residency.js';
import type { EngineIndex, IndexSpec, NamespaceInfo, NamespacePage } from './types.js';
import { fsyncDir } from './wal.js';

export class LocalIndex implements EngineIndex {
  private readonly states = new Map<string, { state: NamespaceState; resident: Resident }>();
  /** Namespaces still closing after eviction (writing a snapshot): their next state waits. */
  private readonly closing = new Map<string, Promise<void>>();
  readonly catalog: Catalog;

  constructor(
    readonly spec: IndexSpec,
    readonly dir: string,
    private readonly context: EngineContext,
  ) {
    this.catalog = new Catalog(dir, () => this.scanNames());
  }

  namespace(name: string): NamespaceHandle {
    return new NamespaceHandle(name, (fn) => this.use(name, fn));
  }

  /** Runs `fn` on the loaded namespace, keeping it from eviction meanwhile. */
  async use<T>(name: string, fn: (state: NamespaceState) => Promise<T> | T): Promise<T> {
    const entry = this.entry(name);
    entry.state.users++;
    try {
      await entry.state.load();
      return await fn(entry.state);
    } finally {
      entry.state.users--;
      if (this.states.get(name) === entry) this.context.residency.touch(entry.resident);
    }
  }

  private entry(name: string) {
    let entry = this.states.get(name);
    if (!entry) {
      const { options, builds } = this.context;
      const state = new NamespaceState(name, namespaceDir(this.dir, name), this.spec, {
        graph: { threshold: options.hnswThreshold, threads: options.hnswThreads, ef: options.hnswEf },
        builds,
        compactMinBytes: options.compactMinBytes,
        snapshotMinBytes: options.snapshotMinBytes,
        ready: this.closing.get(name),
        creating: (n) => this.catalog.created(n),
        changed: (n, count, bytes) => this.catalog.changed(n, count, bytes),
      });
      const resident: Resident = {
        get memoryBytes() {
          return state.table.memoryBytes;
        },
        get busy() {
          return state.busy;
        },
        evict: () => this.evict(name, state),
      };
      entry = { state, resident };
      this.states.set(name, entry);
    }
    return entry;
  }

  /** Whether the namespace is loaded (tests of eviction). */
  isLoaded(name: string): boolean {
    return this.states.has(name);
  }

  private evict(name: string, state: NamespaceState): Promise<void> {
    if (this.states.get(name)?.state === state) this.states.delete(name);
    const previous = this.closing.get(name);
    const done = (async () => {
      await previous;
      await state.close(true);
    })();
    this.closing.set(name, done);
    done
      .finally(() => {
        if (this.closing.get(name) === done) this.closing.delete(name);
      })
      .catch((error: unknown) => console.warn(`engine: closing namespace ${name} failed: ${error}`));
    return done;
  }

  /** Resolves when an evicted namespace has finished closing (tests and benchmarks). */
  async closed(name: string): Promise<void> {
    await this.closing.get(name);
  }

  async hasNamespace(name: string): Promise<boolean> {
    const entry = this.states.get(name);
    if (entry && entry.state.table.size > 0) return true;
    return exists(join(namespaceDir(this.dir, name), 'wal.log'));
  }

  async listNamespaces(options: { prefix?: string; limit: number; after?: string }): Promise<NamespacePage> {
    const after = options.after ? Buffer.from(options.after, 'base64url').toString('utf8') : undefined;
    const { names, more } = await this.catalog.page({ ...options, after });
    const infos = await Promise.all(
      names.map(async (name) => ({ name, recordCount: await this.recordCount(name) })),
    );
    const namespaces = infos.filter((i): i is NamespaceInfo => i.recordCount !== undefined);
    const last = names[names.length - 1];
    return more && last !== undefined ? { namespaces, next: encodeCursor(last) } : { namespaces };
  }

  /**
   * The namespace's record count without loading it when the catalog's count is current (the
   * namespace's log has the size recorded with it); undefined when the namespace does not exist.
   */
  async recordCount(name: string): Promise<number | undefined> {
    const loaded = this.states.get(name);
    if (!loaded) {
      const entry = await this.catalog.entry(name);
      const size = await stat(join(namespaceDir(this.dir, name), 'wal.log')).then(
        (s) => s.size,
        () => undefined,
      );
      if (size === undefined) return undefined;
      if (entry && entry.count >= 0 && entry.logBytes === size) return entry.count;
    }
    return this.use(name, (state) => state.table.size);
  }

  async deleteNamespace(name: string): Promise<{ existed: boolean; recordCount: number }> {
    const loaded = this.states.get(name);
    const recordCount = loaded ? loaded.state.table.size : ((await this.recordCount(name)) ?? 0);
    const current = this.states.get(name);
    if (current) {
      this.states.delete(name);
      this.context.residency.forget(current.resident);
      await current.state.close();
    }
    await this.closing.get(name);
    const dir = namespaceDir(this.dir, name);
    const trash = join(trashDir(this.dir), randomUUID());
    await mkdir(trashDir(this.dir), { recursive: true });
    const existed = await rename(dir, trash).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (existed) {
      await Promise.all([fsyncDir(dirname(dir)), fsyncDir(trashDir(this.dir))]);
      await this.catalog.removed(name);
      void rm(trash, { recursive: true, force: true }).catch(() => {});
    }
    return { existed, recordCount: existed ? recordCount : 0 };
  }

  /** Removes leftovers of deletions interrupted by a crash. */
  async emptyTrash(): Promise<void> {
    await rm(trashDir(this.dir), { recursive: true, force: true }).catch(() => undefined);
  }

  /** Closes every namespace (with `snapshot`, long log tails are first rewritten as snapshots). */
  async close(snapshot = true): Promise<void> {
    const entries = [...this.states.values()];
    this.states.clear();
    for (const e of entries) this.context.residency.forget(e.resident);
    await Promise.all([...entries.map((e) => e.state.close(snapshot)), ...this.closing.values()]);
    await this.catalog.close();
  }

  /** Names of namespaces on disk, from their `name` files (only for indexes without a catalog). */
  private async scanNames(): Promise<string[]> {
    const root = namespacesDir(this.dir);
    const names: string[] = [];
    for (const a of await readdirSafe(root)) {
      for (const b of await readdirSafe(join(root, a))) {
        for (const hash of await readdirSafe(join(root, a, b))) {
          const name = await readFile(join(root, a, b, hash, 'name'), 'utf8').catch(() => undefined);
          if (name !== undefined) names.push(name);
        }
      }
    }
    return names;
  }
}

const readdirSafe = (dir: string) => readdir(dir).catch(() => [] as string[]);
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
