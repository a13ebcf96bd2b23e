/**
 * Columnar binary encoding of many records at once, used by two log payloads:
 * - put (type 8): a batch of upserts as the write path logs it;
 * - block (type 9): one segment's worth of a snapshot (compaction or eviction), which also carries
 *   each row's inverse norm and the block's byte totals, so loading it is a bulk copy.
 *
 * Layout (little-endian): u8 type, 3 × u8 0, u32 count, u32 JSON bytes, u32 0, [block: f64 size
 * bytes, f64 extra bytes], f64[count] slots, [block: f64[count] inverse norms], JSON
 * {"i": ids, "m"?: metadata|null per row, "s"?: sparse|null per row}, zero padding to 4 bytes, then
 * f32[count × dimension] values (a record without values has zeros, as the table stores it).
 * Encoders leave FRAME_HEADER bytes in front of the payload for the log frame header, and allocate
 * unpooled buffers, so the values start 4-byte aligned and are written and read as one Float32Array.
 */
import type { Metadata, SparseValues } from './types.js';
import { FRAME_HEADER } from './wal.js';

export const PUT = 8;
export const BLOCK = 9;
const FIXED = 16;

export interface RowsHead {
  ids: string[];
  metadata?: (Metadata | null)[];
  sparse?: (SparseValues | null)[];
}

export interface DecodedRows extends RowsHead {
  type: number;
  slots: Float64Array;
  norms?: Float64Array;
  bytes: number;
  extraBytes: number;
  /** count × dimension values: a view into the payload when aligned, else a copy. */
  values: Float32Array;
}

export interface RowsLayout {
  /** The frame: FRAME_HEADER bytes, then the payload up to (not including) the values. */
  head: Buffer;
  slotsOffset: number;
  normsOffset: number;
}

function headJson(head: RowsHead): Buffer {
  const json: { i: string[]; m?: unknown; s?: unknown } = { i: head.ids };
  if (head.metadata?.some((m) => m)) json.m = head.metadata;
  if (head.sparse?.some((s) => s)) json.s = head.sparse;
  return Buffer.from(JSON.stringify(json), 'utf8');
}

/**
 * Lays out a payload's head; with `valueBytes` the values are reserved in the same buffer (put),
 * otherwise the caller sends them as a separate buffer right after (block: no copy of the table).
 */
export function layoutRows(type: number, head: RowsHead, valueBytes: number): RowsLayout {
  const count = head.ids.length;
  const json = headJson(head);
  const block = type === BLOCK;
  const slotsOffset = FIXED + (block ? 16 : 0);
  const normsOffset = slotsOffset + 8 * count;
  const jsonOffset = normsOffset + (block ? 8 * count : 0);
  const valuesOffset = (jsonOffset + json.length + 3) & ~3;
  const buffer = Buffer.allocUnsafeSlow(FRAME_HEADER + valuesOffset + valueBytes);
  const p = buffer.subarray(FRAME_HEADER);
  p.fill(0, 0, FIXED);
  p[0] = type;
  p.writeUInt32LE(count, 4);
  p.writeUInt32LE(json.length, 8);
  json.copy(p, jsonOffset);
  p.fill(0, jsonOffset + json.length, valuesOffset);
  return { head: buffer, slotsOffset: FRAME_HEADER + slotsOffset, normsOffset: FRAME_HEADER + normsOffset };
}

/** A put frame (header not yet sealed) and its values as a Float32Array over the frame. */
export function encodePut(
  records: { id: string; values?: ArrayLike<number>; sparseValues?: SparseValues; metadata?: Metadata }[],
  dimension: number,
): { frame: Buffer; values: Float32Array; slotsOffset: number } {
  const head: RowsHead = {
    ids: records.map((r) => r.id),
    metadata: records.map((r) => r.metadata ?? null),
    sparse: records.map((r) => r.sparseValues ?? null),
  };
  const n = records.length * dimension;
  const { head: frame, slotsOffset } = layoutRows(PUT, head, 4 * n);
  const values = new Float32Array(frame.buffer, frame.byteOffset + frame.length - 4 * n, n);
  for (let i = 0; i < records.length; i++) {
    const v = records[i]!.values;
    const row = values.subarray(i * dimension, (i + 1) * dimension);
    if (!v) row.fill(0);
    else if (v.length === dimension) row.set(v);
    else for (let j = 0; j < dimension; j++) row[j] = v[j] ?? 0;
  }
  return { frame, values, slotsOffset };
}

export function writeSlots(frame: Buffer, slotsOffset: number, slots: ArrayLike<number>): void {
  for (let i = 0; i < slots.length; i++) frame.writeDoubleLE(slots[i]!, slotsOffset + 8 * i);
}

/** Bytes of the fixed part every rows payload starts with. */
export const ROWS_FIXED = FIXED;

/** Where the values start in a rows payload, from its first ROWS_FIXED bytes. */
export function valuesOffsetOf(fixed: Buffer): number {
  const count = fixed.readUInt32LE(4);
  const block = fixed[0] === BLOCK;
  return (FIXED + (block ? 16 : 0) + (block ? 16 : 8) * count + fixed.readUInt32LE(8) + 3) & ~3;
}

/** Decodes a rows payload's head (`head` holds at least its bytes up to the values). */
export function decodeRowsHead(head: Buffer): Omit<DecodedRows, 'values'> {
  const type = head[0]!;
  const count = head.readUInt32LE(4);
  const jsonBytes = head.readUInt32LE(8);
  const block = type === BLOCK;
  const slotsOffset = FIXED + (block ? 16 : 0);
  const normsOffset = slotsOffset + 8 * count;
  const jsonOffset = normsOffset + (block ? 8 * count : 0);
  const json = JSON.parse(head.toString('utf8', jsonOffset, jsonOffset + jsonBytes)) as {
    i: string[];
    m?: (Metadata | null)[];
    s?: (SparseValues | null)[];
  };
  if (json.i.length !== count) throw new Error('rows payload: count mismatch');
  return {
    type,
    ids: json.i,
    metadata: json.m,
    sparse: json.s,
    slots: float64s(head, slotsOffset, count),
    norms: block ? float64s(head, normsOffset, count) : undefined,
    bytes: block ? head.readDoubleLE(FIXED) : 0,
    extraBytes: block ? head.readDoubleLE(FIXED + 8) : 0,
  };
}

/** Decodes a put or block payload (`payload` starts at the type byte). */
export function decodeRows(payload: Buffer, dimension: number): DecodedRows {
  const head = decodeRowsHead(payload);
  const valuesOffset = valuesOffsetOf(payload);
  const n = head.ids.length * dimension;
  if (payload.length < valuesOffset + 4 * n) throw new Error('rows payload too short');
  const start = payload.byteOffset + valuesOffset;
  const values =
    start % 4 === 0
      ? new Float32Array(payload.buffer, start, n)
      : new Float32Array(Uint8Array.prototype.slice.call(payload, valuesOffset, valuesOffset + 4 * n).buffer);
  return { ...head, values };
}

function float64s(payload: Buffer, offset: number, count: number): Float64Array {
  const out = new Float64Array(count);
  new Uint8Array(out.buffer).set(payload.subarray(offset, offset + 8 * count));
  return out;
}
