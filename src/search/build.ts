/**
 * Building a map's search index without freezing the page: the nodes are indexed in slices of a
 * few milliseconds, with `pause()` (the caller's way to give the page its turn: input, frames)
 * between them. Same index as createSearchIndex, node for node; only the work is spread out.
 */
import type { MapBundle } from '../model/types.js';
import { SearchIndex } from './search-index.js';

/** Nodes indexed before the clock is read again (a node takes well under a millisecond). */
const STEP = 16;

export async function buildSearchIndex(
  bundle: MapBundle,
  pause: () => Promise<unknown>,
  sliceMs = 8,
): Promise<SearchIndex> {
  const index = new SearchIndex(bundle, false);
  const nodes = bundle.nodes;
  let i = 0;
  while (i < nodes.length) {
    await pause();
    const start = performance.now();
    do {
      const end = Math.min(nodes.length, i + STEP);
      index.addNodes(nodes, i, end);
      i = end;
    } while (i < nodes.length && performance.now() - start < sliceMs);
  }
  await pause();
  index.warm();
  return index;
}
