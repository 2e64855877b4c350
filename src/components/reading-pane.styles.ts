/** Styles of <warrant-reading-pane>: the essay column, its highlights and the selection bar. */
import { css } from 'lit';

export const readingPaneStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto auto 1fr;
    min-height: 0;
    background: var(--surface);
  }
  .head {
    padding: 8px 14px;
    border-bottom: 1px solid var(--rule);
    display: flex;
    flex-wrap: wrap;
    gap: 6px 12px;
    align-items: baseline;
  }
  .head h2 {
    font-size: 15px;
    margin: 0;
    flex: 1 1 12em;
  }
  .coverage {
    font-size: 13px;
    color: var(--muted);
  }
  .bar {
    padding: 6px 14px;
    border-bottom: 1px solid var(--rule);
    font-size: 13px;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .bar:empty {
    display: none;
  }
  .bar .problem {
    color: var(--oppose-ink);
    font-weight: 600;
  }
  .doc {
    overflow: auto;
    min-height: 0;
    padding: 8px 18px 40vh;
    line-height: 1.6;
    font-size: 15px;
  }
  .doc:focus-visible {
    outline: 2px solid var(--focus, #1a5fb4);
    outline-offset: -2px;
  }
  .block {
    /* No content-visibility: auto here. It saves laying out off-screen paragraphs when the pane
       opens, but moves that work into scrolling: every paragraph scrolled into view is then styled,
       laid out and painted in the frame that shows it. Scrolling 100 pages with 10,000 highlights
       counted 2 to 10 times the long tasks with it (paired runs), for a faster open. */
    position: relative;
    margin: 0 0 0.9em;
    padding-left: 3.2em;
  }
  .block.heading {
    font-weight: 700;
    font-size: 1.1em;
    padding-left: 0;
  }
  .block.caret {
    box-shadow: inset 3px 0 0 var(--focus, #1a5fb4);
  }
  .pn {
    position: absolute;
    left: 0;
    width: 2.8em;
    text-align: right;
    color: var(--muted);
    font-size: 0.8em;
    line-height: 2;
    user-select: none;
  }
  .unmapped .pn::after {
    content: ' ○';
  }
  .unmapped .t {
    color: var(--muted);
  }
  mark {
    background: transparent;
    color: inherit;
    cursor: pointer;
    text-decoration-line: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 3px;
  }
  /* Support: solid underline, green tint. Opposition: wavy (counterpoint) or dashed (rebuttal), red tint. */
  mark.k-thesis {
    background: var(--thesis-bg);
    text-decoration-style: double;
    text-decoration-color: var(--thesis-ink);
  }
  mark.k-claim,
  mark.k-premise {
    background: var(--support-bg);
    text-decoration-style: solid;
    text-decoration-color: var(--support-ink);
  }
  mark.k-counterpoint {
    background: var(--oppose-bg);
    text-decoration-style: wavy;
    text-decoration-color: var(--oppose-ink);
  }
  mark.k-rebuttal {
    background: var(--oppose-bg);
    text-decoration-style: dashed;
    text-decoration-color: var(--oppose-ink);
  }
  mark.sel {
    outline: 2px solid var(--focus, #1a5fb4);
    outline-offset: 1px;
  }
  mark:focus-visible {
    outline: 3px solid var(--focus, #1a5fb4);
  }
  .orphans {
    margin: 0;
    padding: 6px 14px 8px;
    border-bottom: 1px solid var(--rule);
    font-size: 13px;
  }
  .orphans ul {
    margin: 4px 0 0;
    padding-left: 1.2em;
  }
  .orphans li {
    margin: 2px 0;
  }
  .load {
    padding: 12px 16px;
    display: grid;
    gap: 8px;
    align-content: start;
  }
  .load textarea {
    min-height: 8em;
    font: inherit;
  }
  .load .error {
    color: var(--oppose-ink);
    font-weight: 600;
  }
  /* .sr-only and .muted come from baseStyles, which the pane puts first. */
`;
