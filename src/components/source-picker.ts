/**
 * <warrant-source-picker>: the combobox of the "Cite a source" panel, which fuzzy-finds the map's
 * sources (ranking in search/source-rank.ts). fuse.js loads when a picker first needs it (it is not
 * in the initial load); until it has arrived, the list matches words exactly.
 *
 * The picker is controlled: its host owns the query and the chosen source (they outlive the
 * picker while the new-source form is shown) and hears of changes by events. It renders into its
 * host's shadow root, not its own, so the host's labels, hints and error stay linked to the input
 * by id (aria-describedby cannot cross a shadow root) and the host's styles apply.
 */
import type Fuse from 'fuse.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Source } from '../model/types.js';
import { rankSources, sourceIndex, type SourceDoc } from '../search/source-rank.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-source-picker': WarrantSourcePicker;
  }
}

/** `warrant-picker-query`: the user typed (detail: the new query); the choice is dropped. */
export type PickerQueryEvent = CustomEvent<string>;
/** `warrant-picker-pick`: the user chose a source from the list (detail: the source). */
export type PickerPickEvent = CustomEvent<Source>;
// `warrant-picker-enter` (no detail): Enter with no option under the arrows, i.e. "cite the chosen one".

/** fuse.js, once loaded (on first need of a picker). */
let FuseClass: typeof Fuse | undefined;
let fuseLoading: Promise<typeof Fuse> | undefined;

/** Fetches fuse.js (once); callers may call it early, e.g. on pointer over "Cite a source". */
export function loadFuse(): Promise<typeof Fuse> {
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

@customElement('warrant-source-picker')
export class WarrantSourcePicker extends LitElement {
  /** Every source of the map. */
  @property({ attribute: false }) sources: readonly Source[] = [];
  /** Ids of the sources this node already cites (marked in the list). */
  @property({ attribute: false }) cited: ReadonlySet<string> = new Set();
  /** What the search box holds. */
  @property() query = '';
  /** Id of the source chosen in the list. */
  @property() picked?: string;
  /** The host shows an error about the choice. */
  @property({ type: Boolean }) invalid = false;

  /** Index of the option the arrows are on (aria-activedescendant), or -1. */
  @state() private active = -1;
  /** The fuzzy index of `sources`, built when fuse.js is loaded. */
  private fuse?: Fuse<SourceDoc>;
  private options: Source[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sources')) this.fuse = undefined;
    if (!this.fuse) {
      if (FuseClass) this.fuse = sourceIndex(FuseClass, this.sources);
      // Ranked again when fuse.js arrives.
      else void this.rankWhenFuseArrives();
    }
    // The option the arrows are on stays the same one when the list is ranked again.
    const activeId = this.options[this.active]?.id;
    this.options = rankSources(this.fuse, this.sources, this.query);
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

  private async focusInput(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#cite-search')?.focus();
  }

  private onInput = (e: Event): void => {
    this.active = -1;
    this.dispatchEvent(new CustomEvent('warrant-picker-query', { detail: (e.target as HTMLInputElement).value }));
  };

  private pick(source: Source): void {
    this.active = -1;
    this.dispatchEvent(new CustomEvent('warrant-picker-pick', { detail: source }));
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    const n = this.options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!n) return;
      this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1;
      void this.updateComplete.then(() =>
        this.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = this.options[this.active];
      if (option) this.pick(option);
      else this.dispatchEvent(new CustomEvent('warrant-picker-enter'));
    }
    // Escape bubbles to the panel, which closes.
  };

  override render() {
    const activeOption = this.active >= 0 ? `opt-${this.active}` : undefined;
    const hasOptions = this.options.length > 0;
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
        aria-invalid=${this.invalid ? 'true' : 'false'}
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
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
                      void this.focusInput();
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
                        this.cited.has(s.id) ? ' (already cited here)' : ''
                      }</span
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <p class="hint" role="status">${count}</p>
    `;
  }
}
