/**
 * <warrant-search>: find any claim, source or quote as you type (WAI-ARIA combobox with a
 * listbox of results), with filters. Results show their kind, the matching words highlighted,
 * and their path. Enter jumps to the node; Escape returns focus where it was.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
// Only the light parts of search load with the app; the index itself lives in a worker.
import { hasFilters, type RelevanceFilter, type SearchFilters } from '../search/filters.js';
import { highlight } from '../search/highlight.js';
import { formatPath } from '../search/path.js';
import type { SearchHit } from '../search/search-index.js';
import type { SearchService } from '../state/search-client.js';
import type { NodeKind } from '../model/types.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { baseStyles } from './shared-styles.js';
import { searchBoxStyles } from './search-box.styles.js';

/** What the search asks of the map view: the current results and filters. */
export interface SearchChangeDetail {
  query: string;
  filters: SearchFilters;
  /** Every matching id (tree order), or undefined when nothing is being searched. */
  ids?: readonly string[];
  /** Whether the tree should show only matches and their ancestors. */
  onlyMatches: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-search': WarrantSearch;
  }
  interface HTMLElementEventMap {
    'warrant-search-change': CustomEvent<SearchChangeDetail>;
    'warrant-search-wanted': CustomEvent<void>;
  }
}

const KINDS: NodeKind[] = ['claim', 'premise', 'counterpoint', 'rebuttal'];
/** Results listed at most: the best 20 fill the list twice over; more only costs time per keystroke. */
const LISTED = 20;
const FIELD_LABELS: Record<string, string> = {
  quote: 'essay quote',
  notes: 'notes',
  sourceTitle: 'source',
  sourceAuthors: 'source author',
  pinpoint: 'pinpoint',
};

@customElement('warrant-search')
export class WarrantSearch extends LitElement {
  static override styles = [baseStyles, kindStyles, searchBoxStyles];

  /** The map's search (built by the map view on first use, kept up to date edit by edit). */
  @property({ attribute: false }) index?: SearchService;
  /** The current text of a node, for results and their paths (the map view's tree). */
  @property({ attribute: false }) lookup: (id: string) => { text: string } | undefined = () => undefined;
  /** Changes whenever the index was updated (an edit): results are refreshed in place. */
  @property({ attribute: false }) version = 0;
  /** Raters in the map, for the "rated by" filter. */
  @property({ attribute: false }) raters: readonly string[] = [];

  @state() private query = '';
  @state() private filters: SearchFilters = {};
  @state() private showFilters = false;
  @state() private open = false;
  @state() private active = 0;
  @state() private onlyMatches = false;
  @state() private hits: SearchHit[] = [];
  @state() private total = 0;
  @state() private problem = '';
  /** A query from the map's own words to offer when nothing matched, or ''. */
  @state() private suggestion = '';
  /** The query the results shown answer ('' for none): they arrive a moment after the typing. */
  resultsFor = '';

  @query('input[type=search]') private input!: HTMLInputElement;
  private returnFocus: HTMLElement | null = null;
  private lastIndex?: SearchService;
  /** The latest search asked for: answers to older ones are dropped. */
  private asked = 0;
  /** Settles when the latest search's results are shown. */
  private answered: Promise<unknown> = Promise.resolve();
  /** Whether a search is on its way to the worker and back. */
  private inFlight = false;
  /** A search asked for while one was in flight (see run). */
  private again?: { announce: boolean };
  private lastVersion = 0;

  /** Focuses the search box, remembering where focus was (Escape goes back there). */
  focusSearch(): void {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (a && !this.shadowRoot!.contains(a)) this.returnFocus = a as HTMLElement;
    void this.updateComplete.then(() => {
      this.input.focus();
      this.input.select();
    });
  }

  protected override willUpdate(): void {
    // The index changed under us (an edit): refresh the results in place.
    if (this.index !== this.lastIndex || this.version !== this.lastVersion) {
      this.lastIndex = this.index;
      this.lastVersion = this.version;
      if (this.query || hasFilters(this.filters)) this.run(false);
    }
  }

  private run(announce = true): void {
    const index = this.index;
    const seq = ++this.asked;
    if (!index) {
      // The map view builds the index on first use; the results follow when it arrives.
      this.dispatchEvent(new CustomEvent('warrant-search-wanted', { bubbles: true, composed: true }));
      return;
    }
    const searching = this.query.trim() !== '' || hasFilters(this.filters);
    if (!searching) {
      this.show(seq, [], 0, '', '');
      this.emit(undefined);
      return;
    }
    // One search in flight at a time: keys typed meanwhile are searched for together, as the
    // text stands when the answer comes, instead of queueing one search per key in the worker.
    if (this.inFlight) {
      this.again = { announce: announce || (this.again?.announce ?? false) };
      return;
    }
    const query = this.query;
    this.inFlight = true;
    this.answered = index.search(query, { filters: this.filters, limit: LISTED }).then(
      (r) => {
        this.inFlight = false;
        if (this.again) return this.rerun();
        if (seq !== this.asked) return;
        this.show(seq, r.hits, r.ids.length, r.suggestion ?? '', query);
        this.problem = '';
        if (announce) this.active = 0;
        this.emit(r.ids);
      },
      (e: unknown) => {
        this.inFlight = false;
        if (this.again) return this.rerun();
        if (seq !== this.asked) return;
        this.problem = e instanceof Error ? e.message : String(e);
      },
    );
  }

  /**
   * Runs the search asked for while one was in flight; resolves when its results are shown (so
   * Enter, waiting on `answered`, acts on the text as typed).
   */
  private rerun(): Promise<unknown> | undefined {
    const before = this.answered;
    this.run(this.again!.announce);
    this.again = undefined;
    return this.answered === before ? undefined : this.answered;
  }

  private show(seq: number, hits: SearchHit[], total: number, suggestion: string, query: string): void {
    if (seq !== this.asked) return;
    this.hits = hits;
    this.total = total;
    this.suggestion = suggestion;
    this.resultsFor = query;
  }

  /** Searches for the suggested query instead, as if it had been typed. */
  private takeSuggestion(): void {
    this.query = this.suggestion;
    this.suggestion = '';
    this.open = true;
    this.run();
    this.input.focus();
  }

  private emit(ids: readonly string[] | undefined): void {
    this.dispatchEvent(
      new CustomEvent('warrant-search-change', {
        detail: { query: this.query, filters: this.filters, ...(ids && { ids }), onlyMatches: this.onlyMatches },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.open = true;
    this.run();
  }

  private jump(hit: SearchHit | undefined): void {
    if (!hit) return;
    this.open = false;
    this.returnFocus = null;
    this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id: hit.id }, bubbles: true, composed: true }));
  }

  private onKeyDown(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      // The results of the text as typed may still be on their way from the worker.
      void this.answered.then(() => this.jump(this.hits[this.active]));
      return;
    }
    const n = this.hits.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.open = true;
      if (n) this.active = (this.active + 1) % n;
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) this.active = (this.active - 1 + n) % n;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (this.open && this.hits.length) this.open = false;
      else this.returnFocus?.focus();
    }
  }

  private setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | undefined): void {
    const next = { ...this.filters };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || value === false)
      delete next[key];
    else next[key] = value;
    this.filters = next;
    this.run();
  }

  private toggleKind(kind: NodeKind, on: boolean): void {
    const kinds = new Set(this.filters.kinds ?? []);
    if (on) kinds.add(kind);
    else kinds.delete(kind);
    this.setFilter('kinds', [...kinds]);
  }

  private clear(): void {
    this.query = '';
    this.filters = {};
    this.onlyMatches = false;
    this.open = false;
    this.run();
    this.input.focus();
  }

  /** Path labels by node text: the results' paths repeat the same few ancestors over and over. */
  private labels = new Map<string, string>();

  private pathOf(path: readonly string[]): string {
    if (this.labels.size > 5000) this.labels.clear();
    return formatPath(path, (id) => this.lookup(id)?.text, { maxLabelLength: 28 }, this.labels);
  }

  private renderHit(hit: SearchHit, i: number) {
    const node = this.lookup(hit.id);
    const textHl = hit.highlights.find((h) => h.field === 'text');
    const text = node?.text ?? '';
    const segments = highlight(
      text.length > 400 ? text.slice(0, 400) : text,
      (textHl?.ranges ?? []).filter(([s]) => s < 400),
    );
    const others = hit.highlights.filter((h) => h.field !== 'text').slice(0, 1);
    const path = this.pathOf(hit.path);
    return html`<li
      role="option"
      id="opt-${i}"
      aria-selected=${i === this.active ? 'true' : 'false'}
      @click=${() => this.jump(hit)}
      @mousemove=${() => (this.active = i)}
    >
      <span class="badge k-${hit.kind}"
        ><span class="icon" aria-hidden="true">${KIND_ICONS[hit.kind]}</span>${kindLabel(hit.kind)}</span
      >
      ${segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text))}
      ${others.map((h) => {
        const segs = highlight(
          h.text.slice(0, 200),
          h.ranges.filter(([s]) => s < 200),
        );
        return html`<span class="also"
          >in ${FIELD_LABELS[h.field] ?? h.field}:
          ${segs.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text))}</span
        >`;
      })}
      ${path ? html`<span class="path">${path}</span>` : nothing}
    </li>`;
  }

  override render() {
    const searching = this.query.trim() !== '' || hasFilters(this.filters);
    const expanded = this.open && searching && this.hits.length > 0;
    const status = !searching
      ? ''
      : !this.index
        ? 'Preparing search…'
        : this.total === 0
          ? 'No results.'
          : `${this.total} result${this.total === 1 ? '' : 's'}${this.total > this.hits.length ? `, best ${this.hits.length} listed` : ''}.`;
    const f = this.filters;
    return html`
      <div class="bar" role="search">
        <input
          type="search"
          role="combobox"
          aria-label="Search the map (press / or Ctrl+K)"
          placeholder="Search claims, quotes, sources…  ( / )"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="results"
          aria-autocomplete="list"
          aria-activedescendant=${expanded ? `opt-${this.active}` : ''}
          .value=${this.query}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @focus=${() => (this.open = true)}
        />
        <span class="count" role="status" aria-live="polite"
          >${this.problem || status}${
            !this.problem && this.total === 0 && this.suggestion
              ? html`<span class="sr-only"> Did you mean “${this.suggestion}”?</span>`
              : nothing
          }</span
        >
        <button
          aria-expanded=${this.showFilters ? 'true' : 'false'}
          aria-controls="filters"
          @click=${() => (this.showFilters = !this.showFilters)}
        >
          Filters${hasFilters(f) ? ' •' : ''}
        </button>
        ${searching ? html`<button @click=${this.clear}>Clear</button>` : nothing}
      </div>
      ${
        searching && this.index && this.total === 0 && this.suggestion
          ? html`<p class="suggest">
              Did you mean
              <button class="link" aria-label=${`Search for ${this.suggestion}`} @click=${this.takeSuggestion}>
                ${this.suggestion}</button
              >?
            </p>`
          : nothing
      }
      ${
        this.showFilters
          ? html`<div class="filters" id="filters">
              <fieldset>
                <legend>Kind</legend>
                ${KINDS.map(
                  (k) =>
                    html`<label
                      ><input
                        type="checkbox"
                        .checked=${f.kinds?.includes(k) ?? false}
                        @change=${(e: Event) => this.toggleKind(k, (e.target as HTMLInputElement).checked)}
                      />${kindLabel(k)}</label
                    >`,
                )}
              </fieldset>
              <label
                >Origin
                <select
                  @change=${(e: Event) => {
                    const v = (e.target as HTMLSelectElement).value;
                    this.setFilter('origins', v ? [v as 'essay' | 'added'] : undefined);
                  }}
                >
                  <option value="">any</option>
                  <option value="essay" ?selected=${f.origins?.[0] === 'essay'}>from the essay</option>
                  <option value="added" ?selected=${f.origins?.[0] === 'added'}>added by the class</option>
                </select></label
              >
              <label
                ><input
                  type="checkbox"
                  .checked=${f.noSource ?? false}
                  @change=${(e: Event) => this.setFilter('noSource', (e.target as HTMLInputElement).checked)}
                />No source</label
              >
              <label
                ><input
                  type="checkbox"
                  .checked=${f.unrated ?? false}
                  @change=${(e: Event) => this.setFilter('unrated', (e.target as HTMLInputElement).checked)}
                />Unrated</label
              >
              <label
                >Relevance
                <select
                  @change=${(e: Event) => {
                    const v = (e.target as HTMLSelectElement).value;
                    this.setFilter('relevance', v ? (v as RelevanceFilter) : undefined);
                  }}
                >
                  <option value="">any</option>
                  <option value="unrated" ?selected=${f.relevance === 'unrated'}>not rated yet</option>
                  <option value="low" ?selected=${f.relevance === 'low'}>matters little (0–1)</option>
                  <option value="high" ?selected=${f.relevance === 'high'}>matters much (3–4)</option>
                </select></label
              >
              <label
                >Rated by
                <select
                  @change=${(e: Event) => this.setFilter('ratedBy', (e.target as HTMLSelectElement).value || undefined)}
                >
                  <option value="">anyone or no one</option>
                  ${this.raters.map((r) => html`<option value=${r} ?selected=${f.ratedBy === r}>${r}</option>`)}
                </select></label
              >
              <label
                >Changed since
                <input
                  type="date"
                  .value=${f.changedSince ?? ''}
                  @change=${(e: Event) => this.setFilter('changedSince', (e.target as HTMLInputElement).value || undefined)}
              /></label>
              <label
                ><input
                  type="checkbox"
                  .checked=${this.onlyMatches}
                  @change=${(e: Event) => {
                    this.onlyMatches = (e.target as HTMLInputElement).checked;
                    this.run(false);
                  }}
                />Show only matches in the tree</label
              >
            </div>`
          : nothing
      }
      <ul id="results" role="listbox" aria-label="Search results" class="results" ?hidden=${!expanded}>
        ${repeat(
          this.hits,
          (h) => h.id,
          (h, i) => this.renderHit(h, i),
        )}
      </ul>
    `;
  }
}
