/** The shapes a search is asked and answers in (search-index.ts, the search worker and the box). */
import type { NodeKind, Citation, Rating, Source } from '../model/types.js';
import type { SearchFilters } from './filters.js';
import type { FieldHighlight } from './hit-highlights.js';
import type { IndexedNode } from './indexed-node.js';

/** Results shown when the caller does not say how many. */
export const DEFAULT_LIMIT = 50;

/** One node in the results. */
export interface SearchHit {
  id: string;
  kind: NodeKind;
  /** Ancestor ids, thesis first, parent last; empty for the thesis (see formatPath). */
  path: string[];
  /** fuse's score: 0 is a perfect match, 1 none; 0 for every node when there is no query. */
  score: number;
  highlights: FieldHighlight[];
  /**
   * True when the node matched word by word (words.ts) rather than as a phrase: then `score`
   * is wordsScore's, and the hit ranks after every phrase match.
   */
  byWords?: true;
}

/** What to search, beyond the query text. */
export interface SearchOptions {
  filters?: SearchFilters;
  /** Most hits to return with details (default 50); `ids` always lists every match. */
  limit?: number;
}

/** The answer to a search. */
export interface SearchResults {
  /** The best `limit` matches, ranked. */
  hits: SearchHit[];
  /** Every matching node id, in tree order: for the count and for filtering the tree. */
  ids: string[];
  /**
   * When nothing matched: the query with each word the map does not hold replaced by the
   * map's closest word, given only when that query finds something (see suggest.ts).
   */
  suggestion?: string;
}

/** What an index is built from: a map bundle, or the part of one a search worker is sent. */
export interface IndexInput {
  nodes: readonly IndexedNode[];
  sources: readonly Source[];
  citations: readonly Citation[];
  ratings: readonly Rating[];
}
