/**
 * The search index of the open map, off the page's main thread: built here from slices of the
 * map the page posts (so building never blocks input or frames, and the index's memory is not
 * the page's), kept in step with the changes the page posts, and searched on request. A thin
 * wrapper over the pure search modules: no DOM, no Dexie. Its results' highlights in a node's
 * own text are left folded, for the page to finish from its copy (search-client.ts).
 */
import type { Citation, Source } from '../model/types.js';
import type { NodeRatings } from '../search/rating-table.js';
import { SearchIndex, type IndexedNode, type SearchOptions, type SearchResults } from '../search/search-index.js';
import { applyChanges, type BundleChanges } from '../search/sync.js';

/** What the page asks of the search worker. */
export type SearchRequest =
  /** A new index: sources first, then citations and ratings (by node), then nodes, each in slices. */
  | { kind: 'start'; sources: Source[] }
  | { kind: 'records'; citations: Citation[]; ratings: NodeRatings[] }
  | { kind: 'nodes'; nodes: IndexedNode[] }
  /** All nodes are in: the worker answers `ready`. */
  | { kind: 'built' }
  | { kind: 'changes'; changes: BundleChanges }
  | { kind: 'search'; seq: number; query: string; options: SearchOptions };

/** What the search worker tells the page. */
export type SearchReply =
  | { kind: 'ready'; size: number }
  | { kind: 'results'; seq: number; results: SearchResults }
  | { kind: 'failed'; seq: number; message: string; range: boolean };

interface WorkerScope {
  onmessage: ((e: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchReply): void;
}

const scope = globalThis as unknown as WorkerScope;
/** The page holds the nodes' text: the worker keeps only their words (see SearchIndexOptions). */
const create = (sources: Source[]): SearchIndex =>
  new SearchIndex({ nodes: [], sources, citations: [], ratings: [] }, true, { keepText: false });
let index = create([]);

scope.onmessage = ({ data }) => {
  switch (data.kind) {
    case 'start':
      index = create(data.sources);
      return;
    case 'records':
      // Before any node, so linking them re-indexes nothing.
      for (const c of data.citations) index.upsertCitation(c);
      for (const { nodeId, ratings } of data.ratings) index.setRatings(nodeId, ratings);
      return;
    case 'nodes':
      index.addNodes(data.nodes, 0, data.nodes.length);
      return;
    case 'built':
      index.warm();
      scope.postMessage({ kind: 'ready', size: index.size });
      return;
    case 'changes':
      applyChanges(index, data.changes);
      return;
    case 'search':
      try {
        scope.postMessage({ kind: 'results', seq: data.seq, results: index.search(data.query, data.options) });
      } catch (e) {
        scope.postMessage({
          kind: 'failed',
          seq: data.seq,
          message: e instanceof Error ? e.message : String(e),
          range: e instanceof RangeError,
        });
      }
      return;
  }
};
