/**
 * Snapshots of a namespace: its live records as one block frame per segment (rows-codec.ts, type
 * 9), written by compaction and when a namespace is evicted or closed with a long log tail. A
 * block's values are the segment's own bytes (written with writev, not copied), its ids, metadata
 * and sparse values one JSON document, its slots and norms binary, so loading it back is a bulk
 * copy (log-load.ts reads the values straight into the segments) rather than record-by-record replay.
 *
 * The caller guarantees the table does not change while the frames are written (writes wait for
 * compaction; a closing namespace takes none).
 */
import { BLOCK, layoutRows } from './rows-codec.js';
import { pause } from './simd-scan.js';
import type { RecordTable } from './table.js';
import { FRAME_HEADER, sealSplitFrame } from './wal.js';

export async function* snapshotFrames(table: RecordTable): AsyncGenerator<Buffer[]> {
  const d = table.dimension;
  for (const { view, firstRow } of table.matrix.views()) {
    const count = view.length / d;
    const ids: string[] = new Array(count);
    const metadata = new Array(count);
    const sparse = new Array(count);
    let bytes = 0;
    let extra = 0;
    for (let i = 0; i < count; i++) {
      const row = firstRow + i;
      ids[i] = table.idOf(row);
      metadata[i] = table.metadataOf(row) ?? null;
      sparse[i] = table.sparseOf(row) ?? null;
      const [size, heap] = table.recordBytes(row);
      bytes += size;
      extra += heap;
    }
    const { head, slotsOffset, normsOffset } = layoutRows(BLOCK, { ids, metadata, sparse }, 0);
    head.writeDoubleLE(bytes, FRAME_HEADER + 16);
    head.writeDoubleLE(extra, FRAME_HEADER + 24);
    for (let i = 0; i < count; i++) head.writeDoubleLE(table.slotOf(firstRow + i), slotsOffset + 8 * i);
    const norms = table.normsOf(firstRow, count);
    Buffer.from(norms.buffer, norms.byteOffset, norms.byteLength).copy(head, normsOffset);
    const values = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
    yield [sealSplitFrame(head, values), values];
    await pause();
  }
}

/** Whether a namespace being closed should first rewrite its log as a snapshot. */
export function worthSnapshot(logBytes: number, snapshotBytes: number, minBytes: number): boolean {
  // A tail at least a quarter of the snapshot: each rewrite is paid for by as many new bytes.
  return logBytes - snapshotBytes > Math.max(minBytes, snapshotBytes / 4);
}
