/**
 * <warrant-node-editor>: edits a node's text (or notes) as Markdown with a live preview rendered
 * through marked + DOMPurify. It owns no storage: it reports every keystroke (warrant-draft) and
 * the end of the session (warrant-edit-done: commit or cancel); the map view saves the draft
 * debounced, on blur and on page hide.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { markdown, MarkdownController } from './markdown.js';
import type { SaveState } from '../state/edit-session.js';
import { baseStyles, proseStyles } from './shared-styles.js';
import { scrubField } from './scrub-input.js';

export interface DraftDetail {
  value: string;
}
export interface EditDoneDetail {
  /** commit: keep the text (Enter, Done); cancel: revert / discard (Escape, Cancel). */
  action: 'commit' | 'cancel';
  value: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-node-editor': WarrantNodeEditor;
  }
  interface HTMLElementEventMap {
    'warrant-draft': CustomEvent<DraftDetail>;
    'warrant-edit-done': CustomEvent<EditDoneDetail>;
  }
}

const PREVIEW_LIMIT = 20_000;

@customElement('warrant-node-editor')
export class WarrantNodeEditor extends LitElement {
  static override styles = [
    baseStyles,
    proseStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        font-weight: 600;
        font-size: 14px;
        margin-bottom: 4px;
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 96px;
        max-height: 40vh;
        resize: vertical;
        font: inherit;
        font-size: 16px;
        line-height: 1.45;
        padding: 8px 10px;
        border: 1.5px solid var(--rule-strong);
        border-radius: 6px;
        background: var(--surface);
        color: var(--ink);
      }
      textarea[aria-invalid='true'] {
        border-color: var(--error-ink);
      }
      .hint {
        font-size: 12.5px;
        color: var(--muted);
        margin: 4px 0 0;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-top: 8px;
        flex-wrap: wrap;
      }
      .status {
        font-size: 13px;
        color: var(--muted);
        margin-left: auto;
      }
      .status.error,
      .problem {
        color: var(--error-ink);
      }
      .problem {
        font-size: 14px;
        margin: 6px 0 0;
      }
      .preview {
        margin-top: 10px;
        padding: 8px 10px;
        border: 1px dashed var(--rule-strong);
        border-radius: 6px;
        max-height: 30vh;
        overflow: auto;
        background: var(--surface);
      }
      .preview-label {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--muted);
        margin: 10px 0 2px;
      }
    `,
  ];

  /** The field's label, e.g. "Counterpoint text" or "Notes". */
  @property() label = 'Text';
  /** Starting value; the editor keeps its own draft after that. */
  @property() value = '';
  /** Whether an empty value may be committed (notes may be empty, node text may not). */
  @property({ type: Boolean, attribute: 'allow-empty' }) allowEmpty = false;
  @property({ attribute: false }) saveState: SaveState = 'saved';
  /** A problem to show (e.g. "The text is empty"). */
  @property() problem = '';

  @state() private draft = '';
  // The preview shows plain text until the Markdown renderer has loaded.
  private readonly markdownReady = new MarkdownController(this);
  @query('textarea') private textarea!: HTMLTextAreaElement;
  private started = false;

  protected override willUpdate(): void {
    if (!this.started) {
      this.draft = this.value;
      this.started = true;
    }
  }

  /** Focuses the text field with the caret at the end. */
  override focus(): void {
    void this.updateComplete.then(() => {
      this.textarea.focus();
      this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length);
    });
  }

  /** The current draft (what the user has typed). */
  get currentValue(): string {
    return this.draft;
  }

  private onInput(e: Event): void {
    this.draft = scrubField(e.target as HTMLTextAreaElement);
    this.problem = '';
    this.dispatchEvent(
      new CustomEvent('warrant-draft', { detail: { value: this.draft }, bubbles: true, composed: true }),
    );
  }

  private done(action: 'commit' | 'cancel'): void {
    this.dispatchEvent(
      new CustomEvent('warrant-edit-done', { detail: { action, value: this.draft }, bubbles: true, composed: true }),
    );
  }

  private onKeyDown(e: KeyboardEvent): void {
    // Keys typed in the field belong to the field; only these leave it.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      this.done('cancel');
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.done('commit');
    }
  }

  override render() {
    const status =
      this.saveState === 'saving'
        ? 'Saving…'
        : this.saveState === 'unsaved'
          ? 'Not saved yet'
          : this.saveState === 'error'
            ? 'Could not save'
            : 'Saved';
    const preview = this.draft.length > PREVIEW_LIMIT ? this.draft.slice(0, PREVIEW_LIMIT) + '\n\n…' : this.draft;
    return html`
      <label for="field">${this.label}</label>
      <textarea
        id="field"
        .value=${this.draft}
        aria-describedby="hint problem"
        aria-invalid=${this.problem ? 'true' : 'false'}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        spellcheck="true"
      ></textarea>
      <p class="hint" id="hint">
        Markdown. Enter saves and returns to the tree, Shift+Enter starts a new line, Escape cancels.
      </p>
      <p class="problem" id="problem" role="alert">${this.problem}</p>
      <div class="row">
        <button class="primary" @click=${() => this.done('commit')}>Done</button>
        <button @click=${() => this.done('cancel')}>Cancel</button>
        <span class="status ${this.saveState === 'error' ? 'error' : ''}" role="status" aria-live="polite"
          >${status}</span
        >
      </div>
      ${
        this.draft.trim()
          ? html`<p class="preview-label">Preview</p>
              <div class="preview prose">${markdown(preview)}</div>`
          : nothing
      }
    `;
  }
}
