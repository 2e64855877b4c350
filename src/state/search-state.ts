/**
 * A reactive controller for a map view's search: the index, built on first use in a worker
 * (search-client.ts) and then kept in step with every new version of the map; and the current
 * results that drive the tree (matches, and whether to show only them).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArgNode, MapBundle } from '../model/types.js';
import type { Tree } from '../model/tree.js';
import { visibleWithAncestors } from '../search/path.js';
import { diffBundles, noChanges } from '../search/sync.js';
import { WorkerSearch, type SearchService } from './search-client.js';
import { yieldToPage } from './yield.js';

/** What the controller reads of the view's map (a MapBundleController is one). */
export interface ViewedMap {
  readonly bundle?: MapBundle;
  readonly derived?: { readonly tree: Tree<ArgNode> };
}

/** The search index of one map view and the results the tree shows. */
export class SearchController implements ReactiveController {
  /** The index, once built (see ensure), kept in step with every change. */
  index?: SearchService;
  /** Bumped on every index update, so the search box refreshes its results. */
  version = 0;
  /** The matching node ids, or undefined when nothing is searched (or nothing matched). */
  matches?: ReadonlySet<string>;
  /** The ids shown while only matches are shown (matches and their ancestors). */
  only?: ReadonlySet<string>;
  private worker?: WorkerSearch;
  private indexedFrom?: MapBundle;
  private building = false;
  /** Bumped when the view lets go of its index, so a build still under way is dropped. */
  private generation = 0;
  private expandedFor?: { expanded: ReadonlySet<string>; only: ReadonlySet<string>; both: ReadonlySet<string> };

  /** Nodes by id in `bundle`, while the view has no tree of it (a damaged map). */
  private byId?: { bundle: MapBundle; nodes: Map<string, ArgNode> };

  /** @param map the view's copy of the map and its tree, where results find their nodes' text (see search-client.ts) */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly map: ViewedMap,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.generation++;
    this.worker?.close();
    this.worker = undefined;
    this.index = undefined;
    this.indexedFrom = undefined;
    this.building = false;
  }

  /** Builds the index, once (the search box asked for results). */
  ensure(): void {
    if (this.index || this.building) return;
    const bundle = this.map.bundle;
    if (!bundle) return;
    this.building = true;
    const generation = this.generation;
    void WorkerSearch.start(bundle, yieldToPage, (id) => this.nodeOf(id)).then(
      (worker) => {
        if (generation !== this.generation) return worker.close();
        this.building = false;
        this.worker = worker;
        this.index = worker;
        // Changes made while it was built are caught up by sync() from here.
        this.indexedFrom = bundle;
        this.host.requestUpdate();
      },
      () => {
        // A worker that cannot start leaves search unavailable ("Preparing search…"), not the app broken.
        if (generation === this.generation) this.building = false;
      },
    );
  }

  /**
   * Brings the index up to date with the view's bundle: updated from the difference for the same
   * map, built anew for another. Call from the host's willUpdate.
   */
  sync(): void {
    const bundle = this.map.bundle;
    if (!bundle || !this.worker || !this.indexedFrom || this.indexedFrom === bundle) return;
    if (this.indexedFrom.map.id !== bundle.map.id) {
      this.hostDisconnected();
      this.ensure();
      return;
    }
    const changes = diffBundles(this.indexedFrom, bundle);
    this.indexedFrom = bundle;
    if (noChanges(changes)) return;
    this.worker.update(changes);
    this.version++;
  }

  /** The view's current copy of a node. */
  private nodeOf(id: string): ArgNode | undefined {
    const tree = this.map.derived?.tree;
    if (tree) return tree.byId.get(id);
    const bundle = this.map.bundle;
    if (!bundle) return undefined;
    if (this.byId?.bundle !== bundle) this.byId = { bundle, nodes: new Map(bundle.nodes.map((n) => [n.id, n])) };
    return this.byId.nodes.get(id);
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
