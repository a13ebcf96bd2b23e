/**
 * One namespace on disk: a directory holding `name` (the namespace's name), `wal.log` and, once
 * it is large, its HNSW graph (see hnsw.ts).
 *
 * Writes are logged as operations (log-entry.ts) and applied to the in-memory table strictly in log
 * order once durable, so concurrent requests share one fsync (group commit) without a lock, and a
 * read-modify-write such as `update` cannot lose an update. The table is loaded on first use by
 * replaying the log; compaction rewrites the log as a snapshot of the live records once it has grown
 * well past them, so reload time stays proportional to the data, not to its history.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildQueue } from './build-queue.js';
import { type Filter, matches, parseFilter } from './filter.js';
import { type GraphOptions, NamespaceGraph } from './hnsw.js';
import { decodeEntry, encodeEntry, type LogEntry } from './log-entry.js';
import { ScanGate } from './scan-gate.js';
import { searchTable } from './search.js';
import { pause, slicer } from './simd-scan.js';
import { RecordTable } from './table.js';
import type { IndexSpec, QueryMatch, QueryRequest } from './types.js';
import { fsyncDir, replayLog, WriteAheadLog } from './wal.js';

export interface NamespaceOptions {
  graph: GraphOptions;
  builds: BuildQueue;
  /** The log is compacted once it exceeds this and twice the live records' bytes. */
  compactMinBytes: number;
  /** Awaited before the first write creates the namespace on disk (the catalog records it). */
  creating(name: string): Promise<void>;
  /** After writes settle: the record count and the log size it corresponds to. */
  changed(name: string, count: number, logBytes: number): void;
}

const SNAPSHOT_RECORDS = 512;
const CHECK_MS = 100;

export class NamespaceState {
  readonly table: RecordTable;
  readonly graph: NamespaceGraph;
  readonly gate = new ScanGate();
  private wal: WriteAheadLog | undefined;
  private loading: Promise<void> | undefined;
  private applied: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private compacting: Promise<void> | undefined;
  private creation: Promise<void> | undefined;
  private nextSlot = 0;
  private lastCheck = 0;
  /** Requests running against this state (it is not evicted while any are). */
  users = 0;
  closed = false;

  constructor(
    readonly name: string,
    readonly dir: string,
    private readonly spec: IndexSpec,
    private readonly options: NamespaceOptions,
  ) {
    this.table = new RecordTable(spec.dimension);
    this.graph = new NamespaceGraph(dir, spec.dimension, spec.metric, options.graph, options.builds);
  }

  private get logPath(): string {
    return join(this.dir, 'wal.log');
  }

  get logBytes(): number {
    return this.wal?.bytes ?? 0;
  }

  /** Busy with background work that must not be dropped by eviction. */
  get busy(): boolean {
    return this.users > 0 || this.inFlight > 0 || this.compacting !== undefined || this.graph.isBuilding;
  }

  load(): Promise<void> {
    this.loading ??= (async () => {
      const { payloads, bytes } = await replayLog(this.logPath);
      const maybeYield = slicer();
      for (let i = 0; i < payloads.length; i++) {
        await maybeYield();
        this.apply(decodeEntry(payloads[i]!, this.spec.dimension));
      }
      if (bytes > 0) this.creation = Promise.resolve();
      this.wal = new WriteAheadLog(this.logPath, bytes);
      await this.graph.load(this.table);
      this.table.onSlot = this.graph;
      this.graph.onBuilt = () => this.graph.maybeBuild(this.table, this.nextSlot);
      this.graph.maybeBuild(this.table, this.nextSlot);
    })();
    return this.loading;
  }

  query(request: QueryRequest): Promise<QueryMatch[]> {
    return this.gate.read(() => searchTable(this.table, this.graph, this.spec.metric, request));
  }

  /** Logs `entry`, waits until it is durable, applies it in log order and returns its result. */
  async write(entry: LogEntry): Promise<number> {
    await this.load();
    this.creation ??= this.create();
    await this.creation;
    // No await between this check and the append: compaction must not run under a pending write.
    while (this.compacting) await this.compacting;
    if (entry.t === 'put') for (const record of entry.r) record.slot = this.nextSlot++;
    if (entry.t === 'upd') entry.slot = entry.u.values ? this.nextSlot++ : -1;
    this.inFlight++;
    const durable = this.wal!.append(encodeEntry(entry, this.spec.dimension));
    const result = this.applied.then(() => durable).then(() => this.gate.write(() => this.apply(entry)));
    this.applied = result.catch(() => undefined);
    try {
      return await result;
    } finally {
      this.inFlight--;
      this.settle();
    }
  }

  private async create(): Promise<void> {
    await this.options.creating(this.name);
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, 'name'), this.name);
    await fsyncDir(this.dir);
  }

  /**
   * After a write: once all writes are applied, report the count to the catalog (the log size then
   * matches it); and, at most every CHECK_MS under a steady stream of writes, start background work.
   */
  private settle(): void {
    if (this.closed) return;
    if (this.inFlight === 0) this.options.changed(this.name, this.table.size, this.logBytes);
    const now = performance.now();
    if (this.inFlight > 0 && now - this.lastCheck < CHECK_MS) return;
    this.lastCheck = now;
    this.graph.maybeBuild(this.table, this.nextSlot);
    const wal = this.wal!;
    if (!this.compacting && wal.bytes > Math.max(this.options.compactMinBytes, 2 * this.table.sizeBytes)) {
      this.compacting = this.compact(wal).finally(() => {
        this.compacting = undefined;
      });
      this.compacting.catch((error: unknown) =>
        console.warn(`engine: compaction of ${this.dir} failed: ${error}`),
      );
    }
  }

  /** Rewrites the log as put entries of the live records; writes wait, reads go on. */
  private async compact(wal: WriteAheadLog): Promise<void> {
    await this.applied;
    const table = this.table;
    const dimension = this.spec.dimension;
    async function* snapshot() {
      for (let start = 0; start < table.size; start += SNAPSHOT_RECORDS) {
        const records = [];
        for (let row = start; row < Math.min(table.size, start + SNAPSHOT_RECORDS); row++) {
          records.push(table.stored(row));
        }
        yield [encodeEntry({ t: 'put', r: records }, dimension)];
        await pause();
      }
    }
    await wal.rewrite(snapshot());
    if (!this.closed) this.options.changed(this.name, table.size, wal.bytes);
  }

  /** Applies one logged operation; returns how many records it touched. */
  private apply(entry: LogEntry): number {
    const table = this.table;
    switch (entry.t) {
      case 'put':
        for (const record of entry.r) {
          if (record.slot < 0) record.slot = this.nextSlot++;
          else this.nextSlot = Math.max(this.nextSlot, record.slot + 1);
          table.put(record);
        }
        return entry.r.length;
      case 'upd': {
        const row = table.rowOfId(entry.id);
        if (row === undefined) return 0;
        const current = table.stored(row);
        const { values, sparseValues, setMetadata } = entry.u;
        let slot = current.slot;
        if (values) slot = entry.slot < 0 ? this.nextSlot++ : entry.slot;
        this.nextSlot = Math.max(this.nextSlot, slot + 1);
        table.put({
          id: entry.id,
          slot,
          values: values ? Float32Array.from(values) : current.values,
          sparseValues: sparseValues ?? current.sparseValues,
          metadata: setMetadata ? { ...current.metadata, ...setMetadata } : current.metadata,
        });
        return 1;
      }
      case 'updf': {
        const filter = parseFilter(entry.f);
        const ids = this.idsMatching(filter);
        for (const id of ids) {
          const current = table.stored(table.rowOfId(id)!);
          table.put({ ...current, metadata: { ...current.metadata, ...entry.m } });
        }
        return ids.length;
      }
      case 'del':
        return entry.ids.filter((id) => table.delete(id)).length;
      case 'delf': {
        const ids = this.idsMatching(parseFilter(entry.f));
        for (const id of ids) table.delete(id);
        return ids.length;
      }
      case 'clear': {
        const n = table.size;
        table.clear();
        this.graph.reset();
        return n;
      }
    }
  }

  /** Ids of records matching the filter (through the metadata index when it narrows them). */
  idsMatching(filter: Filter): string[] {
    return this.matchingRows(filter).map((row) => this.table.idOf(row));
  }

  matchingRows(filter: Filter): number[] {
    const table = this.table;
    const candidates = table.index.candidates(filter);
    if (candidates?.exact) return [...candidates.rows];
    const rows = candidates ? [...candidates.rows] : Array.from({ length: table.size }, (_, i) => i);
    return rows.filter((row) => matches(filter, table.metadataOf(row)));
  }

  /** Waits for in-flight writes and closes the log; the state must not be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.graph.closed = true;
    await this.compacting?.catch(() => undefined);
    await this.applied;
    await this.wal?.close();
  }
}
