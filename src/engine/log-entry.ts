/**
 * The operations a namespace logs, and their binary encoding. A put carries each record's slot: the
 * stable key the HNSW graph knows it by (a new slot whenever its values change), so a graph saved
 * with the namespace still maps to the right records after a restart or a compaction.
 *
 * put payload: u8 1, u32 count, then per record: f64 slot, u16 id bytes, id (UTF-8), u8 flags
 * (1 values, 2 sparse, 4 metadata), [dimension × f32], [u32 nnz, nnz × u32, nnz × f32],
 * [u32 bytes, metadata JSON]. Every other operation is u8 type + JSON (they are rare and small).
 * A payload starting with "{" is a whole-JSON entry from the first engine's logs.
 */
import type { Metadata, SparseValues, UpdateRequest } from './types.js';

export interface StoredRecord {
  id: string;
  slot: number;
  values?: Float32Array;
  sparseValues?: SparseValues;
  metadata?: Metadata;
}

export type LogEntry =
  | { t: 'put'; r: StoredRecord[] }
  | { t: 'upd'; id: string; u: UpdateRequest; slot: number }
  | { t: 'updf'; f: Record<string, unknown>; m: Metadata }
  | { t: 'del'; ids: string[] }
  | { t: 'delf'; f: Record<string, unknown> }
  | { t: 'clear' };

const TYPES = ['put', 'upd', 'updf', 'del', 'delf', 'clear'] as const;
const HAS_VALUES = 1;
const HAS_SPARSE = 2;
const HAS_METADATA = 4;

export function encodeEntry(entry: LogEntry, dimension: number): Buffer {
  if (entry.t !== 'put') {
    const json = Buffer.from(JSON.stringify(entry), 'utf8');
    const out = Buffer.allocUnsafe(1 + json.length);
    out[0] = TYPES.indexOf(entry.t) + 1;
    json.copy(out, 1);
    return out;
  }
  const ids = entry.r.map((r) => Buffer.from(r.id, 'utf8'));
  const metas = entry.r.map((r) =>
    r.metadata ? Buffer.from(JSON.stringify(r.metadata), 'utf8') : undefined,
  );
  let size = 5;
  entry.r.forEach((r, i) => {
    size += 11 + ids[i]!.length;
    if (r.values) size += 4 * dimension;
    if (r.sparseValues) size += 4 + 8 * r.sparseValues.indices.length;
    if (metas[i]) size += 4 + metas[i]!.length;
  });
  const out = Buffer.allocUnsafe(size);
  out[0] = 1;
  out.writeUInt32LE(entry.r.length, 1);
  let o = 5;
  entry.r.forEach((r, i) => {
    o = out.writeDoubleLE(r.slot, o);
    o = out.writeUInt16LE(ids[i]!.length, o);
    o += ids[i]!.copy(out, o);
    out[o++] =
      (r.values ? HAS_VALUES : 0) | (r.sparseValues ? HAS_SPARSE : 0) | (metas[i] ? HAS_METADATA : 0);
    if (r.values) {
      o += Buffer.from(r.values.buffer, r.values.byteOffset, 4 * dimension).copy(out, o);
    }
    if (r.sparseValues) {
      const { indices, values } = r.sparseValues;
      o = out.writeUInt32LE(indices.length, o);
      for (const index of indices) o = out.writeUInt32LE(index, o);
      for (const value of values) o = out.writeFloatLE(value, o);
    }
    if (metas[i]) {
      o = out.writeUInt32LE(metas[i]!.length, o);
      o += metas[i]!.copy(out, o);
    }
  });
  return out;
}

export function decodeEntry(payload: Buffer, dimension: number): LogEntry {
  const type = payload[0]!;
  if (type === 0x7b) return legacyEntry(JSON.parse(payload.toString('utf8')), dimension);
  if (type !== 1) return JSON.parse(payload.toString('utf8', 1)) as LogEntry;
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
