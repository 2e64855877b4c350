/**
 * <warrant-import-dialog>: imports maps from a file or pasted text, in a native modal dialog.
 * Reading (size, UTF-8, format, validation) happens first and writes nothing; the user then
 * imports as a new map or, for a JSON file, merges into the open map: one transaction either
 * way. Large inputs are parsed in a worker with a progress bar and a Cancel button.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { WarrantDB } from '../state/storage.js';
import { describeError, type FormatError } from '../formats/index.js';
import type { MapBundle } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import {
  isAbortError,
  readImportFile,
  readImportText,
  type ImportProgress,
  type ReadResult,
} from '../state/import-read.js';
import { writeImport, type WriteMode, type WriteSummary } from '../state/import-write.js';
import { baseStyles, dialogStyles } from './shared-styles.js';

/** Detail of `warrant-imported`: the maps written (new ones, or the one merged into). */
export interface ImportedDetail {
  mapIds: string[];
  merged: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-import-dialog': WarrantImportDialog;
  }
  interface HTMLElementEventMap {
    'warrant-imported': CustomEvent<ImportedDetail>;
  }
}

/** Errors listed in full; the rest are counted. */
export const SHOWN_ERRORS = 20;

const UNCHANGED = 'Nothing was imported; your maps are unchanged.';

/** How each detected format is named to the user. */
const FORMAT_NAMES: Readonly<Record<ReadResult['format'], string>> = {
  json: 'Warrant JSON',
  markdown: 'Markdown',
  kialo: 'Kialo text',
  argdown: 'Argdown',
  unknown: 'unknown',
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: ImportProgress }
  | { kind: 'read'; result: ReadResult; source: string }
  | { kind: 'written'; summary: WriteSummary; format: ReadResult['format'] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function contents(bundles: readonly MapBundle[]): string {
  const sum = (f: (b: MapBundle) => number): number => bundles.reduce((n, b) => n + f(b), 0);
  return `${count(
    sum((b) => b.nodes.length),
    'node',
  )}, ${count(
    sum((b) => b.sources.length),
    'source',
  )}, ${count(
    sum((b) => b.ratings.length),
    'rating',
  )}${extras(bundles)}`;
}

/** Links and options, named only when the file has some (Kialo cross-links, Argdown reuse). */
function extras(bundles: readonly MapBundle[]): string {
  const links = bundles.reduce((n, b) => n + (b.links?.length ?? 0), 0);
  const options = bundles.reduce((n, b) => n + b.nodes.filter((x) => x.relation === 'neutral').length, 0);
  return `${links ? `, ${count(links, 'link')}` : ''}${options ? `, ${count(options, 'option')}` : ''}`;
}

function progressLabel(p: ImportProgress): { text: string; value?: number } {
  if (p.phase === 'reading' && p.total) {
    const value = Math.round((100 * (p.loaded ?? 0)) / p.total);
    return { text: `Reading the file… ${value}%`, value };
  }
  return { text: p.phase === 'writing' ? 'Saving the maps…' : 'Checking every line of the file…' };
}

@customElement('warrant-import-dialog')
export class WarrantImportDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        width: min(680px, 96vw);
        max-height: 92vh;
        box-sizing: border-box;
      }
      h2 {
        margin: 0 0 6px;
        font-size: 19px;
      }
      .field {
        display: grid;
        gap: 4px;
        margin: 10px 0;
      }
      .field label {
        font-weight: 600;
        font-size: 14px;
      }
      .hint {
        font-size: 13px;
        margin: 0;
      }
      textarea {
        font:
          13px/1.4 ui-monospace,
          SFMono-Regular,
          Menlo,
          Consolas,
          monospace;
        min-height: 7em;
        padding: 6px 8px;
        border: 1.5px solid var(--rule-strong);
        border-radius: 6px;
        resize: vertical;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .progress {
        display: grid;
        gap: 4px;
        margin: 12px 0;
      }
      progress {
        width: 100%;
        height: 14px;
      }
      .result {
        margin: 12px 0;
        padding: 10px 12px;
        border-radius: 6px;
        border: 1px solid var(--rule);
        background: var(--panel);
        font-size: 14px;
      }
      .result.bad {
        border-color: var(--error-ink);
        background: var(--error-bg);
      }
      .result p {
        margin: 0 0 6px;
      }
      .result ul {
        margin: 4px 0 8px;
        padding-left: 20px;
        max-height: 16em;
        overflow: auto;
      }
      .result li {
        overflow-wrap: anywhere;
      }
      .unchanged {
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 12px;
      }
      .actions .close {
        margin-left: auto;
      }
    `,
  ];

  /** The database to write into; defaults to the one the app provides. */
  @property({ attribute: false }) db?: WarrantDB;
  /** The open map, offered as a merge target for JSON files. */
  @property({ attribute: false }) currentMapId?: string;
  /** Its title, for the merge button (optional). */
  @property({ attribute: false }) currentMapTitle?: string;

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  @state() private phase: Phase = { kind: 'idle' };
  @state() private isOpen = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#import-text') private textArea?: HTMLTextAreaElement;
  @query('#import-file') private fileInput?: HTMLInputElement;
  private returnFocus: HTMLElement | null = null;
  private controller: AbortController | null = null;

  private get database(): WarrantDB | undefined {
    return this.db ?? this.services?.db;
  }

  /** Opens the dialog, ready for a new import; focus returns where it was when it closes. */
  async open(): Promise<void> {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | null;
    this.phase = { kind: 'idle' };
    this.isOpen = true;
    await this.updateComplete;
    if (this.fileInput) this.fileInput.value = '';
    if (this.textArea) this.textArea.value = '';
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dialog, cancelling an import that is still being read. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private onClose = (): void => {
    this.controller?.abort();
    this.isOpen = false;
    this.returnFocus?.focus();
  };

  private onCancelEvent = (e: Event): void => {
    // Escape while reading cancels the import first; a second Escape closes the dialog.
    if (this.phase.kind === 'busy') {
      e.preventDefault();
      this.cancel();
    }
  };

  /** Cancels the import being read (nothing has been written). */
  cancel(): void {
    this.controller?.abort();
  }

  private async read(
    source: string,
    run: (options: { signal: AbortSignal; onProgress: (p: ImportProgress) => void }) => Promise<ReadResult>,
  ): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.phase = { kind: 'busy', progress: { phase: 'reading' } };
    try {
      const result = await run({
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.controller === controller) this.phase = { kind: 'busy', progress };
        },
      });
      if (this.controller !== controller) return;
      this.phase = { kind: 'read', result, source };
    } catch (e) {
      if (this.controller !== controller) return;
      this.phase = isAbortError(e)
        ? { kind: 'cancelled' }
        : { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    } finally {
      if (this.controller === controller) this.controller = null;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  private onFile = (e: Event): void => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    void this.read(`the file ${file.name}`, (options) => readImportFile(file, options));
  };

  private onReadText = (): void => {
    const text = this.textArea?.value ?? '';
    if (text.trim() === '') {
      this.phase = { kind: 'failed', message: 'Paste the text of a map first.' };
      return;
    }
    void this.read('the pasted text', (options) => readImportText(text, options));
  };

  private async write(mode: WriteMode): Promise<void> {
    const db = this.database;
    if (this.phase.kind !== 'read' || !this.phase.result.ok) return;
    if (!db) {
      this.phase = { kind: 'failed', message: 'The browser’s storage is not open yet.' };
      return;
    }
    const { bundles, format } = this.phase.result;
    this.phase = { kind: 'busy', progress: { phase: 'writing' } };
    try {
      const summary = await writeImport(db, bundles, mode);
      this.phase = { kind: 'written', summary, format };
      this.dispatchEvent(
        new CustomEvent<ImportedDetail>('warrant-imported', {
          detail: { mapIds: summary.mapIds, merged: mode !== 'new' },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (e) {
      this.phase = { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  private renderErrors(errors: readonly FormatError[], intro: string) {
    const more = errors.length - SHOWN_ERRORS;
    return html`<div class="result bad" role="alert" tabindex="-1">
      <p>${intro}</p>
      <ul>
        ${errors.slice(0, SHOWN_ERRORS).map((e) => html`<li>${describeError(e)}</li>`)}
      </ul>
      ${more > 0 ? html`<p>… and ${count(more, 'more problem')}.</p>` : nothing}
      <p class="unchanged">${UNCHANGED}</p>
    </div>`;
  }

  private renderRead(result: ReadResult, source: string) {
    const format = FORMAT_NAMES[result.format];
    if (!result.ok) {
      const found = result.errors.length;
      return this.renderErrors(
        result.errors,
        `${source[0]!.toUpperCase()}${source.slice(1)} cannot be imported${
          result.format === 'unknown' ? '' : ` (read as ${format})`
        }: ${count(found, 'problem')}${found > SHOWN_ERRORS ? `; the first ${SHOWN_ERRORS}` : ''}.`,
      );
    }
    const { bundles, warnings } = result;
    const canMerge = result.format === 'json' && this.currentMapId !== undefined && bundles.length === 1;
    return html`<div class="result" role="status" tabindex="-1">
        <p>Detected format: <strong>${format}</strong>.</p>
        <p>
          ${bundles.length === 1 ? html`One map, “${bundles[0]!.map.title}”` : html`${count(bundles.length, 'map')}`}:
          ${contents(bundles)}. Nothing has been written yet.
        </p>
        ${
          warnings.length
            ? html`<p>Notes on reading it:</p>
                <ul>
                  ${warnings.slice(0, SHOWN_ERRORS).map((w) => html`<li>${describeError(w)}</li>`)}
                </ul>`
            : nothing
        }
      </div>
      <div class="row">
        <button class="primary" @click=${() => void this.write('new')}>
          Import as ${bundles.length === 1 ? 'a new map' : 'new maps'}
        </button>
        ${
          canMerge
            ? html`<button @click=${() => void this.write({ mergeInto: this.currentMapId! })}>
                Merge into ${this.currentMapTitle ? `“${this.currentMapTitle}”` : 'this map'}
              </button>`
            : nothing
        }
      </div>`;
  }

  private renderWritten(summary: WriteSummary) {
    const merge = summary.merge;
    if (merge) {
      const a = merge.added;
      return html`<div class="result" role="status" tabindex="-1">
        <p>
          Merged into “${summary.titles[0]}”: added ${count(a.nodes, 'node')}, ${count(a.sources, 'source')},
          ${count(a.citations, 'citation')} and ${count(a.ratings, 'rating')}; updated
          ${count(merge.updatedRatings, 'rating')} the file holds a newer version of.
        </p>
        ${
          merge.conflicts.length
            ? html`<p>
                  ${count(merge.conflicts.length, 'conflict')}: where the file disagrees with this map, this map’s
                  version was kept.
                </p>
                <ul>
                  ${merge.conflicts.map(
                    (c) => html`<li>${c.kind} “${c.id}”${c.field ? html` (${c.field})` : nothing}: ${c.message}</li>`,
                  )}
                </ul>`
            : html`<p>No conflicts.</p>`
        }
      </div>`;
    }
    const maps = summary.mapIds.length;
    return html`<div class="result" role="status" tabindex="-1">
      <p>
        Imported ${count(maps, 'map')}: ${count(summary.nodes, 'node')}, ${count(summary.sources, 'source')},
        ${count(summary.ratings, 'rating')}.
      </p>
      ${
        summary.copies
          ? html`<p>
              ${summary.copies === maps ? (maps === 1 ? 'It' : 'They') : count(summary.copies, 'map')} got new ids,
              because this browser already holds a map with the same ids; nothing was overwritten.
            </p>`
          : nothing
      }
      <ul>
        ${summary.mapIds.map(
          (id, i) =>
            html`<li>
              <a href="#/map/${encodeURIComponent(id)}" @click=${() => this.close()}>Open “${summary.titles[i]}”</a>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderPhase() {
    const p = this.phase;
    switch (p.kind) {
      case 'idle':
        return nothing;
      case 'busy': {
        const label = progressLabel(p.progress);
        return html`<div class="progress">
          <label for="import-progress">${label.text}</label>
          <progress id="import-progress" max="100" value=${ifDefined(label.value)}></progress>
          ${
            p.progress.phase === 'writing'
              ? nothing
              : html`<div class="row"><button @click=${() => this.cancel()}>Cancel</button></div>`
          }
        </div>`;
      }
      case 'read':
        return this.renderRead(p.result, p.source);
      case 'written':
        return this.renderWritten(p.summary);
      case 'cancelled':
        return html`<div class="result" role="status" tabindex="-1">
          <p>Import cancelled.</p>
          <p class="unchanged">${UNCHANGED}</p>
        </div>`;
      case 'failed':
        return html`<div class="result bad" role="alert" tabindex="-1">
          <p>${p.message}</p>
          <p class="unchanged">${UNCHANGED}</p>
        </div>`;
    }
  }

  override render() {
    const busy = this.phase.kind === 'busy';
    return html`<dialog aria-labelledby="import-title" @close=${this.onClose} @cancel=${this.onCancelEvent}>
      <h2 id="import-title">Import maps</h2>
      <p class="hint muted">
        Warrant reads its own JSON files and backups, Markdown outlines (its own exports and hand-written nested lists),
        Kialo text exports (both layouts) and Argdown. The whole file is checked before anything is saved.
      </p>
      <div class="field">
        <label for="import-file">Choose a file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.md,.markdown,.txt,.argdown,.ad,application/json,text/markdown,text/plain"
          ?disabled=${busy}
          @change=${this.onFile}
        />
      </div>
      <div class="field">
        <label for="import-text">or paste text</label>
        <textarea id="import-text" spellcheck="false" ?disabled=${busy}></textarea>
        <div class="row"><button ?disabled=${busy} @click=${this.onReadText}>Read pasted text</button></div>
      </div>
      <div class="phase">${this.renderPhase()}</div>
      <div class="actions"><button class="close" @click=${() => this.close()}>Close</button></div>
    </dialog>`;
  }
}
