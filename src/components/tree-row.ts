/**
 * The rows of <warrant-tree>: what a row shows (rowContent) and how a recycled row element is
 * brought up to date (paintRow), writing only what changed since it was last painted. The tree
 * decides which rows exist and where; this module knows nothing of scrolling or focus.
 */
import { html, nothing, render as litRender } from 'lit';
import type { VisibleRow } from '../model/tree.js';
import type { ArgNode, Link, NodeKind } from '../model/types.js';
import { plainLine } from '../model/text.js';
import type { RowMeta } from '../state/derive.js';
import { KIND_ICONS, kindLabel } from './kind-style.js';
import type { DropZone } from './tree-drag.js';

// Rows show their text as plain text: rendering Markdown through marked and DOMPurify for every
// row that scrolls into view cost about 40 ms a frame at 10,000 nodes. The detail panel shows the
// rendered Markdown. Node objects are replaced when they change, so a WeakMap drops stale entries.
const rowTexts = new WeakMap<ArgNode, string>();

/** A node's text as one plain line, as its row shows it. */
function rowText(node: ArgNode): string {
  let t = rowTexts.get(node);
  if (t === undefined) {
    t = plainLine(node.text, 400);
    rowTexts.set(node, t);
  }
  return t;
}

/** A link row: the link, the node it points at (undefined when deleted) and what "Go" does. */
export interface RowLink {
  link: Link;
  target: ArgNode | undefined;
  go: () => void;
}

/** The text of a link row: where it points, not the placeholder text it was imported with. */
function linkText({ link, target, go }: RowLink) {
  if (link.external) {
    return html`<span class="link-row"
      ><span aria-hidden="true">↪ </span>Link to another discussion: #${link.external.ref} ${link.external.title}</span
    >`;
  }
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
              go();
            }}
          >
            Go<span class="sr-only"> to the linked statement</span>
          </button>`
        : nothing
    }`;
}

/** The inside of a row. Its shape is the same for every row (optional parts are hidden, not left out). */
function rowContent(
  row: VisibleRow<ArgNode>,
  kind: NodeKind,
  meta: RowMeta | undefined,
  drop: DropZone | undefined,
  link: RowLink | undefined,
  by: string | undefined,
) {
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
      ><span class="sr-only">: </span>${link ? linkText(link) : rowText(node)}</span
    >
    ${
      drop === 'supports' || drop === 'opposes'
        ? html`<span class="drop-label" aria-hidden="true"
            >${drop === 'supports' ? '⊕ drop to support' : '⊟ drop to oppose'}</span
          >`
        : nothing
    }
    <span class="meta">
      <span class="by" ?hidden=${by === undefined} title=${by === undefined ? '' : `Added by ${by}`}
        >added by ${by ?? ''}</span
      >
      <span class="count" ?hidden=${!quote} title=${quote ? `Quoted from the essay, paragraph ${quote.paragraph}` : ''}
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

/**
 * Whether two rows' figures read the same. Every derive (a rating, an edit) makes new figures for
 * every node; compared by value, only the rows whose figures changed are rendered again, not every
 * row on screen.
 */
function sameMeta(a: RowMeta | undefined, b: RowMeta | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.sources === b.sources && a.rating === b.rating && a.standing === b.standing && a.unsourced === b.unsourced;
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
/** A row element's attributes, by name (null: absent). */
type RowAttrs = Record<(typeof ROW_ATTRS)[number], string | null>;

/** One row element and what was last written to it. */
export interface RowView {
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
  link?: Link;
  by?: string;
}

/** A fresh, empty treeitem element. */
export function newRowView(): RowView {
  const el = document.createElement('div');
  el.setAttribute('role', 'treeitem');
  return { el, id: '', attrs: {}, top: -1, level: -1, standing: -1 };
}

/** Everything a row is painted from. */
export interface RowPaint {
  row: VisibleRow<ArgNode>;
  attrs: RowAttrs;
  /** Offset from the top of the list, in px. */
  top: number;
  kind: NodeKind;
  meta: RowMeta | undefined;
  drop: DropZone | undefined;
  link: RowLink | undefined;
  /** Who added the node, as shown ("Maya", "Student A"); undefined when nobody in particular. */
  by: string | undefined;
}

/** Brings a row element up to date: its attributes (set only when they change) and its content. */
export function paintRow(view: RowView, p: RowPaint): void {
  const el = view.el;
  for (const name of ROW_ATTRS) {
    const value = p.attrs[name];
    if (view.attrs[name] === value) continue;
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
    view.attrs[name] = value;
  }
  if (view.top !== p.top) {
    el.style.setProperty('top', `${p.top}px`);
    view.top = p.top;
  }
  // Non-inherited properties only: a change restyles this one element, not the row's content.
  const level = Math.min(p.row.level - 1, 10);
  if (view.level !== level) {
    el.style.setProperty('padding-left', `calc(4px + var(--indent) * ${level})`);
    view.level = level;
  }
  // The content depends on these only (rows, nodes and figures are new objects when they change).
  const { row, meta, drop, kind, by } = p;
  const link = p.link?.link;
  if (
    view.row !== row ||
    !sameMeta(view.meta, meta) ||
    view.drop !== drop ||
    view.kind !== kind ||
    view.link !== link ||
    view.by !== by
  ) {
    litRender(rowContent(row, kind, meta, drop, p.link, by), el);
    view.by = by;
    view.row = row;
    view.meta = meta;
    view.drop = drop;
    view.kind = kind;
    view.link = link;
  }
  const standing = Math.max(0, Math.min(1, meta?.standing ?? 0));
  if (view.standing !== standing) {
    view.bar ??= el.querySelector<HTMLElement>('.bar') ?? undefined;
    view.bar?.style.setProperty('--fill', `${(standing * 100).toFixed(1)}%`);
    view.standing = standing;
  }
}
