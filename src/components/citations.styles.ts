/**
 * Styles of <warrant-citations> and of the <warrant-source-picker> inside it. The picker renders
 * into its host's shadow root (see source-picker.ts), so both sheets are adopted by
 * <warrant-citations>.
 */
import { css } from 'lit';

/** The Sources section: cited cards, their controls and the "Cite a source" panel. */
export const citationsStyles = css`
  :host {
    display: block;
  }
  h3 {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--muted);
    margin: 20px 0 6px;
  }
  ul.cited {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  ul.cited > li {
    border: 1px solid var(--rule);
    border-radius: 8px;
    padding: 8px 10px;
    background: var(--surface);
  }
  .pinpoint,
  .uses {
    margin: 4px 0 0;
    font-size: 13.5px;
  }
  .uses {
    color: var(--muted);
  }
  .actions,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 6px;
    align-items: center;
  }
  .actions button,
  .row button {
    font-size: 13px;
    padding: 4px 10px;
    min-height: 30px;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .warning {
    margin: 0 0 8px;
    padding: 6px 10px;
    border-left: 4px solid var(--warn-ink, var(--error-ink));
    background: var(--quote-bg, var(--surface));
    color: var(--warn-ink, var(--error-ink));
    font-size: 14px;
  }
  .error {
    color: var(--error-ink);
    font-size: 13.5px;
    margin: 4px 0 0;
  }
  .error:empty {
    display: none;
  }
  .panel {
    margin-top: 8px;
    padding: 10px 12px;
    border: 1px solid var(--rule-strong);
    border-radius: 8px;
    background: var(--panel, var(--surface));
    display: grid;
    gap: 6px;
  }
  .panel-title {
    font-weight: 600;
    font-size: 14px;
    margin: 0;
  }
  label {
    font-size: 13px;
    font-weight: 600;
  }
  label .hint {
    font-weight: 400;
  }
  .hint {
    font-size: 12.5px;
    color: var(--muted);
    margin: 0;
  }
  .dup {
    padding: 8px 10px;
    border: 1.5px solid var(--error-ink);
    border-radius: 6px;
    background: var(--error-bg);
  }
  .dup p {
    margin: 0;
  }
  .pin-edit {
    display: grid;
    gap: 4px;
    margin-top: 6px;
  }
`;

/** The source picker's combobox and listbox. */
export const sourcePickerStyles = css`
  /* The picker's parts are items of the panel's grid, as if written in place. */
  warrant-source-picker {
    display: contents;
  }
  [aria-invalid='true'] {
    border-color: var(--error-ink);
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 2px;
    max-height: 220px;
    overflow-y: auto;
    border: 1px solid var(--rule);
    border-radius: 6px;
    background: var(--surface);
  }
  [role='option'] {
    padding: 5px 8px;
    border-radius: 4px;
    cursor: pointer;
    font-size: 14px;
    overflow-wrap: anywhere;
  }
  [role='option']:hover {
    background: var(--hover);
  }
  [role='option'].active {
    background: var(--selected);
    box-shadow: inset 0 0 0 2px var(--focus);
  }
  [role='option'] .muted {
    font-size: 12.5px;
  }
  .chosen-mark {
    font-weight: 700;
  }
`;
