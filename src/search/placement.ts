/**
 * Word placement for the candidate search: whether a query's words, each near some words of the
 * vocabulary, can be laid on a node's text within an edit budget.
 */

import type { PoolArray } from './sequence-pool.js';

/** A query word as the candidate search sees it: its place among the chunk's words, and how near each vocabulary word is. */
export interface NearWord {
  token: number;
  edits: Uint8Array;
}

/** One placement problem: the node's words ids[from, to), the query words and the budget. */
interface Placing {
  ids: PoolArray;
  from: number;
  to: number;
  near: readonly NearWord[];
  budget: number;
  pivot: number;
  /** The query words in the order they are placed. */
  order: number[];
}

/**
 * Whether the query words `near` (in query order) can be placed on the words of ids[from, to)
 * (a node's sequence, markers between values) with at most `budget` edits in all: edits inside
 * each word, plus one for each word of difference between their distance in the text and in the
 * query (a space inserted, deleted or replaced). Starts from the places of the rarest word,
 * `pivot`, and extends right then left: the others, being common, would start a search almost
 * everywhere.
 */
export function placeable(
  ids: PoolArray,
  from: number,
  to: number,
  near: readonly NearWord[],
  budget: number,
  pivot: number,
): boolean {
  const order: number[] = [];
  for (let i = pivot + 1; i < near.length; i++) order.push(i);
  for (let i = pivot - 1; i >= 0; i--) order.push(i);
  const task: Placing = { ids, from, to, near, budget, pivot, order };
  const edits = near[pivot]!.edits;
  for (let p = from; p < to; p++) {
    const w = ids[p]!;
    if (w >= 0 && edits[w]! <= budget && extend(task, 0, p, p, edits[w]!)) return true;
  }
  return false;
}

/** Places near[order[step]] beside the words placed so far (from `left` to `right`), depth first. */
function extend(task: Placing, step: number, left: number, right: number, spent: number): boolean {
  const { ids, near, budget, pivot, order } = task;
  if (step === order.length) return true;
  const i = order[step]!;
  const { token, edits } = near[i]!;
  const slack = budget - spent;
  // Text is read forwards: a later query word never sits on an earlier text word, and a match
  // stays inside one value (a negative marker starts each).
  if (i > pivot) {
    const gap = token - near[i - 1]!.token;
    for (let p = Math.max(right, right + gap - slack); p <= right + gap + slack && p < task.to; p++) {
      const w = ids[p]!;
      if (w < 0) break;
      const cost = spent + Math.abs(p - right - gap) + edits[w]!;
      if (cost <= budget && extend(task, step + 1, left, p, cost)) return true;
    }
  } else {
    const gap = near[i + 1]!.token - token;
    for (let p = Math.min(left, left - gap + slack); p >= left - gap - slack && p >= task.from; p--) {
      const w = ids[p]!;
      if (w < 0) break;
      const cost = spent + Math.abs(left - p - gap) + edits[w]!;
      if (cost <= budget && extend(task, step + 1, p, right, cost)) return true;
    }
  }
  return false;
}
