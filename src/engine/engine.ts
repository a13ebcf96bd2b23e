/**
 * The embedded engine: indexes under `<dataDir>/indexes/<name>`, each holding one directory per
 * namespace (see paths.ts). Nothing is read at start-up; a namespace is loaded on first use.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeCursor, pageOf } from './cursor.js';
import { NamespaceState } from './namespace.js';
import { NamespaceHandle } from './namespace-handle.js';
import { namespaceDir, namespacesDir, trashDir } from './paths.js';
import {
  EngineError,
  type EngineIndex,
  type EngineNamespace,
  type IndexSpec,
  type NamespacePage,
} from './types.js';

export class Engine {
  private readonly indexes = new Map<string, LocalIndex>();

  constructor(readonly dataDir: string) {}

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
      await writeFile(specPath, JSON.stringify(spec));
    }
    const index = new LocalIndex(spec, dir);
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
    await index?.close();
    const dir = join(this.dataDir, 'indexes', name);
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    if (exists) await rm(dir, { recursive: true, force: true });
    return exists;
  }

  /** Flushes and closes every namespace. */
  async close(): Promise<void> {
    await Promise.all([...this.indexes.values()].map((index) => index.close()));
    this.indexes.clear();
  }
}

export class LocalIndex implements EngineIndex {
  private readonly states = new Map<string, NamespaceState>();

  constructor(
    readonly spec: IndexSpec,
    readonly dir: string,
  ) {}

  namespace(name: string): EngineNamespace {
    return new NamespaceHandle(name, () => this.state(name));
  }

  /** The loaded state of a namespace (an empty one if it does not exist yet). */
  async state(name: string): Promise<NamespaceState> {
    let state = this.states.get(name);
    if (!state) {
      state = new NamespaceState(name, namespaceDir(this.dir, name), this.spec);
      this.states.set(name, state);
    }
    await state.load();
    return state;
  }

  async hasNamespace(name: string): Promise<boolean> {
    const state = this.states.get(name);
    if (state && state.table.size > 0) return true;
    return stat(namespaceDir(this.dir, name)).then(
      () => true,
      () => false,
    );
  }

  async listNamespaces(options: { prefix?: string; limit: number; after?: string }): Promise<NamespacePage> {
    const names = (await this.namespaceNames()).filter(
      (n) => !options.prefix || n.startsWith(options.prefix),
    );
    names.sort();
    const { page, next } = pageOf(names, options.limit, decodeCursor(options.after));
    const namespaces = await Promise.all(
      page.map(async (name) => ({ name, recordCount: (await this.state(name)).table.size })),
    );
    return next ? { namespaces, next } : { namespaces };
  }

  async deleteNamespace(name: string): Promise<{ existed: boolean; recordCount: number }> {
    const existed = await this.hasNamespace(name);
    if (!existed) {
      this.states.delete(name);
      return { existed: false, recordCount: 0 };
    }
    const state = await this.state(name);
    this.states.delete(name);
    const recordCount = state.table.size;
    await state.close();
    const trash = join(trashDir(this.dir), `${randomUUID()}`);
    await mkdir(trashDir(this.dir), { recursive: true });
    await rename(state.dir, trash).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    void rm(trash, { recursive: true, force: true });
    return { existed: true, recordCount };
  }

  /** Removes leftovers of deletions interrupted by a crash. */
  async emptyTrash(): Promise<void> {
    await rm(trashDir(this.dir), { recursive: true, force: true }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([...this.states.values()].map((s) => s.close()));
    this.states.clear();
  }

  private async namespaceNames(): Promise<string[]> {
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
    for (const [name, state] of this.states)
      if (state.table.size > 0 && !names.includes(name)) names.push(name);
    return names;
  }
}

const readdirSafe = (dir: string) => readdir(dir).catch(() => [] as string[]);

async function readJson<T>(path: string): Promise<T | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}
