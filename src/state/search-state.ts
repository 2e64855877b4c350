/**
 * A reactive controller for a map view's search: the index, loaded and built on first use (fuse.js
 * and the index stay out of the initial load), then kept in step with every new version of the map;
 * and the current results that drive the tree (matches, and whether to show only them).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArgNode, MapBundle } from '../model/types.js';
import type { Tree } from '../model/tree.js';
import { visibleWithAncestors } from '../search/path.js';
import type { SearchIndex } from '../search/search-index.js';
import { yieldToPage } from './yield.js';

/** The search index of one map view and the results the tree shows. */
export class SearchController implements ReactiveController {
  /** The index, built on first use (see ensure) and then kept in step with every change. */
  index?: SearchIndex;
  /** Bumped on every index update, so the search box refreshes its results. */
  version = 0;
  /** The matching node ids, or undefined when nothing is searched (or nothing matched). */
  matches?: ReadonlySet<string>;
  /** The ids shown while only matches are shown (matches and their ancestors). */
  only?: ReadonlySet<string>;
  private indexedFrom?: MapBundle;
  private expandedFor?: { expanded: ReadonlySet<string>; only: ReadonlySet<string>; both: ReadonlySet<string> };
  /** The search module, loaded on first use. */
  private module?: typeof import('../search/index.js');
  private loadingModule = false;
  private preloadRequested = false;

  /** @param bundle the map as the view has it now */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly bundle: () => MapBundle | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Compiling the search chunk (fuse.js and the index code) was a long task of its own on the
    // first keystroke on a slow laptop. Fetched and compiled while the page is idle, the first
    // search only builds the index. Only the code: the index itself costs memory in proportion
    // to the map, so it is still built on first use.
    if (this.module || this.preloadRequested) return;
    this.preloadRequested = true;
    const idle = (globalThis as { requestIdleCallback?: (run: () => void) => number }).requestIdleCallback;
    if (idle) idle(() => void import('../search/index.js').catch(() => undefined));
  }

  /** Loads the search module and builds the index, once (the search box got focus). */
  ensure(): void {
    if (this.index || this.loadingModule) return;
    this.loadingModule = true;
    void import('../search/index.js').then(async (module) => {
      const bundle = this.bundle();
      if (!bundle) {
        this.module = module;
        return;
      }
      // In slices between frames: built in one go it froze a 10,000-node map for seconds on a
      // slow laptop. Changes meanwhile are caught up by sync() from `indexedFrom`.
      const index = await module.buildSearchIndex(bundle, yieldToPage);
      this.module = module;
      this.index = index;
      this.indexedFrom = bundle;
      this.host.requestUpdate();
    });
  }

  /**
   * Brings the index up to date with the view's bundle: updated from the difference for the same
   * map, built anew for another. Call from the host's willUpdate.
   */
  sync(): void {
    const bundle = this.bundle();
    if (!bundle || !this.index || !this.module || this.indexedFrom === bundle) return;
    const { createSearchIndex, syncIndex } = this.module;
    if (this.indexedFrom && this.indexedFrom.map.id === bundle.map.id) syncIndex(this.index, this.indexedFrom, bundle);
    else this.index = createSearchIndex(bundle);
    this.indexedFrom = bundle;
    this.version++;
  }

  /** Takes the search box's results: `ids` undefined clears them. */
  setResults(tree: Tree<ArgNode> | undefined, ids: readonly string[] | undefined, onlyMatches: boolean): void {
    if (!ids || !tree) {
      this.matches = undefined;
      this.only = undefined;
    } else {
      // With no match at all there is nothing to set apart: keep the tree as it is.
      this.matches = ids.length ? new Set(ids) : undefined;
      this.only = onlyMatches ? visibleWithAncestors(tree, ids) : undefined;
    }
    this.host.requestUpdate();
  }

  /** Expanded nodes, plus the matches' ancestors while only matches are shown; one Set per change. */
  withMatchAncestors(expanded: ReadonlySet<string>): ReadonlySet<string> {
    const only = this.only;
    if (!only) return expanded;
    const memo = this.expandedFor;
    if (memo && memo.expanded === expanded && memo.only === only) return memo.both;
    const both = new Set([...expanded, ...only]);
    this.expandedFor = { expanded, only, both };
    return both;
  }
}
