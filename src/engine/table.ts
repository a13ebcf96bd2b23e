/**
 * In-memory records of one namespace: dense values in Float32Array segments (raw float32, as
 * stored), per-row float64 inverse norms for cosine, optional sparse values and metadata, and the
 * metadata index. Rows are dense (a delete moves the last row into the hole), so a scan never skips
 * tombstones. Each record also has a slot, its stable key in the HNSW graph; `onSlot` tells the
 * graph when a slot appears or disappears.
 */
import { recordSize } from './limits.js';
import type { StoredRecord } from './log-entry.js';
import { MetadataIndex } from './metadata-index.js';
import type { DecodedRows } from './rows-codec.js';
import { Segments } from './segments.js';
import { toShortestFloats } from './shortest-floats.js';
import type { EngineRecord, Metadata, SparseValues } from './types.js';

/** 1 / ‖values‖ in float64 over the float32 values (0 for a zero vector). */
export function inverseNorm(values: Float32Array): number {
  // One accumulator, in order: scores must not change with how a record was loaded.
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return sum > 0 ? 1 / Math.sqrt(sum) : 0;
}

export interface SlotListener {
  added(slot: number): void;
  removed(slot: number): void;
}

/** Estimated heap bytes per row besides its vector (id string, maps, arrays). */
const ROW_OVERHEAD = 120;

export class RecordTable {
  readonly matrix: Segments;
  readonly index = new MetadataIndex();
  private ids: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private slots: number[] = [];
  private readonly rowOfSlot = new Map<number, number>();
  private norms = new Float64Array(16);
  private sparse: (SparseValues | undefined)[] = [];
  private metadata: (Metadata | undefined)[] = [];
  private bytes = 0;
  private extraBytes = 0;
  onSlot: SlotListener | undefined;

  constructor(readonly dimension: number) {
    this.matrix = new Segments(dimension);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Bytes of records as Pinecone counts them. */
  get sizeBytes(): number {
    return this.bytes;
  }

  /** Estimated resident bytes (for the memory budget). */
  get memoryBytes(): number {
    return this.matrix.capacityBytes + this.norms.byteLength + this.extraBytes + ROW_OVERHEAD * this.size;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  rowOfId(id: string): number | undefined {
    return this.rowOf.get(id);
  }

  rowForSlot(slot: number): number | undefined {
    return this.rowOfSlot.get(slot);
  }

  slotOf(row: number): number {
    return this.slots[row]!;
  }

  idOf(row: number): string {
    return this.ids[row]!;
  }

  invNorm(row: number): number {
    return this.norms[row]!;
  }

  sparseOf(row: number): SparseValues | undefined {
    return this.sparse[row];
  }

  metadataOf(row: number): Metadata | undefined {
    return this.metadata[row];
  }

  put(record: StoredRecord): void {
    let row = this.rowOf.get(record.id);
    let newSlot = true;
    if (row === undefined) {
      row = this.matrix.append();
      this.ids.push(record.id);
      this.rowOf.set(record.id, row);
      this.slots.push(record.slot);
      this.growNorms(row + 1);
    } else {
      this.forget(row);
      const old = this.slots[row]!;
      newSlot = old !== record.slot;
      if (newSlot) {
        this.rowOfSlot.delete(old);
        this.onSlot?.removed(old);
      }
      this.slots[row] = record.slot;
    }
    this.rowOfSlot.set(record.slot, row);
    this.setValues(row, record.values);
    this.sparse[row] = record.sparseValues;
    this.metadata[row] = record.metadata;
    this.index.add(row, record.metadata);
    this.remember(row);
    if (newSlot) this.onSlot?.added(record.slot);
  }

  /**
   * Adds a snapshot block's rows (rows-codec.ts) whose values are already in matrix rows from
   * `first` on (Segments.reserveRows): its stored norms and byte totals, no per-row work but maps.
   * The caller checked that none of its ids is here yet (`hasAny`).
   */
  addBlockRows(block: Omit<DecodedRows, 'values'>, first: number): void {
    const { ids, slots, metadata, sparse } = block;
    this.growNorms(first + ids.length);
    this.norms.set(block.norms!, first);
    for (let i = 0; i < ids.length; i++) {
      const row = first + i;
      const meta = metadata?.[i] ?? undefined;
      this.ids.push(ids[i]!);
      this.rowOf.set(ids[i]!, row);
      this.slots.push(slots[i]!);
      this.rowOfSlot.set(slots[i]!, row);
      this.sparse.push(sparse?.[i] ?? undefined);
      this.metadata.push(meta);
      this.index.add(row, meta);
      this.onSlot?.added(slots[i]!);
    }
    this.bytes += block.bytes;
    this.extraBytes += block.extraBytes;
  }

  hasAny(ids: string[]): boolean {
    return ids.some((id) => this.rowOf.has(id));
  }

  /** Inverse norms of `count` rows from `first` (a view: for snapshots). */
  normsOf(first: number, count: number): Float64Array {
    return this.norms.subarray(first, first + count);
  }

  /** The record as stored (values as a view into the table: copy before the next write). */
  stored(row: number): StoredRecord {
    const record: StoredRecord = { id: this.ids[row]!, slot: this.slots[row]!, values: this.matrix.row(row) };
    if (this.sparse[row]) record.sparseValues = this.sparse[row];
    if (this.metadata[row]) record.metadata = this.metadata[row];
    return record;
  }

  /** The record in API form: values as the shortest decimals of their float32s (or the float32s). */
  record(row: number, values: false | 'numbers' | 'float32', withMetadata: boolean): EngineRecord {
    const record: EngineRecord = { id: this.ids[row]! };
    if (values) {
      if (values === 'float32') record.float32Values = this.matrix.row(row).slice();
      else record.values = toShortestFloats(this.matrix.row(row));
      const sparse = this.sparse[row];
      if (sparse) record.sparseValues = sparse;
    }
    const metadata = this.metadata[row];
    if (withMetadata && metadata) record.metadata = metadata;
    return record;
  }

  delete(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.forget(row);
    const slot = this.slots[row]!;
    this.rowOfSlot.delete(slot);
    this.onSlot?.removed(slot);
    const last = this.ids.length - 1;
    if (row !== last) {
      this.index.remove(last, this.metadata[last]);
      const lastId = this.ids[last]!;
      this.ids[row] = lastId;
      this.rowOf.set(lastId, row);
      this.slots[row] = this.slots[last]!;
      this.rowOfSlot.set(this.slots[row]!, row);
      this.matrix.move(last, row);
      this.norms[row] = this.norms[last]!;
      this.sparse[row] = this.sparse[last];
      this.metadata[row] = this.metadata[last];
      this.index.add(row, this.metadata[row]);
    }
    this.ids.pop();
    this.slots.pop();
    this.sparse.pop();
    this.metadata.pop();
    this.matrix.pop();
    this.rowOf.delete(id);
    return true;
  }

  clear(): void {
    for (const slot of this.slots) this.onSlot?.removed(slot);
    this.ids = [];
    this.slots = [];
    this.rowOf.clear();
    this.rowOfSlot.clear();
    this.sparse = [];
    this.metadata = [];
    this.matrix.clear();
    this.index.clear();
    this.norms = new Float64Array(16);
    this.bytes = 0;
    this.extraBytes = 0;
  }

  allIds(): string[] {
    return [...this.ids];
  }

  /** Copies the values in (one typed-array copy; numbers are rounded to float32) and sets the norm. */
  private setValues(row: number, values: ArrayLike<number> | undefined): void {
    const d = this.dimension;
    const target = this.matrix.row(row);
    if (!values) target.fill(0);
    else if (values.length === d) target.set(values);
    else for (let i = 0; i < d; i++) target[i] = values[i] ?? 0;
    this.norms[row] = inverseNorm(target);
  }

  /** Pinecone's size of a record, and its heap bytes besides the vector. */
  recordBytes(row: number): [number, number] {
    const size = recordSize(this.ids[row]!, this.dimension, this.metadata[row], this.sparse[row]);
    // Ids, metadata and sparse values live on the heap as UTF-16 strings and objects: about twice.
    return [size, 2 * (size - 4 * this.dimension)];
  }

  private remember(row: number): void {
    const [size, extra] = this.recordBytes(row);
    this.bytes += size;
    this.extraBytes += extra;
  }

  private forget(row: number): void {
    const [size, extra] = this.recordBytes(row);
    this.bytes -= size;
    this.extraBytes -= extra;
    this.index.remove(row, this.metadata[row]);
  }

  private growNorms(rows: number): void {
    if (rows <= this.norms.length) return;
    const norms = new Float64Array(Math.max(rows, Math.ceil(this.norms.length * 1.5)));
    norms.set(this.norms);
    this.norms = norms;
  }
}
