/**
 * <warrant-export-menu>: one "Save" button that opens a short list of ways to save a picture
 * (SVG, PNG, Print), so a picture's toolbar keeps to two rows on a 390 px phone instead of three.
 * The WAI-ARIA disclosure pattern: the button has aria-expanded and controls the list; Escape
 * or leaving the menu closes it, and choosing an item runs it and closes it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-export-menu': WarrantExportMenu;
  }
}

/** One way to save: its button text and what it does. */
export interface ExportItem {
  label: string;
  run: () => void;
}

@customElement('warrant-export-menu')
export class WarrantExportMenu extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      button {
        min-height: 32px;
        padding: 4px 10px;
      }
      ul {
        position: absolute;
        right: 0;
        top: calc(100% + 4px);
        z-index: 5;
        display: grid;
        gap: 4px;
        margin: 0;
        padding: 6px;
        list-style: none;
        min-width: 9em;
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        background: var(--surface);
        box-shadow: 0 4px 14px rgb(0 0 0 / 18%);
      }
      ul button {
        width: 100%;
        justify-content: flex-start;
      }
    `,
  ];

  /** The items, in order. */
  @property({ attribute: false }) items: readonly ExportItem[] = [];
  /** The trigger's text (not "Export": the map's own Export… button sits in the same view). */
  @property() label = 'Save';

  @state() open = false;

  private toggle(): void {
    this.open = !this.open;
    if (this.open)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('ul button')?.focus());
  }

  private close(refocus: boolean): void {
    this.open = false;
    if (refocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.trigger')?.focus());
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
    }
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (this.open && (!next || !this.renderRoot.contains(next))) this.open = false;
  }

  protected override render() {
    return html`<div @keydown=${this.onKeyDown} @focusout=${this.onFocusOut}>
      <button
        class="trigger"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="items"
        @click=${() => this.toggle()}
      >
        ${this.label}<span class="sr-only"> the picture</span> <span aria-hidden="true">▾</span>
      </button>
      ${
        this.open
          ? html`<ul id="items">
              ${repeat(
                this.items,
                (item) => item.label,
                (item) =>
                  html`<li>
                    <button
                      @click=${() => {
                        this.close(true);
                        item.run();
                      }}
                    >
                      ${item.label}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }
}
