/**
 * Selects the k best rows by score with a bounded binary heap (O(n log k)). Ties keep the lower
 * row first, so equal scores come back in insertion order.
 */
export function topK(rows: number[], scores: Float64Array, k: number, ascending: boolean): number[] {
  // `worse(a, b)`: a ranks after b. The heap root is the worst row kept so far.
  const worse = ascending
    ? (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a > b)
    : (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (const row of rows) {
    if (heap.length < k) {
      heap.push(row);
      siftUp(heap.length - 1);
    } else if (k > 0 && worse(heap[0]!, row)) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
