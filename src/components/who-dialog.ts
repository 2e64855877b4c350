/**
 * <warrant-who>: "Who are you?", asked in a native modal dialog the first time someone edits or
 * rates, so their work is filed under their name (not "me"). The name is kept in Settings and can
 * be changed there. `ask()` resolves with the name, or undefined when the dialog is dismissed.
 */
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { checkName } from '../formats/class-files.js';
import { baseStyles, dialogStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-who': WarrantWho;
  }
}

@customElement('warrant-who')
export class WarrantWho extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        max-width: min(440px, 94vw);
      }
      h2 {
        margin: 0 0 6px;
        font-size: 19px;
      }
      p {
        margin: 0 0 10px;
        font-size: 14px;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      input {
        width: 100%;
        font: inherit;
        padding: 6px 8px;
      }
      .error {
        color: var(--error-ink);
        margin-top: 6px;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
        margin-top: 14px;
      }
    `,
  ];

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('input') private input?: HTMLInputElement;
  @state() private error = '';
  private resolve?: (name: string | undefined) => void;

  /** Opens the dialog; resolves with the name given, or undefined if dismissed. */
  async ask(current = ''): Promise<string | undefined> {
    await this.updateComplete;
    this.error = '';
    if (this.input) this.input.value = current;
    this.dialog?.showModal();
    this.input?.focus();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  private finish(name: string | undefined): void {
    const r = this.resolve;
    this.resolve = undefined;
    if (this.dialog?.open) this.dialog.close();
    r?.(name);
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    const name = (this.input?.value ?? '').trim();
    const problem = checkName(name);
    if (problem) {
      this.error = problem;
      this.input?.focus();
      return;
    }
    this.finish(name);
  };

  override render() {
    return html`<dialog aria-labelledby="who-title" @close=${() => this.finish(undefined)}>
      <form @submit=${this.onSubmit} novalidate>
        <h2 id="who-title">Who are you?</h2>
        <p>
          Your work is filed under this name, so your teacher sees what you added and rated. It stays in this browser;
          change it in Settings.
        </p>
        <label for="who-name">Your name</label>
        <input
          id="who-name"
          autocomplete="nickname"
          maxlength="200"
          aria-describedby="who-error"
          aria-invalid=${this.error ? 'true' : 'false'}
        />
        <div id="who-error" class="error" role="alert">${this.error}</div>
        <div class="actions">
          <button type="button" @click=${() => this.finish(undefined)}>Not now</button>
          <button type="submit" class="primary">Continue</button>
        </div>
      </form>
    </dialog>`;
  }
}
