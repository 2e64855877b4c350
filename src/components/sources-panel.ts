/**
 * <warrant-sources-panel>: every source card of the map, with the nodes that cite it (each a
 * button that selects the node in the map), a filter (title, authors, publisher, URL; case and
 * accents ignored), sorting, inline editing and deleting. Deleting a card cited by two or more
 * nodes asks first; every change is one MapEditor step, so the map view's Undo reverts it.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { findDuplicate } from '../model/sources.js';
import { Reliability, type ArgNode, type Citation, type Source } from '../model/types.js';
import { foldText } from '../search/fold.js';
import type { MapEditor } from '../state/editor.js';
import { MarkdownController, markdownToPlainText } from './markdown.js';
import { baseStyles, fieldStyles } from './shared-styles.js';
import { sourcesPanelStyles } from './sources-panel.styles.js';
import { announce } from './announce.js';
import { sourceCard, sourceCardStyles } from './source-card.js';
import type { SourceSubmitDetail } from './source-form.js';
import './source-form.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-sources-panel': WarrantSourcesPanel;
  }
}

/** How the panel orders the cards. */
export const SourceSort = {
  title: 'title',
  cited: 'cited',
  date: 'date',
  reliability: 'reliability',
} as const;
export type SourceSort = (typeof SourceSort)[keyof typeof SourceSort];

const SORT_LABELS: Readonly<Record<SourceSort, string>> = {
  title: 'Title (A-Z)',
  cited: 'Most cited',
  date: 'Newest first',
  reliability: 'Reliability (A-F)',
};

/** "1997", "1997-05" or "1997-05-27" (or a year anywhere in the text) as a sortable key. */
function dateKey(date: string | undefined): string {
  if (!date) return '';
  const iso = /(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date);
  if (!iso) return '';
  return [iso[1], (iso[2] ?? '0').padStart(2, '0'), (iso[3] ?? '0').padStart(2, '0')].join('-');
}

const GRADES: readonly string[] = Object.values(Reliability);

/** One card as the panel shows it. */
interface Row {
  source: Source;
  citations: Citation[];
  /** Distinct nodes citing it, in citation order. */
  nodeIds: string[];
  folded: string;
  title: string;
}

@customElement('warrant-sources-panel')
export class WarrantSourcesPanel extends LitElement {
  static override styles = [baseStyles, fieldStyles, sourceCardStyles, sourcesPanelStyles];

  /** Writes go through this editor (one transaction and one undo entry per action). */
  @property({ attribute: false }) editor?: MapEditor;
  /** Every source of the map. */
  @property({ attribute: false }) sources: readonly Source[] = [];
  /** Every citation of the map. */
  @property({ attribute: false }) citations: readonly Citation[] = [];
  /** The map's nodes (for their labels), as a list or by id. */
  @property({ attribute: false }) nodes: readonly ArgNode[] | ReadonlyMap<string, ArgNode> = [];
  /** A node's label in the "cited by" list; by default its text as plain text, shortened. */
  @property({ attribute: false }) nodeLabel?: (id: string) => string;

  @state() private filter = '';
  @state() private sort: SourceSort = SourceSort.title;
  /** Source whose card is open for editing. */
  @state() private editingId?: string;
  /** Source whose deletion waits for confirmation. */
  @state() private confirmId?: string;
  @state() private formProblem = '';
  @state() private errors: ReadonlyMap<string, string> = new Map();
  @state() private busy = false;

  private rows: Row[] = [];
  // Labels are an approximation until the Markdown renderer has loaded, then exact.
  private readonly markdownReady = new MarkdownController(this);
  private shown: Row[] = [];
  private nodesById: ReadonlyMap<string, ArgNode> = new Map();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('nodes')) {
      this.nodesById =
        this.nodes instanceof Map
          ? this.nodes
          : new Map((this.nodes as readonly ArgNode[]).map((n) => [n.id, n] as const));
    }
    if (changed.has('sources') || changed.has('citations')) {
      const bySource = new Map<string, Citation[]>();
      const ordered = [...this.citations].sort(
        (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
      );
      for (const c of ordered) {
        const list = bySource.get(c.sourceId);
        if (list) list.push(c);
        else bySource.set(c.sourceId, [c]);
      }
      this.rows = this.sources.map((source) => {
        const citations = bySource.get(source.id) ?? [];
        return {
          source,
          citations,
          nodeIds: [...new Set(citations.map((c) => c.nodeId))],
          folded: foldText([source.title, source.authors, source.publisher, source.url].filter(Boolean).join(' \n ')),
          title: foldText(source.title),
        };
      });
      const ids = new Set(this.sources.map((s) => s.id));
      if (this.editingId && !ids.has(this.editingId)) this.editingId = undefined;
      if (this.confirmId && !ids.has(this.confirmId)) this.confirmId = undefined;
    }
    const words = foldText(this.filter).split(' ').filter(Boolean);
    const shown = words.length ? this.rows.filter((r) => words.every((w) => r.folded.includes(w))) : [...this.rows];
    this.shown = shown.sort(this.compare(this.sort));
  }

  private compare(sort: SourceSort): (a: Row, b: Row) => number {
    const byTitle = (a: Row, b: Row) => a.title.localeCompare(b.title) || a.source.id.localeCompare(b.source.id);
    switch (sort) {
      case 'cited':
        return (a, b) => b.nodeIds.length - a.nodeIds.length || byTitle(a, b);
      case 'date':
        return (a, b) => {
          const [x, y] = [dateKey(a.source.date), dateKey(b.source.date)];
          // Undated cards go last.
          if (x !== y) return !x ? 1 : !y ? -1 : y.localeCompare(x);
          return byTitle(a, b);
        };
      case 'reliability':
        return (a, b) => {
          const grade = (r: Row) => (r.source.reliability ? GRADES.indexOf(r.source.reliability) : GRADES.length);
          return grade(a) - grade(b) || byTitle(a, b);
        };
      default:
        return byTitle;
    }
  }

  private label(id: string): string {
    if (this.nodeLabel) return this.nodeLabel(id);
    const node = this.nodesById.get(id);
    if (!node) return 'A node no longer in the map';
    const text = markdownToPlainText(node.text);
    return text.length > 90 ? `${text.slice(0, 89)}…` : text;
  }

  /** Moves focus to the filter box. */
  focusFilter(): Promise<void> {
    return this.focusOn('#filter');
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private cardSelector(id: string, action: string): string {
    return `[data-sid="${CSS.escape(id)}"] [data-action="${action}"]`;
  }

  private setError(id: string, message: string): void {
    const next = new Map(this.errors);
    if (message) next.set(id, message);
    else next.delete(id);
    this.errors = next;
  }

  private select(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id }, bubbles: true, composed: true }));
  }

  // ---- editing ----

  private startEdit(row: Row): void {
    this.editingId = row.source.id;
    if (this.confirmId === row.source.id) this.confirmId = undefined;
    this.formProblem = '';
    this.setError(row.source.id, '');
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(`[data-sid="${CSS.escape(row.source.id)}"] warrant-source-form`)
        ?.focus(),
    );
  }

  private endEdit(id: string): void {
    this.editingId = undefined;
    this.formProblem = '';
    void this.focusOn(this.cardSelector(id, 'edit'));
  }

  private async save(e: CustomEvent<SourceSubmitDetail>, source: Source): Promise<void> {
    e.stopPropagation();
    if (this.busy) return;
    if (!this.editor) return announce(this, 'This map cannot be changed right now.', true);
    const { fields } = e.detail;
    this.formProblem = '';
    const dup = findDuplicate(this.sources, fields, source.id);
    if (dup) {
      this.formProblem = `A source with this ${fields.url ? 'link' : 'title'} is already in the map: “${dup.title}”. Change it, or delete one of the two cards.`;
      announce(this, this.formProblem, true);
      return;
    }
    this.busy = true;
    const result = await this.editor.editSource(source, fields);
    this.busy = false;
    announce(this, result.message ?? 'Source saved.', !result.ok);
    if (result.ok) this.endEdit(source.id);
    else this.formProblem = result.message;
  }

  // ---- deleting ----

  private askDelete(row: Row): void {
    if (row.nodeIds.length >= 2) {
      this.confirmId = row.source.id;
      void this.focusOn(this.cardSelector(row.source.id, 'confirm'));
    } else {
      void this.delete(row);
    }
  }

  private cancelDelete(id: string): void {
    this.confirmId = undefined;
    void this.focusOn(this.cardSelector(id, 'delete'));
  }

  private async delete(row: Row): Promise<void> {
    if (this.busy) return;
    if (!this.editor) return announce(this, 'This map cannot be changed right now.', true);
    const id = row.source.id;
    // Focus goes to the next card's Delete button (or the previous one, or the filter).
    const i = this.shown.findIndex((r) => r.source.id === id);
    const neighbour = this.shown[i + 1] ?? this.shown[i - 1];
    this.busy = true;
    const result = await this.editor.removeSource(id);
    this.busy = false;
    announce(this, result.message ?? 'Source deleted.', !result.ok, result.ok);
    if (result.ok) {
      this.confirmId = undefined;
      await this.focusOn(neighbour ? this.cardSelector(neighbour.source.id, 'delete') : '#filter');
    } else {
      this.setError(id, result.message);
    }
  }

  // ---- rendering ----

  private renderCard(row: Row) {
    const { source, nodeIds, citations } = row;
    const id = source.id;
    const error = this.errors.get(id) ?? '';
    if (this.editingId === id) {
      return html`<li data-sid=${id}>
        <warrant-source-form
          frameless
          label="Edit source"
          submit-label="Save source"
          .source=${source}
          note=${nodeIds.length > 1 ? `Changes show on all ${nodeIds.length} nodes that cite it.` : ''}
          .problem=${this.formProblem}
          ?busy=${this.busy}
          @warrant-source-submit=${(e: CustomEvent<SourceSubmitDetail>) => void this.save(e, source)}
          @warrant-source-cancel=${(e: Event) => {
            e.stopPropagation();
            this.endEdit(id);
          }}
        ></warrant-source-form>
      </li>`;
    }
    const n = nodeIds.length;
    const pinpoints = new Map(citations.map((c) => [c.nodeId, c.pinpoint]));
    const confirming = this.confirmId === id;
    return html`<li data-sid=${id}>
      ${sourceCard(source)}
      <p class="citers-label" id="citers-${id}">
        ${n ? `Cited by ${n} node${n === 1 ? '' : 's'}:` : 'Not cited by any node.'}
      </p>
      ${
        n
          ? html`<ul class="citers" aria-labelledby="citers-${id}">
              ${nodeIds.map((nodeId) => {
                const pin = pinpoints.get(nodeId);
                return html`<li>
                  <button data-node=${nodeId} @click=${() => this.select(nodeId)}>
                    <span class="sr-only">Go to: </span>${this.label(nodeId)}
                  </button>
                  ${pin ? html`<span class="muted">(${pin})</span>` : nothing}
                </li>`;
              })}
            </ul>`
          : nothing
      }
      ${
        confirming
          ? html`<div
              class="confirm"
              role="group"
              aria-labelledby="confirm-${id}"
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  this.cancelDelete(id);
                }
              }}
            >
              <p id="confirm-${id}">Cited by ${n} nodes. Delete it and its ${citations.length} citations?</p>
              <div class="actions">
                <button
                  class="danger"
                  data-action="confirm"
                  ?disabled=${this.busy}
                  @click=${() => void this.delete(row)}
                >
                  Delete source and ${citations.length} citations
                </button>
                <button data-action="cancel-delete" @click=${() => this.cancelDelete(id)}>Cancel</button>
              </div>
            </div>`
          : html`<div class="actions">
              <button data-action="edit" @click=${() => this.startEdit(row)}>
                Edit<span class="sr-only"> “${source.title}”</span>
              </button>
              <button data-action="delete" ?disabled=${this.busy} @click=${() => this.askDelete(row)}>
                Delete<span class="sr-only"> “${source.title}”</span>
              </button>
            </div>`
      }
      <p class="error">${error}</p>
    </li>`;
  }

  override render() {
    const total = this.sources.length;
    const filtered = this.filter.trim() !== '';
    return html`<section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources (${total})</h2>
      ${
        total === 0
          ? html`<p class="empty">
              No sources in this map yet. Select a claim or premise and use “Cite a source” in its details to add one.
            </p>`
          : html`<div class="controls">
                <div class="control">
                  <label for="filter">Filter sources</label>
                  <input
                    id="filter"
                    type="search"
                    autocomplete="off"
                    aria-describedby="filter-status"
                    .value=${this.filter}
                    @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
                  />
                </div>
                <div class="control">
                  <label for="sort">Sort by</label>
                  <select
                    id="sort"
                    .value=${this.sort}
                    @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SourceSort)}
                  >
                    ${Object.values(SourceSort).map(
                      (s) => html`<option value=${s} ?selected=${this.sort === s}>${SORT_LABELS[s]}</option>`,
                    )}
                  </select>
                </div>
              </div>
              <p class="status" id="filter-status" role="status">
                ${
                  filtered
                    ? this.shown.length
                      ? `Showing ${this.shown.length} of ${total} sources.`
                      : `No source matches “${this.filter.trim()}”.`
                    : ''
                }
              </p>
              ${
                this.shown.length
                  ? html`<ul class="cards" aria-labelledby="sources-title">
                      ${repeat(
                        this.shown,
                        (r) => r.source.id,
                        (r) => this.renderCard(r),
                      )}
                    </ul>`
                  : nothing
              }`
      }
    </section>`;
  }
}
