/**
 * Per-index catalog of namespaces, so listing namespaces and their record counts never loads a
 * namespace and start-up reads nothing: the catalog itself is read on first need.
 *
 * It is a set of checksummed logs `catalog-<time>-<seq>.log` in the index directory. Each process
 * appends to a log of its own, so nothing is ever appended after another run's torn tail. A frame
 * is a JSON list of changes: ["+", name, count, logBytes] (created or counted) and ["-", name].
 * Creations and removals are durable before the namespace changes on disk; counts are written
 * lazily, each with the size of the namespace's log it corresponds to, so a reader can tell a stale
 * count (log size differs) and recount that namespace. Loading merges the logs into one snapshot.
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFrames, WriteAheadLog, writeLogAtomically } from './wal.js';

export interface CatalogEntry {
  /** Record count, or -1 when unknown (recount). */
  count: number;
  /** Size of the namespace's log when `count` was true. */
  logBytes: number;
}

export type Change = ['+', string, number, number] | ['-', string];

const FLUSH_MS = 50;
let sequence = 0;

export const catalogFileName = (time: number, seq: number) =>
  `catalog-${String(time).padStart(15, '0')}-${String(seq).padStart(6, '0')}.log`;

export function encodeCatalog(changes: readonly Change[]): Buffer {
  return Buffer.from(JSON.stringify(changes), 'utf8');
}

export class Catalog {
  private entries: Map<string, CatalogEntry> | undefined;
  private loading: Promise<Map<string, CatalogEntry>> | undefined;
  /** This run's last change per name, kept until the catalog is loaded. */
  private early: Map<string, Change> | undefined = new Map();
  private sorted: string[] | undefined;
  private log: WriteAheadLog | undefined;
  private dirty = new Map<string, Change>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    /** Names found on disk, for an index written before catalogs existed. */
    private readonly scanNames: () => Promise<string[]>,
  ) {}

  async created(name: string): Promise<void> {
    const change: Change = ['+', name, 0, 0];
    this.apply(change);
    await this.append([change]);
  }

  changed(name: string, count: number, logBytes: number): void {
    const change: Change = ['+', name, count, logBytes];
    this.apply(change);
    this.dirty.set(name, change);
    this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS).unref();
  }

  async removed(name: string): Promise<void> {
    this.dirty.delete(name);
    const change: Change = ['-', name];
    this.apply(change);
    await this.append([change]);
  }

  async entry(name: string): Promise<CatalogEntry | undefined> {
    return (await this.load()).get(name);
  }

  /** Names in bitwise order after `after`, with the given prefix. */
  async page(options: { prefix?: string; limit: number; after?: string }) {
    const entries = await this.load();
    this.sorted ??= [...entries.keys()].sort();
    const sorted = this.sorted;
    const prefix = options.prefix ?? '';
    const after = options.after !== undefined && options.after >= prefix ? options.after : undefined;
    let i = lowerBound(sorted, after ?? prefix);
    if (after !== undefined && sorted[i] === after) i++;
    const names: string[] = [];
    for (; i < sorted.length && names.length < options.limit && sorted[i]!.startsWith(prefix); i++) {
      names.push(sorted[i]!);
    }
    return { names, more: i < sorted.length && sorted[i]!.startsWith(prefix) };
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0) return;
    const changes = [...this.dirty.values()];
    this.dirty.clear();
    await this.append(changes);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.log?.close();
  }

  private apply(change: Change): void {
    const name = change[1];
    if (!this.entries) {
      this.early!.delete(name);
      this.early!.set(name, change);
      return;
    }
    if (change[0] === '-') {
      if (this.entries.delete(name) && this.sorted) this.sorted.splice(lowerBound(this.sorted, name), 1);
      return;
    }
    if (!this.entries.has(name) && this.sorted) this.sorted.splice(lowerBound(this.sorted, name), 0, name);
    this.entries.set(name, entryOf(change));
  }

  private append(changes: Change[]): Promise<void> {
    this.log ??= new WriteAheadLog(join(this.dir, catalogFileName(Date.now(), sequence++)), 0);
    return this.log.append(encodeCatalog(changes));
  }

  private load(): Promise<Map<string, CatalogEntry>> {
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<Map<string, CatalogEntry>> {
    // Later changes go to a new log, named after the snapshot this load writes.
    const snapshotName = catalogFileName(Date.now(), sequence++);
    const own = this.log;
    this.log = undefined;
    await own?.close();
    const files = (await readdir(this.dir))
      .filter((f) => /^catalog-.*\.log$/.test(f) && f < snapshotName)
      .sort();
    const entries = new Map<string, CatalogEntry>();
    if (files.length === 0) {
      for (const name of await this.scanNames()) entries.set(name, { count: -1, logBytes: -1 });
    }
    for (const file of files) {
      for (const payload of decodeFrames(await readFile(join(this.dir, file))).payloads) {
        for (const change of JSON.parse(payload.toString('utf8')) as Change[]) {
          if (change[0] === '+') entries.set(change[1], entryOf(change));
          else entries.delete(change[1]);
        }
      }
    }
    for (const [name, change] of this.early!) {
      if (change[0] === '+') entries.set(name, entryOf(change));
      else entries.delete(name);
    }
    this.early = undefined;
    this.entries = entries;
    if (files.length !== 1) await this.snapshot(snapshotName, entries, files);
    return entries;
  }

  /** Replaces the logs read with one snapshot (sorting before any log written since). */
  private async snapshot(name: string, entries: Map<string, CatalogEntry>, files: string[]): Promise<void> {
    async function* frames() {
      let changes: Change[] = [];
      for (const [n, e] of entries) {
        changes.push(['+', n, e.count, e.logBytes]);
        if (changes.length === 10_000) {
          yield [encodeCatalog(changes)];
          changes = [];
        }
      }
      yield [encodeCatalog(changes)];
    }
    await writeLogAtomically(join(this.dir, name), frames());
    for (const file of files) await unlink(join(this.dir, file)).catch(() => {});
  }
}

const entryOf = (change: Change): CatalogEntry =>
  change[0] === '+' ? { count: change[2], logBytes: change[3] } : { count: -1, logBytes: -1 };

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
