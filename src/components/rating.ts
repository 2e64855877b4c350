/**
 * <warrant-rating>: rate a node's OWN evidence 0-4 as the current rater, and (below the thesis)
 * how much it matters to the point above it, with the labels shown, an optional one-line
 * rationale, and "clear"; below it, everyone's ratings (mean, count, spread) and each rater's.
 * Unrated is shown as such and never as 0.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMean } from '../evaluation/base-scores.js';
import { summarize } from '../model/sources.js';
import type { RatingField } from '../model/ratings.js';
import { RATING_LABELS, RELEVANCE_LABELS, type Rating, type RatingValue } from '../model/types.js';
import { baseStyles, ratingScaleStyles } from './shared-styles.js';
import { scrubField } from './scrub-input.js';

/** A rating the user chose (value undefined = clear). */
export interface RateDetail {
  value: RatingValue | undefined;
  rationale: string;
  /** The node rated (absent: the selected one). */
  nodeId?: string;
  /** Which rating: the node's own evidence (default) or its relevance to its parent. */
  field?: RatingField;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-rating': WarrantRating;
  }
  interface HTMLElementEventMap {
    'warrant-rate': CustomEvent<RateDetail>;
  }
}

const VALUES: RatingValue[] = [0, 1, 2, 3, 4];

@customElement('warrant-rating')
export class WarrantRating extends LitElement {
  static override styles = [
    baseStyles,
    ratingScaleStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0;
      }
      legend {
        font-size: 14px;
        font-weight: 600;
        padding: 0;
        margin-bottom: 6px;
      }
      .why {
        display: flex;
        gap: 6px;
        margin-top: 8px;
        align-items: center;
        flex-wrap: wrap;
      }
      .why input {
        flex: 1;
        min-width: 160px;
        font: inherit;
        font-size: 14px;
        padding: 4px 8px;
        border: 1.5px solid var(--rule-strong);
        border-radius: 6px;
      }
      .why button {
        font-size: 13px;
        padding: 3px 10px;
        min-height: 30px;
      }
      .summary {
        font-size: 14px;
        margin: 10px 0 4px;
      }
      ul {
        margin: 0;
        padding-left: 18px;
        font-size: 13.5px;
        color: var(--muted);
      }
    `,
  ];

  /** Every rating of this node (all raters). */
  @property({ attribute: false }) ratings: readonly Rating[] = [];
  /** Who rates now (the name in settings, default "me"). */
  @property() rater = 'me';
  /** The perspective the map is viewed in: undefined = everyone (mean). */
  @property({ attribute: false }) perspective?: string;
  /** Whether the node has a parent it can matter to (false for the thesis: no relevance). */
  @property({ type: Boolean }) relevance = false;

  /** The node rated: the "Why" draft belongs to it and is dropped only when another node is shown. */
  @property({ attribute: false }) nodeId?: string;

  @state() private rationale?: string;
  private lastNode?: string;

  private get mine(): Rating | undefined {
    return this.ratings.find((r) => r.rater === this.rater);
  }

  protected override willUpdate(): void {
    // Not on every new ratings array: saving a rating re-renders with one, and resetting the
    // field then emptied what had been typed into "Why" since (issue 21).
    if (this.nodeId !== this.lastNode) {
      this.lastNode = this.nodeId;
      this.rationale = undefined;
    }
  }

  private emit(value: RatingValue | undefined, field: RatingField = 'value'): void {
    const rationale = this.rationale ?? this.mine?.rationale ?? '';
    this.dispatchEvent(
      new CustomEvent('warrant-rate', {
        detail: { value, rationale, field, ...(this.nodeId && { nodeId: this.nodeId }) },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onRationaleKey(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === 'Enter' && this.mine) this.emitRationale();
  }

  // A rationale belongs to the record: re-send whichever rating it has (evidence first).
  private emitRationale(): void {
    const mine = this.mine;
    if (!mine) return;
    if (mine.value !== undefined) this.emit(mine.value);
    else this.emit(mine.relevance, 'relevance');
  }

  private relevanceScale(mine: Rating | undefined) {
    return html`<fieldset class="relevance">
      <legend>How much does this matter to the point above it?</legend>
      <div class="scale" role="radiogroup" aria-label="Relevance rating, 0 to 4">
        ${VALUES.map(
          (v) =>
            html`<label class=${mine?.relevance === v ? 'on' : ''}
              ><input
                type="radio"
                name="relevance"
                .checked=${mine?.relevance === v}
                @change=${() => this.emit(v, 'relevance')}
              />${v} ${RELEVANCE_LABELS[v]}</label
            >`,
        )}
      </div>
      <button
        class="clear-relevance"
        ?disabled=${mine?.relevance === undefined}
        @click=${() => this.emit(undefined, 'relevance')}
      >
        Clear my relevance
      </button>
    </fieldset>`;
  }

  override render() {
    const mine = this.mine;
    const all = summarize(this.ratings);
    return html`
      <fieldset>
        <legend>Your rating of its own evidence (as ${this.rater})</legend>
        <div class="scale" role="radiogroup" aria-label="Evidence rating, 0 to 4">
          ${VALUES.map(
            (v) =>
              html`<label class=${mine?.value === v ? 'on' : ''}
                ><input type="radio" name="rating" .checked=${mine?.value === v} @change=${() => this.emit(v)} />${v}
                ${RATING_LABELS[v]}</label
              >`,
          )}
        </div>
        <div class="why">
          <input
            aria-label="Why (one line, optional)"
            placeholder="Why? (optional)"
            maxlength="300"
            .value=${this.rationale ?? mine?.rationale ?? ''}
            @input=${(e: Event) => (this.rationale = scrubField(e.target as HTMLInputElement))}
            @keydown=${this.onRationaleKey}
            @change=${() => this.emitRationale()}
          />
          <button ?disabled=${mine?.value === undefined} @click=${() => this.emit(undefined)}>Clear my rating</button>
        </div>
      </fieldset>
      ${this.relevance ? this.relevanceScale(mine) : nothing}
      <p class="summary">
        ${
          all.count === 0
            ? html`<strong>Unrated</strong>: nobody has rated it yet (it counts as neutral, not as 0).`
            : html`Everyone: mean
                <strong>${formatMean(all.mean!)}</strong> (${RATING_LABELS[Math.round(all.mean!) as RatingValue]}) from
                ${all.count}
                rating${all.count === 1 ? '' : 's'}${all.count > 1 ? html`, spread ±${all.spread!.toFixed(1)}` : nothing}.`
        }
        ${relevanceSummary(this.relevance ? this.ratings : [])}
        ${this.perspective ? html`<br />Viewing as <strong>${this.perspective}</strong>.` : nothing}
      </p>
      ${
        this.ratings.length
          ? html`<ul aria-label="Ratings by rater">
              ${[...this.ratings]
                .sort((a, b) => a.rater.localeCompare(b.rater))
                .map(
                  (r) =>
                    html`<li>
                      ${r.rater}:
                      ${r.value !== undefined ? `evidence ${r.value} (${RATING_LABELS[r.value]})` : 'evidence not rated'}${
                        r.relevance !== undefined
                          ? ` · relevance ${r.relevance} (${RELEVANCE_LABELS[r.relevance]})`
                          : nothing
                      }${r.rationale ? html` · “${r.rationale}”` : nothing}
                    </li>`,
                )}
            </ul>`
          : nothing
      }
    `;
  }
}

/** "Relevance: mean 3 (much) from 2 ratings." or nothing when nobody rated relevance. */
function relevanceSummary(ratings: readonly Rating[]) {
  const values: number[] = ratings.flatMap((r) => (r.relevance === undefined ? [] : [r.relevance]));
  if (!values.length) return nothing;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return html`<br />Relevance: mean
    <strong>${formatMean(mean)}</strong> (${RELEVANCE_LABELS[Math.round(mean) as RatingValue]}) from ${values.length}
    rating${values.length === 1 ? '' : 's'}.`;
}
