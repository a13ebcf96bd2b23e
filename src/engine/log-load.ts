/**
 * Loading a namespace's log into its table. Snapshot blocks (rows-codec.ts, type 9) are read
 * straight into the table's segments (their values never pass through another buffer), their crc
 * computed over the segments; every other frame is decoded and applied. Reading stops at the first
 * short or corrupt frame, which is cut off the file: a torn tail can only be a write that was never
 * acknowledged (and a snapshot is only ever renamed into place whole).
 */
import { truncate } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { putRows } from './apply.js';
import { decodeEntry, type LogEntry } from './log-entry.js';
import { LogReader } from './log-reader.js';
import { BLOCK, decodeRowsHead, ROWS_FIXED, valuesOffsetOf } from './rows-codec.js';
import { slicer } from './simd-scan.js';
import type { RecordTable } from './table.js';

export interface LoadedLog {
  /** Size of the intact log. */
  bytes: number;
  /** Bytes of snapshot blocks at its start. */
  snapshotBytes: number;
  /** The highest slot of a block's records, plus one. */
  nextSlot: number;
}

export async function loadLog(
  path: string,
  table: RecordTable,
  apply: (entry: LogEntry) => void,
): Promise<LoadedLog> {
  const reader = await LogReader.open(path);
  const loaded = { bytes: 0, snapshotBytes: 0, nextSlot: 0 };
  if (!reader) return loaded;
  const maybeYield = slicer();
  let leading = true;
  try {
    for (;;) {
      await maybeYield();
      const header = await reader.read(8);
      if (!header) break;
      const length = header.readUInt32LE(0);
      const crc = header.readUInt32LE(4);
      if (length === 0) break;
      const fixed = await reader.read(Math.min(length, ROWS_FIXED));
      if (!fixed) break;
      if (fixed[0] === BLOCK && length >= ROWS_FIXED) {
        if (!(await loadBlock(reader, Buffer.from(fixed), length, crc, table, loaded))) break;
        if (leading) loaded.snapshotBytes = reader.offset;
      } else {
        leading = false;
        const first = Buffer.from(fixed);
        const rest = length > first.length ? await reader.read(length - first.length) : Buffer.alloc(0);
        if (!rest) break;
        const payload = rest.length > 0 ? Buffer.concat([first, rest]) : first;
        if (crc32(payload) !== crc) break;
        apply(decodeEntry(payload, table.dimension));
      }
      loaded.bytes = reader.offset;
    }
  } finally {
    await reader.close();
  }
  if (loaded.bytes < reader.size) await truncate(path, loaded.bytes);
  return loaded;
}

/** Reads one block into the table; false (table unchanged) if it is short or corrupt. */
async function loadBlock(
  reader: LogReader,
  fixed: Buffer,
  length: number,
  crc: number,
  table: RecordTable,
  loaded: LoadedLog,
): Promise<boolean> {
  const valuesOffset = valuesOffsetOf(fixed);
  if (valuesOffset > length) return false;
  const rest = await reader.read(valuesOffset - fixed.length);
  if (!rest) return false;
  const head = Buffer.concat([fixed, rest]);
  let check = crc32(head);
  let rows: ReturnType<typeof decodeRowsHead>;
  try {
    rows = decodeRowsHead(head);
  } catch {
    return false;
  }
  const count = rows.ids.length;
  if (length - valuesOffset !== 4 * count * table.dimension) return false;
  const direct = !table.hasAny(rows.ids);
  const reserved = direct ? table.matrix.reserveRows(count) : undefined;
  const scratch = reserved ? undefined : new Float32Array(count * table.dimension);
  const targets = reserved ? reserved.bytes : [new Uint8Array(scratch!.buffer)];
  const ok = await reader.readInto(targets);
  if (ok) for (const target of targets) check = crc32(target, check);
  if (!ok || check !== crc) {
    if (reserved) table.matrix.truncate(reserved.first);
    return false;
  }
  for (const slot of rows.slots) loaded.nextSlot = Math.max(loaded.nextSlot, slot + 1);
  if (reserved) {
    table.addBlockRows(rows, reserved.first);
    return true;
  }
  putRows(table, rows, scratch!);
  return true;
}
