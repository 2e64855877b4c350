/**
 * Row recycling for <warrant-tree>: which existing row elements can stay where they are when the
 * window of rendered rows moves, so that as few elements as possible are moved in the DOM.
 */

/**
 * Which elements can stay where they are: the longest run of elements already in the wanted
 * order (a longest increasing subsequence of their old positions, -1 = new). The element holding
 * focus always stays (moving it would drop the focus), so the run is taken around it.
 */
export function stableViews(oldPositions: readonly number[], focused: number): boolean[] {
  const stay = oldPositions.map(() => false);
  const pivot = focused >= 0 ? oldPositions[focused]! : -1;
  const candidates: number[] = [];
  for (let k = 0; k < oldPositions.length; k++) {
    const p = oldPositions[k]!;
    if (p < 0) continue;
    if (pivot >= 0 && k !== focused && (k < focused ? p > pivot : p < pivot)) continue;
    candidates.push(k);
  }
  // Patience sorting: tails[j] = index (into candidates) of the smallest tail of a run of length j + 1.
  const tails: number[] = [];
  const prev: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const p = oldPositions[candidates[c]!]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (oldPositions[candidates[tails[mid]!]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    prev[c] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = c;
  }
  for (let c = tails.length ? tails[tails.length - 1]! : -1; c >= 0; c = prev[c]!) stay[candidates[c]!] = true;
  return stay;
}
