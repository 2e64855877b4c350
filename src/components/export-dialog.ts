/**
 * <warrant-export-dialog>: exports the open map as Markdown, JSON, Kialo text or Argdown, in a
 * native modal dialog. Shows a live preview (as text), what each format leaves out, and for
 * Markdown the choice between a student's clean hand-in and the teacher's full record.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from '../evaluation/index.js';
import {
  describeKialoLosses,
  FORMATS,
  formatById,
  MARKDOWN_FULL_RECORD,
  MARKDOWN_HAND_IN,
  type ExportOptions,
  type FormatId,
} from '../formats/index.js';
import type { MapBundle } from '../model/types.js';
import {
  copyToClipboard,
  download,
  exportFileName,
  exportText,
  standingsFor,
  standingsLabel,
} from '../state/transfer.js';
import { copyMapLink } from '../state/share-copy.js';
import { baseStyles, dialogStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-export-dialog': WarrantExportDialog;
  }
}

/** Lines of the export shown in the preview. */
export const PREVIEW_LINES = 200;

/** What a Markdown export includes, as the dialog's checkboxes hold it. */
interface MarkdownChoice {
  ratings: boolean;
  standings: boolean;
  notes: boolean;
  sources: boolean;
  ids: boolean;
}

const OPTION_LABELS: ReadonlyArray<[keyof MarkdownChoice, string, string]> = [
  ['ratings', 'Ratings', 'the mean rating and number of ratings of each statement, and each rater’s rating'],
  ['standings', 'Standings', 'how well each statement stands, from 0 to 1'],
  ['notes', 'Notes', 'the notes written on statements'],
  ['sources', 'Sources', 'numbered references and a Sources section'],
  ['ids', 'Ids', 'hidden ids and authors, so importing the file back restores every statement exactly'],
];

function handIn(): MarkdownChoice {
  return {
    ratings: MARKDOWN_HAND_IN.ratings ?? true,
    standings: false,
    notes: MARKDOWN_HAND_IN.notes ?? true,
    sources: MARKDOWN_HAND_IN.sources ?? true,
    ids: MARKDOWN_HAND_IN.ids ?? true,
  };
}

function fullRecord(rated: boolean): MarkdownChoice {
  return {
    ratings: MARKDOWN_FULL_RECORD.ratings ?? true,
    standings: rated,
    notes: MARKDOWN_FULL_RECORD.notes ?? true,
    sources: MARKDOWN_FULL_RECORD.sources ?? true,
    ids: MARKDOWN_FULL_RECORD.ids ?? true,
  };
}

const sameChoice = (a: MarkdownChoice, b: MarkdownChoice): boolean =>
  (Object.keys(a) as Array<keyof MarkdownChoice>).every((k) => a[k] === b[k]);

@customElement('warrant-export-dialog')
export class WarrantExportDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        width: min(980px, 96vw);
        max-height: 92vh;
        box-sizing: border-box;
      }
      /* The actions stay at the bottom of the dialog while its options scroll, so Download is
         always on screen (a phone, or a 768-px laptop with every Markdown option shown). */
      .actions {
        position: sticky;
        bottom: -16px;
        margin: 14px -20px -16px;
        padding: 10px 20px 12px;
        background: var(--surface, #fff);
        border-top: 1px solid var(--rule);
        z-index: 1;
      }
      h2 {
        margin: 0 0 10px;
        font-size: 19px;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(260px, 1fr) minmax(0, 1.4fr);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 760px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      fieldset {
        border: 1px solid var(--rule);
        border-radius: 6px;
        margin: 0 0 12px;
        padding: 6px 12px 8px;
      }
      legend {
        font-weight: 600;
        font-size: 14px;
        padding: 0 4px;
      }
      .choice {
        display: grid;
        grid-template-columns: auto 1fr;
        column-gap: 8px;
        align-items: baseline;
        padding: 4px 0;
        font-size: 14px;
      }
      .choice input {
        margin: 0;
      }
      .choice label {
        cursor: pointer;
      }
      .choice .what {
        grid-column: 2;
        font-size: 13px;
        color: var(--muted);
      }
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 2px 0 6px;
      }
      .presets button[aria-pressed='true'] {
        background: var(--selected);
        border-color: var(--accent);
      }
      .semantics,
      .losses {
        font-size: 13px;
        margin: 4px 0 0;
      }
      .losses ul {
        margin: 4px 0 0;
        padding-left: 20px;
      }
      .preview-head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 8px;
        font-size: 14px;
        margin-bottom: 4px;
      }
      pre {
        margin: 0;
        max-height: min(58vh, 560px);
        overflow: auto;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-size: 12.5px;
        line-height: 1.45;
        background: var(--code-bg);
        border: 1px solid var(--rule);
        border-radius: 6px;
        padding: 10px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .actions .status {
        flex-basis: 100%;
        margin: 0;
      }
      .actions .close {
        margin-left: auto;
      }
      .status {
        min-height: 1.4em;
        font-size: 14px;
        margin: 8px 0 0;
      }
      .status.error {
        color: var(--error-ink);
      }
    `,
  ];

  /** The map to export. */
  @property({ attribute: false }) bundle?: MapBundle;
  /** How standings are computed (AppServices.evaluation); named in the export. */
  @property({ attribute: false }) evaluationSettings: EvaluationSettings = DEFAULT_EVALUATION_SETTINGS;
  /** Standings already computed by the caller; computed from the bundle when absent. */
  @property({ attribute: false }) standings?: ReadonlyMap<string, number>;
  /** The rater whose ratings the standings use; everyone's when absent. */
  @property({ attribute: false }) perspective?: string;

  @state() private format: FormatId = 'markdown';
  @state() private choice: MarkdownChoice = handIn();
  @state() private status: { text: string; error: boolean } | null = null;
  @state() private isOpen = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  private returnFocus: HTMLElement | null = null;
  /** The export text for the current inputs (recomputed in willUpdate while open). */
  private text = '';
  private lineCount = 0;
  private preview = '';
  private failure = '';

  /** Opens the dialog; focus returns where it was when it closes. */
  async open(): Promise<void> {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | null;
    this.status = null;
    this.isOpen = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dialog (as Escape or the Close button do). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  /** The text a download or copy would give now (for tests and the caller). */
  get exportedText(): string {
    return this.text;
  }

  private get rated(): boolean {
    return (this.bundle?.ratings.length ?? 0) > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['bundle', 'evaluationSettings', 'standings', 'perspective', 'format', 'choice', 'isOpen'] as const;
    if (!this.isOpen || !inputs.some((k) => changed.has(k as keyof WarrantExportDialog))) return;
    this.text = '';
    this.preview = '';
    this.lineCount = 0;
    this.failure = '';
    const bundle = this.bundle;
    if (!bundle) return;
    try {
      this.text = exportText(bundle, this.format, this.exportOptions(bundle));
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      return;
    }
    // The preview shows the first lines only: a 10,000-node map stays quick to open.
    let end = -1;
    let lines = 0;
    while (lines < PREVIEW_LINES) {
      const next = this.text.indexOf('\n', end + 1);
      if (next === -1) break;
      end = next;
      lines++;
    }
    let total = lines;
    for (let i = this.text.indexOf('\n', end + 1); i !== -1; i = this.text.indexOf('\n', i + 1)) total++;
    if (!this.text.endsWith('\n') && this.text.length) total++;
    this.lineCount = total;
    this.preview = total > PREVIEW_LINES ? this.text.slice(0, end + 1) : this.text;
  }

  private exportOptions(bundle: MapBundle): ExportOptions | undefined {
    if (this.format !== 'markdown') return undefined;
    const c = this.choice;
    return {
      ratings: c.ratings,
      notes: c.notes,
      sources: c.sources,
      ids: c.ids,
      standings: c.standings ? standingsFor(bundle, this.evaluationSettings, this.perspective, this.standings) : null,
    };
  }

  private onClose = (): void => {
    this.isOpen = false;
    this.returnFocus?.focus();
  };

  private setFormat(id: FormatId): void {
    this.format = id;
    this.status = null;
  }

  private toggle(key: keyof MarkdownChoice, on: boolean): void {
    this.choice = { ...this.choice, [key]: on };
    this.status = null;
  }

  private onDownload(): void {
    const bundle = this.bundle;
    if (!bundle || !this.text) return;
    const info = formatById(this.format);
    const name = exportFileName(bundle.map.title, info.extension);
    download(name, this.text, info.mime);
    this.status = { text: `Downloaded ${name}.`, error: false };
  }

  private async onCopy(): Promise<void> {
    if (!this.text) return;
    const result = await copyToClipboard(this.text);
    this.status = result.ok
      ? { text: `Copied ${this.lineCount.toLocaleString('en')} lines to the clipboard.`, error: false }
      : { text: result.message, error: true };
  }

  /** The whole map (as its JSON file) in a link, when it is small enough; else says to use the file. */
  private async onCopyLink(): Promise<void> {
    if (!this.bundle) return;
    const r = await copyMapLink(this.bundle);
    this.status = { text: r.message, error: !r.ok };
  }

  private renderMarkdownOptions() {
    const c = this.choice;
    const hand = handIn();
    const full = fullRecord(this.rated);
    const s = this.evaluationSettings;
    return html`<fieldset>
      <legend>Include</legend>
      <div class="presets" role="group" aria-label="Presets">
        <button type="button" aria-pressed=${sameChoice(c, hand)} @click=${() => (this.choice = hand)}>
          Student hand-in
        </button>
        <button type="button" aria-pressed=${sameChoice(c, full)} @click=${() => (this.choice = full)}>
          Teacher’s full record
        </button>
      </div>
      ${OPTION_LABELS.map(
        ([key, label, what]) =>
          html`<div class="choice">
            <input
              type="checkbox"
              id="opt-${key}"
              name=${key}
              aria-describedby="opt-${key}-what"
              .checked=${c[key]}
              @change=${(e: Event) => this.toggle(key, (e.target as HTMLInputElement).checked)}
            /><label for="opt-${key}">${label}</label><span class="what" id="opt-${key}-what">${what}</span>
          </div>`,
      )}
      <p class="semantics muted" id="semantics">
        Standings are computed with
        ${standingsLabel(s, this.perspective)}${
          this.perspective === undefined ? ' (the mean of everyone’s ratings)' : ''
        }.${this.rated ? '' : ' Nothing in this map is rated yet, so every statement stands at a neutral value.'}
      </p>
    </fieldset>`;
  }

  private renderLosses() {
    const bundle = this.bundle;
    if (!bundle) return nothing;
    const losses = describeKialoLosses(bundle);
    return html`<div class="losses" role="note" aria-label="What Kialo’s format leaves out">
      ${
        losses.length
          ? html`<strong>Not in Kialo’s format, so left out:</strong>
              <ul>
                ${losses.map((l) => html`<li>${l}</li>`)}
              </ul>`
          : html`Nothing in this map is lost in Kialo’s format.`
      }
    </div>`;
  }

  override render() {
    const bundle = this.bundle;
    const info = formatById(this.format);
    return html`<dialog aria-labelledby="export-title" @close=${this.onClose}>
      <h2 id="export-title">Export${bundle ? html` “${bundle.map.title}”` : nothing}</h2>
      ${
        !bundle
          ? html`<p>There is no map to export.</p>`
          : html`<div class="layout">
              <div>
                <fieldset>
                  <legend>Format</legend>
                  ${FORMATS.filter((f) => f.export).map(
                    (f) =>
                      html`<div class="choice">
                        <input
                          type="radio"
                          id="format-${f.id}"
                          name="format"
                          value=${f.id}
                          aria-describedby="format-${f.id}-what"
                          .checked=${this.format === f.id}
                          ?autofocus=${this.format === f.id}
                          @change=${() => this.setFormat(f.id)}
                        /><label for="format-${f.id}">${f.label}</label
                        ><span class="what" id="format-${f.id}-what">${f.description}</span>
                      </div>`,
                  )}
                </fieldset>
                ${this.format === 'markdown' ? this.renderMarkdownOptions() : nothing}
                ${this.format === 'kialo' ? this.renderLosses() : nothing}
              </div>
              <div>
                <div class="preview-head">
                  <strong id="preview-label">Preview</strong>
                  <span class="muted"
                    >${
                      this.lineCount > PREVIEW_LINES
                        ? `first ${PREVIEW_LINES} of ${this.lineCount.toLocaleString('en')} lines`
                        : `${this.lineCount.toLocaleString('en')} lines`
                    }</span
                  >
                </div>
                ${
                  this.failure
                    ? html`<p class="status error" role="alert">This map cannot be exported: ${this.failure}</p>`
                    : html`<pre tabindex="0" aria-labelledby="preview-label">${this.preview}</pre>`
                }
              </div>
            </div>`
      }
      <div class="actions">
        <button class="primary" ?disabled=${!this.text} @click=${this.onDownload}>Download ${info.extension}</button>
        <button ?disabled=${!this.text} @click=${() => void this.onCopy()}>Copy to clipboard</button>
        <button ?disabled=${!this.bundle} @click=${() => void this.onCopyLink()}>Copy map link</button>
        <button class="close" @click=${() => this.close()}>Close</button>
        <p class="status ${this.status?.error ? 'error' : ''}" role="status" aria-live="polite">
          ${this.status?.text ?? ''}
        </p>
      </div>
    </dialog>`;
  }
}
