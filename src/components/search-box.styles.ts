/** Styles of <warrant-search> (search-box.ts): the bar, the filters and the results list. */
import { css } from 'lit';

export const searchBoxStyles = css`
  :host {
    display: block;
    position: relative;
  }
  .bar {
    display: flex;
    gap: 6px;
    align-items: center;
    padding: 6px 8px;
    border-bottom: 1px solid var(--rule);
    background: var(--surface);
  }
  input[type='search'] {
    flex: 1;
    min-width: 0;
    font: inherit;
    font-size: 15px;
    padding: 5px 8px;
    border: 1.5px solid var(--rule-strong);
    border-radius: 6px;
  }
  .bar button {
    font-size: 13px;
    padding: 3px 10px;
    min-height: 30px;
  }
  /* Phones: the result count goes under the field, so Filters and Clear stay on screen. */
  @media (max-width: 560px) {
    .bar {
      flex-wrap: wrap;
    }
    .bar .count {
      order: 3;
      flex-basis: 100%;
      font-size: 12px;
    }
    .bar .count:empty {
      display: none;
    }
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 14px;
    padding: 6px 10px 8px;
    font-size: 13.5px;
    border-bottom: 1px solid var(--rule);
    background: var(--panel);
  }
  .filters fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    align-items: center;
  }
  .filters legend {
    float: left;
    font-weight: 600;
    margin-right: 6px;
    padding: 0;
  }
  .filters select,
  .filters input[type='date'] {
    font: inherit;
    font-size: 13px;
  }
  .results {
    position: absolute;
    left: 0;
    right: 0;
    top: 100%;
    z-index: 20;
    max-height: min(60vh, 480px);
    overflow-y: auto;
    margin: 0;
    padding: 4px;
    list-style: none;
    background: var(--surface);
    border: 1px solid var(--rule-strong);
    border-radius: 0 0 8px 8px;
    box-shadow: 0 10px 24px rgb(0 0 0 / 16%);
  }
  [role='option'] {
    padding: 6px 8px;
    border-radius: 5px;
    cursor: pointer;
    font-size: 14px;
    line-height: 1.35;
  }
  [role='option'][aria-selected='true'] {
    background: var(--selected);
    box-shadow: inset 0 0 0 2px var(--focus);
  }
  .path {
    display: block;
    font-size: 12px;
    color: var(--muted);
    margin-top: 2px;
  }
  .also {
    display: block;
    font-size: 12.5px;
    color: var(--muted);
  }
  mark {
    background: #ffe58a;
    color: inherit;
    border-radius: 2px;
    font-weight: 600;
  }
  .count {
    font-size: 13px;
    color: var(--muted);
    white-space: nowrap;
  }
  .suggest {
    margin: 0;
    padding: 6px 10px;
    font-size: 14px;
    border-bottom: 1px solid var(--rule);
    background: var(--panel);
  }
  .suggest button.link {
    font: inherit;
    font-weight: 600;
    min-height: 0;
    padding: 0 2px;
    border: none;
    background: none;
    color: var(--link);
    text-decoration: underline;
    cursor: pointer;
  }
`;
