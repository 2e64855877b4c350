/** The top of a ranking: the best `limit` of many matches, without sorting them all. */

/** One match offered to `Best`. */
export interface Ranked<E> {
  entry: E;
  /** 0: the text contains the query as a phrase; 1: another field does; 2: fuzzy only. */
  tier: number;
  score: number;
  order: number;
}

function byRank<E>(a: Ranked<E>, b: Ranked<E>): number {
  return a.tier - b.tier || a.score - b.score || a.order - b.order;
}

/**
 * The best `limit` matches offered, by byRank: a bounded max-heap, so ranking 10,000 matches
 * for 50 hits neither sorts them all nor allocates for the ones that cannot make it.
 */
export class Best<E> {
  private readonly heap: Ranked<E>[] = [];

  constructor(private readonly limit: number) {}

  offer(entry: E, tier: number, score: number, order: number): void {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push({ entry, tier, score, order });
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (byRank(heap[i]!, heap[parent]!) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
      return;
    }
    const worst = heap[0];
    // Compared without allocating: most matches lose to the worst kept and stop here.
    if (!worst || (tier - worst.tier || score - worst.score || order - worst.order) >= 0) return;
    heap[0] = { entry, tier, score, order };
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && byRank(heap[l]!, heap[top]!) > 0) top = l;
      if (r < heap.length && byRank(heap[r]!, heap[top]!) > 0) top = r;
      if (top === i) break;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  }

  sorted(): Ranked<E>[] {
    return [...this.heap].sort(byRank);
  }
}
