/**
 * <warrant-tree>: the argument tree, following the WAI-ARIA tree pattern (tree / treeitem,
 * aria-level / setsize / posinset, aria-expanded on parents, a roving tabindex, arrows, Home/End,
 * type-ahead, `*`). Only the rows on screen are in the DOM, so a 10,000-node map scrolls as
 * smoothly as a ten-node one; the focused row is always rendered so focus is never lost. The
 * rows are flat treeitems carrying their level (the APG's "flat" variant): nested groups cannot
 * be windowed.
 *
 * The tree owns no data: it receives the tree, the expanded ids and the selection, and asks for
 * changes with events (warrant-select, warrant-toggle, warrant-open).
 */
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cspStyle } from './csp-style.js';
import type { MoveTarget } from '../model/edits.js';
import { flattenVisible, kindOf, childrenOf, type Tree, type VisibleRow } from '../model/tree.js';
import type { ArgNode, NodeKind } from '../model/types.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { plainLine } from '../model/text.js';

import type { RowMeta } from '../state/derive.js';

export type { RowMeta };

/** Events the tree sends up. */
export interface TreeSelectDetail {
  id: string;
}
export interface TreeToggleDetail {
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

// An inline icon (no emoji: school laptops often lack an emoji font, and CSP forbids remote images).
const WARN_ICON = html`<svg aria-hidden="true" width="13" height="12" viewBox="0 0 13 12">
  ${svg`<path d="M6.5 1 12 11H1z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/><path d="M6.5 4.5v3.2M6.5 9v.4" stroke="currentColor" stroke-width="1.4"/>`}
</svg>`;
const SOURCE_ICON = html`<svg
  aria-hidden="true"
  width="11"
  height="13"
  viewBox="0 0 11 13"
  fill="none"
  stroke="currentColor"
  stroke-width="1.3"
>
  ${svg`<path d="M1 1h6l3 3v8H1z"/><path d="M3 6h5M3 8.5h5"/>`}
</svg>`;
const TYPEAHEAD_RESET_MS = 600;

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
      .indent {
        flex: none;
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
      .meta .unrated {
        font-style: italic;
      }
      .meta .standing {
        display: inline-flex;
        align-items: center;
        gap: 3px;
        color: var(--thesis-ink);
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

  @query('.scroller') private scroller!: HTMLElement;

  private rows: VisibleRow<ArgNode>[] = [];
  private indexById = new Map<string, number>();
  private kinds = new WeakMap<ArgNode, NodeKind>();
  private typeahead = '';
  private typeaheadTimer = 0;
  private resizeObserver?: ResizeObserver;
  /** Set when the next render should move DOM focus to the selected row. */
  private focusAfterRender = false;

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
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('tree') || changed.has('expanded') || changed.has('only')) && this.tree) {
      const all = flattenVisible(this.tree, this.expanded);
      const only = this.only;
      this.rows = only ? all.filter((r) => only.has(r.node.id)) : all;
      this.indexById = new Map(this.rows.map((r, i) => [r.node.id, i]));
      this.kinds = new WeakMap();
    }
    if (changed.has('rowHeight') || changed.has('lines')) {
      this.style.setProperty('--row-h', `${this.rowHeight}px`);
      this.style.setProperty('--lines', String(this.lines));
    }
  }

  protected override updated(): void {
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

  private onScroll = (): void => {
    this.scrollPos = this.scroller.scrollTop;
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
        // + - ? / belong to commands (add supporting / opposing node, shortcuts, search).
        handled = e.key.length === 1 && !' +-?/'.includes(e.key) ? this.typeAhead(e.key, i) : false;
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

  private onDragStart(e: DragEvent, node: ArgNode): void {
    if (node.parentId === null || !e.dataTransfer) return e.preventDefault();
    this.dragId = node.id;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, node.id);
    e.dataTransfer.setData('text/plain', node.text.slice(0, 200));
  }

  private onDragOver(e: DragEvent, node: ArgNode): void {
    if (!this.dragId || !e.dataTransfer?.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    let zone = this.zoneAt(e, e.currentTarget as HTMLElement);
    // Nothing stands beside the thesis: dropping near its edges means "under it".
    if (node.parentId === null && (zone === 'before' || zone === 'after')) zone = 'supports';
    e.dataTransfer.dropEffect = 'move';
    if (this.dropOn?.id !== node.id || this.dropOn.zone !== zone) this.dropOn = { id: node.id, zone };
  }

  private onDrop(e: DragEvent, node: ArgNode): void {
    const id = e.dataTransfer?.getData(DRAG_TYPE) || this.dragId;
    const zone = this.dropOn?.zone;
    this.dropOn = undefined;
    this.dragId = undefined;
    if (!id || !zone) return;
    e.preventDefault();
    const target: MoveTarget =
      zone === 'before' || zone === 'after'
        ? { kind: zone, targetId: node.id }
        : { kind: 'child', targetId: node.id, relation: zone };
    this.dispatchEvent(
      new CustomEvent('warrant-move-request', { detail: { id, target }, bubbles: true, composed: true }),
    );
  }

  private onDragEnd = (): void => {
    this.dragId = undefined;
    this.dropOn = undefined;
  };

  private onRowClick(e: MouseEvent, row: VisibleRow<ArgNode>): void {
    const onToggle = (e.target as HTMLElement).closest('.toggle');
    if (onToggle && row.hasChildren) this.toggle([row.node.id], !row.expanded);
    // A second tap on the selected row opens its details (the phone's way to reach them). The
    // selection is read as it was at pointer-down: focusing the row already selects it.
    const wasSelected = row.node.id === this.selectedAtPointerDown;
    this.select(row.node.id, true);
    if (wasSelected && !onToggle && e.detail === 1) this.open(row.node.id);
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-open', { detail: { id }, bubbles: true, composed: true }));
  }

  private renderRow(row: VisibleRow<ArgNode>, index: number) {
    const { node } = row;
    const kind = this.kind(node);
    const active = node.id === this.activeId;
    const meta = this.metaOf(node.id);
    const relClass = node.relation === null ? 'rel-root' : `rel-${node.relation}`;
    const drop = this.dropOn?.id === node.id ? this.dropOn.zone : undefined;
    const indentLevels = Math.min(row.level - 1, 10);
    return html`<div
      role="treeitem"
      class="row ${relClass} ${node.id === this.cutId ? 'cut' : ''} ${drop ? `drop-${drop}` : ''} ${this.matchIds && !this.matchIds.has(node.id) ? 'dim' : ''}"
      data-id=${node.id}
      draggable=${node.parentId === null ? 'false' : 'true'}
      @dragstart=${(e: DragEvent) => this.onDragStart(e, node)}
      @dragover=${(e: DragEvent) => this.onDragOver(e, node)}
      @dragleave=${() => (this.dropOn = undefined)}
      @drop=${(e: DragEvent) => this.onDrop(e, node)}
      @dragend=${this.onDragEnd}
      aria-level=${row.level}
      aria-setsize=${row.setSize}
      aria-posinset=${row.posInSet}
      aria-expanded=${row.hasChildren ? String(row.expanded) : nothing}
      aria-selected=${node.id === this.selectedId ? 'true' : 'false'}
      tabindex=${active ? 0 : -1}
      style=${cspStyle({ top: `${index * this.rowHeight}px` })}
      @click=${(e: MouseEvent) => this.onRowClick(e, row)}
      @mousedown=${(e: MouseEvent) => {
        this.selectedAtPointerDown = this.selectedId;
        if (e.detail > 1) e.preventDefault();
      }}
      @dblclick=${() => this.open(node.id)}
    >
      <span class="indent" style=${cspStyle({ width: `calc(var(--indent) * ${indentLevels})` })}></span>
      <span class="toggle ${row.hasChildren ? '' : 'leaf'}" aria-hidden="true"
        >${row.hasChildren ? (row.expanded ? '▾' : '▸') : '·'}</span
      >
      <span class="content"
        ><span class="badge k-${kind}"
          ><span class="icon" aria-hidden="true">${KIND_ICONS[kind]}</span>${kindLabel(kind)}</span
        ><span class="sr-only">: </span>${rowText(node)}</span
      >
      ${
        drop === 'supports' || drop === 'opposes'
          ? html`<span class="drop-label" aria-hidden="true"
              >${drop === 'supports' ? '⊕ drop to support' : '⊟ drop to oppose'}</span
            >`
          : nothing
      }
      <span class="meta">
        ${
          node.quote
            ? html`<span class="count" title="Quoted from the essay, paragraph ${node.quote.paragraph}"
                >¶${node.quote.paragraph}</span
              >`
            : nothing
        }
        ${
          meta?.unsourced
            ? html`<span class="warn" title="No source cited">${WARN_ICON}<span class="sr-only">no source</span></span>`
            : nothing
        }
        ${
          meta && meta.sources > 0
            ? html`<span class="count" title="${meta.sources} source${meta.sources === 1 ? '' : 's'}"
                >${SOURCE_ICON}${meta.sources}<span class="sr-only"> sources</span></span
              >`
            : nothing
        }
        ${
          meta
            ? html`<span class="count rating" title=${meta.rating ? `Mean rating ${meta.rating} of 4` : 'Unrated'}
                >${meta.rating ? html`<span aria-hidden="true">★</span>${meta.rating}` : html`<span aria-hidden="true" class="unrated">☆</span>`}<span
                  class="sr-only"
                  >${meta.rating ? ' rating' : 'unrated'}</span
                ></span
              >`
            : nothing
        }
        ${
          meta?.standing !== undefined
            ? html`<span class="standing" title="Standing ${meta.standing.toFixed(2)}"
                ><svg aria-hidden="true" width="30" height="8" viewBox="0 0 30 8">
                  ${svg`<rect x="0.5" y="0.5" width="29" height="7" rx="2" fill="none" stroke="currentColor" stroke-width="1"/>
                <rect x="1.5" y="1.5" width=${Math.max(0, 27 * meta.standing)} height="5" rx="1" fill="currentColor"/>`}</svg
                ><span class="num">${meta.standing.toFixed(2)}</span><span class="sr-only"> standing</span></span
              >`
            : nothing
        }
      </span>
    </div>`;
  }

  override render() {
    if (!this.tree) return html`<div class="empty">No map loaded.</div>`;
    const total = this.rows.length;
    const h = this.rowHeight;
    const first = Math.max(0, Math.floor(this.scrollPos / h) - OVERSCAN);
    const last = Math.min(total - 1, Math.ceil((this.scrollPos + this.viewport) / h) + OVERSCAN);
    const indices: number[] = [];
    const activeIndex = this.indexById.get(this.activeId ?? '');
    if (activeIndex !== undefined && activeIndex < first) indices.push(activeIndex);
    for (let i = first; i <= last; i++) indices.push(i);
    if (activeIndex !== undefined && activeIndex > last) indices.push(activeIndex);
    return html`<div
      class="scroller"
      role="tree"
      aria-label=${this.label}
      @scroll=${this.onScroll}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
    >
      <div class="spacer" role="none" style=${cspStyle({ height: `${total * h}px` })}>
        ${repeat(
          indices,
          (i) => this.rows[i]!.node.id,
          (i) => this.renderRow(this.rows[i]!, i),
        )}
      </div>
    </div>`;
  }
}
