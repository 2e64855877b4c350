/**
 * The page's side of the search worker (src/workers/search-worker.ts): starts it, hands it the
 * map in slices between the page's turns, passes on each change, and turns its answers into
 * promises. Building and searching 10,000 nodes cost the main thread long tasks on a slow
 * laptop, and at 100,000 nodes the index alone took more memory than the page may; in the
 * worker neither blocks input nor counts against the page's heap.
 */
import type { MapBundle } from '../model/types.js';
import { unfoldHighlights } from '../search/hit-highlights.js';
import { indexedNode, type NodeTexts } from '../search/indexed-node.js';
import { ratingsByNode } from '../search/rating-table.js';
import type { SearchOptions, SearchResults } from '../search/search-index.js';
import type { BundleChanges } from '../search/sync.js';
import type { SearchReply, SearchRequest } from '../workers/search-worker.js';
import { workerScriptUrl } from './worker-url.js';

/**
 * The worker script. In the build, rollup.config.mjs rewrites this to `./search-worker.js` beside
 * app.js; under web-test-runner the TypeScript source is served and transformed as it is.
 */
const WORKER_URL = new URL('../workers/search-worker.ts', import.meta.url);

/** A map's search, wherever its index lives. */
export interface SearchService {
  /** Nodes and filters as SearchIndex.search; rejects with a RangeError for a bad date filter. */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
}

/** Time spent preparing and posting one slice of the map before the page gets its turn again. */
const SLICE_MS = 4;
/** Most rows in one slice. */
const MAX_SLICE = 1024;

/** The search index of one map, in a worker. */
export class WorkerSearch implements SearchService {
  private readonly worker: Worker;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: SearchResults) => void; reject: (e: Error) => void }>();
  private ready?: { resolve: () => void; reject: (e: Error) => void };
  private closed = false;

  /** @param nodeOf the page's current copy of a node, to finish highlights in its text with */
  private constructor(private readonly nodeOf: (id: string) => NodeTexts | undefined) {
    this.worker = new Worker(workerScriptUrl(WORKER_URL) as string, { type: 'module', name: 'warrant-search' });
    this.worker.onmessage = ({ data }: MessageEvent<SearchReply>) => this.receive(data);
    this.worker.onerror = (e) => this.fail(new Error(e.message || 'The search worker failed.'));
  }

  /**
   * Starts a worker and indexes `bundle` in it: the page prepares and posts the map a few
   * milliseconds at a time, with `pause()` (its way to give input and frames their turn)
   * between, and the promise settles when the worker has built the index.
   */
  static async start(
    bundle: MapBundle,
    pause: () => Promise<unknown>,
    nodeOf: (id: string) => NodeTexts | undefined,
  ): Promise<WorkerSearch> {
    const search = new WorkerSearch(nodeOf);
    const built = new Promise<void>((resolve, reject) => (search.ready = { resolve, reject }));
    search.post({ kind: 'start', sources: bundle.sources });
    await search.postSliced(bundle.citations, (citations) => ({ kind: 'records', citations, ratings: [] }), pause);
    // By node, each node's ratings in one slice: the worker keeps ratings by node (rating-table.ts).
    await search.postSliced(
      ratingsByNode(bundle.ratings),
      (ratings) => ({ kind: 'records', citations: [], ratings }),
      pause,
    );
    await search.postSliced(
      bundle.nodes,
      (nodes) => ({ kind: 'nodes', nodes: nodes.map((n) => indexedNode(n)) }),
      pause,
    );
    search.post({ kind: 'built' });
    await built;
    return search;
  }

  search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    if (this.closed) return Promise.reject(new Error('The search was closed.'));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.post({ kind: 'search', seq, query, options });
    });
  }

  /** Passes on what changed in the map; searches asked for later see it. */
  update(changes: BundleChanges): void {
    if (!this.closed) this.post({ kind: 'changes', changes });
  }

  /** Stops the worker; searches still waiting reject. */
  close(): void {
    this.fail(new Error('The search was closed.'));
  }

  private post(request: SearchRequest): void {
    this.worker.postMessage(request);
  }

  /** Posts `rows` in slices of about SLICE_MS of preparing and copying each, pausing between. */
  private async postSliced<T>(
    rows: readonly T[],
    message: (slice: T[]) => SearchRequest,
    pause: () => Promise<unknown>,
  ): Promise<void> {
    // Rows are about the same size, so each slice's rate sizes the next; it at most doubles, and
    // stays under MAX_SLICE, because one slice measured while the page was idle said little
    // about the next (a slice of 8,000 nodes once took 70 ms at 4x).
    let size = 128;
    for (let i = 0; i < rows.length && !this.closed;) {
      const start = performance.now();
      const end = Math.min(rows.length, i + size);
      this.post(message(rows.slice(i, end)));
      const spent = performance.now() - start;
      const fits = Math.round(((end - i) * SLICE_MS) / Math.max(spent, 0.25));
      size = Math.max(32, Math.min(2 * size, MAX_SLICE, fits));
      i = end;
      await pause();
    }
  }

  private receive(reply: SearchReply): void {
    if (reply.kind === 'ready') {
      this.ready?.resolve();
      return;
    }
    const waiter = this.waiting.get(reply.seq);
    if (!waiter) return;
    this.waiting.delete(reply.seq);
    if (reply.kind === 'results') waiter.resolve(this.unfold(reply.results));
    else waiter.reject(reply.range ? new RangeError(reply.message) : new Error(reply.message));
  }

  /** The results with their folded highlights finished from the page's text (see search-worker.ts). */
  private unfold(results: SearchResults): SearchResults {
    for (const hit of results.hits) {
      if (hit.highlights.some((h) => h.folded)) hit.highlights = unfoldHighlights(hit.highlights, this.nodeOf(hit.id));
    }
    return results;
  }

  private fail(error: Error): void {
    this.closed = true;
    this.worker.terminate();
    this.ready?.reject(error);
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}
