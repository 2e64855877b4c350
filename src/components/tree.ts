/**
 * <warrant-tree>: the argument tree, following the WAI-ARIA tree pattern (tree / treeitem,
 * aria-level / setsize / posinset, aria-expanded on parents, a roving tabindex, arrows, Home/End,
 * type-ahead, `*`). Only the rows on screen are in the DOM, so a 10,000-node map scrolls as
 * smoothly as a ten-node one; the focused row is always rendered so focus is never lost. The
 * rows are flat treeitems carrying their level (the APG's "flat" variant): nested groups cannot
 * be windowed. Row elements are recycled as the tree scrolls (see syncRows): Lit renders the
 * scroller and each row's content (tree-row.ts), the tree places the row elements itself.
 * Keys are in tree-keys.ts, drag and drop in tree-drag.ts, styles in tree.styles.ts.
 *
 * The tree owns no data: it receives the tree, the expanded ids and the selection, and asks for
 * changes with events (warrant-select, warrant-toggle, warrant-open).
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { cspStyle } from './csp-style.js';
import type { MoveTarget } from '../model/edits.js';
import { flattenVisible, kindOf, type Tree, type VisibleRow } from '../model/tree.js';
import { Origin, type ArgNode, type Link, type NodeKind } from '../model/types.js';
import { kindStyles } from './kind-style.js';
import type { RowMeta } from '../state/derive.js';
import { treeStyles } from './tree.styles.js';
import { newRowView, paintRow, type RowLink, type RowView } from './tree-row.js';
import { stableViews } from './tree-recycle.js';
import { treeKey, TypeAhead } from './tree-keys.js';
import { TreeDragController } from './tree-drag.js';

export type { RowMeta };

/** Events the tree sends up. */
export interface TreeSelectDetail {
  id: string;
}
interface TreeToggleDetail {
  ids: string[];
  expanded: boolean;
}
/** A node dropped somewhere (drag and drop); the map view plans and runs the move. */
export interface MoveRequestDetail {
  id: string;
  target: MoveTarget;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-tree': WarrantTree;
  }
  interface HTMLElementEventMap {
    'warrant-select': CustomEvent<TreeSelectDetail>;
    'warrant-toggle': CustomEvent<TreeToggleDetail>;
    'warrant-open': CustomEvent<TreeSelectDetail>;
    'warrant-move-request': CustomEvent<MoveRequestDetail>;
  }
}

const OVERSCAN = 6;

/** A scroll that moves more than this many screens at once (a fling, a drag of the scroll bar) renders no overscan. */
const FAST_SCROLL_SCREENS = 1;
/** Overscan comes back this long after the last fast scroll. */
const SETTLE_MS = 120;

@customElement('warrant-tree')
export class WarrantTree extends LitElement {
  static override styles = [kindStyles, treeStyles];

  /** The tree to show (see model/tree.ts). */
  @property({ attribute: false }) tree?: Tree<ArgNode>;
  /** Ids of expanded nodes. */
  @property({ attribute: false }) expanded: ReadonlySet<string> = new Set();
  /** The selected (and focusable) node. */
  @property({ attribute: false }) selectedId?: string;
  /** Source and rating counts per node, asked for the rows on screen only. */
  @property({ attribute: false }) metaOf: (nodeId: string) => RowMeta | undefined = () => undefined;
  /** The map's cross-links: their rows say where they point, and Enter or "Go" jumps there. */
  @property({ attribute: false }) links?: readonly Link[];
  /** Accessible name of the tree. */
  @property() label = 'Argument tree';
  /** A node cut with Ctrl+X, waiting to be pasted (shown dimmed). */
  @property({ attribute: false }) cutId?: string;
  /** When set, only these rows are shown (search matches and their ancestors). */
  @property({ attribute: false }) only?: ReadonlySet<string>;
  /** Search matches: other rows shown (ancestors) are dimmed. */
  @property({ attribute: false }) matchIds?: ReadonlySet<string>;
  /**
   * Anonymous mode's names (Student A, B ...) by person: rows then say "added by Student A", and
   * never a name (someone missing here is "a student"). Undefined: rows say the author's name.
   */
  @property({ attribute: false }) anonymousNames?: ReadonlyMap<string, string>;

  private selectedAtPointerDown?: string;
  private readonly drag = new TreeDragController(this);

  @state() private scrollPos = 0;
  @state() private viewport = 600;
  @state() private rowHeight = 58;
  @state() private lines = 2;
  /** The last scroll moved more than a screen: render no overscan (see onScroll). */
  @state() private fastScroll = false;
  private settleTimer = 0;

  @query('.scroller') private scroller!: HTMLElement;

  private rows: VisibleRow<ArgNode>[] = [];
  private indexById = new Map<string, number>();
  private kinds = new WeakMap<ArgNode, NodeKind>();
  private readonly typeAhead = new TypeAhead();
  private resizeObserver?: ResizeObserver;
  /** Set when the next render should move DOM focus to the selected row. */
  private focusAfterRender = false;
  private linkOf = new Map<string, Link>();
  /** A link's target to focus once the map view has expanded the way to it. */
  private jumpTarget?: string;

  /** The rows currently visible (expanded), in order. For tests and the map view. */
  get visibleRows(): readonly VisibleRow<ArgNode>[] {
    return this.rows;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box) return;
      this.viewport = box.height || 600;
      // Narrow screens give each row a third line so a claim is not cut off after a few words.
      this.lines = box.width < 560 ? 3 : 2;
      this.rowHeight = this.lines * 20 + 18;
    });
  }

  override firstUpdated(): void {
    this.resizeObserver?.observe(this.scroller);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    window.clearTimeout(this.settleTimer);
    this.typeAhead.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('tree') || changed.has('expanded') || changed.has('only')) && this.tree) {
      const all = flattenVisible(this.tree, this.expanded);
      const only = this.only;
      this.rows = only ? all.filter((r) => only.has(r.node.id)) : all;
      this.indexById = new Map(this.rows.map((r, i) => [r.node.id, i]));
      this.kinds = new WeakMap();
    }
    if (changed.has('links')) this.linkOf = new Map((this.links ?? []).map((l) => [l.nodeId, l]));
    if (changed.has('rowHeight') || changed.has('lines')) {
      this.style.setProperty('--row-h', `${this.rowHeight}px`);
      this.style.setProperty('--lines', String(this.lines));
    }
  }

  protected override updated(): void {
    const jump = this.jumpTarget;
    if (jump !== undefined && this.indexById.has(jump) && this.selectedId === jump) {
      this.jumpTarget = undefined;
      this.ensureVisible(this.indexById.get(jump)!);
      this.focusAfterRender = true;
      this.requestUpdate();
      return;
    }
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      this.rowElement(this.activeId)?.focus({ preventScroll: true });
    }
  }

  /** How far the rows are scrolled (the map view keeps it across a reload). */
  get scrollOffset(): number {
    return this.scroller?.scrollTop ?? this.scrollPos;
  }
  /** Scrolls to a kept offset once the rows are laid out. */
  set scrollOffset(top: number) {
    void this.updateComplete.then(() => {
      if (!this.scroller) return;
      this.scroller.scrollTop = top;
      this.scrollPos = this.scroller.scrollTop;
    });
  }

  /** Moves DOM focus to the selected row (scrolling it into view). */
  focusSelected(): void {
    const index = this.indexById.get(this.activeId ?? '') ?? 0;
    this.ensureVisible(index);
    this.focusAfterRender = true;
    this.requestUpdate();
  }

  /** The id that holds the roving tabindex: the selection if visible, else the thesis. */
  private get activeId(): string | undefined {
    if (this.selectedId && this.indexById.has(this.selectedId)) return this.selectedId;
    return this.rows[0]?.node.id;
  }

  private kind(node: ArgNode): NodeKind {
    let k = this.kinds.get(node);
    if (!k) {
      k = kindOf(this.tree!, node);
      this.kinds.set(node, k);
    }
    return k;
  }

  private rowElement(id: string | undefined): HTMLElement | null {
    if (!id) return null;
    return this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  }

  private ensureVisible(index: number): void {
    const top = index * this.rowHeight;
    const el = this.scroller;
    if (!el) return;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + this.rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + this.rowHeight - el.clientHeight;
    this.scrollPos = el.scrollTop;
  }

  private select(id: string, focus: boolean): void {
    const index = this.indexById.get(id);
    if (index === undefined) return;
    this.ensureVisible(index);
    if (focus) this.focusAfterRender = true;
    if (id !== this.selectedId) {
      this.selectedId = id;
      this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id }, bubbles: true, composed: true }));
    }
    this.requestUpdate();
  }

  private toggle(ids: string[], expanded: boolean): void {
    if (!ids.length) return;
    this.dispatchEvent(new CustomEvent('warrant-toggle', { detail: { ids, expanded }, bubbles: true, composed: true }));
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-open', { detail: { id }, bubbles: true, composed: true }));
  }

  /** Selects and focuses what the link row `id` points at (the map view expands the way there). */
  private jumpToLink(id: string): void {
    const target = this.linkOf.get(id)?.targetId;
    if (target === undefined || !this.tree?.byId.has(target)) return;
    this.jumpTarget = target;
    this.selectedId = target;
    this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id: target }, bubbles: true, composed: true }));
    this.requestUpdate();
  }

  /** Selection follows focus (single-select tree): a row focused by any means becomes selected. */
  private onFocusIn = (e: FocusEvent): void => {
    const id = (e.target as HTMLElement).dataset?.id;
    if (id && id !== this.selectedId) this.select(id, false);
  };

  /**
   * Scroll events come once per frame. A move of more than a screen (a fling, a drag of the
   * scroll bar) renders just the rows on screen: overscan would be thrown away by the next frame.
   * Overscan comes back when the scrolling slows down or stops.
   */
  private onScroll = (): void => {
    const pos = this.scroller.scrollTop;
    const fast = Math.abs(pos - this.scrollPos) > this.viewport * FAST_SCROLL_SCREENS;
    this.scrollPos = pos;
    window.clearTimeout(this.settleTimer);
    if (fast) this.settleTimer = window.setTimeout(() => (this.fastScroll = false), SETTLE_MS);
    this.fastScroll = fast;
  };

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || !this.tree) return;
    const id = this.activeId;
    if (!id) return;
    const index = this.indexById.get(id) ?? 0;
    const action = treeKey(e.key, e.shiftKey, {
      tree: this.tree,
      rows: this.rows,
      index,
      expanded: this.expanded,
      isLink: (nodeId) => this.linkOf.get(nodeId)?.targetId !== undefined,
    });
    if (!action) return;
    switch (action.kind) {
      case 'select':
        this.select(action.id, true);
        break;
      case 'toggle':
        this.toggle(action.ids, action.expanded);
        break;
      case 'open':
        this.open(action.id);
        break;
      case 'jump':
        this.jumpToLink(action.id);
        break;
      case 'typeahead': {
        const found = this.typeAhead.next(action.char, this.rows, index);
        if (found !== undefined) this.select(found, true);
        break;
      }
      case 'none':
        break;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  /**
   * The row an event happened in, and its element. Row events are listened to once, on the
   * scroller, not on every row: rows are recycled as the tree scrolls, so they carry no listeners.
   */
  rowAt(e: Event): { el: HTMLElement; row: VisibleRow<ArgNode> } | undefined {
    const el = (e.target as Element | null)?.closest?.<HTMLElement>('.row');
    const id = el?.dataset.id;
    const index = id === undefined ? undefined : this.indexById.get(id);
    const row = index === undefined ? undefined : this.rows[index];
    return el && row ? { el, row } : undefined;
  }

  private onRowClick = (e: MouseEvent): void => {
    const row = this.rowAt(e)?.row;
    if (!row) return;
    const onToggle = (e.target as HTMLElement).closest('.toggle');
    if (onToggle && row.hasChildren) this.toggle([row.node.id], !row.expanded);
    // A second tap on the selected row opens its details (the phone's way to reach them). The
    // selection is read as it was at pointer-down: focusing the row already selects it.
    const wasSelected = row.node.id === this.selectedAtPointerDown;
    this.select(row.node.id, true);
    if (wasSelected && !onToggle && e.detail === 1) this.open(row.node.id);
  };

  private onRowMouseDown = (e: MouseEvent): void => {
    if (!this.rowAt(e)) return;
    this.selectedAtPointerDown = this.selectedId;
    if (e.detail > 1) e.preventDefault();
  };

  private onRowDblClick = (e: MouseEvent): void => {
    const row = this.rowAt(e)?.row;
    if (row) this.open(row.node.id);
  };

  /** The link a row shows, if it is a link row. */
  private rowLink(id: string): RowLink | undefined {
    const link = this.linkOf.get(id);
    if (!link) return undefined;
    const target = link.targetId !== undefined ? this.tree?.byId.get(link.targetId) : undefined;
    return { link, target, go: () => this.jumpToLink(link.nodeId) };
  }

  /** Brings a row element up to date with the row at `index`. */
  private paint(view: RowView, row: VisibleRow<ArgNode>, index: number): void {
    const { node } = row;
    const id = node.id;
    const dropOn = this.drag.dropOn;
    const drop = dropOn?.id === id ? dropOn.zone : undefined;
    const rel = node.relation === null ? 'rel-root' : `rel-${node.relation}`;
    const cls = `row ${rel}${id === this.cutId ? ' cut' : ''}${drop ? ` drop-${drop}` : ''}${this.matchIds && !this.matchIds.has(id) ? ' dim' : ''}`;
    paintRow(view, {
      row,
      attrs: {
        'data-id': id,
        class: cls,
        draggable: node.parentId === null ? 'false' : 'true',
        'aria-level': String(row.level),
        'aria-setsize': String(row.setSize),
        'aria-posinset': String(row.posInSet),
        'aria-expanded': row.hasChildren ? String(row.expanded) : null,
        'aria-selected': id === this.selectedId ? 'true' : 'false',
        tabindex: id === this.activeId ? '0' : '-1',
      },
      top: index * this.rowHeight,
      kind: this.kind(node),
      meta: this.metaOf(id),
      drop,
      link: this.rowLink(id),
      by: this.addedBy(node),
    });
  }

  /** Who added the node, as its row says it; undefined for the essay's and the class's nodes. */
  private addedBy(node: ArgNode): string | undefined {
    if (node.origin !== Origin.added || node.author === undefined) return undefined;
    const names = this.anonymousNames;
    return names ? (names.get(node.author) ?? 'a student') : node.author;
  }

  /**
   * The rows to render, in display order: those on screen (with some overscan while scrolling
   * slowly), the active row (the tab stop) and the row holding DOM focus, wherever they are.
   */
  private wantedIndices(): number[] {
    const total = this.rows.length;
    const h = this.rowHeight;
    const overscan = this.fastScroll ? 0 : OVERSCAN;
    const first = Math.max(0, Math.floor(this.scrollPos / h) - overscan);
    const last = Math.min(total - 1, Math.ceil((this.scrollPos + this.viewport) / h) + overscan);
    const pinned = new Set<number>();
    const activeIndex = this.indexById.get(this.activeId ?? '');
    if (activeIndex !== undefined) pinned.add(activeIndex);
    const focusedId = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset?.id;
    const focusedIndex = focusedId === undefined ? undefined : this.indexById.get(focusedId);
    if (focusedIndex !== undefined) pinned.add(focusedIndex);
    const indices = [...pinned].filter((i) => i < first).sort((a, b) => a - b);
    for (let i = first; i <= last; i++) indices.push(i);
    indices.push(...[...pinned].filter((i) => i > last).sort((a, b) => a - b));
    return indices;
  }

  /**
   * Rows are recycled, not re-created. A node keeps its element while it stays rendered, so the
   * focused row is never torn down or reused under the focus. Elements whose node has scrolled
   * away are given, in order, to the nodes scrolling in: a jump of a screen or more updates every
   * element in place and moves none; a scroll of a few rows moves those few to the other end.
   * The DOM order stays the display order (screen readers read it). Row events are listened to
   * on the scroller, so the elements carry no listeners.
   */
  private views: RowView[] = [];
  private viewOf = new Map<string, RowView>();
  private rowParent?: HTMLElement;

  private syncRows(): void {
    const parent = this.renderRoot.querySelector<HTMLElement>('.spacer') ?? undefined;
    if (parent !== this.rowParent) {
      this.rowParent = parent;
      this.views = [];
      this.viewOf = new Map();
    }
    if (!parent) return;
    const indices = this.wantedIndices();
    const ids = indices.map((i) => this.rows[i]!.node.id);
    const wanted = new Set(ids);
    const free = this.views.filter((v) => !wanted.has(v.id));
    let f = 0;
    const next = ids.map((id) => this.viewOf.get(id) ?? free[f++] ?? newRowView());
    for (let k = f; k < free.length; k++) free[k]!.el.remove();
    const oldPosition = new Map(this.views.map((v, k) => [v, k]));
    const focused = this.shadowRoot?.activeElement;
    const stay = stableViews(
      next.map((v) => oldPosition.get(v) ?? -1),
      next.findIndex((v) => v.el === focused),
    );
    // Placed from the end: each element that moves goes just before its successor.
    let before: HTMLElement | null = null;
    for (let k = next.length - 1; k >= 0; k--) {
      const view = next[k]!;
      if (!stay[k]) parent.insertBefore(view.el, before);
      before = view.el;
    }
    this.viewOf = new Map();
    for (let k = 0; k < next.length; k++) {
      const view = next[k]!;
      view.id = ids[k]!;
      this.viewOf.set(view.id, view);
      this.paint(view, this.rows[indices[k]!]!, indices[k]!);
    }
    this.views = next;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.syncRows();
  }

  override render() {
    if (!this.tree) return html`<div class="empty">No map loaded.</div>`;
    const { drag } = this;
    return html`<div
      class="scroller"
      role="tree"
      aria-label=${this.label}
      @scroll=${this.onScroll}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
      @click=${this.onRowClick}
      @mousedown=${this.onRowMouseDown}
      @dblclick=${this.onRowDblClick}
      @dragstart=${drag.onDragStart}
      @dragover=${drag.onDragOver}
      @dragleave=${drag.onDragLeave}
      @drop=${drag.onDrop}
      @dragend=${drag.onDragEnd}
    >
      <div class="spacer" role="none" style=${cspStyle({ height: `${this.rows.length * this.rowHeight}px` })}></div>
    </div>`;
  }
}
