/**
 * Search over one argument map: fuzzy, ranked, filtered, updated edit by edit. Pure: no DOM,
 * no database, so it runs the same in a test, a worker or the page. The app runs it in a worker
 * (src/workers/search-worker.ts); this entry is what tests and the bench load.
 */
export {
  createSearchIndex,
  DEFAULT_LIMIT,
  FUSE_OPTIONS,
  SEARCH_THRESHOLD,
  SearchIndex,
  type SearchHit,
} from './search-index.js';
export { highlight } from './highlight.js';
export { formatPath, visibleWithAncestors } from './path.js';
export { buildSearchIndex } from './build.js';
