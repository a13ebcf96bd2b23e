/**
 * The operations a namespace logs, and their binary encoding. A put carries each record's slot: the
 * stable key the HNSW graph knows it by (a new slot whenever its values change), so a graph saved
 * with the namespace still maps to the right records after a restart or a compaction.
 *
 * Puts are columnar (rows-codec.ts: type 8; snapshot blocks are type 9). Every other operation is
 * u8 type + JSON, padded with spaces so every frame is a multiple of 4 bytes and the values of the
 * puts after it stay 4-byte aligned in a log read whole. Still read: the first binary put (type 1:
 * u8 1, u32 count, then per record f64 slot, u16 id bytes, id, u8 flags (1 values, 2 sparse,
 * 4 metadata), [dimension × f32], [u32 nnz, nnz × u32, nnz × f32], [u32 bytes, metadata JSON]) and
 * whole-JSON entries from the first engine's logs (a payload starting with "{").
 */
import { BLOCK, type DecodedRows, decodeRows, encodePut, PUT } from './rows-codec.js';
import type { Metadata, SparseValues, UpdateRequest } from './types.js';
import { FRAME_HEADER } from './wal.js';

export interface StoredRecord {
  id: string;
  slot: number;
  /** Float32 values, or the API's numbers (converted when copied into the table or the log). */
  values?: ArrayLike<number>;
  sparseValues?: SparseValues;
  metadata?: Metadata;
}

export type LogEntry =
  | { t: 'put'; r: StoredRecord[] }
  | { t: 'upd'; id: string; u: UpdateRequest; slot: number }
  | { t: 'updf'; f: Record<string, unknown>; m: Metadata }
  | { t: 'del'; ids: string[] }
  | { t: 'delf'; f: Record<string, unknown> }
  | { t: 'clear' }
  /** A snapshot block (written by compaction, never by a request). */
  | { t: 'block'; rows: DecodedRows };

const TYPES = ['put', 'upd', 'updf', 'del', 'delf', 'clear'] as const;
const LEGACY_PUT = 1;
const HAS_VALUES = 1;
const HAS_SPARSE = 2;
const HAS_METADATA = 4;

export interface EncodedEntry {
  /** The frame, FRAME_HEADER bytes of header (unsealed) then the payload. */
  frame: Buffer;
  /** Puts: where the slots are (written once they are assigned) and the logged values. */
  slotsOffset?: number;
  values?: Float32Array;
}

export function encodeEntry(entry: LogEntry, dimension: number): EncodedEntry {
  if (entry.t === 'put') return encodePut(entry.r, dimension);
  if (entry.t === 'block') throw new Error('blocks are written by snapshots');
  const json = Buffer.from(JSON.stringify(entry), 'utf8');
  const length = (1 + json.length + 3) & ~3;
  const frame = Buffer.alloc(FRAME_HEADER + length, 0x20);
  frame[FRAME_HEADER] = TYPES.indexOf(entry.t) + 1;
  json.copy(frame, FRAME_HEADER + 1);
  return { frame };
}

export function decodeEntry(payload: Buffer, dimension: number): LogEntry {
  const type = payload[0]!;
  if (type === 0x7b) return legacyEntry(JSON.parse(payload.toString('utf8')), dimension);
  if (type === PUT) {
    const rows = decodeRows(payload, dimension);
    const r: StoredRecord[] = rows.ids.map((id, i) => {
      const record: StoredRecord = {
        id,
        slot: rows.slots[i]!,
        values: rows.values.subarray(i * dimension, (i + 1) * dimension),
      };
      const sparse = rows.sparse?.[i];
      const metadata = rows.metadata?.[i];
      if (sparse) record.sparseValues = sparse;
      if (metadata) record.metadata = metadata;
      return record;
    });
    return { t: 'put', r };
  }
  if (type === BLOCK) return { t: 'block', rows: decodeRows(payload, dimension) };
  if (type !== LEGACY_PUT) return JSON.parse(payload.toString('utf8', 1)) as LogEntry;
  return legacyPut(payload, dimension);
}

function legacyPut(payload: Buffer, dimension: number): LogEntry {
  const count = payload.readUInt32LE(1);
  const records: StoredRecord[] = new Array(count);
  let o = 5;
  for (let i = 0; i < count; i++) {
    const slot = payload.readDoubleLE(o);
    const idBytes = payload.readUInt16LE(o + 8);
    o += 10;
    const record: StoredRecord = { id: payload.toString('utf8', o, o + idBytes), slot };
    o += idBytes;
    const flags = payload[o++]!;
    if (flags & HAS_VALUES) {
      const values = new Float32Array(dimension);
      new Uint8Array(values.buffer).set(payload.subarray(o, o + 4 * dimension));
      record.values = values;
      o += 4 * dimension;
    }
    if (flags & HAS_SPARSE) {
      const nnz = payload.readUInt32LE(o);
      o += 4;
      const indices = new Array<number>(nnz);
      const values = new Array<number>(nnz);
      for (let j = 0; j < nnz; j++) indices[j] = payload.readUInt32LE(o + 4 * j);
      for (let j = 0; j < nnz; j++) values[j] = payload.readFloatLE(o + 4 * (nnz + j));
      record.sparseValues = { indices, values };
      o += 8 * nnz;
    }
    if (flags & HAS_METADATA) {
      const bytes = payload.readUInt32LE(o);
      record.metadata = JSON.parse(payload.toString('utf8', o + 4, o + 4 + bytes)) as Metadata;
      o += 4 + bytes;
    }
    records[i] = record;
  }
  return { t: 'put', r: records };
}

/** First-engine entries had no slots; -1 asks the namespace to assign fresh ones. */
function legacyEntry(raw: { t: string } & Record<string, unknown>, dimension: number): LogEntry {
  if (raw.t === 'put') {
    const records = raw.r as {
      id: string;
      values?: number[];
      sparseValues?: SparseValues;
      metadata?: Metadata;
    }[];
    return {
      t: 'put',
      r: records.map((r) => ({
        ...r,
        slot: -1,
        values: r.values ? Float32Array.from({ length: dimension }, (_, i) => r.values![i] ?? 0) : undefined,
      })),
    };
  }
  if (raw.t === 'upd') return { ...(raw as unknown as LogEntry & { t: 'upd' }), slot: -1 };
  return raw as unknown as LogEntry;
}
