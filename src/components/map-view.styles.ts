/** Styles of <warrant-map-view>: the header, the tree column and the detail panel's tabs. */
import { css } from 'lit';

/** The map view's layout: header over a body of tree column and detail column; a sheet on phones. */
export const mapViewStyles = css`
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
  /* A 500-character title or a 3,000-character word must not push the header off-screen: it wraps
     anywhere and stops after two lines; the full title is in the heading's title attribute. */
  h1 {
    font-size: 20px;
    line-height: 1.25;
    margin: 0;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .doc {
    overflow-wrap: anywhere;
    font-size: 13px;
    color: var(--muted);
    margin: 2px 0 0;
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1.5fr) minmax(300px, 1fr);
    min-height: 0;
  }
  /* The essay open: essay | splitter | tree | splitter | details, widths set by the splitters. */
  .body.reading {
    grid-template-columns: var(--essay-w, 36%) 6px minmax(0, 1fr) 6px var(--detail-w, 28%);
  }
  .body.reading warrant-reading-pane {
    border-right: 1px solid var(--rule);
  }
  .splitter {
    cursor: col-resize;
    background: var(--rule);
    touch-action: none;
  }
  .splitter:hover,
  .splitter:focus-visible {
    background: var(--focus);
    outline: none;
  }
  .reading-tabs {
    display: none;
  }
  .left {
    display: grid;
    grid-template-rows: auto 1fr;
    min-height: 0;
    min-width: 0;
    border-right: 1px solid var(--rule);
  }
  .tree-pane {
    display: grid;
    grid-template-rows: auto 1fr;
    min-height: 0;
  }
  .tree-pane[hidden] {
    display: none;
  }
  warrant-map-pictures {
    min-height: 0;
  }
  .view-tabs {
    display: flex;
    gap: 2px;
    padding: 6px 12px 0;
    border-bottom: 1px solid var(--rule);
  }
  .view-tabs [role='tab'] {
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: 6px 6px 0 0;
    background: none;
    font-size: 13.5px;
    padding: 4px 12px;
    min-height: 30px;
    color: var(--muted);
  }
  .view-tabs [role='tab'][aria-selected='true'] {
    background: var(--surface);
    border-color: var(--rule);
    color: var(--ink);
    font-weight: 600;
    margin-bottom: -1px;
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
  .tools-toggle {
    display: none;
  }
  .tools button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  /* Floats over the bottom of the view: a message never moves the tree or the header. */
  .notice-region {
    position: fixed;
    inset-inline: 12px;
    bottom: 12px;
    margin-inline: auto;
    width: fit-content;
    max-width: min(640px, calc(100vw - 24px));
    z-index: 20;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 10px;
    font-size: 14px;
    overflow-wrap: anywhere;
  }
  .notice {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 10px;
  }
  .notice-region.shown {
    padding: 8px 12px;
    border: 1px solid var(--rule-strong);
    border-radius: 8px;
    background: var(--surface);
    box-shadow: 0 2px 10px rgb(0 0 0 / 18%);
  }
  .notice-region.error {
    color: var(--error-ink);
    background: var(--error-bg);
    border-color: currentColor;
  }
  .notice-region button {
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
    /* About 120 px from the top of the page to the tree: one line of title beside an Actions
       menu, one line of standing. Layout containment only: paint containment would clip the menu. */
    header {
      padding: 6px 12px;
      contain: layout;
      position: relative;
      /* Layout containment makes the header a stacking context: without a z-index of its own, the
         Actions menu inside it was drawn under the search bar (z-index 5) and cut off there. */
      z-index: 6;
    }
    .head-row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 4px 8px;
      align-items: center;
    }
    .head-row > .head-text {
      grid-area: 1 / 1;
    }
    .head-row > .tools-toggle {
      grid-area: 1 / 2;
    }
    .head-row > .thesis-standing {
      grid-area: 2 / 1 / 3 / 3;
    }
    h1 {
      font-size: 16px;
      -webkit-line-clamp: 1;
    }
    .head-text {
      flex: 1 1 auto;
    }
    .tools-toggle {
      display: block;
      flex: none;
      font-size: 13px;
      padding: 4px 10px;
      min-height: 32px;
    }
    .tools {
      display: none;
      position: absolute;
      right: 12px;
      top: 40px;
      z-index: 30;
      flex-direction: column;
      align-items: stretch;
      padding: 6px;
      background: var(--surface);
      border: 1px solid var(--rule-strong);
      border-radius: 8px;
      box-shadow: 0 8px 24px rgb(0 0 0 / 18%);
    }
    .tools.open {
      display: flex;
    }
    .doc {
      display: none;
    }
    .thesis-standing {
      align-items: flex-start;
      text-align: left;
      align-items: center;
      flex-direction: row;
      flex-wrap: wrap;
      gap: 4px 10px;
    }
    .thesis-standing .range,
    .thesis-standing > .muted {
      display: none;
    }
    .body,
    .body.reading {
      grid-template-columns: 1fr;
    }
    .body.reading {
      grid-template-rows: auto 1fr;
    }
    .splitter {
      display: none;
    }
    .reading-tabs {
      display: flex;
      gap: 2px;
      padding: 4px 12px 0;
      border-bottom: 1px solid var(--rule);
      background: var(--surface);
    }
    .reading-tabs [role='tab'] {
      flex: 1;
      min-height: 40px;
      border: 1px solid transparent;
      border-bottom: none;
      border-radius: 6px 6px 0 0;
      background: none;
      color: var(--muted);
    }
    .reading-tabs [role='tab'][aria-selected='true'] {
      border-color: var(--rule);
      color: var(--ink);
      font-weight: 600;
      background: var(--panel);
    }
    .body.tab-essay .left,
    .body.tab-map warrant-reading-pane {
      display: none;
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
`;
