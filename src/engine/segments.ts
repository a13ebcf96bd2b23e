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
