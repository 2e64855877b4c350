/** Styles of <warrant-sources-panel>: the toolbar, the sorted list of cards and their actions. */
import { css } from 'lit';

export const sourcesPanelStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 18px;
    margin: 0 0 10px;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
    margin-bottom: 8px;
  }
  .control {
    display: grid;
    gap: 3px;
    flex: 1 1 180px;
    min-width: 0;
  }
  label {
    font-size: 13px;
    font-weight: 600;
  }
  .status {
    font-size: 13px;
    color: var(--muted);
    margin: 0 0 8px;
  }
  ul.cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  ul.cards > li {
    border: 1px solid var(--rule);
    border-radius: 8px;
    padding: 10px 12px;
    background: var(--surface);
  }
  .citers-label {
    margin: 8px 0 2px;
    font-size: 13px;
    color: var(--muted);
  }
  ul.citers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  ul.citers button {
    font-size: 13.5px;
    min-height: 28px;
    padding: 2px 4px;
    border: none;
    background: none;
    color: var(--link);
    text-decoration: underline;
    text-align: left;
    overflow-wrap: anywhere;
  }
  ul.citers .muted {
    font-size: 12.5px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 8px;
  }
  .actions button {
    font-size: 13px;
    padding: 4px 10px;
    min-height: 30px;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .confirm {
    margin-top: 8px;
    padding: 8px 10px;
    border: 1.5px solid var(--error-ink);
    border-radius: 6px;
    background: var(--error-bg);
  }
  .confirm p {
    margin: 0;
  }
  button.danger {
    border-color: var(--error-ink);
    color: var(--error-ink);
    font-weight: 600;
  }
  .error {
    color: var(--error-ink);
    font-size: 13.5px;
    margin: 6px 0 0;
  }
  .error:empty {
    display: none;
  }
  .empty {
    color: var(--muted);
  }
`;
