/**
 * Write units as Pinecone bills them: 1 WU per KB, at least 5 per request. Here a "request" is one
 * write root field (one upsert / update / delete). An upsert is sized as Pinecone sizes records
 * (id + metadata + 4 bytes per dimension + 8 per sparse value: engine/limits.ts `recordSize`), an
 * update or delete as the JSON of its arguments. Each resolver charges it before writing
 * (usage/write-ledger.ts); the meter records the same figure.
 */
import { recordSize } from '../engine/limits.js';
import type { Metadata, SparseValues } from '../engine/types.js';

export const MIN_WRITE_UNITS = 5;

export function writeUnitsOfBytes(bytes: number): number {
  return Math.max(MIN_WRITE_UNITS, Math.ceil(bytes / 1024));
}

export function writeUnitsOf(args: unknown): number {
  return writeUnitsOfBytes(Buffer.byteLength(JSON.stringify(args) ?? ''));
}

/** Write units of an upsert of `records` into an index of `dimension`. */
export function upsertWriteUnits(
  records: readonly { id: string; metadata?: Metadata; sparseValues?: SparseValues }[],
  dimension: number,
): number {
  let bytes = 0;
  for (const r of records) bytes += recordSize(r.id, dimension, r.metadata, r.sparseValues);
  return writeUnitsOfBytes(bytes);
}
