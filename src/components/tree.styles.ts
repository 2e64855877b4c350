/** Styles of <warrant-tree>: the scroller, the recycled row elements and their meta column. */
import { css } from 'lit';

/** Rows have a fixed height (--row-h) and strict containment: the tree windows them by position. */
export const treeStyles = css`
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
  /* Who added the node: a long name is cut short here (the title, the details say it whole). */
  .meta .by {
    max-width: 12em;
    overflow: hidden;
    text-overflow: ellipsis;
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
  /* Icons are background images in the colour of the text around them (--warn-ink, --muted):
     one box each, where an inline SVG is several layout objects in every row that scrolls into
     view; and no CSS mask, which made every icon an effect of its own to paint and composite
     (a third of a 10,000-node fling's paint time on a slow laptop). */
  .mask {
    flex: none;
    background: var(--icon) center / contain no-repeat;
  }
  .i-warn {
    width: 13px;
    height: 12px;
    --icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 13 12' fill='none' stroke='%238a5300' stroke-width='1.4'%3E%3Cpath d='M6.5 1 12 11H1z' stroke-linejoin='round'/%3E%3Cpath d='M6.5 4.5v3.2M6.5 9v.4'/%3E%3C/svg%3E");
  }
  .i-source {
    width: 11px;
    height: 13px;
    --icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 11 13' fill='none' stroke='%23555d6b' stroke-width='1.3'%3E%3Cpath d='M1 1h6l3 3v8H1z'/%3E%3Cpath d='M3 6h5M3 8.5h5'/%3E%3C/svg%3E");
  }
  /* The standing meter: a frame, filled to --fill (set on each row's meter) by a plain box: a
     gradient background sized per row cost more to paint. */
  .bar {
    flex: none;
    box-sizing: border-box;
    width: 30px;
    height: 8px;
    padding: 1px;
    border: 1px solid currentColor;
    border-radius: 2px;
  }
  .bar::before {
    content: '';
    display: block;
    height: 100%;
    width: var(--fill, 0%);
    background: currentColor;
  }
  /* High contrast: the icons in the system's text colour, drawn as masks (the colours in the
     images above would not follow the theme). */
  @media (forced-colors: active) {
    .mask,
    .bar {
      forced-color-adjust: none;
      color: CanvasText;
    }
    .mask {
      background: currentColor;
      -webkit-mask: var(--icon) center / contain no-repeat;
      mask: var(--icon) center / contain no-repeat;
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
`;
