/**
 * Selects the k best rows by score with a bounded binary heap (O(n log k)). Ties keep the lower
 * row first, so equal scores come back in insertion order.
 */
export interface Scored {
  row: number;
  score: number;
}

export class TopK {
  private readonly heap: Scored[] = [];
  /** `worse(a, b)`: a ranks after b. The heap root is the worst entry kept so far. */
  private readonly worse: (a: Scored, b: Scored) => boolean;

  constructor(
    readonly k: number,
    ascending: boolean,
  ) {
    this.worse = ascending
      ? (a, b) => a.score > b.score || (a.score === b.score && a.row > b.row)
      : (a, b) => a.score < b.score || (a.score === b.score && a.row > b.row);
  }

  push(row: number, score: number): void {
    const heap = this.heap;
    const entry = { row, score };
    if (heap.length < this.k) {
      heap.push(entry);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (this.k > 0 && this.worse(heap[0]!, entry)) {
      heap[0] = entry;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < heap.length && this.worse(heap[l]!, heap[w]!)) w = l;
        if (r < heap.length && this.worse(heap[r]!, heap[w]!)) w = r;
        if (w === i) return;
        [heap[i], heap[w]] = [heap[w]!, heap[i]!];
        i = w;
      }
    }
  }

  /** Best first. */
  result(): Scored[] {
    return [...this.heap].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }
}
