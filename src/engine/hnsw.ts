/**
 * A namespace's HNSW graph (usearch), a derived index saved beside its log.
 *
 * The graph holds records by slot. Slots below `high` were live when the graph was built; a record
 * deleted or re-valued since is "stale" and masked at search time (the graph is memory-mapped with
 * `view`, which is read-only). Live slots at or above `high` form the tail, which the planner scans
 * exactly, so new records are searchable at once while the next build runs in a worker. A build
 * extends the saved graph with the tail, or rebuilds from scratch once a fifth of it is stale.
 * `hnsw.json` names the current graph file and is replaced atomically after the file is fsynced.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Index, type IndexConfig, ScalarKind } from 'usearch';
import type { BuildQueue } from './build-queue.js';
import { kernelMetric } from './simd-scan.js';
import type { RecordTable, SlotListener } from './table.js';
import type { Metric } from './types.js';
import { writeFileAtomically } from './wal.js';

export interface GraphOptions {
  /** Namespaces with at least this many records get a graph. */
  threshold: number;
  /** Threads a build may use. */
  threads: number;
  /** Search expansion (ef). */
  ef: number;
}

const MIN_BATCH = 1000;
const STALE_REBUILD = 0.2;

interface GraphMeta {
  file: string;
  high: number;
  size: number;
}

export class NamespaceGraph implements SlotListener {
  private index: Index | undefined;
  private meta: GraphMeta | undefined;
  private stale = 0;
  private readonly tail = new Set<number>();
  private building: Promise<void> | undefined;
  closed = false;
  /** Called after each build (the namespace checks whether the tail grew enough for another). */
  onBuilt: (() => void) | undefined;

  constructor(
    private readonly dir: string,
    private readonly dimension: number,
    private readonly metric: Metric,
    private readonly options: GraphOptions,
    private readonly builds: BuildQueue,
  ) {}

  get isBuilding(): boolean {
    return this.building !== undefined;
  }

  /** Graph size, and how many of its entries are still live. */
  get stats(): { indexed: number; tail: number } {
    return { indexed: this.meta ? this.meta.size - this.stale : 0, tail: this.tail.size };
  }

  added(slot: number): void {
    if (this.meta && slot >= this.meta.high) this.tail.add(slot);
  }

  removed(slot: number): void {
    if (!this.meta) return;
    if (slot < this.meta.high) this.stale++;
    else this.tail.delete(slot);
  }

  /** Opens the saved graph, if any, and removes files of builds that never committed. */
  async load(table: RecordTable): Promise<void> {
    const text = await readFile(join(this.dir, 'hnsw.json'), 'utf8').catch(() => undefined);
    const meta = text === undefined ? undefined : (JSON.parse(text) as GraphMeta);
    for (const file of await readdir(this.dir).catch(() => [] as string[])) {
      if (file.startsWith('hnsw-') && file !== meta?.file) await unlink(join(this.dir, file)).catch(() => {});
    }
    if (meta) this.install(meta, table);
  }

  /** The graph can answer when it exists and the tail is small next to it. */
  usable(table: RecordTable): boolean {
    return this.index !== undefined && this.tail.size <= table.size / 2;
  }

  /**
   * Rows of up to about `k` nearest graph entries that are live and accepted. `fraction` is the share
   * of rows `accept` lets through, used to oversample.
   */
  search(
    query: Float32Array,
    k: number,
    table: RecordTable,
    accept?: (row: number) => boolean,
    fraction = 1,
  ) {
    const meta = this.meta!;
    const live = Math.max(1, meta.size - this.stale);
    const want =
      Math.ceil((k / fraction) * (fraction < 1 ? 2 : 1) * (meta.size / live)) + (this.stale ? 4 : 0);
    const found = this.index!.search(query, Math.min(meta.size, want), 1);
    const rows: number[] = [];
    for (const key of found.keys) {
      const row = table.rowForSlot(Number(key));
      if (row !== undefined && (!accept || accept(row))) rows.push(row);
    }
    return rows;
  }

  tailRows(table: RecordTable): number[] {
    const rows: number[] = [];
    for (const slot of this.tail) rows.push(table.rowForSlot(slot)!);
    return rows.sort((a, b) => a - b);
  }

  /** Starts a background build when the namespace is big enough and the graph is behind. */
  maybeBuild(table: RecordTable, nextSlot: number): void {
    if (this.building || this.closed || table.size < this.options.threshold) return;
    const meta = this.meta;
    // From scratch when there is no graph, too much of it is stale, or the tail outgrew it (then
    // loading the old graph to extend it costs more than it saves).
    const full = !meta || this.stale > STALE_REBUILD * meta.size || this.tail.size > meta.size;
    if (!full && this.tail.size < Math.max(MIN_BATCH, 0.05 * meta.size)) return;
    this.building = this.build(table, nextSlot, full)
      .catch((error: unknown) => {
        if (!this.closed) console.warn(`engine: HNSW build in ${this.dir} failed: ${String(error)}`);
      })
      .finally(() => {
        this.building = undefined;
        if (!this.closed) this.onBuilt?.();
      });
  }

  /** Resolves when no build is running (tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.building) await this.building;
  }

  private async build(table: RecordTable, high: number, full: boolean): Promise<void> {
    const rows: number[] = [];
    if (full) for (let row = 0; row < table.size; row++) rows.push(row);
    else rows.push(...this.tailRows(table));
    const d = this.dimension;
    const keys = new BigUint64Array(rows.length);
    const vectors = new Float32Array(rows.length * d);
    rows.forEach((row, i) => {
      keys[i] = BigInt(table.slotOf(row));
      vectors.set(table.matrix.row(row), i * d);
    });
    const file = `hnsw-${randomBytes(6).toString('hex')}.usearch`;
    const out = join(this.dir, file);
    const size = await this.builds.run({
      config: this.config(),
      base: full ? undefined : join(this.dir, this.meta!.file),
      keys,
      vectors,
      threads: this.options.threads,
      out,
    });
    if (this.closed) return void (await unlink(out).catch(() => {}));
    const handle = await open(out, 'r+');
    await handle.datasync().finally(() => handle.close());
    const previous = this.meta?.file;
    const meta = { file, high, size };
    await writeFileAtomically(join(this.dir, 'hnsw.json'), JSON.stringify(meta));
    this.install(meta, table);
    if (previous) await unlink(join(this.dir, previous)).catch(() => {});
  }

  private install(meta: GraphMeta, table: RecordTable): void {
    const index = new Index(this.config());
    index.view(join(this.dir, meta.file));
    this.index = index;
    this.meta = meta;
    this.tail.clear();
    let liveIndexed = 0;
    for (let row = 0; row < table.size; row++) {
      const slot = table.slotOf(row);
      if (slot < meta.high) liveIndexed++;
      else this.tail.add(slot);
    }
    this.stale = meta.size - liveIndexed;
  }

  /** Forgets the graph (the namespace was emptied) and removes its files. */
  reset(): void {
    const file = this.meta?.file;
    if (file) {
      void unlink(join(this.dir, 'hnsw.json'))
        .then(() => unlink(join(this.dir, file)))
        .catch(() => {});
    }
    this.index = undefined;
    this.meta = undefined;
    this.stale = 0;
    this.tail.clear();
  }

  private config(): IndexConfig {
    return {
      dimensions: this.dimension,
      metric: kernelMetric(this.metric),
      // f16 halves the graph's vectors at no measurable recall cost for cosine; dot products and
      // distances of unnormalised values need f32's range.
      quantization: this.metric === 'cosine' ? ScalarKind.F16 : ScalarKind.F32,
      connectivity: 16,
      expansion_add: 128,
      expansion_search: this.options.ef,
      multi: false,
    };
  }
}
