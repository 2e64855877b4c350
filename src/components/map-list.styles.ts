import { css } from 'lit';

/** <warrant-map-list>'s own styles (the list of maps, its cards and the new-map dialog). */
export const mapListStyles = css`
  :host {
    display: block;
    max-width: 860px;
    margin: 0 auto;
    padding: 24px 20px 48px;
  }
  h1 {
    font-size: 24px;
    margin: 0 0 4px;
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 20px 0;
    display: grid;
    gap: 10px;
  }
  li {
    display: flex;
    gap: 8px;
    align-items: stretch;
  }
  li .row-actions {
    display: flex;
    flex-direction: column;
    gap: 4px;
    justify-content: center;
  }
  li .row-actions button {
    font-size: 13px;
    padding: 2px 10px;
    min-height: 28px;
  }
  li a {
    flex: 1;
    min-width: 0;
    display: block;
    padding: 14px 16px;
    border: 1px solid var(--rule-strong);
    border-radius: 8px;
    background: var(--surface);
    color: var(--ink);
    text-decoration: none;
  }
  li a:hover {
    background: var(--hover);
  }
  /* Long titles and unbroken words wrap and stop after three lines; the full title is the
         link's title attribute, so the card never grows wider than the screen. */
  .title {
    font-size: 17px;
    font-weight: 600;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .facts {
    overflow-wrap: anywhere;
    font-size: 13px;
    color: var(--muted);
  }
  .actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  .status {
    min-height: 1.5em;
    font-size: 14px;
  }
  .error {
    color: var(--error-ink);
  }
  dialog {
    width: min(560px, 94vw);
    border: 1px solid var(--rule-strong);
    border-radius: 10px;
    padding: 18px 20px;
    color: var(--ink);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  dialog h2 {
    margin: 0 0 12px;
    font-size: 19px;
  }
  .field {
    display: grid;
    gap: 3px;
    margin-bottom: 10px;
  }
  .field label {
    font-weight: 600;
    font-size: 14px;
  }
  .field input,
  .field textarea {
    font: inherit;
    padding: 6px 8px;
    border: 1.5px solid var(--rule-strong);
    border-radius: 6px;
  }
  fieldset {
    border: 1px solid var(--rule);
    border-radius: 6px;
    margin: 6px 0 12px;
    padding: 8px 12px 2px;
  }
  legend {
    font-size: 14px;
    color: var(--muted);
  }
  .form-error {
    color: var(--error-ink);
    min-height: 1.2em;
    font-size: 14px;
  }
  .field .hint {
    margin: 0;
    font-size: 13px;
    color: var(--muted);
  }
  .field .field-error {
    margin: 0;
    font-size: 14px;
    color: var(--error-ink);
    font-weight: 600;
  }
  .field .field-error:empty {
    display: none;
  }
  .dialog-actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
`;
