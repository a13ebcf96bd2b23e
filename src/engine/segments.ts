/**
 * Dense vectors of one namespace in row-major Float32Array segments of at most SEGMENT_BYTES each.
 * Segments are separate buffers (usearch's exactSearch ignores a view's byteOffset, so each scan
 * unit must start at offset 0), growing by doubling up to the full size so a small namespace wastes
 * little and a large one never copies everything to grow. A scan can yield between segments.
 */
export const SEGMENT_BYTES = 8 * 1024 * 1024;
const FIRST_ROWS = 16;

export class Segments {
  readonly rowsPerSegment: number;
  private segments: Float32Array[] = [];
  size = 0;

  constructor(readonly dimension: number) {
    this.rowsPerSegment = Math.max(1, Math.floor(SEGMENT_BYTES / (4 * dimension)));
  }

  /** A view of one row (valid until the next write). */
  row(row: number): Float32Array {
    const d = this.dimension;
    const offset = (row % this.rowsPerSegment) * d;
    return this.segments[Math.floor(row / this.rowsPerSegment)]!.subarray(offset, offset + d);
  }

  /** The segment holding `row` and the row's element offset in it (for tight loops). */
  locate(row: number): [Float32Array, number] {
    return [
      this.segments[Math.floor(row / this.rowsPerSegment)]!,
      (row % this.rowsPerSegment) * this.dimension,
    ];
  }

  append(): number {
    const row = this.size++;
    const index = Math.floor(row / this.rowsPerSegment);
    const needed = (row % this.rowsPerSegment) + 1;
    const segment = this.segments[index];
    if (!segment || segment.length < needed * this.dimension) {
      const rows = Math.min(
        this.rowsPerSegment,
        Math.max(FIRST_ROWS, needed, 2 * ((segment?.length ?? 0) / this.dimension)),
      );
      const grown = new Float32Array(rows * this.dimension);
      if (segment) grown.set(segment);
      this.segments[index] = grown;
    }
    return row;
  }

  /**
   * Appends `count` rows and returns the first with the bytes of their storage, for the caller to
   * fill (a snapshot block is read straight into them). Segments are sized to what they hold (a
   * snapshot loads without slack; later appends grow by doubling).
   */
  reserveRows(count: number): { first: number; bytes: Uint8Array[] } {
    const first = this.size;
    const d = this.dimension;
    const bytes: Uint8Array[] = [];
    for (let done = 0; done < count; ) {
      const row = first + done;
      const index = Math.floor(row / this.rowsPerSegment);
      const offset = row % this.rowsPerSegment;
      const take = Math.min(count - done, this.rowsPerSegment - offset);
      let segment = this.segments[index];
      if (!segment || segment.length < (offset + take) * d) {
        // Uninitialised: every reserved row is filled by the caller or truncated away.
        const grown = new Float32Array(Buffer.allocUnsafeSlow(4 * (offset + take) * d).buffer);
        if (segment) grown.set(segment.subarray(0, offset * d));
        this.segments[index] = grown;
        segment = grown;
      }
      bytes.push(new Uint8Array(segment.buffer, segment.byteOffset + 4 * offset * d, 4 * take * d));
      done += take;
    }
    this.size = first + count;
    return { first, bytes };
  }

  /** Drops rows from `size` on (a reservation whose block turned out corrupt). */
  truncate(size: number): void {
    while (this.size > size) this.pop();
  }

  move(from: number, to: number): void {
    this.row(to).set(this.row(from));
  }

  pop(): void {
    this.size--;
    if (this.size % this.rowsPerSegment === 0) this.segments.length = this.size / this.rowsPerSegment;
  }

  clear(): void {
    this.segments = [];
    this.size = 0;
  }

  /** The filled part of each segment, each starting at byte offset 0, with its first row. */
  views(): { view: Float32Array; firstRow: number }[] {
    const out: { view: Float32Array; firstRow: number }[] = [];
    for (let i = 0; i * this.rowsPerSegment < this.size; i++) {
      const rows = Math.min(this.rowsPerSegment, this.size - i * this.rowsPerSegment);
      out.push({
        view: this.segments[i]!.subarray(0, rows * this.dimension),
        firstRow: i * this.rowsPerSegment,
      });
    }
    return out;
  }

  get capacityBytes(): number {
    let bytes = 0;
    for (const segment of this.segments) bytes += segment.byteLength;
    return bytes;
  }
}
