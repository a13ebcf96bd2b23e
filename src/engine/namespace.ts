/**
 * One namespace on disk: a directory holding `name` (the namespace's name), `wal.log` and, once
 * it is large, its HNSW graph (see hnsw.ts).
 *
 * Writes are logged as operations (log-entry.ts) and applied to the in-memory table strictly in log
 * order once durable, so concurrent requests share one fsync (group commit) without a lock, and a
 * read-modify-write such as `update` cannot lose an update. The table is loaded on first use from
 * the log: a snapshot (blocks loaded in bulk, snapshot.ts) followed by the operations logged since.
 * Compaction rewrites the log as a snapshot once it has grown well past the live records, and so
 * does closing (eviction, shutdown) when the tail after the snapshot is long, so reload time stays
 * proportional to the data, not to its history.
 */
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyEntry, idsMatching, matchingRows, type Slots } from './apply.js';
import type { BuildQueue } from './build-queue.js';
import type { Filter } from './filter.js';
import { type GraphOptions, NamespaceGraph } from './hnsw.js';
import { encodeEntry, type LogEntry } from './log-entry.js';
import { loadLog } from './log-load.js';
import { writeSlots } from './rows-codec.js';
import { ScanGate } from './scan-gate.js';
import { searchTable } from './search.js';
import { snapshotFrames, worthSnapshot } from './snapshot.js';
import { RecordTable } from './table.js';
import type { IndexSpec, QueryMatch, QueryRequest } from './types.js';
import { fsyncDir, sealFrame, WriteAheadLog } from './wal.js';

export interface NamespaceOptions {
  graph: GraphOptions;
  builds: BuildQueue;
  /** The log is compacted once it exceeds this and twice the live records' bytes. */
  compactMinBytes: number;
  /** Closing rewrites the log as a snapshot when the tail after the last one exceeds this. */
  snapshotMinBytes: number;
  /** Settles when an earlier state of this namespace has finished closing (its last snapshot). */
  ready?: Promise<void>;
  /** Awaited before the first write creates the namespace on disk (the catalog records it). */
  creating(name: string): Promise<void>;
  /** After writes settle: the record count and the log size it corresponds to. */
  changed(name: string, count: number, logBytes: number): void;
}

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
  private readonly slots: Slots = { next: 0 };
  private loaded = false;
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
      await this.options.ready?.catch(() => undefined);
      // A snapshot interrupted by a crash leaves its temp file; the log itself is intact.
      await unlink(`${this.logPath}.tmp`).catch(() => undefined);
      const { bytes, snapshotBytes, nextSlot } = await loadLog(this.logPath, this.table, (entry) =>
        this.apply(entry),
      );
      this.slots.next = Math.max(this.slots.next, nextSlot);
      if (bytes > 0) this.creation = Promise.resolve();
      this.wal = new WriteAheadLog(this.logPath, bytes);
      this.wal.snapshotBytes = snapshotBytes;
      await this.graph.load(this.table);
      this.table.onSlot = this.graph;
      this.graph.onBuilt = () => this.graph.maybeBuild(this.table, this.slots.next);
      this.graph.maybeBuild(this.table, this.slots.next);
      this.loaded = true;
    })();
    return this.loading;
  }

  query(request: QueryRequest): Promise<QueryMatch[]> {
    return this.gate.read(() => searchTable(this.table, this.graph, this.spec.metric, request));
  }

  /** Logs `entry`, waits until it is durable, applies it in log order and returns its result. */
  async write(entry: LogEntry): Promise<number> {
    const d = this.spec.dimension;
    // A put is encoded at once: what is logged and applied are the values as they were passed.
    const put = entry.t === 'put' ? encodeEntry(entry, d) : undefined;
    await this.load();
    this.creation ??= this.create();
    await this.creation;
    // No await between this check and the append: compaction must not run under a pending write.
    while (this.compacting) await this.compacting;
    let frame: Buffer;
    if (entry.t === 'put') {
      const { frame: putFrame, slotsOffset, values } = put!;
      entry.r.forEach((record, i) => {
        record.slot = this.slots.next++;
        record.values = values!.subarray(i * d, (i + 1) * d);
      });
      writeSlots(
        putFrame,
        slotsOffset!,
        entry.r.map((r) => r.slot),
      );
      frame = putFrame;
    } else {
      if (entry.t === 'upd') entry.slot = entry.u.values ? this.slots.next++ : -1;
      frame = encodeEntry(entry, d).frame;
    }
    this.inFlight++;
    const durable = this.wal!.appendFrame(sealFrame(frame));
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
    this.graph.maybeBuild(this.table, this.slots.next);
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

  /** Rewrites the log as a snapshot of the live records; writes wait, reads go on. */
  private async compact(wal: WriteAheadLog): Promise<void> {
    await this.applied;
    await wal.rewrite(snapshotFrames(this.table));
    if (!this.closed) this.options.changed(this.name, this.table.size, wal.bytes);
  }

  private apply(entry: LogEntry): number {
    return applyEntry(this.table, this.graph, this.slots, entry);
  }

  /** Ids of records matching the filter (through the metadata index when it narrows them). */
  idsMatching(filter: Filter): string[] {
    return idsMatching(this.table, filter);
  }

  matchingRows(filter: Filter): number[] {
    return matchingRows(this.table, filter);
  }

  /**
   * Waits for in-flight writes and closes the log; the state must not be used afterwards. With
   * `snapshot` (eviction, shutdown) a long log tail is first rewritten as a snapshot, so the next
   * load is a bulk read; the catalog then learns the new log size.
   */
  async close(snapshot = false): Promise<void> {
    this.closed = true;
    this.graph.closed = true;
    await this.compacting?.catch(() => undefined);
    await this.applied;
    const wal = this.wal;
    if (
      snapshot &&
      this.loaded &&
      wal &&
      worthSnapshot(wal.bytes, wal.snapshotBytes, this.options.snapshotMinBytes)
    ) {
      try {
        await wal.rewrite(snapshotFrames(this.table));
        this.options.changed(this.name, this.table.size, wal.bytes);
      } catch (error) {
        console.warn(`engine: snapshot of ${this.dir} failed: ${error}`);
      }
    }
    await wal?.close();
  }
}
