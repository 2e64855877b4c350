/**
 * Search over one argument map: fuzzy, ranked, filtered, updated edit by edit. Pure: no DOM,
 * no database, so it runs the same in a test, a worker or the page.
 */
export {
  createSearchIndex,
  DEFAULT_LIMIT,
  FUSE_OPTIONS,
  SEARCH_THRESHOLD,
  SearchIndex,
  type FieldHighlight,
  type SearchDocument,
  type SearchField,
  type SearchHit,
  type SearchOptions,
  type SearchResults,
} from './search-index.js';
export { hasFilters, normalizeSince, type SearchFilters } from './filters.js';
export { highlight, mergeRanges, type Range, type Segment } from './highlight.js';
export { formatPath, truncateLabel, visibleWithAncestors, type PathFormat } from './path.js';
export { foldText, foldWithMap, type FoldedText } from './fold.js';
export { syncIndex } from './sync.js';
export { buildSearchIndex } from './build.js';
