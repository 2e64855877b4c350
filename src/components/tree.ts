/**
 * <warrant-tree>: the argument tree, following the WAI-ARIA tree pattern (tree / treeitem,
 * aria-level / setsize / posinset, aria-expanded on parents, a roving tabindex, arrows, Home/End,
 * type-ahead, `*`). Only the rows on screen are in the DOM, so a 10,000-node map scrolls as
 * smoothly as a ten-node one; the focused row is always rendered so focus is never lost. The
 * rows are flat treeitems carrying their level (the APG's "flat" variant): nested groups cannot
 * be windowed. Row elements are recycled as the tree scrolls (see syncRows): Lit renders the
 * scroller and each row's content, the tree places the row elements itself.
 *
 * The tree owns no data: it receives the tree, the expanded ids and the selection, and asks for
 * changes with events (warrant-select, warrant-toggle, warrant-open).
 */
import { LitElement, css, html, nothing, render as litRender, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { cspStyle } from './csp-style.js';
import type { MoveTarget } from '../model/edits.js';
import { flattenVisible, kindOf, childrenOf, type Tree, type VisibleRow } from '../model/tree.js';
import type { ArgNode, Link, NodeKind } from '../model/types.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { plainLine } from '../model/text.js';

import type { RowMeta } from '../state/derive.js';

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

/** Where a dragged node would land on a row. */
type DropZone = 'before' | 'after' | 'supports' | 'opposes';

const DRAG_TYPE = 'application/x-warrant-node';

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

const TYPEAHEAD_RESET_MS = 600;
/** A scroll that moves more than this many screens at once (a fling, a drag of the scroll bar) renders no overscan. */
const FAST_SCROLL_SCREENS = 1;
/** Overscan comes back this long after the last fast scroll. */
const SETTLE_MS = 120;

// Rows show their text as plain text: rendering Markdown through marked and DOMPurify for every
// row that scrolls into view cost about 40 ms a frame at 10,000 nodes. The detail panel shows the
// rendered Markdown. Node objects are replaced when they change, so a WeakMap drops stale entries.
const rowTexts = new WeakMap<ArgNode, string>();
function rowText(node: ArgNode): string {
  let t = rowTexts.get(node);
  if (t === undefined) {
    t = plainLine(node.text, 400);
    rowTexts.set(node, t);
  }
  return t;
}

const plain = new WeakMap<ArgNode, string>();
function plainStart(node: ArgNode): string {
  let p = plain.get(node);
  if (p === undefined) {
    p = node.text
      .slice(0, 200)
      .replace(/[*_`#>[\]()~|\\]/g, '')
      .trim()
      .toLowerCase();
    plain.set(node, p);
  }
  return p;
}

@customElement('warrant-tree')
export class WarrantTree extends LitElement {
  static override styles = [
    kindStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 0;
        --row-h: 58px;
        --indent: 22px;
      }
      .scroller {
        height: 100%;
        overflow-y: auto;
        overflow-x: hidden;
        position: relative;
        outline: none;
        contain: strict;
      }
      .spacer {
        position: relative;
        width: 100%;
      }
      .row {
        position: absolute;
        left: 0;
        right: 0;
        height: var(--row-h);
        box-sizing: border-box;
        /* A row's size never depends on its content: changing one row lays out and paints that row only. */
        contain: strict;
        display: flex;
        align-items: flex-start;
        padding: 7px 8px 7px 4px;
        border-bottom: 1px solid var(--rule);
        cursor: default;
        outline: none;
        font-size: 15px;
        line-height: 20px;
        color: var(--ink);
        background: var(--surface);
      }
      .row:hover {
        background: var(--hover);
      }
      .row[aria-selected='true'] {
        background: var(--selected);
      }
      .row.cut {
        opacity: 0.55;
      }
      /* Rows that are not search matches: greyed but still readable (contrast stays AA). */
      .row.dim {
        background: var(--panel);
      }
      .row.dim .content {
        color: var(--muted);
        font-weight: 400;
      }
      .row.drop-before {
        box-shadow: inset 0 3px 0 var(--focus);
      }
      .row.drop-after {
        box-shadow: inset 0 -3px 0 var(--focus);
      }
      .row.drop-supports,
      .row.drop-opposes {
        background: var(--selected);
        box-shadow: inset 0 0 0 2px var(--focus);
      }
      .drop-label {
        position: absolute;
        right: 8px;
        bottom: 2px;
        font-size: 12px;
        font-weight: 600;
        color: var(--focus);
        background: var(--surface);
        padding: 0 4px;
      }
      .row:focus-visible {
        box-shadow: inset 0 0 0 3px var(--focus);
      }
      .row.rel-opposes .content {
        border-left: 3px dashed var(--oppose-ink);
      }
      .row.rel-supports .content {
        border-left: 3px solid var(--support-ink);
      }
      .row.rel-root .content {
        border-left: 3px double var(--thesis-ink);
        font-weight: 600;
      }
      /* Parts a row does not need are hidden, not left out, so a recycled row keeps its shape. */
      .row [hidden] {
        display: none !important;
      }
      .toggle {
        flex: none;
        width: 28px;
        height: 28px;
        margin-top: -4px;
        display: grid;
        place-items: center;
        border-radius: 4px;
        color: var(--muted);
        font-size: 13px;
        cursor: pointer;
        user-select: none;
      }
      .toggle:hover {
        background: var(--hover-strong);
        color: var(--ink);
      }
      .toggle.leaf {
        cursor: default;
        background: none;
      }
      .content {
        flex: 1;
        min-width: 0;
        padding-left: 8px;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: var(--lines, 2);
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      /* A link row: the statement is elsewhere; an arrow, italics and a Go button say so. */
      .link-row {
        font-style: italic;
      }
      .go {
        font: inherit;
        font-size: 0.85em;
        padding: 0 0.5em;
        margin-left: 0.3em;
        border: 1px solid var(--link);
        border-radius: 3px;
        background: var(--surface);
        color: var(--link);
        cursor: pointer;
      }
      .content p {
        display: inline;
        margin: 0;
      }
      .content a {
        color: var(--link);
      }
      .content code {
        font-size: 0.92em;
      }
      .meta {
        flex: none;
        display: flex;
        gap: 6px;
        margin-left: 8px;
        font-size: 12px;
        line-height: 20px;
        color: var(--muted);
        white-space: nowrap;
      }
      .meta .count {
        display: inline-flex;
        gap: 2px;
        align-items: center;
      }
      .meta .warn {
        color: var(--warn-ink);
        display: inline-flex;
        align-items: center;
      }
      /* Icons drawn by CSS masks in the current colour: one box each, where an inline SVG is
         several layout objects in every row that scrolls into view. */
      .mask {
        flex: none;
        background-color: currentColor;
        -webkit-mask: var(--mask) center / contain no-repeat;
        mask: var(--mask) center / contain no-repeat;
      }
      .i-warn {
        width: 13px;
        height: 12px;
        --mask: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 13 12' fill='none' stroke='black' stroke-width='1.4'%3E%3Cpath d='M6.5 1 12 11H1z' stroke-linejoin='round'/%3E%3Cpath d='M6.5 4.5v3.2M6.5 9v.4'/%3E%3C/svg%3E");
      }
      .i-source {
        width: 11px;
        height: 13px;
        --mask: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 11 13' fill='none' stroke='black' stroke-width='1.3'%3E%3Cpath d='M1 1h6l3 3v8H1z'/%3E%3Cpath d='M3 6h5M3 8.5h5'/%3E%3C/svg%3E");
      }
      /* The standing meter: a frame, filled by background-size (set on each row's meter). */
      .bar {
        flex: none;
        box-sizing: border-box;
        width: 30px;
        height: 8px;
        padding: 1px;
        border: 1px solid currentColor;
        border-radius: 2px;
        background: linear-gradient(currentColor, currentColor) content-box no-repeat;
        background-size: 0 100%;
      }
      @media (forced-colors: active) {
        .mask,
        .bar {
          forced-color-adjust: none;
          color: CanvasText;
        }
      }
      .meta .unrated {
        font-style: italic;
      }
      .meta .standing {
        display: inline-flex;
        align-items: center;
        gap: 3px;
        color: var(--thesis-ink);
      }
      /* Nothing rated below: an empty, dashed meter, never a confident number. */
      .meta .standing.none .bar {
        border-style: dashed;
        opacity: 0.6;
      }
      .meta .standing .num {
        display: none;
        font-variant-numeric: tabular-nums;
      }
      .row:hover .meta .standing .num,
      .row:focus .meta .standing .num,
      .row[aria-selected='true'] .meta .standing .num {
        display: inline;
      }
      @media (max-width: 560px) {
        .meta .rating {
          display: none;
        }
      }
      .sr-only {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .empty {
        padding: 1rem;
        color: var(--muted);
      }
    `,
  ];

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

  @state() private dropOn?: { id: string; zone: DropZone };
  private selectedAtPointerDown?: string;
  private dragId?: string;

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
  private typeahead = '';
  private typeaheadTimer = 0;
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
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const id = this.activeId;
    if (!id) return;
    const i = this.indexById.get(id) ?? 0;
    const row = this.rows[i]!;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        if (i + 1 < this.rows.length) this.select(this.rows[i + 1]!.node.id, true);
        break;
      case 'ArrowUp':
        if (i > 0) this.select(this.rows[i - 1]!.node.id, true);
        break;
      case 'Home':
        this.select(this.rows[0]!.node.id, true);
        break;
      case 'End':
        this.select(this.rows[this.rows.length - 1]!.node.id, true);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) this.toggle([id], true);
        else if (row.expanded) this.select(this.rows[i + 1]!.node.id, true);
        break;
      case 'ArrowLeft':
        if (row.expanded) this.toggle([id], false);
        else if (row.node.parentId) this.select(row.node.parentId, true);
        break;
      case 'Enter':
        if (e.shiftKey) handled = false;
        else if (this.linkOf.get(id)?.targetId !== undefined) this.jumpToLink(id);
        else this.open(id);
        break;
      case '*': {
        const parent = row.node.parentId;
        const siblings = parent ? childrenOf(this.tree!, parent) : [row.node];
        this.toggle(
          siblings.filter((s) => childrenOf(this.tree!, s.id).length > 0 && !this.expanded.has(s.id)).map((s) => s.id),
          true,
        );
        break;
      }
      default:
        // + - ? / belong to commands (add supporting / opposing node, shortcuts, search), and the
        // digits 0-4 rate the selected node; other characters jump by type-ahead.
        handled = e.key.length === 1 && !' +-?/01234'.includes(e.key) ? this.typeAhead(e.key, i) : false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** Focuses the next row whose text starts with the characters typed in quick succession. */
  private typeAhead(char: string, from: number): boolean {
    window.clearTimeout(this.typeaheadTimer);
    this.typeaheadTimer = window.setTimeout(() => (this.typeahead = ''), TYPEAHEAD_RESET_MS);
    this.typeahead += char.toLowerCase();
    if (!this.findTypeAhead(from) && this.typeahead.length > 1) {
      // Nothing starts with the whole run of letters: start again from the last one typed.
      this.typeahead = char.toLowerCase();
      this.findTypeAhead(from);
    }
    return true;
  }

  private findTypeAhead(from: number): boolean {
    const n = this.rows.length;
    // The same letter typed again cycles through rows starting with it (as file managers do);
    // a longer prefix refines the match from the current row.
    const repeated = [...this.typeahead].every((c) => c === this.typeahead[0]);
    const prefix = repeated ? this.typeahead[0]! : this.typeahead;
    const start = prefix.length === 1 ? from + 1 : from;
    for (let k = 0; k < n; k++) {
      const r = this.rows[(start + k) % n]!;
      if (plainStart(r.node).startsWith(prefix)) {
        this.select(r.node.id, true);
        return true;
      }
    }
    return false;
  }

  private zoneAt(e: DragEvent, row: HTMLElement): DropZone {
    const box = row.getBoundingClientRect();
    const y = (e.clientY - box.top) / box.height;
    if (y < 0.25) return 'before';
    if (y > 0.75) return 'after';
    return e.clientX - box.left < box.width / 2 ? 'supports' : 'opposes';
  }

  /**
   * The row an event happened in, and its element. Row events are listened to once, on the
   * scroller, not on every row: rows are recycled as the tree scrolls, so they carry no listeners.
   */
  private rowAt(e: Event): { el: HTMLElement; row: VisibleRow<ArgNode> } | undefined {
    const el = (e.target as Element | null)?.closest?.<HTMLElement>('.row');
    const id = el?.dataset.id;
    const index = id === undefined ? undefined : this.indexById.get(id);
    const row = index === undefined ? undefined : this.rows[index];
    return el && row ? { el, row } : undefined;
  }

  private onDragStart = (e: DragEvent): void => {
    const node = this.rowAt(e)?.row.node;
    if (!node || node.parentId === null || !e.dataTransfer) return e.preventDefault();
    this.dragId = node.id;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, node.id);
    e.dataTransfer.setData('text/plain', node.text.slice(0, 200));
  };

  private onDragOver = (e: DragEvent): void => {
    if (!this.dragId || !e.dataTransfer?.types.includes(DRAG_TYPE)) return;
    const at = this.rowAt(e);
    if (!at) return;
    const { node } = at.row;
    e.preventDefault();
    let zone = this.zoneAt(e, at.el);
    // Nothing stands beside the thesis: dropping near its edges means "under it".
    if (node.parentId === null && (zone === 'before' || zone === 'after')) zone = 'supports';
    e.dataTransfer.dropEffect = 'move';
    if (this.dropOn?.id !== node.id || this.dropOn.zone !== zone) this.dropOn = { id: node.id, zone };
  };

  private onDragLeave = (e: DragEvent): void => {
    if (this.rowAt(e)) this.dropOn = undefined;
  };

  private onDrop = (e: DragEvent): void => {
    const node = this.rowAt(e)?.row.node;
    const id = e.dataTransfer?.getData(DRAG_TYPE) || this.dragId;
    const zone = this.dropOn?.zone;
    this.dropOn = undefined;
    this.dragId = undefined;
    if (!node || !id || !zone) return;
    e.preventDefault();
    const target: MoveTarget =
      zone === 'before' || zone === 'after'
        ? { kind: zone, targetId: node.id }
        : { kind: 'child', targetId: node.id, relation: zone };
    this.dispatchEvent(
      new CustomEvent('warrant-move-request', { detail: { id, target }, bubbles: true, composed: true }),
    );
  };

  private onDragEnd = (): void => {
    this.dragId = undefined;
    this.dropOn = undefined;
  };

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

  /** Selects and focuses what the link row `id` points at (the map view expands the way there). */
  private jumpToLink(id: string): void {
    const target = this.linkOf.get(id)?.targetId;
    if (target === undefined || !this.tree?.byId.has(target)) return;
    this.jumpTarget = target;
    this.selectedId = target;
    this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id: target }, bubbles: true, composed: true }));
    this.requestUpdate();
  }

  /** The text of a link row: where it points, not the placeholder text it was imported with. */
  private linkText(link: Link) {
    if (link.external) {
      return html`<span class="link-row"
        ><span aria-hidden="true">↪ </span>Link to another discussion: #${link.external.ref}
        ${link.external.title}</span
      >`;
    }
    const target = link.targetId !== undefined ? this.tree?.byId.get(link.targetId) : undefined;
    return html`<span class="link-row"
        ><span aria-hidden="true">↪ </span>Link to: ${target ? rowText(target) : 'a statement that was deleted'}</span
      >${
        target
          ? html` <button
              class="go"
              tabindex="-1"
              title="Go to the linked statement (Enter)"
              @click=${(e: Event) => {
                e.stopPropagation();
                this.jumpToLink(link.nodeId);
              }}
            >
              Go<span class="sr-only"> to the linked statement</span>
            </button>`
          : nothing
      }`;
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-open', { detail: { id }, bubbles: true, composed: true }));
  }

  /** The inside of a row. Its shape is the same for every row (optional parts are hidden, not left out). */
  private rowContent(row: VisibleRow<ArgNode>, kind: NodeKind, meta: RowMeta | undefined, drop: DropZone | undefined) {
    const { node } = row;
    const quote = node.quote;
    const sources = meta?.sources ?? 0;
    const rating = meta?.rating;
    const standing = meta?.standing;
    const standingText = standing === undefined ? '' : standing.toFixed(2);
    return html`<span class=${row.hasChildren ? 'toggle' : 'toggle leaf'} aria-hidden="true"
        >${row.hasChildren ? (row.expanded ? '▾' : '▸') : '·'}</span
      >
      <span class="content"
        ><span class="badge k-${kind}"
          ><span class="icon" aria-hidden="true">${KIND_ICONS[kind]}</span>${kindLabel(kind)}</span
        ><span class="sr-only">: </span>${
          this.linkOf.has(node.id) ? this.linkText(this.linkOf.get(node.id)!) : rowText(node)
        }</span
      >
      ${
        drop === 'supports' || drop === 'opposes'
          ? html`<span class="drop-label" aria-hidden="true"
              >${drop === 'supports' ? '⊕ drop to support' : '⊟ drop to oppose'}</span
            >`
          : nothing
      }
      <span class="meta">
        <span
          class="count"
          ?hidden=${!quote}
          title=${quote ? `Quoted from the essay, paragraph ${quote.paragraph}` : ''}
          >¶${quote?.paragraph ?? ''}</span
        >
        <span class="warn" ?hidden=${!meta?.unsourced} title="No source cited"
          ><span class="mask i-warn" aria-hidden="true"></span><span class="sr-only">no source</span></span
        >
        <span class="count" ?hidden=${sources === 0} title="${sources} source${sources === 1 ? '' : 's'}"
          ><span class="mask i-source" aria-hidden="true"></span>${sources}<span class="sr-only"> sources</span></span
        >
        <span class="count rating" ?hidden=${!meta} title=${rating ? `Mean rating ${rating} of 4` : 'Unrated'}
          ><span aria-hidden="true" class=${rating ? 'star' : 'star unrated'}>${rating ? '★' : '☆'}</span
          >${rating ?? ''}<span class="sr-only">${rating ? ' rating' : 'unrated'}</span></span
        >
        <span
          class=${standing === undefined ? 'standing none' : 'standing'}
          ?hidden=${!meta}
          title=${standing === undefined ? 'No standing yet: nothing here is rated' : `Standing ${standingText}`}
          ><span class="bar" aria-hidden="true"></span
          ><span class="num">${standing === undefined ? '–' : standingText}</span
          ><span class="sr-only">${standing === undefined ? ' no standing yet' : ' standing'}</span></span
        >
      </span>`;
  }

  /** Brings a row element up to date: its attributes (set only when they change) and its content. */
  private paintRow(view: RowView, row: VisibleRow<ArgNode>, index: number): void {
    const { node } = row;
    const id = node.id;
    const el = view.el;
    const kind = this.kind(node);
    const drop = this.dropOn?.id === id ? this.dropOn.zone : undefined;
    const rel = node.relation === null ? 'rel-root' : `rel-${node.relation}`;
    const cls = `row ${rel}${id === this.cutId ? ' cut' : ''}${drop ? ` drop-${drop}` : ''}${this.matchIds && !this.matchIds.has(id) ? ' dim' : ''}`;
    const attrs: RowAttrs = {
      'data-id': id,
      class: cls,
      draggable: node.parentId === null ? 'false' : 'true',
      'aria-level': String(row.level),
      'aria-setsize': String(row.setSize),
      'aria-posinset': String(row.posInSet),
      'aria-expanded': row.hasChildren ? String(row.expanded) : null,
      'aria-selected': id === this.selectedId ? 'true' : 'false',
      tabindex: id === this.activeId ? '0' : '-1',
    };
    for (const name of ROW_ATTRS) {
      const value = attrs[name];
      if (view.attrs[name] === value) continue;
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
      view.attrs[name] = value;
    }
    const top = index * this.rowHeight;
    if (view.top !== top) {
      el.style.setProperty('top', `${top}px`);
      view.top = top;
    }
    // Non-inherited properties only: a change restyles this one element, not the row's content.
    const level = Math.min(row.level - 1, 10);
    if (view.level !== level) {
      el.style.setProperty('padding-left', `calc(4px + var(--indent) * ${level})`);
      view.level = level;
    }
    // The content depends on these only (rows, nodes and figures are new objects when they change).
    const meta = this.metaOf(id);
    if (view.row !== row || view.meta !== meta || view.drop !== drop || view.kind !== kind) {
      litRender(this.rowContent(row, kind, meta, drop), el);
      view.row = row;
      view.meta = meta;
      view.drop = drop;
      view.kind = kind;
    }
    const standing = Math.max(0, Math.min(1, meta?.standing ?? 0));
    if (view.standing !== standing) {
      view.bar ??= el.querySelector<HTMLElement>('.bar') ?? undefined;
      view.bar?.style.setProperty('background-size', `${(standing * 100).toFixed(1)}% 100%`);
      view.standing = standing;
    }
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
      this.paintRow(view, this.rows[indices[k]!]!, indices[k]!);
    }
    this.views = next;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.syncRows();
  }

  override render() {
    if (!this.tree) return html`<div class="empty">No map loaded.</div>`;
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
      @dragstart=${this.onDragStart}
      @dragover=${this.onDragOver}
      @dragleave=${this.onDragLeave}
      @drop=${this.onDrop}
      @dragend=${this.onDragEnd}
    >
      <div class="spacer" role="none" style=${cspStyle({ height: `${this.rows.length * this.rowHeight}px` })}></div>
    </div>`;
  }
}

/** The attributes a row element carries, as last set (null: absent). */
const ROW_ATTRS = [
  'data-id',
  'class',
  'draggable',
  'aria-level',
  'aria-setsize',
  'aria-posinset',
  'aria-expanded',
  'aria-selected',
  'tabindex',
] as const;
type RowAttrs = Record<(typeof ROW_ATTRS)[number], string | null>;

/** One row element and what was last written to it. */
interface RowView {
  el: HTMLDivElement;
  /** The node it shows ('' before its first use). */
  id: string;
  attrs: Partial<RowAttrs>;
  top: number;
  level: number;
  standing: number;
  /** The standing meter inside it, once rendered. */
  bar?: HTMLElement;
  /** What its content was last rendered from. */
  row?: VisibleRow<ArgNode>;
  meta?: RowMeta;
  drop?: DropZone;
  kind?: NodeKind;
}

function newRowView(): RowView {
  const el = document.createElement('div');
  el.setAttribute('role', 'treeitem');
  return { el, id: '', attrs: {}, top: -1, level: -1, standing: -1 };
}

/**
 * Which elements can stay where they are: the longest run of elements already in the wanted
 * order (a longest increasing subsequence of their old positions, -1 = new). The element holding
 * focus always stays (moving it would drop the focus), so the run is taken around it.
 */
function stableViews(oldPositions: readonly number[], focused: number): boolean[] {
  const stay = oldPositions.map(() => false);
  const pivot = focused >= 0 ? oldPositions[focused]! : -1;
  const candidates: number[] = [];
  for (let k = 0; k < oldPositions.length; k++) {
    const p = oldPositions[k]!;
    if (p < 0) continue;
    if (pivot >= 0 && k !== focused && (k < focused ? p > pivot : p < pivot)) continue;
    candidates.push(k);
  }
  // Patience sorting: tails[j] = index (into candidates) of the smallest tail of a run of length j + 1.
  const tails: number[] = [];
  const prev: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const p = oldPositions[candidates[c]!]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (oldPositions[candidates[tails[mid]!]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    prev[c] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = c;
  }
  for (let c = tails.length ? tails[tails.length - 1]! : -1; c >= 0; c = prev[c]!) stay[candidates[c]!] = true;
  return stay;
}
