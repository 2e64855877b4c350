/**
 * <warrant-citations>: the Sources section of one node's details. Lists the sources the node cites
 * (card, pinpoint, how many nodes use the card) with Edit pinpoint / Edit source / Remove, and a
 * "Cite a source" panel: a <warrant-source-picker> combobox that fuzzy-finds the map's sources, or
 * a form for a new source (one whose link, or else title, is in the map already offers that card).
 * Every change goes through the MapEditor (one transaction and one undo entry each) and is
 * announced with `warrant-announce`; the data comes back through the host's live query.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { citationUses, findDuplicate, oldestFirst, type SourceFields } from '../model/sources.js';
import type { ArgNode, Citation, Source } from '../model/types.js';
import { formDraft } from '../state/drafts.js';
import type { EditResult, MapEditor } from '../state/editor.js';
import { citationsStyles, sourcePickerStyles } from './citations.styles.js';
import { baseStyles, fieldStyles } from './shared-styles.js';
import { citedSourceRow, duplicateOffer } from './cited-source.js';
import { announce } from './announce.js';
import { onKey } from './on-key.js';
import { sourceCardStyles } from './source-card.js';
import type { SourceSubmitDetail } from './source-form.js';
import './source-form.js';
import { loadFuse, type PickerPickEvent, type PickerQueryEvent } from './source-picker.js';
import './source-picker.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-citations': WarrantCitations;
  }
}

type Mode = 'closed' | 'search' | 'new';

@customElement('warrant-citations')
export class WarrantCitations extends LitElement {
  static override styles = [baseStyles, fieldStyles, sourceCardStyles, citationsStyles, sourcePickerStyles];

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
  /** How many nodes cite each source (model/sources citationUses). */
  private uses = new Map<string, number>();
  /** This node's citations, oldest first (the order they were added in). */
  private ordered: Citation[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('node') as ArgNode | undefined;
    if (changed.has('node') && previous?.id !== this.node?.id) {
      this.reset();
      // A new-source form half filled when this tab last went away (a reload): open it again.
      if (this.mode === 'closed' && this.newFormKey() && formDraft(this.newFormKey())) this.mode = 'new';
    }
    if (changed.has('sources')) this.sourcesById = new Map(this.sources.map((s) => [s.id, s]));
    if (changed.has('allCitations')) this.uses = citationUses(this.allCitations);
    if (changed.has('citations')) {
      this.ordered = oldestFirst(this.citations);
      // A citation removed elsewhere (another tab, undo) takes its open editors with it.
      const ids = new Set(this.citations.map((c) => c.id));
      if (this.editingPin && !ids.has(this.editingPin)) this.editingPin = undefined;
      if (this.editingSource && !ids.has(this.editingSource)) this.editingSource = undefined;
    }
    if (this.picked && !this.sourcesById.has(this.picked)) this.picked = undefined;
  }

  // The picker renders in this shadow root: callers awaiting this element see it rendered too.
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.renderRoot.querySelector('warrant-source-picker')?.updateComplete;
    return done;
  }

  /** Pointer on, or focus at, "Cite a source": fetch fuse.js before the click. */
  private preloadFuse = (): void => {
    loadFuse().catch(() => undefined);
  };

  /** Empties the cite panel and closes it. */
  private clearPanel(): void {
    [this.mode, this.query, this.picked, this.pinDraft] = ['closed', '', undefined, ''];
    [this.citeError, this.duplicate, this.formProblem] = ['', undefined, ''];
  }

  private reset(): void {
    this.clearPanel();
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
    this.clearPanel();
    void this.focusCiteButton();
  }

  private onQuery = (e: PickerQueryEvent): void => {
    this.query = e.detail;
    this.picked = undefined;
    this.citeError = '';
  };

  private onPick = (e: PickerPickEvent): void => {
    this.picked = e.detail.id;
    this.query = e.detail.title;
    this.citeError = '';
  };

  // Escape closes only this panel: it is not passed on to the details or the view.
  private onPanelKeyDown = onKey('Escape', () => this.closeCite(), { stop: true });
  private onPinKeyDown = onKey('Enter', () => void this.cite());

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

  /** Where the new-source form keeps what is typed, so a reload brings it back (see drafts.ts). */
  private newFormKey(): string {
    return this.editor && this.node ? `cite-new:${this.editor.db.name}/${this.node.id}` : '';
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
    return citedSourceRow(c, {
      ...(source && { source }),
      uses: source ? (this.uses.get(source.id) ?? 0) : 0,
      error: this.rowErrors.get(c.id) ?? '',
      busy: this.busy,
      editingPin: this.editingPin === c.id,
      pinEditDraft: this.pinEditDraft,
      editingSource: this.editingSource === c.id,
      editProblem: this.editProblem,
      setPinEditDraft: (value) => (this.pinEditDraft = value),
      setRowError: (message) => this.setRowError(c.id, message),
      onPinEditKeyDown: (e) => this.onPinEditKeyDown(e, c),
      startPinEdit: () => this.startPinEdit(c),
      endPinEdit: () => this.endPinEdit(c),
      savePin: () => void this.savePin(c),
      startSourceEdit: () => this.startSourceEdit(c),
      endSourceEdit: () => this.endSourceEdit(c),
      saveSource: (e, source) => void this.saveSource(e, c, source),
      uncite: () => void this.uncite(c),
    });
  }

  private renderSearch() {
    const picked = this.picked ? this.sourcesById.get(this.picked) : undefined;
    return html`
      <warrant-source-picker
        .sources=${this.sources}
        .cited=${new Set(this.citations.map((c) => c.sourceId))}
        .query=${this.query}
        .picked=${this.picked}
        ?invalid=${!!this.citeError}
        @warrant-picker-query=${this.onQuery}
        @warrant-picker-pick=${this.onPick}
        @warrant-picker-enter=${() => void this.cite()}
      ></warrant-source-picker>
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
        .draftKey=${this.newFormKey()}
        .problem=${this.formProblem}
        ?busy=${this.busy}
        @warrant-source-submit=${this.onNewSubmit}
        @warrant-source-cancel=${this.onNewCancel}
      ></warrant-source-form>
      ${dup ? duplicateOffer(dup, this.citeError, this.busy, () => void this.citeExisting(dup.source, dup.pinpoint, '#cite-dup')) : nothing}
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
