/**
 * Applies one logged operation to a namespace's in-memory table (on replay, and on the write path
 * once the operation is durable, strictly in log order). Slots: a put or value update carries the
 * slot it was logged with (-1 in the first engine's logs: a fresh one is assigned).
 */
import { type Filter, matches, parseFilter } from './filter.js';
import type { NamespaceGraph } from './hnsw.js';
import type { LogEntry } from './log-entry.js';
import type { DecodedRows } from './rows-codec.js';
import type { RecordTable } from './table.js';

export interface Slots {
  next: number;
}

/** Returns how many records the operation touched. */
export function applyEntry(table: RecordTable, graph: NamespaceGraph, slots: Slots, entry: LogEntry): number {
  switch (entry.t) {
    case 'block': {
      const rows = entry.rows;
      for (const slot of rows.slots) slots.next = Math.max(slots.next, slot + 1);
      if (!table.hasAny(rows.ids)) {
        const { first, bytes } = table.matrix.reserveRows(rows.ids.length);
        let offset = 0;
        const all = new Uint8Array(rows.values.buffer, rows.values.byteOffset, rows.values.byteLength);
        for (const target of bytes) {
          target.set(all.subarray(offset, offset + target.length));
          offset += target.length;
        }
        table.addBlockRows(rows, first);
        return rows.ids.length;
      }
      putRows(table, rows, rows.values);
      return rows.ids.length;
    }
    case 'put':
      for (const record of entry.r) {
        if (record.slot < 0) record.slot = slots.next++;
        else slots.next = Math.max(slots.next, record.slot + 1);
        table.put(record);
      }
      return entry.r.length;
    case 'upd': {
      const row = table.rowOfId(entry.id);
      if (row === undefined) return 0;
      const current = table.stored(row);
      const { values, sparseValues, setMetadata } = entry.u;
      let slot = current.slot;
      if (values) slot = entry.slot < 0 ? slots.next++ : entry.slot;
      slots.next = Math.max(slots.next, slot + 1);
      table.put({
        id: entry.id,
        slot,
        values: values ?? current.values,
        sparseValues: sparseValues ?? current.sparseValues,
        metadata: setMetadata ? { ...current.metadata, ...setMetadata } : current.metadata,
      });
      return 1;
    }
    case 'updf': {
      const ids = idsMatching(table, parseFilter(entry.f));
      for (const id of ids) {
        const current = table.stored(table.rowOfId(id)!);
        table.put({ ...current, metadata: { ...current.metadata, ...entry.m } });
      }
      return ids.length;
    }
    case 'del':
      return entry.ids.filter((id) => table.delete(id)).length;
    case 'delf': {
      const ids = idsMatching(table, parseFilter(entry.f));
      for (const id of ids) table.delete(id);
      return ids.length;
    }
    case 'clear': {
      const n = table.size;
      table.clear();
      graph.reset();
      return n;
    }
  }
}

/** Puts a block's records one by one (some of its ids are already in the table). */
export function putRows(table: RecordTable, rows: Omit<DecodedRows, 'values'>, values: Float32Array): void {
  const d = table.dimension;
  for (let i = 0; i < rows.ids.length; i++) {
    table.put({
      id: rows.ids[i]!,
      slot: rows.slots[i]!,
      values: values.subarray(i * d, (i + 1) * d),
      sparseValues: rows.sparse?.[i] ?? undefined,
      metadata: rows.metadata?.[i] ?? undefined,
    });
  }
}

/** Ids of records matching the filter (through the metadata index when it narrows them). */
export function idsMatching(table: RecordTable, filter: Filter): string[] {
  return matchingRows(table, filter).map((row) => table.idOf(row));
}

export function matchingRows(table: RecordTable, filter: Filter): number[] {
  const candidates = table.index.candidates(filter);
  if (candidates?.exact) return [...candidates.rows];
  const rows = candidates ? [...candidates.rows] : Array.from({ length: table.size }, (_, i) => i);
  return rows.filter((row) => matches(filter, table.metadataOf(row)));
}
