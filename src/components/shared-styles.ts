/** Styles shared by several components: buttons, headings, visually hidden text. */
import { css } from 'lit';

/** Base element styles every panel uses. */
export const baseStyles = css`
  :host {
    color: var(--ink);
    font-family: var(--font);
  }
  button,
  .button {
    font: inherit;
    font-size: 14px;
    padding: 6px 12px;
    min-height: 34px;
    border: 1px solid var(--rule-strong);
    border-radius: 6px;
    background: var(--surface);
    color: var(--ink);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  button:hover,
  .button:hover {
    background: var(--hover);
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--on-accent);
  }
  button.primary:hover {
    background: var(--accent-strong);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  a {
    color: var(--link);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .muted {
    color: var(--muted);
  }
`;

/** Typography for rendered Markdown. */
export const proseStyles = css`
  .prose {
    line-height: 1.55;
    overflow-wrap: anywhere;
  }
  .prose p {
    margin: 0 0 0.6em;
  }
  .prose :last-child {
    margin-bottom: 0;
  }
  .prose pre {
    white-space: pre-wrap;
    background: var(--code-bg);
    padding: 8px;
    border-radius: 4px;
  }
  .prose code {
    background: var(--code-bg);
    padding: 0 3px;
    border-radius: 3px;
  }
  .prose blockquote {
    margin: 0 0 0.6em;
    padding-left: 12px;
    border-left: 3px solid var(--rule-strong);
    color: var(--muted);
  }
  .prose table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
  }
  .prose td,
  .prose th {
    border: 1px solid var(--rule);
    padding: 2px 6px;
  }
`;

/** Text inputs and selects in forms (source cards, the source picker, the sources filter). */
export const fieldStyles = css`
  input:not([type='checkbox']):not([type='radio']),
  select {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    font: inherit;
    font-size: 15px;
    padding: 6px 8px;
    min-height: 34px;
    border: 1.5px solid var(--rule-strong);
    border-radius: 6px;
    background: var(--surface);
    color: var(--ink);
  }
`;

/**
 * The frame every modal <dialog> shares (who are you, shortcuts, import, export): a bordered box
 * on a dimmed page. Each dialog adds its own width and height.
 */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--rule-strong);
    border-radius: 10px;
    padding: 16px 20px;
    color: var(--ink);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
`;

/** A 0-4 scale of radio buttons drawn as chips (the details' rating and Rate next share it). */
export const ratingScaleStyles = css`
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .scale label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 1.5px solid var(--rule-strong);
    border-radius: 6px;
    padding: 3px 8px 3px 4px;
    font-size: 13.5px;
    cursor: pointer;
    background: var(--surface);
  }
  .scale label.on {
    border-color: var(--accent);
    background: var(--selected);
    font-weight: 600;
  }
  .scale input {
    margin: 0;
    accent-color: var(--accent);
  }
`;
