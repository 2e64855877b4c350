/**
 * A reactive controller for a map view's saved UI state: which nodes are expanded, which one is
 * selected and whose ratings are shown. Kept per map apart from the map's data (never exported),
 * saved a moment after the last change and at once when the view goes away. A reload also brings
 * back where the tree was scrolled: on pagehide the state goes to sessionStorage, whose write is
 * synchronous (an IndexedDB write started then may not land before the page is gone).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getUiState, putUiState } from '../db/settings-repo.js';
import { ancestors, type Tree } from '../model/tree.js';
import type { ArgNode, MapBundle } from '../model/types.js';
import type { AppServices } from './app-context.js';

/** Maps up to this size open fully expanded; larger ones open at the thesis and its claims. */
const EXPAND_ALL_UP_TO = 250;
const SAVE_UI_DELAY_MS = 400;

/** The element a UiStateController serves. */
export interface UiStateHost extends ReactiveControllerHost {
  readonly services?: AppServices;
  readonly updateComplete: Promise<boolean>;
  /** The tree, whose scroll offset a reload brings back. */
  readonly treeElement?: { scrollOffset: number };
}

/** What a reload takes over from the page before it (sessionStorage, this tab only). */
interface ReloadState {
  mapId: string;
  expanded: string[];
  selectedId?: string;
  perspective?: string;
  scrollTop: number;
}

const RELOAD_PREFIX = 'warrant-ui-reload:';

/** Expanded nodes, selection and perspective of one map view, loaded and saved per map. */
export class UiStateController implements ReactiveController {
  private expandedSet: ReadonlySet<string> = new Set();
  private selected?: string;
  private viewAs?: string;
  /** Id of the map whose state was loaded ('' before the first load). */
  loadedFor = '';
  private saveTimer = 0;

  /**
   * @param pendingId the id of a new node not stored yet: it is never saved as expanded or
   * selected, since it will not exist when the map opens again.
   */
  constructor(
    private readonly host: UiStateHost,
    private readonly pendingId: () => string | undefined,
  ) {
    host.addController(this);
  }

  /** Expanded nodes; a new Set on every change. */
  get expanded(): ReadonlySet<string> {
    return this.expandedSet;
  }
  set expanded(value: ReadonlySet<string>) {
    this.expandedSet = value;
    this.host.requestUpdate();
  }

  /** The selected node's id. */
  get selectedId(): string | undefined {
    return this.selected;
  }
  set selectedId(value: string | undefined) {
    this.selected = value;
    this.host.requestUpdate();
  }

  /** Rater whose ratings are shown; undefined = everyone (mean). */
  get perspective(): string | undefined {
    return this.viewAs;
  }
  set perspective(value: string | undefined) {
    this.viewAs = value;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.keepForReload);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.keepForReload);
    // Write the pending UI state now rather than from a timer that would outlive the database.
    if (this.saveTimer) {
      window.clearTimeout(this.saveTimer);
      this.saveTimer = 0;
      const services = this.host.services;
      if (services && this.loadedFor) void putUiState(services.db, this.now()).catch(() => undefined);
    }
  }

  /**
   * Loads the saved state of the bundle's map, or opens it expanded (small maps) at the thesis.
   * Right after a reload of this tab, the state the page had when it went away wins.
   */
  async load(bundle: MapBundle): Promise<void> {
    const id = bundle.map.id;
    this.loadedFor = id;
    const services = this.host.services;
    const reloaded = services ? this.takeReloadState(services.db.name, id) : undefined;
    const saved = reloaded ?? (services ? await getUiState(services.db, id) : undefined);
    if (saved) {
      this.expanded = new Set(saved.expanded);
      this.selectedId = saved.selectedId ?? bundle.map.rootId;
      this.perspective = saved.perspective;
    } else {
      const all = bundle.nodes.length <= EXPAND_ALL_UP_TO;
      this.expanded = new Set(
        bundle.nodes.filter((n) => all || n.parentId === null || n.parentId === bundle.map.rootId).map((n) => n.id),
      );
      this.selectedId = bundle.map.rootId;
    }
    if (reloaded) {
      this.save();
      // The rows exist once the view has rendered with this state; then the tree can scroll.
      await this.host.updateComplete;
      const tree = this.host.treeElement;
      if (tree && reloaded.scrollTop > 0) tree.scrollOffset = reloaded.scrollTop;
    }
  }

  /** The state kept by this tab's previous page for the map, taken once. */
  private takeReloadState(dbName: string, mapId: string): ReloadState | undefined {
    try {
      const key = `${RELOAD_PREFIX}${dbName}/${mapId}`;
      const raw = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
      const parsed = raw ? (JSON.parse(raw) as ReloadState) : undefined;
      return parsed && parsed.mapId === mapId && Array.isArray(parsed.expanded) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** On pagehide: the state as it is now, for a reload of this tab (and the database, if it lands). */
  private keepForReload = (): void => {
    const services = this.host.services;
    if (!services || !this.loadedFor) return;
    const state: ReloadState = { ...this.now(), scrollTop: this.host.treeElement?.scrollOffset ?? 0 };
    try {
      sessionStorage.setItem(`${RELOAD_PREFIX}${services.db.name}/${this.loadedFor}`, JSON.stringify(state));
    } catch {
      // No storage: the database keeps the selection, only the scroll position is lost.
    }
    window.clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    void putUiState(services.db, this.now()).catch(() => undefined);
  };

  /** Saves the state a moment from now (one write for a burst of changes). */
  save(): void {
    window.clearTimeout(this.saveTimer);
    const services = this.host.services;
    if (!services || !this.loadedFor) return;
    const state = this.now();
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = 0;
      void putUiState(services.db, state);
    }, SAVE_UI_DELAY_MS);
  }

  /** Selects a node, expanding its ancestors so that it is on screen. */
  reveal(tree: Tree<ArgNode>, id: string): void {
    if (!tree.byId.has(id)) return;
    const hidden = ancestors(tree, id).filter((a) => !this.expanded.has(a));
    if (hidden.length) this.expanded = new Set([...this.expanded, ...hidden]);
    this.selectedId = id;
    this.save();
  }

  /** Expands (or collapses) nodes. */
  toggle(ids: readonly string[], expanded: boolean): void {
    const next = new Set(this.expanded);
    for (const id of ids) {
      if (expanded) next.add(id);
      else next.delete(id);
    }
    this.expanded = next;
    this.save();
  }

  /** Shows one rater's ratings ('' = everyone's mean). */
  setPerspective(value: string): void {
    this.perspective = value === '' ? undefined : value;
    this.save();
  }

  private now() {
    const pending = this.pendingId();
    return {
      mapId: this.loadedFor,
      expanded: [...this.expanded].filter((id) => id !== pending),
      ...(this.selectedId && this.selectedId !== pending && { selectedId: this.selectedId }),
      ...(this.perspective !== undefined && { perspective: this.perspective }),
    };
  }
}
