/**
 * <warrant-source-form>: a source card as a form (title, URL, authors, publisher, date, type,
 * reliability grade and its justification), plus a pinpoint when the form cites the source on a
 * node. It owns no storage: it validates with checkSource and reports `warrant-source-submit`
 * with the cleaned fields, or `warrant-source-cancel` (Cancel, Escape). Everything typed stays
 * plain text: values are bound as properties and interpolated, never parsed as HTML.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LIMITS } from '../model/limits.js';
import {
  RELIABILITY_LABELS,
  SOURCE_TYPE_LABELS,
  checkSource,
  type SourceFields,
  type SourceInput,
} from '../model/sources.js';
import { Reliability, SourceType } from '../model/types.js';
import { completeUrl, validateUrl } from '../model/url.js';
import { baseStyles, fieldStyles } from './shared-styles.js';
import { scrubField } from './scrub-input.js';
import { announce } from './announce.js';
import { dropForm, formDraft, keepForm } from '../state/drafts.js';

/** What a submitted source form carries. */
export interface SourceSubmitDetail {
  fields: SourceFields;
  /** The pinpoint typed (trimmed; undefined when empty or when the form has no pinpoint). */
  pinpoint?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-source-form': WarrantSourceForm;
  }
  interface HTMLElementEventMap {
    'warrant-source-submit': CustomEvent<SourceSubmitDetail>;
    'warrant-source-cancel': CustomEvent<void>;
  }
}

/** A form field: the SourceInput keys plus the citation's pinpoint. */
type Field = keyof SourceInput | 'pinpoint';

const LABELS: Readonly<Record<Field, string>> = {
  title: 'Title',
  url: 'URL',
  authors: 'Author(s)',
  publisher: 'Publisher',
  date: 'Date or year',
  type: 'Type',
  reliability: 'Reliability',
  reliabilityNote: 'Why this grade',
  pinpoint: 'Pinpoint',
};

// The order errors are reported and focus goes to the first invalid field.
const ORDER: readonly Field[] = [
  'title',
  'url',
  'authors',
  'publisher',
  'date',
  'type',
  'reliability',
  'reliabilityNote',
  'pinpoint',
];

/** checkSource says "is required" (a predicate) or "The URL ..." (a sentence): make both sentences. */
function sentence(field: Field, message: string): string {
  const text = /^[a-z]/.test(message) ? `${LABELS[field]} ${message}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

@customElement('warrant-source-form')
export class WarrantSourceForm extends LitElement {
  static override styles = [
    baseStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 10px;
        padding: 12px;
        border: 1px solid var(--rule-strong);
        border-radius: 8px;
        background: var(--panel, var(--surface));
      }
      .legend {
        font-weight: 600;
        font-size: 14px;
        margin: 0;
      }
      .field {
        display: grid;
        gap: 3px;
        min-width: 0;
      }
      .pair {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: 10px;
        align-items: start;
      }
      :host([frameless]) form {
        padding: 0;
        border: none;
        background: none;
      }
      label {
        font-size: 13px;
        font-weight: 600;
      }
      .req,
      .hint {
        font-weight: 400;
        color: var(--muted);
      }
      .hint {
        font-size: 12.5px;
        margin: 0;
      }
      [aria-invalid='true'] {
        border-color: var(--error-ink);
      }
      .error {
        color: var(--error-ink);
        font-size: 13.5px;
        margin: 0;
      }
      .error:empty {
        display: none;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      button:disabled {
        opacity: 0.55;
        cursor: default;
      }
    `,
  ];

  /** Values to start from: a source being edited, or a title typed in a search. Read once. */
  @property({ attribute: false }) source?: Partial<SourceFields>;
  /** Whether to ask for a pinpoint (the form cites the source on a node). */
  @property({ type: Boolean, attribute: 'with-pinpoint' }) withPinpoint = false;
  /** The pinpoint to start from. Read once. */
  @property() pinpoint = '';
  /** The form's accessible name and visible heading, e.g. "New source" or "Edit source". */
  @property() label = 'Source';
  /** Text of the submit button. */
  @property({ attribute: 'submit-label' }) submitLabel = 'Save';
  /** A note under the heading, e.g. "Changes show on all 3 nodes that cite it." */
  @property() note = '';
  /** A problem the caller reports after a submit (e.g. the database refused). */
  @property() problem = '';
  /** Drops the form's own border and padding (when it sits in a card or panel that has them). */
  @property({ type: Boolean, reflect: true }) frameless = false;
  /** Disables the buttons while the caller saves. */
  @property({ type: Boolean }) busy = false;

  /**
   * Where the half-filled fields are kept for a reload of this tab ('' = not kept). The form
   * refills itself from there and forgets them once it is closed (saved or cancelled).
   */
  @property({ attribute: false }) draftKey = '';

  @state() private draft: Record<Field, string> = {
    title: '',
    url: '',
    authors: '',
    publisher: '',
    date: '',
    type: SourceType.other,
    reliability: '',
    reliabilityNote: '',
    pinpoint: '',
  };
  @state() private errors: Partial<Record<Field, string>> = {};
  private started = false;

  protected override willUpdate(): void {
    if (this.started) return;
    this.started = true;
    const s = this.source ?? {};
    this.draft = {
      title: s.title ?? '',
      url: s.url ?? '',
      authors: s.authors ?? '',
      publisher: s.publisher ?? '',
      date: s.date ?? '',
      type: s.type ?? SourceType.other,
      reliability: s.reliability ?? '',
      reliabilityNote: s.reliabilityNote ?? '',
      pinpoint: this.pinpoint,
    };
    const kept = this.draftKey ? formDraft(this.draftKey) : undefined;
    if (kept)
      for (const f of Object.keys(this.draft) as Field[]) if (typeof kept[f] === 'string') this.draft[f] = kept[f];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Closed by its host (saved, cancelled, another node chosen). A reload does not disconnect.
    if (this.draftKey) dropForm(this.draftKey);
  }

  /** Focuses the first field (or the first invalid one). */
  override focus(): void {
    void this.updateComplete.then(() => {
      const bad = ORDER.find((f) => this.errors[f]);
      this.renderRoot.querySelector<HTMLElement>(`#f-${bad ?? 'title'}`)?.focus();
    });
  }

  /** Current field errors, in form order (for tests and callers). */
  get fieldErrors(): string[] {
    return ORDER.flatMap((f) => (this.errors[f] ? [this.errors[f]!] : []));
  }

  private set(field: Field, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.draftKey) keepForm(this.draftKey, this.draft);
    if (this.errors[field]) {
      const { [field]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private onInput = (e: Event): void => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    this.set(el.name as Field, el instanceof HTMLSelectElement ? el.value : scrubField(el));
    if (el.name === 'url') this.urlAssumed = '';
  };

  /**
   * Checks the URL as soon as the user leaves the field, not only on submit. A link typed without
   * its scheme is completed to https in the field itself, and the hint says so, so the change is
   * visible rather than silent.
   */
  private onUrlChange = (): void => {
    this.completeTypedUrl();
    const url = this.draft.url.trim();
    if (!url) return;
    const check = validateUrl(url);
    if (!check.ok) this.errors = { ...this.errors, url: check.reason };
  };

  /** Set when "https://" was added to the typed URL: shown under the field until it changes again. */
  @state() private urlAssumed = '';

  private completeTypedUrl(): void {
    const completed = completeUrl(this.draft.url);
    if (!completed.assumed) return;
    this.draft = { ...this.draft, url: completed.url };
    if (this.draftKey) keepForm(this.draftKey, this.draft);
    this.urlAssumed = completed.url;
    announce(this, `Link taken as ${completed.url}.`);
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancel();
    }
  };

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('warrant-source-cancel', { bubbles: true, composed: true }));
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    if (this.busy) return;
    // Enter in the URL field submits without a change event: complete the URL here too.
    this.completeTypedUrl();
    const errors: Partial<Record<Field, string>> = {};
    const { pinpoint, ...input } = this.draft;
    const checked = checkSource(input);
    if (!checked.ok) for (const err of checked.errors) errors[err.field] ??= sentence(err.field, err.message);
    const pin = this.withPinpoint ? pinpoint.replace(/\s+/g, ' ').trim() : '';
    if (pin.length > LIMITS.field) {
      errors.pinpoint = `Pinpoint is too long (${pin.length} characters; at most ${LIMITS.field}).`;
    }
    this.errors = errors;
    const messages = ORDER.flatMap((f) => (errors[f] ? [errors[f]!] : []));
    if (!checked.ok || messages.length) {
      announce(this, `Not saved: ${messages.join(' ')}`, true);
      this.focus();
      return;
    }
    const detail: SourceSubmitDetail = { fields: checked.fields, ...(pin && { pinpoint: pin }) };
    this.dispatchEvent(new CustomEvent('warrant-source-submit', { detail, bubbles: true, composed: true }));
  };

  private input(field: Field, opts: { hint?: string; type?: string; required?: boolean } = {}) {
    const error = this.errors[field];
    const described = [opts.hint ? `h-${field}` : '', error ? `e-${field}` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="f-${field}"
        >${LABELS[field]}${opts.required ? html` <span class="req">(required)</span>` : nothing}</label
      >
      <input
        id="f-${field}"
        name=${field}
        type=${opts.type ?? 'text'}
        autocomplete="off"
        .value=${this.draft[field]}
        ?required=${opts.required === true}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${this.onInput}
        @change=${field === 'url' ? this.onUrlChange : nothing}
      />
      ${opts.hint ? html`<p class="hint" id="h-${field}">${opts.hint}</p>` : nothing}
      <p class="error" id="e-${field}">${error ?? ''}</p>
    </div>`;
  }

  override render() {
    const typeError = this.errors.type;
    const relError = this.errors.reliability;
    return html`<form
      novalidate
      aria-labelledby="legend"
      aria-describedby=${this.note ? 'note' : nothing}
      @submit=${this.onSubmit}
      @keydown=${this.onKeyDown}
    >
      <p class="legend" id="legend">${this.label}</p>
      ${this.note ? html`<p class="hint" id="note">${this.note}</p>` : nothing}
      ${this.input('title', { required: true })}
      ${this.input('url', {
        type: 'url',
        hint: this.urlAssumed
          ? `Taken as ${this.urlAssumed} (https:// added).`
          : 'Only http:// and https:// links; https:// is added if you leave it out.',
      })}
      <div class="pair">${this.input('authors')} ${this.input('publisher')}</div>
      <div class="pair">
        ${this.input('date', { hint: 'For example 1997 or 1997-05-27.' })}
        <div class="field">
          <label for="f-type">${LABELS.type}</label>
          <select
            id="f-type"
            name="type"
            .value=${this.draft.type}
            aria-invalid=${typeError ? 'true' : 'false'}
            aria-describedby=${typeError ? 'e-type' : nothing}
            @change=${this.onInput}
          >
            ${Object.values(SourceType).map(
              (t) => html`<option value=${t} ?selected=${this.draft.type === t}>${SOURCE_TYPE_LABELS[t]}</option>`,
            )}
          </select>
          <p class="error" id="e-type">${typeError ?? ''}</p>
        </div>
      </div>
      <div class="pair">
        <div class="field">
          <label for="f-reliability">${LABELS.reliability}</label>
          <select
            id="f-reliability"
            name="reliability"
            .value=${this.draft.reliability}
            aria-invalid=${relError ? 'true' : 'false'}
            aria-describedby=${relError ? 'h-reliability e-reliability' : 'h-reliability'}
            @change=${this.onInput}
          >
            <option value="" ?selected=${!this.draft.reliability}>Not graded</option>
            ${Object.values(Reliability).map(
              (r) =>
                html`<option value=${r} ?selected=${this.draft.reliability === r}>${RELIABILITY_LABELS[r]}</option>`,
            )}
          </select>
          <p class="hint" id="h-reliability">Admiralty scale: how far this source can be trusted.</p>
          <p class="error" id="e-reliability">${relError ?? ''}</p>
        </div>
        ${this.input('reliabilityNote', { hint: 'One line, e.g. “official record, but self-serving”.' })}
      </div>
      ${
        this.withPinpoint
          ? this.input('pinpoint', { hint: 'Optional: page, section or a short quoted excerpt.' })
          : nothing
      }
      <p class="error" role="alert">${this.problem}</p>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
        <button type="button" @click=${() => this.cancel()}>Cancel</button>
      </div>
    </form>`;
  }
}
