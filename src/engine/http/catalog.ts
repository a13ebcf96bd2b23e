/**
 * The server's index catalog: what the control plane knows about each index beyond the engine's
 * IndexSpec (cloud, region, deletion protection, tags) plus namespaces created empty through
 * `POST /namespaces` (the engine only materialises a namespace on its first write). It is kept in
 * `<dataDir>/pinecone-local/indexes.json`, next to (never inside) the engine's own files, and only
 * the engine's public API (openIndex / getIndex / dropIndex) is used.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine, LocalIndex } from '../engine.js';
import type { Metric } from '../types.js';
import { notFound } from './errors.js';
import type { CreateIndexInput } from './index-model.js';

export interface IndexRecord extends CreateIndexInput {
  /** Namespaces created empty; dropped from here once deleted. */
  namespaces: string[];
}

export class IndexCatalog {
  private readonly records = new Map<string, IndexRecord>();
  private saving: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(readonly engine: Engine) {
    this.file = join(engine.dataDir, 'pinecone-local', 'indexes.json');
  }

  /** Reads the catalog and opens every index it lists. */
  async load(): Promise<void> {
    const text = await readFile(this.file, 'utf8').catch(() => undefined);
    const stored = text ? (JSON.parse(text) as IndexRecord[]) : [];
    for (const record of stored) {
      await this.engine.openIndex({ name: record.name, dimension: record.dimension, metric: record.metric });
      this.records.set(record.name, record);
    }
  }

  list(): IndexRecord[] {
    return [...this.records.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The index's record, or undefined. Indexes opened in the engine by someone else are adopted. */
  find(name: string): IndexRecord | undefined {
    const known = this.records.get(name);
    if (known) return known;
    const open = this.engine.getIndex(name);
    if (!open) return undefined;
    const adopted = defaults(open.spec.name, open.spec.dimension, open.spec.metric);
    this.records.set(name, adopted);
    return adopted;
  }

  get(name: string): IndexRecord {
    const record = this.find(name);
    if (!record) throw notFound(`Index ${name} not found.`);
    return record;
  }

  /** The engine index behind a data-plane host; 404 when the index does not exist. */
  index(name: string): { record: IndexRecord; index: LocalIndex } {
    const record = this.get(name);
    const index = this.engine.getIndex(name);
    if (!index) throw notFound(`Index ${name} not found.`);
    return { record, index };
  }

  async create(record: IndexRecord): Promise<void> {
    await this.engine.openIndex({ name: record.name, dimension: record.dimension, metric: record.metric });
    this.records.set(record.name, record);
    await this.save();
  }

  async update(record: IndexRecord): Promise<void> {
    this.records.set(record.name, record);
    await this.save();
  }

  async drop(name: string): Promise<void> {
    this.records.delete(name);
    await this.engine.dropIndex(name);
    await this.save();
  }

  /** Serialised, atomic (write + rename) so concurrent requests never interleave partial files. */
  private save(): Promise<void> {
    const snapshot = JSON.stringify([...this.records.values()], null, 2);
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        await mkdir(join(this.file, '..'), { recursive: true });
        const tmp = `${this.file}.${process.pid}.tmp`;
        await writeFile(tmp, snapshot);
        await rename(tmp, this.file);
      });
    return this.saving;
  }

  saveNamespaces(): Promise<void> {
    return this.save();
  }
}

export function defaults(name: string, dimension: number, metric: Metric): IndexRecord {
  return {
    name,
    dimension,
    metric,
    cloud: 'aws',
    region: 'us-east-1',
    deletionProtection: 'disabled',
    tags: null,
    namespaces: [],
  };
}
