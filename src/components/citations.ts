/**
 * <warrant-citations>: the Sources section of one node's details. Lists the sources the node
 * cites (card, pinpoint, how many nodes use the card) with Edit pinpoint / Edit source / Remove,
 * and a "Cite a source" panel: a combobox that fuzzy-finds the map's sources (fuse.js over
 * folded title, authors, publisher and URL, so "gorbachov" finds "Gorbachev"), or a form for a
 * new source. fuse.js loads when the panel first opens (it is not in the initial load); until it
 * has arrived, the list matches words exactly. A new source whose link (or, without a link, title) is already in the map is not
 * created: the existing card is offered instead. Every change goes through the MapEditor (one
 * transaction and one undo entry each) and is announced with `warrant-announce`; the data comes
 * back through the host's live query as new properties.
 */
import type Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { findDuplicate, type SourceFields } from '../model/sources.js';
import type { ArgNode, Citation, Source } from '../model/types.js';
import { foldText } from '../search/fold.js';
import { SEARCH_THRESHOLD } from '../search/threshold.js';
import type { EditResult, MapEditor } from '../state/editor.js';
import { baseStyles, fieldStyles } from './shared-styles.js';
import { announce, sourceCard, sourceCardStyles, type SourceSubmitDetail } from './source-form.js';
import './source-form.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-citations': WarrantCitations;
  }
}

/** What the fuzzy search indexes for one source: folded text of each field. */
interface SourceDoc {
  id: string;
  title: string;
  authors: string;
  publisher: string;
  url: string;
}

const FUSE_OPTIONS: IFuseOptions<SourceDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'authors', weight: 2 },
    { name: 'publisher', weight: 1 },
    { name: 'url', weight: 1 },
  ],
  // The map search's threshold: one typo in 5-8 letters, two in 9-13 ("Gorbachov").
  threshold: SEARCH_THRESHOLD,
  ignoreLocation: true,
  includeScore: true,
  // Text is folded (lower case, no accents) before fuse sees it.
  isCaseSensitive: true,
  useExtendedSearch: false,
};

/** Most options the combobox lists at once. */
const MAX_OPTIONS = 50;

/** fuse.js, once loaded (on first opening of a cite panel). */
let FuseClass: typeof Fuse | undefined;
let fuseLoading: Promise<typeof Fuse> | undefined;

function loadFuse(): Promise<typeof Fuse> {
  fuseLoading ??= import('fuse.js').then(
    (module) => (FuseClass = module.default),
    (error: unknown) => {
      // Not loaded (e.g. offline right after a new release): exact matching meanwhile, retried next time.
      fuseLoading = undefined;
      throw error;
    },
  );
  return fuseLoading;
}

function sourceDocs(sources: readonly Source[]): SourceDoc[] {
  return sources.map((s) => ({
    id: s.id,
    title: foldText(s.title),
    authors: foldText(s.authors ?? ''),
    publisher: foldText(s.publisher ?? ''),
    url: foldText(s.url ?? ''),
  }));
}

/**
 * Ranks sources for a query: every word must match some field (fuzzily with fuse; without it,
 * as a part of a word); the best total score first. An empty query lists every source by title.
 */
function rankSources(fuse: Fuse<SourceDoc> | undefined, sources: readonly Source[], query: string): Source[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const words = foldText(query).split(' ').filter(Boolean);
  if (!words.length) {
    return [...sources].sort((a, b) => foldText(a.title).localeCompare(foldText(b.title))).slice(0, MAX_OPTIONS);
  }
  if (!fuse) {
    const fields = (d: SourceDoc) => [d.title, d.authors, d.publisher, d.url];
    return sourceDocs(sources)
      .filter((d) => words.every((w) => fields(d).some((f) => f.includes(w))))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, MAX_OPTIONS)
      .flatMap((d) => byId.get(d.id) ?? []);
  }
  let scores: Map<string, number> | undefined;
  for (const word of words) {
    const next = new Map<string, number>();
    for (const hit of fuse.search(word)) {
      const before = scores ? scores.get(hit.item.id) : 0;
      if (before !== undefined) next.set(hit.item.id, before + (hit.score ?? 0));
    }
    scores = next;
  }
  return [...scores!]
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_OPTIONS)
    .flatMap(([id]) => byId.get(id) ?? []);
}

type Mode = 'closed' | 'search' | 'new';

@customElement('warrant-citations')
export class WarrantCitations extends LitElement {
  static override styles = [
    baseStyles,
    fieldStyles,
    sourceCardStyles,
    css`
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
    `,
  ];

  /** Writes go through this editor (one transaction and one undo entry per action). */
  @property({ attribute: false }) editor?: MapEditor;
  /** The node whose sources these are. */
  @property({ attribute: false }) node?: ArgNode;
  /** This node's citations. */
  @property({ attribute: false }) citations: readonly Citation[] = [];
  /** Every source of the map (to show cards and to pick from). */
  @property({ attribute: false }) sources: readonly Source[] = [];
  /** Every citation of the map (to count how many nodes use a card). */
  @property({ attribute: false }) allCitations: readonly Citation[] = [];
  /** The node's kind (see kindOf): claims and premises without a source get a warning. */
  @property() nodeKind = '';

  @state() private mode: Mode = 'closed';
  @state() private query = '';
  /** Index of the option the arrows are on (aria-activedescendant), or -1. */
  @state() private active = -1;
  /** Id of the source chosen in the list. */
  @state() private picked?: string;
  @state() private pinDraft = '';
  @state() private citeError = '';
  /** A new source that duplicates this existing card (offered for reuse), with its pinpoint. */
  @state() private duplicate?: { source: Source; pinpoint?: string; message: string };
  @state() private formProblem = '';
  @state() private editProblem = '';
  /** Citation whose pinpoint / source card is being edited. */
  @state() private editingPin?: string;
  @state() private pinEditDraft = '';
  @state() private editingSource?: string;
  /** Errors shown beside one citation's controls, by citation id. */
  @state() private rowErrors: ReadonlyMap<string, string> = new Map();
  @state() private busy = false;

  private sourcesById = new Map<string, Source>();
  private uses = new Map<string, number>();
  /** The fuzzy index of `sources`, built when the cite panel needs it and fuse.js is loaded. */
  private fuse?: Fuse<SourceDoc>;
  private options: Source[] = [];
  /** This node's citations, oldest first (the order they were added in). */
  private ordered: Citation[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('node') as ArgNode | undefined;
    if (changed.has('node') && previous?.id !== this.node?.id) this.reset();
    if (changed.has('sources')) {
      this.sourcesById = new Map(this.sources.map((s) => [s.id, s]));
      this.fuse = undefined;
    }
    if (changed.has('allCitations')) {
      this.uses = new Map();
      for (const c of this.allCitations) this.uses.set(c.sourceId, (this.uses.get(c.sourceId) ?? 0) + 1);
    }
    if (changed.has('citations')) {
      this.ordered = [...this.citations].sort(
        (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
      );
      // A citation removed elsewhere (another tab, undo) takes its open editors with it.
      const ids = new Set(this.citations.map((c) => c.id));
      if (this.editingPin && !ids.has(this.editingPin)) this.editingPin = undefined;
      if (this.editingSource && !ids.has(this.editingSource)) this.editingSource = undefined;
    }
    if (this.picked && !this.sourcesById.has(this.picked)) this.picked = undefined;
    if (this.mode === 'search' && !this.fuse) {
      if (FuseClass) this.fuse = new FuseClass(sourceDocs(this.sources), FUSE_OPTIONS);
      // Ranked again when fuse.js arrives.
      else void this.rankWhenFuseArrives();
    }
    // The option the arrows are on stays the same one when the list is ranked again.
    const activeId = this.options[this.active]?.id;
    this.options = this.mode === 'search' ? rankSources(this.fuse, this.sources, this.query) : [];
    if (activeId !== undefined) this.active = this.options.findIndex((o) => o.id === activeId);
    if (this.active >= this.options.length) this.active = this.options.length - 1;
  }

  private async rankWhenFuseArrives(): Promise<void> {
    try {
      await loadFuse();
    } catch {
      return; // Exact matching until the next try.
    }
    this.requestUpdate();
  }

  /** Pointer on, or focus at, "Cite a source": fetch fuse.js before the click. */
  private preloadFuse = (): void => {
    loadFuse().catch(() => undefined);
  };

  private reset(): void {
    this.mode = 'closed';
    this.query = '';
    this.active = -1;
    this.picked = undefined;
    this.pinDraft = '';
    this.citeError = '';
    this.duplicate = undefined;
    this.formProblem = '';
    this.editingPin = undefined;
    this.editingSource = undefined;
    this.editProblem = '';
    this.rowErrors = new Map();
  }

  // ---- focus ----

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    el?.focus();
  }

  private citationSelector(id: string, action: string): string {
    return `[data-cid="${CSS.escape(id)}"] [data-action="${action}"]`;
  }

  /** Moves focus to the "Cite a source" button. */
  focusCiteButton(): Promise<void> {
    return this.focusOn('#cite-toggle');
  }

  // ---- results ----

  /** Announces a result; returns whether it succeeded. */
  private report(result: EditResult, fallback: string, undoable = false): boolean {
    announce(this, result.message ?? fallback, !result.ok, result.ok && undoable);
    return result.ok;
  }

  private setRowError(id: string, message: string): void {
    const next = new Map(this.rowErrors);
    if (message) next.set(id, message);
    else next.delete(id);
    this.rowErrors = next;
  }

  private missingEditor(): boolean {
    if (this.editor && this.node) return false;
    announce(this, 'This map cannot be changed right now.', true);
    return true;
  }

  // ---- cite panel ----

  private toggleCite = (): void => {
    if (this.mode !== 'closed') {
      this.closeCite();
      return;
    }
    this.mode = 'search';
    this.citeError = '';
    this.duplicate = undefined;
    void this.focusOn('#cite-search');
  };

  private closeCite(): void {
    this.mode = 'closed';
    this.query = '';
    this.active = -1;
    this.picked = undefined;
    this.pinDraft = '';
    this.citeError = '';
    this.duplicate = undefined;
    this.formProblem = '';
    void this.focusCiteButton();
  }

  private onSearchInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.picked = undefined;
    this.active = -1;
    this.citeError = '';
  };

  private pick(source: Source): void {
    this.picked = source.id;
    this.query = source.title;
    this.active = -1;
    this.citeError = '';
  }

  private onSearchKeyDown = (e: KeyboardEvent): void => {
    const n = this.options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!n) return;
      this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = this.options[this.active];
      if (option) this.pick(option);
      else void this.cite();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.closeCite();
    }
  };

  private onPanelKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.closeCite();
    }
  };

  private onPinKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void this.cite();
    }
  };

  private async cite(): Promise<void> {
    if (this.busy || this.missingEditor()) return;
    const source = this.picked ? this.sourcesById.get(this.picked) : undefined;
    if (!source) {
      this.citeError = this.sources.length
        ? 'Choose a source from the list first (type to search, arrows to move, Enter to choose).'
        : 'This map has no sources yet: add a new one.';
      announce(this, this.citeError, true);
      void this.focusOn('#cite-search');
      return;
    }
    await this.citeExisting(source, this.pinDraft, '#cite-search');
  }

  /** Cites an existing card; on failure shows the message and focuses `errorFocus`. */
  private async citeExisting(source: Source, pinpoint: string | undefined, errorFocus: string): Promise<void> {
    this.busy = true;
    const result = await this.editor!.citeExisting(
      this.node!.id,
      source.id,
      pinpoint?.trim() || undefined,
      this.allCitations,
    );
    this.busy = false;
    if (this.report(result, `Cited “${source.title}”.`)) {
      this.closeCite();
    } else {
      this.citeError = result.message ?? '';
      void this.focusOn(errorFocus);
    }
  }

  private openNewForm = (): void => {
    this.mode = 'new';
    this.citeError = '';
    this.duplicate = undefined;
    this.formProblem = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#new-form')?.focus());
  };

  private onNewCancel = (e: Event): void => {
    e.stopPropagation();
    this.mode = 'search';
    this.duplicate = undefined;
    this.formProblem = '';
    void this.focusOn('#new-source');
  };

  private onNewSubmit = async (e: CustomEvent<SourceSubmitDetail>): Promise<void> => {
    e.stopPropagation();
    if (this.busy || this.missingEditor()) return;
    const { fields, pinpoint } = e.detail;
    this.formProblem = '';
    const dup = findDuplicate(this.sources, fields);
    if (dup) {
      const message = `A source with this ${fields.url ? 'link' : 'title'} is already in the map: “${dup.title}”.`;
      this.duplicate = { source: dup, message, ...(pinpoint && { pinpoint }) };
      announce(this, `${message} Cite that one, or change the ${fields.url ? 'link' : 'title'}.`, true);
      void this.focusOn('#cite-dup');
      return;
    }
    this.duplicate = undefined;
    this.busy = true;
    const result = await this.editor!.citeNew(this.node!.id, fields, pinpoint);
    this.busy = false;
    if (this.report(result, `Added the source “${fields.title}”.`)) this.closeCite();
    else this.formProblem = result.message ?? '';
  };

  // ---- a cited source ----

  private startPinEdit(c: Citation): void {
    this.editingPin = c.id;
    this.pinEditDraft = c.pinpoint ?? '';
    this.setRowError(c.id, '');
    void this.focusOn(`#pin-${CSS.escape(c.id)}`);
  }

  private endPinEdit(c: Citation): void {
    this.editingPin = undefined;
    void this.focusOn(this.citationSelector(c.id, 'pinpoint'));
  }

  private async savePin(c: Citation): Promise<void> {
    if (this.busy || this.missingEditor()) return;
    if ((c.pinpoint ?? '') === this.pinEditDraft.trim()) {
      this.endPinEdit(c);
      return;
    }
    this.busy = true;
    const result = await this.editor!.editPinpoint(c, this.pinEditDraft);
    this.busy = false;
    if (this.report(result, 'Pinpoint saved.')) this.endPinEdit(c);
    else {
      this.setRowError(c.id, result.message ?? '');
      void this.focusOn(`#pin-${CSS.escape(c.id)}`);
    }
  }

  private onPinEditKeyDown(e: KeyboardEvent, c: Citation): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      void this.savePin(c);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.setRowError(c.id, '');
      this.endPinEdit(c);
    }
  }

  private startSourceEdit(c: Citation): void {
    this.editingSource = c.id;
    this.editProblem = '';
    this.setRowError(c.id, '');
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-cid="${CSS.escape(c.id)}"] warrant-source-form`)?.focus(),
    );
  }

  private endSourceEdit(c: Citation): void {
    this.editingSource = undefined;
    this.editProblem = '';
    void this.focusOn(this.citationSelector(c.id, 'source'));
  }

  private async saveSource(e: CustomEvent<SourceSubmitDetail>, c: Citation, source: Source): Promise<void> {
    e.stopPropagation();
    if (this.busy || this.missingEditor()) return;
    const fields: SourceFields = e.detail.fields;
    this.editProblem = '';
    const dup = findDuplicate(this.sources, fields, source.id);
    if (dup) {
      this.editProblem = `A source with this ${fields.url ? 'link' : 'title'} is already in the map: “${dup.title}”. Change it, or cite that one instead.`;
      announce(this, this.editProblem, true);
      return;
    }
    this.busy = true;
    const result = await this.editor!.editSource(source, fields);
    this.busy = false;
    if (this.report(result, 'Source saved.')) this.endSourceEdit(c);
    else this.editProblem = result.message ?? '';
  }

  private async uncite(c: Citation): Promise<void> {
    if (this.busy || this.missingEditor()) return;
    // Focus goes to the next citation's Remove button (or the previous one, or Cite a source).
    const i = this.ordered.findIndex((x) => x.id === c.id);
    const neighbour = this.ordered[i + 1] ?? this.ordered[i - 1];
    this.busy = true;
    const result = await this.editor!.uncite(c);
    this.busy = false;
    if (this.report(result, 'Citation removed.', true)) {
      if (this.editingPin === c.id) this.editingPin = undefined;
      if (this.editingSource === c.id) this.editingSource = undefined;
      await this.focusOn(neighbour ? this.citationSelector(neighbour.id, 'remove') : '#cite-toggle');
    } else {
      this.setRowError(c.id, result.message ?? '');
    }
  }

  // ---- rendering ----

  private renderCitation(c: Citation) {
    const source = this.sourcesById.get(c.sourceId);
    const error = this.rowErrors.get(c.id) ?? '';
    if (!source) {
      return html`<li data-cid=${c.id}>
        <p class="muted">A source that is no longer in the map.</p>
        <div class="actions">
          <button data-action="remove" ?disabled=${this.busy} @click=${() => void this.uncite(c)}>
            Remove<span class="sr-only"> this citation</span>
          </button>
        </div>
      </li>`;
    }
    const uses = this.uses.get(source.id) ?? 0;
    const title = source.title;
    if (this.editingSource === c.id) {
      return html`<li data-cid=${c.id}>
        <warrant-source-form
          frameless
          label="Edit source"
          submit-label="Save source"
          .source=${source}
          note=${uses > 1 ? `Changes show on all ${uses} nodes that cite it.` : ''}
          .problem=${this.editProblem}
          ?busy=${this.busy}
          @warrant-source-submit=${(e: CustomEvent<SourceSubmitDetail>) => void this.saveSource(e, c, source)}
          @warrant-source-cancel=${(e: Event) => {
            e.stopPropagation();
            this.endSourceEdit(c);
          }}
        ></warrant-source-form>
      </li>`;
    }
    const errorId = `err-${c.id}`;
    return html`<li data-cid=${c.id}>
      ${sourceCard(source)}
      ${
        this.editingPin === c.id
          ? html`<div class="pin-edit">
              <label for="pin-${c.id}">Pinpoint <span class="sr-only">in “${title}”</span></label>
              <input
                id="pin-${c.id}"
                autocomplete="off"
                .value=${this.pinEditDraft}
                aria-describedby="pin-hint-${c.id} ${errorId}"
                aria-invalid=${error ? 'true' : 'false'}
                @input=${(e: Event) => {
                  this.pinEditDraft = (e.target as HTMLInputElement).value;
                  this.setRowError(c.id, '');
                }}
                @keydown=${(e: KeyboardEvent) => this.onPinEditKeyDown(e, c)}
              />
              <p class="hint" id="pin-hint-${c.id}">
                Page, section or a short quoted excerpt. Enter saves, Escape cancels.
              </p>
              <div class="row">
                <button class="primary" ?disabled=${this.busy} @click=${() => void this.savePin(c)}>
                  Save pinpoint
                </button>
                <button
                  @click=${() => {
                    this.setRowError(c.id, '');
                    this.endPinEdit(c);
                  }}
                >
                  Cancel
                </button>
              </div>
            </div>`
          : c.pinpoint
            ? html`<p class="pinpoint"><span class="muted">Pinpoint:</span> ${c.pinpoint}</p>`
            : nothing
      }
      ${uses > 1 ? html`<p class="uses">Cited by ${uses} nodes in this map.</p>` : nothing}
      <p class="error" id=${errorId}>${error}</p>
      ${
        this.editingPin === c.id
          ? nothing
          : html`<div class="actions">
              <button data-action="pinpoint" @click=${() => this.startPinEdit(c)}>
                ${c.pinpoint ? 'Edit pinpoint' : 'Add pinpoint'}<span class="sr-only"> for “${title}”</span>
              </button>
              <button data-action="source" @click=${() => this.startSourceEdit(c)}>
                Edit source<span class="sr-only"> “${title}”</span>
              </button>
              <button data-action="remove" ?disabled=${this.busy} @click=${() => void this.uncite(c)}>
                Remove<span class="sr-only"> “${title}” from this node</span>
              </button>
            </div>`
      }
    </li>`;
  }

  private renderSearch() {
    const picked = this.picked ? this.sourcesById.get(this.picked) : undefined;
    const activeOption = this.active >= 0 ? `opt-${this.active}` : undefined;
    const hasOptions = this.options.length > 0;
    const cited = new Set(this.citations.map((c) => c.sourceId));
    const count = !this.sources.length
      ? 'This map has no sources yet: add a new one.'
      : !hasOptions
        ? `No source in this map matches “${this.query.trim()}”.`
        : this.query.trim()
          ? `${this.options.length} matching source${this.options.length === 1 ? '' : 's'}.`
          : `${this.options.length} source${this.options.length === 1 ? '' : 's'} in this map.`;
    return html`
      <label for="cite-search">Find a source in this map</label>
      <input
        id="cite-search"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${hasOptions ? 'true' : 'false'}
        aria-controls=${hasOptions ? 'cite-options' : nothing}
        aria-activedescendant=${activeOption ?? nothing}
        aria-describedby="cite-hint cite-error"
        aria-invalid=${this.citeError ? 'true' : 'false'}
        .value=${this.query}
        @input=${this.onSearchInput}
        @keydown=${this.onSearchKeyDown}
      />
      <p class="hint" id="cite-hint">
        Search titles, authors, publishers and links. Down and Up arrows move through the list, Enter chooses.
      </p>
      ${
        hasOptions
          ? html`<ul id="cite-options" role="listbox" aria-label="Sources in this map">
              ${repeat(
                this.options,
                (s) => s.id,
                (s, i) =>
                  html`<li
                    id="opt-${i}"
                    role="option"
                    class=${i === this.active ? 'active' : ''}
                    aria-selected=${i === this.active || (this.active < 0 && s.id === this.picked) ? 'true' : 'false'}
                    @click=${() => {
                      this.pick(s);
                      void this.focusOn('#cite-search');
                    }}
                  >
                    ${
                      s.id === this.picked
                        ? html`<span class="chosen-mark" aria-hidden="true">✓ </span
                            ><span class="sr-only">Chosen: </span>`
                        : nothing
                    }${s.title}
                    <span class="muted"
                      >${[s.authors, s.publisher, s.date].filter(Boolean).join(' · ')}${
                        cited.has(s.id) ? ' (already cited here)' : ''
                      }</span
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <p class="hint" role="status">${count}</p>
      <p class="hint" aria-live="polite">${picked ? html`Chosen: <strong>${picked.title}</strong>` : nothing}</p>
      <label for="cite-pinpoint">Pinpoint <span class="hint">(optional: page, section or quoted excerpt)</span></label>
      <input
        id="cite-pinpoint"
        type="text"
        autocomplete="off"
        .value=${this.pinDraft}
        @input=${(e: Event) => (this.pinDraft = (e.target as HTMLInputElement).value)}
        @keydown=${this.onPinKeyDown}
      />
      <p class="error" id="cite-error">${this.citeError}</p>
      <div class="row">
        <button id="cite-submit" class="primary" ?disabled=${this.busy} @click=${() => void this.cite()}>Cite</button>
        <button id="new-source" @click=${this.openNewForm}>New source…</button>
        <button @click=${() => this.closeCite()}>Cancel</button>
      </div>
    `;
  }

  private renderNew() {
    const dup = this.duplicate;
    const title = this.picked ? '' : this.query.trim();
    return html`
      <warrant-source-form
        id="new-form"
        frameless
        label="Source details"
        submit-label="Add and cite"
        with-pinpoint
        .source=${title ? { title } : undefined}
        .pinpoint=${this.pinDraft}
        .problem=${this.formProblem}
        ?busy=${this.busy}
        @warrant-source-submit=${this.onNewSubmit}
        @warrant-source-cancel=${this.onNewCancel}
      ></warrant-source-form>
      ${
        dup
          ? html`<div class="dup" role="group" aria-labelledby="dup-message">
              <p id="dup-message">${dup.message}</p>
              <p class="error">${this.citeError}</p>
              <div class="row">
                <button
                  id="cite-dup"
                  class="primary"
                  ?disabled=${this.busy}
                  @click=${() => void this.citeExisting(dup.source, dup.pinpoint, '#cite-dup')}
                >
                  Cite that one
                </button>
              </div>
            </div>`
          : nothing
      }
    `;
  }

  override render() {
    const kind = this.nodeKind;
    const unsupported = !this.citations.length && (kind === 'claim' || kind === 'premise');
    return html`
      <h3 id="sources-heading">Sources (${this.citations.length})</h3>
      ${
        unsupported
          ? html`<p class="warning">
              <span aria-hidden="true">⚠ </span>No source cited yet: a ${kind} without a source is unsupported.
            </p>`
          : nothing
      }
      ${
        this.citations.length
          ? html`<ul class="cited" aria-labelledby="sources-heading">
              ${repeat(
                this.ordered,
                (c) => c.id,
                (c) => this.renderCitation(c),
              )}
            </ul>`
          : unsupported
            ? nothing
            : html`<p class="muted">None.</p>`
      }
      <button
        id="cite-toggle"
        aria-expanded=${this.mode === 'closed' ? 'false' : 'true'}
        aria-controls=${this.mode === 'closed' ? nothing : 'cite-panel'}
        @click=${this.toggleCite}
        @pointerenter=${this.preloadFuse}
        @focus=${this.preloadFuse}
      >
        Cite a source
      </button>
      ${
        this.mode === 'closed'
          ? nothing
          : html`<div
              id="cite-panel"
              class="panel"
              role="group"
              aria-labelledby="cite-title"
              @keydown=${this.onPanelKeyDown}
            >
              <p class="panel-title" id="cite-title">
                ${this.mode === 'new' ? 'Cite a new source' : 'Cite a source on this node'}
              </p>
              ${this.mode === 'new' ? this.renderNew() : this.renderSearch()}
            </div>`
      }
    `;
  }
}
