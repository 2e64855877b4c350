/**
 * <warrant-map-view>: one map: its header, the argument tree and the detail panel of the
 * selected node. One live query loads the whole map; rows get their data as properties.
 * Expanded nodes and the selection are UI state, saved per map apart from the map's data.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LiveQueryController } from '../db/live-query-controller.js';
import { loadBundle, patchBundle } from '../db/maps-repo.js';
import { getUiState, putUiState } from '../db/settings-repo.js';
import { SEMANTICS_LABELS } from '../evaluation/index.js';
import { checkText, newChild, planMove } from '../model/edits.js';
import { newId, now } from '../model/ids.js';
import { patchRows } from '../model/rows.js';
import { ancestors, TreeError } from '../model/tree.js';
import { Origin, type ArgNode, type ArgumentMap, type MapBundle, type Rating, type Relation } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import {
  COMMANDS,
  commandForKey,
  keyOf,
  type Command,
  type CommandContext,
  type ViewActions,
} from '../state/commands.js';
import { derive, deriveNext, type Derived, type RowChanges } from '../state/derive.js';
import { MapEditor, type EditResult } from '../state/editor.js';
import { undoStackFor, type UndoStack } from '../state/undo.js';
import type { MenuItem } from './command-menu.js';
import type { DraftDetail, EditDoneDetail, SaveState } from './node-editor.js';
import type { RateDetail } from './rating.js';
import { baseStyles } from './shared-styles.js';
import type { WarrantShortcuts } from './shortcuts-dialog.js';
import type { MoveRequestDetail, WarrantTree } from './tree.js';
import type { WarrantNodeDetail } from './node-detail.js';
import './command-menu.js';
import './explanation.js';
import './gap-report.js';
import './sources-panel.js';
import './search-box.js';
import './print-outline.js';
import type { SearchChangeDetail, WarrantSearch } from './search-box.js';
import { visibleWithAncestors } from '../search/path.js';
import type { SearchIndex } from '../search/search-index.js';
import './node-detail.js';
import './shortcuts-dialog.js';
import './tree.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-map-view': WarrantMapView;
  }
}

/** Maps up to this size open fully expanded; larger ones open at the thesis and its claims. */
const EXPAND_ALL_UP_TO = 250;

/** The right-hand panel's tabs. */
const PANELS = [
  ['node', 'Selected node'],
  ['sources', 'Sources'],
  ['gaps', 'Evidence gaps'],
] as const;
const SAVE_UI_DELAY_MS = 400;
/** One empty list, so a node without citations or ratings does not get a new array each render. */
const NO_ROWS: never[] = [];
/** Typing is saved this long after the last keystroke, and at least this often while typing. */
const SAVE_TEXT_DELAY_MS = 350;
const SAVE_TEXT_MAX_WAIT_MS = 900;

/** An open editor: which node and field, and the text it started from. */
interface EditSession {
  id: string;
  field: 'text' | 'notes';
  isNew: boolean;
  original: string;
  originalEdited: boolean;
  draft: string;
  lastSaved: string;
}

/** A message announced to screen readers and shown under the header; deletes offer Undo. */
interface Notice {
  text: string;
  error: boolean;
  undo: boolean;
}

@customElement('warrant-map-view')
export class WarrantMapView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        min-height: 0;
        height: 100%;
      }
      header {
        contain: layout paint;
        padding: 12px 20px 10px;
        border-bottom: 1px solid var(--rule);
        background: var(--surface);
      }
      h1 {
        font-size: 20px;
        line-height: 1.25;
        margin: 0;
      }
      .doc {
        font-size: 13px;
        color: var(--muted);
        margin: 2px 0 0;
      }
      .body {
        display: grid;
        grid-template-columns: minmax(0, 1.5fr) minmax(300px, 1fr);
        min-height: 0;
      }
      .left {
        display: grid;
        grid-template-rows: auto 1fr;
        min-height: 0;
        border-right: 1px solid var(--rule);
      }
      warrant-search {
        z-index: 5;
      }
      warrant-tree {
        height: 100%;
        min-height: 0;
      }
      .detail {
        min-height: 0;
        display: grid;
        grid-template-rows: auto 1fr;
        background: var(--panel);
      }
      .detail-bar {
        display: none;
      }
      .tabs {
        display: flex;
        gap: 2px;
        padding: 6px 12px 0;
        border-bottom: 1px solid var(--rule);
      }
      .tabs [role='tab'] {
        border: 1px solid transparent;
        border-bottom: none;
        border-radius: 6px 6px 0 0;
        background: none;
        font-size: 13.5px;
        padding: 5px 12px;
        min-height: 32px;
        color: var(--muted);
      }
      .tabs [role='tab'][aria-selected='true'] {
        background: var(--panel);
        border-color: var(--rule);
        color: var(--ink);
        font-weight: 600;
        margin-bottom: -1px;
      }
      .panel {
        min-height: 0;
        overflow-y: auto;
        /* Sized by the grid: what changes inside (a rating, an explanation) stays inside. */
        contain: size layout;
      }
      warrant-node-detail {
        min-height: 0;
      }
      .message {
        padding: 20px;
      }
      .head-row {
        display: flex;
        align-items: flex-start;
        gap: 12px 16px;
        flex-wrap: wrap;
      }
      .thesis-standing {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        gap: 2px;
        font-size: 13px;
        text-align: right;
      }
      .thesis-standing .big {
        font-size: 15px;
      }
      .thesis-standing .big strong {
        font-size: 22px;
        color: var(--thesis-ink);
        font-variant-numeric: tabular-nums;
      }
      .thesis-standing select {
        font: inherit;
        font-size: 13px;
        padding: 2px 4px;
        border: 1px solid var(--rule-strong);
        border-radius: 4px;
      }
      .head-text {
        flex: 1;
        min-width: 0;
      }
      .tools {
        display: flex;
        gap: 6px;
        flex: none;
      }
      .tools button {
        font-size: 13px;
        padding: 4px 10px;
        min-height: 32px;
      }
      .tools button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .notice {
        display: flex;
        align-items: center;
        gap: 10px;
        min-height: 0;
        font-size: 14px;
        margin-top: 6px;
      }
      .notice:empty {
        margin: 0;
      }
      .notice.error {
        color: var(--error-ink);
      }
      .notice button {
        font-size: 13px;
        padding: 2px 10px;
        min-height: 28px;
      }
      .error {
        color: var(--error-ink);
        background: var(--error-bg);
        border: 1px solid currentColor;
        border-radius: 6px;
        padding: 12px 16px;
        margin: 20px;
      }
      /* Phones and narrow windows: the tree takes the screen; details open as a sheet. */
      @media (max-width: 760px) {
        header {
          padding: 8px 12px;
        }
        h1 {
          font-size: 17px;
        }
        .tools .wide {
          display: none;
        }
        .head-text {
          flex: 1 1 100%;
        }
        .tools {
          flex-wrap: wrap;
        }
        .doc {
          display: none;
        }
        .thesis-standing {
          align-items: flex-start;
          text-align: left;
          order: 3;
          width: 100%;
          flex-direction: row;
          flex-wrap: wrap;
          gap: 4px 10px;
        }
        .thesis-standing .range {
          display: none;
        }
        .body {
          grid-template-columns: 1fr;
        }
        .left {
          border-right: none;
        }
        .detail {
          display: none;
          position: fixed;
          inset: 30% 0 0 0;
          z-index: 10;
          border-top: 2px solid var(--rule-strong);
          box-shadow: 0 -8px 24px rgb(0 0 0 / 18%);
          border-radius: 12px 12px 0 0;
        }
        .detail.open {
          display: grid;
          grid-template-rows: auto auto 1fr;
        }
        .detail-bar {
          display: flex;
          justify-content: flex-end;
          padding: 6px 8px 0;
        }
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  /** Id of the map to show. */
  @property({ attribute: 'map-id' }) mapId = '';

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private selectedId?: string;
  /** On narrow screens: whether the detail sheet is open. */
  @state() private sheetOpen = false;
  @state() private uiLoadedFor = '';
  /** A new node being written, not stored until it has text. */
  @state() private pending?: ArgNode;
  @state() private session?: EditSession;
  @state() private saveState: SaveState = 'saved';
  @state() private problem = '';
  @state() private notice?: Notice;
  @state() private cutId?: string;
  @state() private menu?: { x: number; y: number };
  /** Bumped when the undo stack changes, so its buttons re-render. */
  @state() private historyVersion = 0;
  /** Rater whose ratings are shown; undefined = everyone (mean). */
  @state() private perspective?: string;
  /** What the right-hand panel shows. */
  @state() private panel: 'node' | 'sources' | 'gaps' = 'node';

  @query('warrant-tree') private treeEl?: WarrantTree;
  @query('warrant-node-detail') private detailEl?: WarrantNodeDetail;
  @query('warrant-shortcuts') private shortcutsEl?: WarrantShortcuts;
  @query('warrant-search') private searchEl?: WarrantSearch;
  @query('warrant-export-dialog') private exportDialog?: HTMLElementTagNameMap['warrant-export-dialog'];
  @query('warrant-import-dialog') private importDialog?: HTMLElementTagNameMap['warrant-import-dialog'];
  /** The search index, built on first use and then kept in step with every change. */
  @state() private searchIndex?: SearchIndex;
  /** Bumped on every index update, so the search box refreshes its results. */
  @state() private indexVersion = 0;
  private indexedFrom?: MapBundle;
  /** Search results that drive the tree: matches, and whether to show only them. */
  @state() private searchMatches?: ReadonlySet<string>;
  @state() private searchOnly?: ReadonlySet<string>;
  @query('warrant-command-menu') private menuEl?: HTMLElementTagNameMap['warrant-command-menu'];

  private derived?: Derived;
  private derivedFrom?: MapBundle;
  private derivedPending?: ArgNode;
  private derivedKey = '';
  /** How each patched bundle differs from the one it was patched from (see refresh). */
  private readonly patches = new WeakMap<MapBundle, { from: MapBundle; changes: RowChanges }>();
  private structureError?: string;
  private saveTimer = 0;
  private textTimer = 0;
  private firstUnsavedAt = 0;
  /** A node to select once the live query has delivered it (after add / undo). */
  private focusWhenPresent?: string;
  private undoStack?: UndoStack;
  private unsubscribeUndo?: () => void;
  private editorInstance?: MapEditor;

  /** The map, loaded once and then patched after this tab's own edits (see refresh). */
  @state() private bundle?: MapBundle;
  @state() private loading = true;
  @state() private loadError?: unknown;
  private loadedFor = '';
  private lastMapRow?: ArgumentMap;
  private refreshing = false;
  private refreshAgain = false;

  /**
   * Watches only the map's own row, whose updatedAt every write stamps: a cheap live query that
   * fires on every change, here or in another tab, without re-reading 10,000 nodes each time.
   */
  private readonly mapRow = new LiveQueryController<ArgumentMap | undefined>(
    this,
    () => (this.services && this.mapId ? this.services.db.maps.get(this.mapId) : Promise.resolve(undefined)),
    () => [this.services?.db, this.mapId],
  );

  /**
   * Brings `bundle` up to date: re-reads just the rows this tab wrote (the database's log of
   * local changes), or everything when the change came from elsewhere or the map changed.
   */
  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.refreshAgain = false;
        const services = this.services;
        const mapId = this.mapId;
        if (!services || !mapId) return;
        const key = `${services.db.name}/${mapId}`;
        const changes = services.db.localChanges.take();
        const current = this.bundle;
        const patchable = current && this.loadedFor === key && changes !== 'all' && changes.size > 0;
        const next = patchable
          ? await patchBundle(services.db, current, changes)
          : await loadBundle(services.db, mapId);
        if (this.mapId !== mapId) continue;
        if (patchable && next) this.patches.set(next, { from: current, changes });
        this.loadedFor = key;
        this.bundle = next;
        this.loading = false;
        this.loadError = undefined;
      } while (this.refreshAgain);
    } catch (error) {
      this.loadError = error;
      this.loading = false;
    } finally {
      this.refreshing = false;
    }
  }

  /**
   * Shows a write at once, before the database has it: the view's copy of the map is patched the
   * way refresh will patch it from the database a moment later (the same rows under the same
   * ids), so the tree and the standings answer in the frame of the key press rather than after
   * two IndexedDB round trips. `drop` marks rows the write removes. A failed write must call
   * reloadFromDb.
   */
  private applyLocal<T extends 'nodes' | 'ratings'>(
    table: T,
    put: ReadonlyArray<MapBundle[T][number]>,
    drop: (row: MapBundle[T][number]) => boolean = () => false,
  ): void {
    const current = this.bundle;
    if (!current) return;
    type Row = MapBundle[T][number];
    const changed = new Map<string, Row | undefined>();
    for (const row of current[table] as readonly Row[]) if (drop(row)) changed.set(row.id, undefined);
    for (const row of put) changed.set(row.id, row);
    const rows = patchRows(current[table] as readonly Row[], changed);
    const next = { ...current, [table]: rows } as MapBundle;
    this.patches.set(next, { from: current, changes: new Map([[table, new Set(changed.keys())]]) });
    this.bundle = next;
  }

  /**
   * Refreshes once the next frame is painted. The change the database reports is most often one
   * this view has already shown (applyLocal); reconciling it must not delay that frame. The first
   * load goes at once.
   */
  private refreshAfterPaint(): void {
    if (!this.bundle) {
      void this.refresh();
      return;
    }
    requestAnimationFrame(() => setTimeout(() => void this.refresh(), 0));
  }

  private expandedFor?: { expanded: ReadonlySet<string>; only: ReadonlySet<string>; both: ReadonlySet<string> };

  /** Expanded nodes, plus the matches' ancestors while only matches are shown; one Set per change. */
  private treeExpanded(): ReadonlySet<string> {
    const only = this.searchOnly;
    if (!only) return this.expanded;
    const memo = this.expandedFor;
    if (memo && memo.expanded === this.expanded && memo.only === only) return memo.both;
    const both = new Set([...this.expanded, ...only]);
    this.expandedFor = { expanded: this.expanded, only, both };
    return both;
  }

  private lastActions: MenuItem[] = [];

  /**
   * The previous list when nothing in it changed, so the detail panel (which takes it as a
   * property) does not render again on every keystroke in the search box or every rating.
   */
  private stableActions(next: MenuItem[]): MenuItem[] {
    const prev = this.lastActions;
    const same =
      prev.length === next.length &&
      prev.every(
        (a, i) =>
          a.id === next[i]!.id &&
          a.label === next[i]!.label &&
          a.shortcut === next[i]!.shortcut &&
          a.enabled === next[i]!.enabled,
      );
    if (!same) this.lastActions = next;
    return this.lastActions;
  }

  /** Throws away the view's copy of the map and reads it again (after a failed write). */
  private reloadFromDb(): void {
    this.loadedFor = '';
    void this.refresh();
  }

  /** The tree element (for tests and keyboard focus). */
  get treeElement(): WarrantTree | undefined {
    return this.treeEl;
  }

  /** The map's editor (commands run through it). */
  get editor(): MapEditor | undefined {
    return this.editorInstance;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flushNow();
    // Write the pending UI state now rather than from a timer that would outlive the database.
    if (this.saveTimer) {
      window.clearTimeout(this.saveTimer);
      this.saveTimer = 0;
      const services = this.services;
      if (services && this.uiLoadedFor) void putUiState(services.db, this.uiStateNow()).catch(() => undefined);
    }
    this.unsubscribeUndo?.();
  }

  protected override updated(changed: PropertyValues): void {
    // Another node's details start at their top, not where the previous node's were scrolled to.
    if (changed.has('selectedId')) {
      const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
      if (panel && this.panel === 'node') panel.scrollTop = 0;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('mapId') || changed.has('services')) && this.services && this.mapId) {
      this.unsubscribeUndo?.();
      this.undoStack = undoStackFor(`${this.services.db.name}/${this.mapId}`);
      this.unsubscribeUndo = this.undoStack.subscribe(() => this.historyVersion++);
      this.editorInstance = new MapEditor(this.services.db, this.mapId, this.undoStack);
    }
    if (this.mapRow.value !== this.lastMapRow || (changed.has('mapId') && !this.mapRow.pending)) {
      this.lastMapRow = this.mapRow.value;
      if (this.mapRow.error) this.loadError = this.mapRow.error;
      else if (!this.mapRow.pending) this.refreshAfterPaint();
    }
    if (changed.has('mapId') && this.loadedFor && !this.loadedFor.endsWith(`/${this.mapId}`)) {
      this.bundle = undefined;
      this.loading = true;
    }
    const bundle = this.bundle;
    const settings = this.services?.evaluation;
    const key = `${settings?.semantics}|${settings?.mapping}|${this.perspective ?? ''}`;
    if (
      bundle &&
      settings &&
      (bundle !== this.derivedFrom || this.pending !== this.derivedPending || key !== this.derivedKey)
    ) {
      const input = { bundle, pending: this.pending, settings, perspective: this.perspective };
      const changes = this.changesSinceDerived(bundle);
      this.derivedFrom = bundle;
      this.derivedPending = this.pending;
      this.derivedKey = key;
      try {
        this.derived = this.derived && changes ? deriveNext(this.derived, input, changes) : derive(input);
        this.structureError = undefined;
      } catch (e) {
        this.derived = undefined;
        this.structureError = e instanceof TreeError ? e.message : String(e);
      }
      if (this.uiLoadedFor !== bundle.map.id) void this.loadUiState(bundle);
      this.afterDataChange();
    }
    if (bundle && this.searchIndex && this.searchModule && this.indexedFrom !== bundle) {
      const { createSearchIndex, syncIndex } = this.searchModule;
      if (this.indexedFrom && this.indexedFrom.map.id === bundle.map.id)
        syncIndex(this.searchIndex, this.indexedFrom, bundle);
      else this.searchIndex = createSearchIndex(bundle);
      this.indexedFrom = bundle;
      this.indexVersion++;
    }
    if (changed.has('mapId')) this.sheetOpen = false;
  }

  /**
   * The rows changed between the last derived bundle and `bundle`, when every step between them
   * was a patch of this tab's own writes; undefined means derive from scratch.
   */
  private changesSinceDerived(bundle: MapBundle): RowChanges | undefined {
    const merged = new Map<'nodes' | 'sources' | 'citations' | 'ratings', Set<string>>();
    let at = bundle;
    for (let steps = 0; at !== this.derivedFrom; steps++) {
      const patch = this.patches.get(at);
      if (!patch || steps > 50) return undefined;
      for (const [table, ids] of patch.changes) {
        const set = merged.get(table) ?? new Set<string>();
        for (const id of ids) set.add(id);
        merged.set(table, set);
      }
      at = patch.from;
    }
    return merged;
  }

  /** Keeps selection and editing valid when the map changed (here or in another tab). */
  private afterDataChange(): void {
    const tree = this.derived?.tree;
    if (!tree) return;
    if (this.focusWhenPresent && tree.byId.has(this.focusWhenPresent)) {
      const id = this.focusWhenPresent;
      this.focusWhenPresent = undefined;
      this.selectAndFocus(id);
    }
    if (this.session && !tree.byId.has(this.session.id)) {
      this.session = undefined;
      this.announce('The node you were editing was deleted (perhaps in another tab).', true);
    }
    if (this.selectedId && !tree.byId.has(this.selectedId) && !this.focusWhenPresent) {
      this.selectedId = tree.root.id;
    }
  }

  private async loadUiState(bundle: MapBundle): Promise<void> {
    const id = bundle.map.id;
    this.uiLoadedFor = id;
    const saved = this.services ? await getUiState(this.services.db, id) : undefined;
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
  }

  private uiStateNow() {
    return {
      mapId: this.uiLoadedFor,
      expanded: [...this.expanded].filter((id) => id !== this.pending?.id),
      ...(this.selectedId && this.selectedId !== this.pending?.id && { selectedId: this.selectedId }),
      ...(this.perspective !== undefined && { perspective: this.perspective }),
    };
  }

  private saveUiState(): void {
    window.clearTimeout(this.saveTimer);
    const services = this.services;
    const mapId = this.uiLoadedFor;
    if (!services || !mapId) return;
    const state = this.uiStateNow();
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = 0;
      void putUiState(services.db, state);
    }, SAVE_UI_DELAY_MS);
  }

  // ---- selection and focus ----

  private revealAndSelect(id: string): void {
    const tree = this.derived?.tree;
    if (!tree || !tree.byId.has(id)) return;
    const hidden = ancestors(tree, id).filter((a) => !this.expanded.has(a));
    if (hidden.length) this.expanded = new Set([...this.expanded, ...hidden]);
    this.selectedId = id;
    this.saveUiState();
  }

  private selectAndFocus(id: string): void {
    this.revealAndSelect(id);
    void this.updateComplete.then(() => this.treeEl?.focusSelected());
  }

  private onSelect = (e: CustomEvent<{ id: string }>): void => {
    const id = e.detail.id;
    // Jumping from the gap report or the sources list shows the node in the tree and its details.
    if (this.panel !== 'node' && e.target !== this.treeEl) this.panel = 'node';
    if (this.session && id !== this.session.id) void this.finishEditing('commit', { quiet: true });
    this.revealAndSelect(id);
    if (e.target !== this.treeEl) void this.updateComplete.then(() => this.treeEl?.focusSelected());
  };

  private onToggle = (e: CustomEvent<{ ids: string[]; expanded: boolean }>): void => {
    const next = new Set(this.expanded);
    for (const id of e.detail.ids) {
      if (e.detail.expanded) next.add(id);
      else next.delete(id);
    }
    this.expanded = next;
    this.saveUiState();
  };

  private onOpen = (e: CustomEvent<{ id: string }>): void => {
    this.selectedId = e.detail.id;
    this.sheetOpen = true;
    void this.updateComplete.then(() => this.detailEl?.focusHeading());
  };

  private closeSheet(): void {
    this.sheetOpen = false;
    this.treeEl?.focusSelected();
  }

  private onDetailKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !this.session) {
      e.preventDefault();
      this.closeSheet();
    }
  };

  private announce(text: string, error = false, undo = false): void {
    this.notice = { text, error, undo };
  }

  // ---- commands ----

  private get viewActions(): ViewActions {
    return {
      startEdit: (id, field) => this.startEdit(id, field),
      startNew: (parentId, relation, afterId) => this.startNew(parentId, relation, afterId),
      undo: () => this.undo(),
      redo: () => this.redo(),
      showHelp: () => void this.shortcutsEl?.open(),
      openMenu: () => this.openMenuAtSelection(),
      focusSearch: () => this.searchEl?.focusSearch(),
      cutId: this.cutId,
      setCut: (id) => (this.cutId = id),
    };
  }

  private context(): CommandContext | undefined {
    const tree = this.derived?.tree;
    const editor = this.editorInstance;
    if (!tree || !editor) return undefined;
    const selected = this.selectedId ? tree.byId.get(this.selectedId) : undefined;
    return { tree, selected, editor, view: this.viewActions };
  }

  /** Runs a command by id (buttons, menu, keys and tests all come here). */
  async run(id: string): Promise<void> {
    const command = COMMANDS.find((c) => c.id === id);
    if (command) await this.runCommand(command);
  }

  private async runCommand(command: Command): Promise<void> {
    const ctx = this.context();
    if (!ctx) return;
    if (this.pending && command.id !== 'help') {
      // A half-written new node comes first: finish or discard it before anything else.
      await this.finishEditing('commit', { quiet: true });
      if (this.pending) return;
    }
    const can = command.canRun(ctx);
    if (can !== true) {
      this.announce(can, true);
      return;
    }
    const result = await command.run(ctx);
    if (result) this.applyResult(result, command.id === 'delete');
  }

  private applyResult(result: EditResult, offerUndo = false): void {
    if (!result.ok) {
      this.announce(result.message, true);
      return;
    }
    if (result.message) this.announce(result.message, false, offerUndo);
    if (result.focusId) {
      // The live query delivers the change a moment later; focus follows it then (and now, if
      // the node is already on screen, e.g. after a move).
      this.focusWhenPresent = result.focusId;
      if (this.derived?.tree.byId.has(result.focusId)) this.selectAndFocus(result.focusId);
    }
  }

  private async undo(): Promise<void> {
    const stack = this.undoStack;
    if (!stack?.canUndo) return this.announce('Nothing to undo.', true);
    try {
      const entry = await stack.undo();
      if (entry) {
        this.announce(`Undone: ${entry.label}.`);
        if (entry.focusAfterUndo) this.applyResult({ ok: true, focusId: entry.focusAfterUndo });
      }
    } catch (e) {
      this.announce(e instanceof Error ? e.message : String(e), true);
    }
  }

  private async redo(): Promise<void> {
    const stack = this.undoStack;
    if (!stack?.canRedo) return this.announce('Nothing to redo.', true);
    try {
      const entry = await stack.redo();
      if (entry) {
        this.announce(`Redone: ${entry.label}.`);
        if (entry.focusAfterRedo) this.applyResult({ ok: true, focusId: entry.focusAfterRedo });
      }
    } catch (e) {
      this.announce(e instanceof Error ? e.message : String(e), true);
    }
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const command = commandForKey(keyOf(e));
    if (!command) return;
    // Commands on the selected node come from the tree; a key pressed on a button elsewhere (say
    // Delete on a citation's "Remove") must not delete the node. Undo, redo and help work anywhere.
    const fromTree = target?.getAttribute('role') === 'treeitem';
    if (!fromTree && command.group !== 'History' && command.group !== 'Help') return;
    e.preventDefault();
    e.stopPropagation();
    void this.runCommand(command);
  };

  private menuItems(): MenuItem[] {
    const ctx = this.context();
    if (!ctx) return [];
    return COMMANDS.filter((c) => c.id !== 'menu').map((c) => ({
      id: c.id,
      label: c.label(ctx),
      shortcut: c.keys[0]!.replace('Arrow', ''),
      enabled: c.canRun(ctx),
    }));
  }

  private openMenuAtSelection(): void {
    const row = this.treeEl?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.selectedId ?? '')}"]`);
    const box = row?.getBoundingClientRect();
    this.openMenu(box ? box.left + 40 : 40, box ? box.bottom : 80);
  }

  private openMenu(x: number, y: number): void {
    this.menu = { x, y };
    void this.updateComplete.then(() => this.menuEl?.focusFirst());
  }

  private onContextMenu = (e: MouseEvent): void => {
    const row = (e.composedPath() as HTMLElement[]).find((el) => el instanceof HTMLElement && el.dataset?.id);
    if (!row || !this.treeEl?.shadowRoot?.contains(row)) return;
    e.preventDefault();
    this.revealAndSelect(row.dataset.id!);
    this.openMenu(e.clientX, e.clientY);
  };

  private onMenuRun = (e: CustomEvent<{ id: string }>): void => {
    const fromMenu = this.menu !== undefined;
    this.menu = undefined;
    void this.run(e.detail.id).then(() => {
      if (fromMenu && !this.session) this.treeEl?.focusSelected();
    });
  };

  private onMenuClose = (): void => {
    this.menu = undefined;
    this.treeEl?.focusSelected();
  };

  private onMoveRequest = (e: CustomEvent<MoveRequestDetail>): void => {
    const tree = this.derived?.tree;
    const editor = this.editorInstance;
    if (!tree || !editor) return;
    const plan = planMove(tree, e.detail.id, e.detail.target);
    if (!plan.ok) return this.announce(plan.reason, true);
    void editor.move(e.detail.id, plan.placement).then((r) => this.applyResult(r));
  };

  private get raterName(): string {
    return this.services?.authorName.trim() || 'me';
  }

  private onRate = (e: CustomEvent<RateDetail>): void => {
    const id = this.selectedId;
    const editor = this.editorInstance;
    if (!id || !editor || id === this.pending?.id) return;
    const shown = (next: Rating | undefined, rater: string): void =>
      this.applyLocal('ratings', next ? [next] : [], (r) => r.nodeId === id && r.rater === rater);
    void editor.rate(id, this.raterName, e.detail.value, e.detail.rationale, shown).then((r) => {
      if (!r.ok) this.reloadFromDb();
      this.applyResult(r);
    });
  };

  private onAnnounce = (e: CustomEvent<{ text: string; error?: boolean; undo?: boolean }>): void => {
    this.announce(e.detail.text, e.detail.error === true, e.detail.undo === true);
  };

  /** The search module, loaded on first use (fuse.js and the index stay out of the initial load). */
  private searchModule?: typeof import('../search/index.js');

  private ensureSearchIndex = (): void => {
    if (this.searchIndex || this.searchLoading) return;
    this.searchLoading = true;
    void import('../search/index.js').then((module) => {
      this.searchModule = module;
      const bundle = this.bundle;
      if (bundle) {
        this.searchIndex = module.createSearchIndex(bundle);
        this.indexedFrom = bundle;
      }
    });
  };
  private searchLoading = false;

  /** Opens a dialog whose code loads on first use. */
  private async openLazy(which: 'export' | 'import'): Promise<void> {
    if (which === 'export') await import('./export-dialog.js');
    else await import('./import-dialog.js');
    await this.updateComplete;
    await (which === 'export' ? this.exportDialog : this.importDialog)?.open();
  }

  private onSearchChange = (e: CustomEvent<SearchChangeDetail>): void => {
    const ids = e.detail.ids;
    const tree = this.derived?.tree;
    if (!ids || !tree) {
      this.searchMatches = undefined;
      this.searchOnly = undefined;
      return;
    }
    // With no match at all there is nothing to set apart: keep the tree as it is.
    this.searchMatches = ids.length ? new Set(ids) : undefined;
    this.searchOnly = e.detail.onlyMatches ? visibleWithAncestors(tree, ids) : undefined;
  };

  private setPerspective(value: string): void {
    this.perspective = value === '' ? undefined : value;
    this.saveUiState();
  }

  // ---- editing ----

  private startEdit(id: string, field: 'text' | 'notes'): void {
    const node = this.derived?.tree.byId.get(id);
    if (!node) return;
    if (this.session) void this.finishEditing('commit', { quiet: true });
    const original = field === 'text' ? node.text : (node.notes ?? '');
    this.session = {
      id,
      field,
      isNew: false,
      original,
      originalEdited: node.edited === true,
      draft: original,
      lastSaved: original,
    };
    this.selectedId = id;
    this.saveState = 'saved';
    this.problem = '';
    this.sheetOpen = true;
    void this.updateComplete.then(() => this.detailEl?.focusEditor());
  }

  private startNew(parentId: string, relation: Relation, afterId?: string): void {
    const tree = this.derived?.tree;
    if (!tree || !this.services) return;
    const node = newChild(tree, {
      id: newId(),
      mapId: this.mapId,
      parentId,
      relation,
      text: '',
      now: now(),
      ...(this.services.authorName && { author: this.services.authorName }),
      ...(afterId && { afterId }),
    });
    this.pending = node;
    this.expanded = new Set([...this.expanded, parentId]);
    this.session = {
      id: node.id,
      field: 'text',
      isNew: true,
      original: '',
      originalEdited: false,
      draft: '',
      lastSaved: '',
    };
    this.selectedId = node.id;
    this.saveState = 'unsaved';
    this.problem = '';
    this.sheetOpen = true;
    void this.updateComplete.then(() => this.detailEl?.focusEditor());
  }

  private onDraft = (e: CustomEvent<DraftDetail>): void => {
    const s = this.session;
    if (!s) return;
    s.draft = e.detail.value;
    this.problem = '';
    if (s.isNew) return; // stored only once it is committed (or the page is hidden)
    if (s.draft === s.lastSaved) return;
    this.saveState = 'unsaved';
    const t = performance.now();
    if (!this.firstUnsavedAt) this.firstUnsavedAt = t;
    window.clearTimeout(this.textTimer);
    const wait = Math.max(0, Math.min(SAVE_TEXT_DELAY_MS, SAVE_TEXT_MAX_WAIT_MS - (t - this.firstUnsavedAt)));
    this.textTimer = window.setTimeout(() => void this.saveDraft(), wait);
  };

  /** Writes the draft of an existing node if it changed. Empty node text is never written. */
  private async saveDraft(): Promise<void> {
    window.clearTimeout(this.textTimer);
    this.firstUnsavedAt = 0;
    const s = this.session;
    const editor = this.editorInstance;
    if (!s || s.isNew || !editor || s.draft === s.lastSaved) return;
    if (s.field === 'text' && !checkText(s.draft).ok) return;
    const node = this.derived?.tree.byId.get(s.id);
    const value = s.draft;
    this.saveState = 'saving';
    const fields = this.fieldsFor(s, value, node?.origin === Origin.essay);
    if (node) {
      const row: Record<string, unknown> = { ...node, updatedAt: now() };
      // As Dexie's update() does: a field set to undefined is removed.
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) delete row[k];
        else row[k] = v;
      }
      this.applyLocal('nodes', [row as unknown as ArgNode]);
    }
    try {
      await editor.saveFields(s.id, fields);
      s.lastSaved = value;
      if (this.session === s) this.saveState = s.draft === value ? 'saved' : 'unsaved';
    } catch (e) {
      this.saveState = 'error';
      this.announce(e instanceof Error ? e.message : String(e), true);
      this.reloadFromDb();
    }
  }

  private fieldsFor(s: EditSession, value: string, fromEssay: boolean) {
    if (s.field === 'notes') return { notes: value.trim() === '' ? undefined : value };
    // Rewording a node taken from the essay keeps its quote and marks it as edited.
    return fromEssay
      ? { text: value, edited: value !== s.original || s.originalEdited ? true : undefined }
      : { text: value };
  }

  private onEditDone = (e: CustomEvent<EditDoneDetail>): void => {
    if (this.session) this.session.draft = e.detail.value;
    void this.finishEditing(e.detail.action);
  };

  /**
   * Ends the editing session. commit: saves (refusing empty text with a message); cancel:
   * restores the text it started from, or discards a new node.
   */
  private async finishEditing(action: 'commit' | 'cancel', opts: { quiet?: boolean } = {}): Promise<void> {
    const s = this.session;
    const editor = this.editorInstance;
    const tree = this.derived?.tree;
    if (!s || !editor || !tree) return;
    if (s.isNew) {
      const pending = this.pending;
      if (action === 'cancel' || !pending || (opts.quiet && s.draft.trim() === '')) {
        this.session = undefined;
        this.pending = undefined;
        const back = pending?.parentId ?? tree.root.id;
        if (opts.quiet) {
          if (pending) this.announce('The empty new node was discarded.');
        } else this.selectAndFocus(back);
        return;
      }
      const check = checkText(s.draft);
      if (!check.ok) {
        this.problem = check.reason;
        return;
      }
      this.session = undefined;
      this.pending = undefined;
      const stamp = now();
      const result = await editor.add(tree, { ...pending, text: s.draft, createdAt: stamp, updatedAt: stamp });
      if (!result.ok) {
        // Keep what was typed: put the editor back with the message.
        this.pending = pending;
        this.session = s;
        this.problem = result.message;
        return;
      }
      this.applyResult(opts.quiet ? ({ ...result, focusId: undefined } as EditResult) : result);
      return;
    }
    const node = tree.byId.get(s.id);
    if (action === 'cancel') {
      this.session = undefined;
      window.clearTimeout(this.textTimer);
      if (s.lastSaved !== s.original) {
        try {
          await editor.saveFields(s.id, {
            ...this.fieldsFor(s, s.original, false),
            ...(s.field === 'text' && node?.origin === Origin.essay && { edited: s.originalEdited ? true : undefined }),
          });
        } catch (e) {
          this.announce(e instanceof Error ? e.message : String(e), true);
        }
      }
      if (!opts.quiet) this.selectAndFocus(s.id);
      return;
    }
    if (s.field === 'text') {
      const check = checkText(s.draft);
      if (!check.ok) {
        if (opts.quiet) {
          // Leaving an emptied text: keep the last saved text rather than lose the node's words.
          this.session = undefined;
          this.announce('The text cannot be empty, so the last saved text was kept.', true);
          return;
        }
        this.problem = check.reason;
        return;
      }
    }
    await this.saveDraft();
    this.session = undefined;
    if (s.draft !== s.original) {
      const fromEssay = node?.origin === Origin.essay;
      const before =
        s.field === 'notes'
          ? { notes: s.original || undefined }
          : fromEssay
            ? { text: s.original, edited: s.originalEdited ? true : undefined }
            : { text: s.original };
      editor.recordEdit(
        s.id,
        before,
        this.fieldsFor(s, s.draft, fromEssay),
        s.field === 'notes' ? 'edit notes' : 'edit text',
      );
      if (!opts.quiet) this.announce('Saved.');
    }
    if (!opts.quiet) this.selectAndFocus(s.id);
  }

  /** Saves whatever is typed right now: the page is being hidden or closed. */
  private flushNow = (): void => {
    const s = this.session;
    const editor = this.editorInstance;
    const tree = this.derived?.tree;
    if (!s || !editor || !tree) return;
    if (s.isNew) {
      if (this.pending && checkText(s.draft).ok) {
        const stamp = now();
        const node = { ...this.pending, text: s.draft, createdAt: stamp, updatedAt: stamp };
        this.pending = undefined;
        this.session = { ...s, isNew: false, original: '', lastSaved: s.draft };
        void editor.add(tree, node);
      }
      return;
    }
    void this.saveDraft();
  };

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };

  /** Arrow keys move between the panel tabs (WAI-ARIA tabs pattern, automatic activation). */
  private onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const ids = PANELS.map(([id]) => id);
    const i = ids.indexOf(this.panel);
    this.panel = ids[(i + (e.key === 'ArrowRight' ? 1 : ids.length - 1)) % ids.length]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.panel}`)?.focus());
  };

  private renderSourcesPanel(d: Derived) {
    return html`<warrant-sources-panel
      .editor=${this.editorInstance}
      .sources=${d.bundle.sources}
      .citations=${d.bundle.citations}
      .nodes=${d.tree.byId}
    ></warrant-sources-panel>`;
  }

  // ---- rendering ----

  override render() {
    if (this.loadError) {
      return html`<div class="error" role="alert">
        This map could not be read from storage: ${String(this.loadError)}
      </div>`;
    }
    if (this.loading) return html`<p class="message muted" role="status">Opening the map…</p>`;
    const bundle = this.bundle;
    if (!bundle) {
      return html`<div class="message">
        <p>This map does not exist (it may have been deleted).</p>
        <a href="#/">Back to all maps</a>
      </div>`;
    }
    if (this.structureError || !this.derived) {
      return html`<div class="error" role="alert">This map's tree is damaged: ${this.structureError}</div>`;
    }
    const d = this.derived;
    const doc = bundle.map.document;
    const selected = this.selectedId ? d.tree.byId.get(this.selectedId) : undefined;
    const stack = this.undoStack;
    const ctx = this.context();
    const actions = this.stableActions(
      ctx && selected
        ? COMMANDS.filter((c) => c.button).map((c) => ({
            id: c.id,
            label: c.label(ctx),
            shortcut: c.keys[0]!,
            enabled: c.canRun(ctx),
          }))
        : [],
    );
    const editingHere = this.session && selected && this.session.id === selected.id ? this.session.field : undefined;
    void this.historyVersion;
    return html`
      <header>
        <div class="head-row">
          <div class="head-text">
            <h1>${bundle.map.title}</h1>
            ${
              doc
                ? html`<p class="doc">
                    Maps:
                    ${doc.url ? html`<a href=${doc.url} target="_blank" rel="noopener noreferrer">${doc.title}</a>` : html`<cite>${doc.title}</cite>`}${
                      doc.author ? html` by ${doc.author}` : nothing
                    }${doc.date ? html`, ${doc.date}` : nothing}
                  </p>`
                : nothing
            }
          </div>
          <div class="thesis-standing" role="group" aria-label="How the thesis stands">
            ${
              d.base.rated.size
                ? html`<span class="big" title="The thesis's standing, computed from the ratings and the tree"
                    ><span class="label">Thesis stands at</span>
                    <strong>${d.evaluation.thesis.toFixed(2)}</strong></span
                  >`
                : html`<span class="big"><span class="label">Thesis: nothing rated yet.</span></span>
                    <span class="muted">Rate the evidence of the nodes to see how the thesis stands.</span>`
            }
            <span class="range muted"
              >${SEMANTICS_LABELS[this.services!.evaluation.semantics]}${
                d.range.unrated
                  ? html` · ${d.range.unrated} unrated node${d.range.unrated === 1 ? '' : 's'}: it could be anywhere
                    from ${d.range.min.toFixed(2)} to ${d.range.max.toFixed(2)}`
                  : nothing
              }</span
            >
            <label class="perspective"
              >View as
              <select @change=${(e: Event) => this.setPerspective((e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${this.perspective === undefined}>everyone (mean)</option>
                ${[...new Set([...d.raters, ...(this.perspective ? [this.perspective] : [])])].map(
                  (r) => html`<option value=${r} ?selected=${this.perspective === r}>${r}</option>`,
                )}
              </select></label
            >
          </div>
          <div class="tools" role="toolbar" aria-label="History">
            <button
              ?disabled=${!stack?.canUndo}
              @click=${() => this.undo()}
              title=${stack?.undoLabel ? `Undo ${stack.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
            >
              Undo<span class="sr-only">${stack?.undoLabel ? ` ${stack.undoLabel}` : ''}</span>
            </button>
            <button
              ?disabled=${!stack?.canRedo}
              @click=${() => this.redo()}
              title=${stack?.redoLabel ? `Redo ${stack.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            >
              Redo<span class="sr-only">${stack?.redoLabel ? ` ${stack.redoLabel}` : ''}</span>
            </button>
            <button @click=${() => void this.openLazy('export')}>Export…</button>
            <button @click=${() => void this.openLazy('import')}>Import…</button>
            <button class="wide" @click=${() => window.print()}>Print</button>
            <button
              @click=${() => void this.shortcutsEl?.open()}
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
            >
              ?
            </button>
          </div>
        </div>
        <div class="notice ${this.notice?.error ? 'error' : ''}" role="status" aria-live="polite">
          ${
            this.notice
              ? html`<span>${this.notice.text}</span>${
                    this.notice.undo && stack?.canUndo
                      ? html`<button @click=${() => this.undo()}>Undo</button>`
                      : nothing
                  }`
              : nothing
          }
        </div>
      </header>
      <div
        class="body"
        @warrant-select=${this.onSelect}
        @warrant-toggle=${this.onToggle}
        @warrant-open=${this.onOpen}
        @warrant-move-request=${this.onMoveRequest}
        @warrant-menu-run=${this.onMenuRun}
        @warrant-menu-close=${this.onMenuClose}
        @warrant-draft=${this.onDraft}
        @warrant-edit-done=${this.onEditDone}
        @warrant-rate=${this.onRate}
        @warrant-announce=${this.onAnnounce}
        @keydown=${this.onKeyDown}
        @contextmenu=${this.onContextMenu}
      >
        <div class="left">
          <warrant-search
            .index=${this.searchIndex}
            .version=${this.indexVersion}
            .raters=${d.raters}
            @focusin=${this.ensureSearchIndex}
            @warrant-search-wanted=${this.ensureSearchIndex}
            @warrant-search-change=${this.onSearchChange}
          ></warrant-search>
          <warrant-tree
            .tree=${d.tree}
            .expanded=${this.treeExpanded()}
            .only=${this.searchOnly}
            .matchIds=${this.searchMatches}
            .selectedId=${this.selectedId}
            .metaOf=${d.metaOf}
            .cutId=${this.cutId}
            label="Argument map: ${bundle.map.title}"
          ></warrant-tree>
        </div>
        <section class="detail ${this.sheetOpen ? 'open' : ''}" aria-label="Details" @keydown=${this.onDetailKeyDown}>
          <div class="detail-bar"><button @click=${this.closeSheet}>Close</button></div>
          <div class="tabs" role="tablist" aria-label="Panels" @keydown=${this.onTabKey}>
            ${PANELS.map(
              ([id, label]) =>
                html`<button
                  role="tab"
                  id="tab-${id}"
                  aria-controls="panel"
                  aria-selected=${this.panel === id ? 'true' : 'false'}
                  tabindex=${this.panel === id ? 0 : -1}
                  @click=${() => (this.panel = id)}
                >
                  ${label}
                </button>`,
            )}
          </div>
          <div class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.panel}">
            ${
              this.panel === 'gaps'
                ? html`<warrant-gap-report
                    .tree=${d.tree}
                    .citations=${bundle.citations}
                    .evaluation=${d.evaluation}
                    .base=${d.base}
                    .perspectiveLabel=${this.perspective ?? 'everyone (mean)'}
                  ></warrant-gap-report>`
                : this.panel === 'sources'
                  ? this.renderSourcesPanel(d)
                  : html`<warrant-node-detail
                      .tree=${d.tree}
                      .node=${selected}
                      .allSources=${bundle.sources}
                      .allCitations=${bundle.citations}
                      .editor=${this.editorInstance}
                      .citations=${(selected && d.citationsByNode.get(selected.id)) ?? NO_ROWS}
                      .ratings=${(selected && d.ratingsByNode.get(selected.id)) ?? NO_ROWS}
                      .actions=${actions}
                      .editing=${editingHere}
                      ?isNew=${this.session?.isNew === true && editingHere !== undefined}
                      .saveState=${this.saveState}
                      .problem=${this.problem}
                      .rater=${this.raterName}
                      .perspective=${this.perspective}
                    >
                      <warrant-explanation
                        slot="explanation"
                        .tree=${d.tree}
                        .evaluation=${d.evaluation}
                        .base=${d.base}
                        .nodeId=${selected && !this.session?.isNew ? selected.id : undefined}
                        .semanticsLabel=${SEMANTICS_LABELS[this.services!.evaluation.semantics]}
                      ></warrant-explanation>
                    </warrant-node-detail>`
            }
          </div>
        </section>
        ${
          this.menu
            ? html`<warrant-command-menu
                .items=${this.menuItems()}
                .x=${this.menu.x}
                .y=${this.menu.y}
              ></warrant-command-menu>`
            : nothing
        }
      </div>
      <warrant-shortcuts></warrant-shortcuts>
      <warrant-export-dialog
        .bundle=${d.bundle}
        .evaluationSettings=${this.services!.evaluation}
        .perspective=${this.perspective}
      ></warrant-export-dialog>
      <warrant-import-dialog .currentMapId=${this.mapId} .currentMapTitle=${bundle.map.title}></warrant-import-dialog>
      <warrant-print-outline
        .bundle=${d.bundle}
        .evaluationSettings=${this.services!.evaluation}
        .perspective=${this.perspective}
      ></warrant-print-outline>
    `;
  }
}
