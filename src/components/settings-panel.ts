/** <warrant-settings>: the author name kept locally, and whether the browser keeps our data. */
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  RATING_MAPPING_LABELS,
  RatingMapping,
  SEMANTICS_LABELS,
  Semantics,
  type EvaluationSettings,
} from '../evaluation/index.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-settings': WarrantSettings;
  }
  interface HTMLElementEventMap {
    'warrant-author-change': CustomEvent<{ name: string }>;
    'warrant-evaluation-change': CustomEvent<EvaluationSettings>;
  }
}

/** What the browser says about keeping this site's data. */
export type PersistenceState = 'persistent' | 'best-effort' | 'unknown';

@customElement('warrant-settings')
export class WarrantSettings extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 640px;
        margin: 0 auto;
        padding: 24px 20px;
      }
      h1 {
        font-size: 22px;
        margin: 0 0 16px;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      select {
        font: inherit;
        padding: 5px 8px;
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
      }
      input {
        font: inherit;
        padding: 6px 8px;
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        width: min(100%, 320px);
      }
      .hint {
        font-size: 13px;
        color: var(--muted);
        margin: 4px 0 20px;
      }
      section {
        margin-bottom: 24px;
      }
      h2 {
        font-size: 16px;
      }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  /** Storage persistence as reported by navigator.storage.persisted(). */
  @property() persistence: PersistenceState = 'unknown';

  @state() private usage = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void navigator.storage?.estimate?.().then((e) => {
      if (e.usage !== undefined) this.usage = `${(e.usage / 1024 / 1024).toFixed(1)} MB used`;
    });
  }

  private onAuthor(e: Event): void {
    const name = (e.target as HTMLInputElement).value.trim().slice(0, 100);
    this.dispatchEvent(new CustomEvent('warrant-author-change', { detail: { name }, bubbles: true, composed: true }));
  }

  private onEvaluation(key: keyof EvaluationSettings, value: string): void {
    const current = this.services?.evaluation;
    if (!current) return;
    const next = { ...current, [key]: value } as EvaluationSettings;
    this.dispatchEvent(new CustomEvent('warrant-evaluation-change', { detail: next, bubbles: true, composed: true }));
  }

  override render() {
    const ev = this.services?.evaluation;
    return html`
      <h1>Settings</h1>
      <section>
        <label for="author">Your name</label>
        <input id="author" autocomplete="nickname" .value=${this.services?.authorName ?? ''} @change=${this.onAuthor} />
        <p class="hint">Recorded on the nodes you add and on your ratings. Kept in this browser only.</p>
      </section>
      <section aria-labelledby="eval-h">
        <h2 id="eval-h">How standing is computed</h2>
        <label for="semantics">Semantics</label>
        <select
          id="semantics"
          @change=${(e: Event) => this.onEvaluation('semantics', (e.target as HTMLSelectElement).value)}
        >
          ${Object.values(Semantics).map(
            (v) => html`<option value=${v} ?selected=${ev?.semantics === v}>${SEMANTICS_LABELS[v]}</option>`,
          )}
        </select>
        <p class="hint">
          Quadratic Energy (default): every argument counts, support and attack are symmetric, one extreme rating cannot
          wipe a claim out. DF-QuAD: quality over quantity; one unanswered decisive counterpoint brings a claim to 0.
        </p>
        <label for="mapping">From a rating to a base score</label>
        <select
          id="mapping"
          @change=${(e: Event) => this.onEvaluation('mapping', (e.target as HTMLSelectElement).value)}
        >
          ${Object.values(RatingMapping).map(
            (v) => html`<option value=${v} ?selected=${ev?.mapping === v}>${RATING_MAPPING_LABELS[v]}</option>`,
          )}
        </select>
        <p class="hint">
          “Avoid extremes” maps ratings to 0.1 … 0.9, so no single rating pins a claim at 0 or 1. Unrated nodes count as
          0.5.
        </p>
      </section>
      <section aria-labelledby="storage-h">
        <h2 id="storage-h">Storage</h2>
        <p data-testid="persistence">
          ${
            this.persistence === 'persistent'
              ? 'Storage is persistent: the browser will not delete your maps to free space.'
              : this.persistence === 'best-effort'
                ? 'Storage is not persistent: the browser may delete your maps if the disk gets full. Export maps you need to keep, or bookmark this page (which often makes storage persistent).'
                : 'This browser does not say whether storage is persistent.'
          }
        </p>
        <p class="hint">${this.usage}</p>
      </section>
    `;
  }
}
