/**
 * One namespace on disk: a directory holding `name` (the namespace's name) and `wal.log`.
 *
 * Writes are logged as operations (put, update, delete by id or filter, clear) and applied to the
 * in-memory table strictly in log order once durable, so concurrent requests share one fsync
 * (group commit) without a lock, and a read-modify-write such as `update` cannot lose an update.
 * The table is loaded on first use by replaying the log.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Filter, filterToJson, parseFilter } from './filter.js';
import { RecordTable } from './table.js';
import type { EngineRecord, IndexSpec, Metadata, UpdateRequest } from './types.js';
import { replayLog, WriteAheadLog } from './wal.js';

type LogEntry =
  | { t: 'put'; r: EngineRecord[] }
  | { t: 'upd'; id: string; u: UpdateRequest }
  | { t: 'updf'; f: Record<string, unknown>; m: Metadata }
  | { t: 'del'; ids: string[] }
  | { t: 'delf'; f: Record<string, unknown> }
  | { t: 'clear' };

const COMPACT_MIN_BYTES = 4 * 1024 * 1024;

export class NamespaceState {
  readonly table: RecordTable;
  private wal: WriteAheadLog | undefined;
  private loading: Promise<void> | undefined;
  private applied: Promise<unknown> = Promise.resolve();
  private compacting: Promise<void> | undefined;
  private created = false;
  closed = false;

  constructor(
    readonly name: string,
    readonly dir: string,
    spec: IndexSpec,
  ) {
    this.table = new RecordTable(spec.dimension, spec.metric);
  }

  private get logPath(): string {
    return join(this.dir, 'wal.log');
  }

  load(): Promise<void> {
    this.loading ??= (async () => {
      const { entries, bytes } = await replayLog(this.logPath);
      for (const entry of entries) this.apply(entry as LogEntry);
      this.created = bytes > 0;
      this.wal = new WriteAheadLog(this.logPath, bytes);
    })();
    return this.loading;
  }

  /** Logs `entry`, waits until it is durable, applies it in log order and returns its result. */
  async write(entry: LogEntry): Promise<number> {
    await this.load();
    while (this.compacting) await this.compacting;
    if (!this.created) {
      await mkdir(this.dir, { recursive: true });
      await writeFile(join(this.dir, 'name'), this.name);
      this.created = true;
    }
    const durable = this.wal!.append(entry);
    const result = this.applied.then(() => durable).then(() => this.apply(entry));
    this.applied = result.catch(() => undefined);
    const count = await result;
    this.maybeCompact();
    return count;
  }

  /** Applies one logged operation; returns how many records it touched. */
  private apply(entry: LogEntry): number {
    const table = this.table;
    switch (entry.t) {
      case 'put':
        for (const record of entry.r) table.put(record);
        return entry.r.length;
      case 'upd': {
        const current = table.get(entry.id);
        if (!current) return 0;
        table.put(merge(current, entry.u));
        return 1;
      }
      case 'updf': {
        const filter = parseFilter(entry.f);
        const ids = table.idsMatching(filter);
        for (const id of ids) table.put(merge(table.get(id)!, { setMetadata: entry.m }));
        return ids.length;
      }
      case 'del':
        return entry.ids.filter((id) => table.delete(id)).length;
      case 'delf': {
        const ids = table.idsMatching(parseFilter(entry.f));
        for (const id of ids) table.delete(id);
        return ids.length;
      }
      case 'clear': {
        const n = table.size;
        table.clear();
        return n;
      }
    }
  }

  static filterEntry(filter: Filter): Record<string, unknown> {
    return filterToJson(filter);
  }

  /** Rewrites the log as a snapshot once it has grown well past the live data. */
  private maybeCompact(): void {
    const wal = this.wal;
    if (!wal || this.compacting || this.closed) return;
    if (wal.bytes < Math.max(COMPACT_MIN_BYTES, 3 * this.table.sizeBytes)) return;
    this.compacting = (async () => {
      try {
        await this.applied;
        const records = this.table.records();
        const entries: LogEntry[] = [];
        for (let i = 0; i < records.length; i += 500)
          entries.push({ t: 'put', r: records.slice(i, i + 500) });
        await wal.rewrite(entries);
      } finally {
        this.compacting = undefined;
      }
    })();
    this.compacting.catch(() => undefined);
  }

  /** Waits for in-flight writes and closes the log; the state must not be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.compacting?.catch(() => undefined);
    await this.applied;
    await this.wal?.close();
  }
}

function merge(current: EngineRecord, update: UpdateRequest): EngineRecord {
  return {
    id: current.id,
    values: update.values ?? current.values,
    sparseValues: update.sparseValues ?? current.sparseValues,
    metadata: update.setMetadata ? { ...current.metadata, ...update.setMetadata } : current.metadata,
  };
}
