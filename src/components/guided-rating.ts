/**
 * <warrant-guided-rating>: "Rate next", Kialo's guided voting. A modal dialog walks a student
 * through the points they have not rated (top-down, claims first: see guidedOrder), one at a time,
 * asking how good its own evidence is and how much it matters to the point above it. It is made
 * for the keyboard: a digit 0-4 rates the question in focus, Enter (or Tab) goes on to relevance,
 * Enter again to the next point; Escape stops. The thesis's standing is shown as it moves, in a
 * polite live region, so a screen reader hears what each rating did.
 *
 * It writes nothing itself: each choice is a `warrant-rate` event (the rating form's), and each
 * point shown a `warrant-select`, so the tree's selection follows the walk.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guidedOrder } from '../evaluation/guided-order.js';
import type { RatingField } from '../model/ratings.js';
import { kindOf, type Tree } from '../model/tree.js';
import {
  RATING_LABELS,
  RELEVANCE_LABELS,
  Relation,
  type ArgNode,
  type Rating,
  type RatingValue,
} from '../model/types.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { markdownToPlainText } from './markdown.js';
import type { RateDetail } from './rating.js';
import { baseStyles, dialogStyles, ratingScaleStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-guided-rating': WarrantGuidedRating;
  }
}

const VALUES: RatingValue[] = [0, 1, 2, 3, 4];

/** What this walk has chosen for a node (shown at once, before the write comes back). */
type Chosen = Partial<Record<RatingField, RatingValue>>;

@customElement('warrant-guided-rating')
export class WarrantGuidedRating extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    ratingScaleStyles,
    kindStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        width: min(560px, 94vw);
        max-height: 90vh;
      }
      h2 {
        margin: 0 0 4px;
        font-size: 19px;
      }
      .progress,
      .help,
      .context {
        font-size: 13.5px;
        color: var(--muted);
        margin: 0 0 8px;
      }
      .thesis {
        font-size: 15px;
        margin: 0 0 12px;
        padding: 6px 10px;
        border-radius: 6px;
        background: var(--panel);
      }
      .text {
        font-size: 17px;
        margin: 4px 0 12px;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0 0 12px;
      }
      legend {
        font-size: 14px;
        font-weight: 600;
        padding: 0;
        margin-bottom: 6px;
      }
      fieldset.current legend::before {
        content: '▸ ';
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        justify-content: flex-end;
      }
      kbd {
        font: inherit;
        font-size: 12.5px;
        border: 1px solid var(--rule-strong);
        border-radius: 4px;
        padding: 0 4px;
      }
    `,
  ];

  @property({ attribute: false }) tree?: Tree<ArgNode>;
  /** Every rating of the map (all raters). */
  @property({ attribute: false }) ratings: readonly Rating[] = [];
  /** The thesis's standing as the header shows it; undefined while nothing under it is rated. */
  @property({ attribute: false }) thesis?: number;

  @state() private queue: string[] = [];
  @state() private at = 0;
  @state() private step: RatingField = 'value';
  @state() private chosen = new Map<string, Chosen>();
  /** How the thesis moved with the last change ('' before any). */
  @state() private move = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  private rater = '';
  private returnFocus: HTMLElement | null = null;
  private lastThesis?: number;

  /** Whether the walk is open. */
  get isOpen(): boolean {
    return this.dialog?.open === true;
  }

  /** Opens the walk for `rater` at the first point they have not rated; focus returns on close. */
  async start(rater: string): Promise<void> {
    if (!this.tree) return;
    this.rater = rater;
    this.queue = guidedOrder(this.tree, this.ratings, rater);
    this.at = 0;
    this.step = 'value';
    this.chosen = new Map();
    this.move = '';
    this.lastThesis = this.thesis;
    await this.updateComplete;
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | null;
    this.dialog.showModal();
    await this.show();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('thesis') && this.isOpen && this.thesis !== this.lastThesis) {
      this.move = describeMove(this.lastThesis, this.thesis);
      this.lastThesis = this.thesis;
    }
  }

  private get current(): ArgNode | undefined {
    const id = this.queue[this.at];
    return id === undefined ? undefined : this.tree?.byId.get(id);
  }

  private hasRelevance(node: ArgNode | undefined): boolean {
    return node !== undefined && node.parentId !== null;
  }

  /** The rater's value for `field` of `node`: chosen in this walk, else as stored. */
  private ratedValue(node: ArgNode, field: RatingField): RatingValue | undefined {
    const chosen = this.chosen.get(node.id);
    if (chosen && field in chosen) return chosen[field];
    const mine = this.ratings.find((r) => r.nodeId === node.id && r.rater === this.rater);
    return mine?.[field];
  }

  /** Selects the current point in the map and puts focus on the question being asked. */
  private async show(): Promise<void> {
    const node = this.current;
    if (node) {
      this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id: node.id }, bubbles: true, composed: true }));
    }
    await this.updateComplete;
    this.focusStep();
  }

  private focusStep(): void {
    const group = this.renderRoot.querySelector(`fieldset[data-field="${this.step}"]`);
    const target =
      group?.querySelector<HTMLInputElement>('input:checked') ??
      group?.querySelector<HTMLInputElement>('input') ??
      this.renderRoot.querySelector<HTMLButtonElement>('button.done');
    target?.focus();
  }

  private rate(field: RatingField, value: RatingValue): void {
    const node = this.current;
    if (!node || (field === 'relevance' && !this.hasRelevance(node))) return;
    this.chosen = new Map(this.chosen).set(node.id, { ...this.chosen.get(node.id), [field]: value });
    const mine = this.ratings.find((r) => r.nodeId === node.id && r.rater === this.rater);
    const detail: RateDetail = { value, rationale: mine?.rationale ?? '', field, nodeId: node.id };
    this.dispatchEvent(new CustomEvent('warrant-rate', { detail, bubbles: true, composed: true }));
  }

  /** Enter: from evidence to relevance, from relevance (or a thesis) to the next point. */
  private async advance(): Promise<void> {
    if (this.step === 'value' && this.hasRelevance(this.current)) {
      this.step = 'relevance';
      await this.updateComplete;
      this.focusStep();
      return;
    }
    await this.go(1);
  }

  private async go(delta: 1 | -1): Promise<void> {
    this.at = Math.max(0, Math.min(this.queue.length, this.at + delta));
    this.step = 'value';
    await this.show();
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement;
    if (/^[0-4]$/.test(e.key)) {
      e.preventDefault();
      // The tree's own 0-4 shortcut must not rate the selected node a second time.
      e.stopPropagation();
      this.rate(this.step, Number(e.key) as RatingValue);
      void this.updateComplete.then(() => this.focusStep());
    } else if (e.key === 'Enter' && target.tagName !== 'BUTTON') {
      e.preventDefault();
      e.stopPropagation();
      void this.advance();
    }
  };

  private onFocusIn = (e: FocusEvent): void => {
    const field = (e.composedPath()[0] as HTMLElement).closest?.('fieldset')?.dataset.field as RatingField | undefined;
    if (field && field !== this.step) this.step = field;
  };

  private onClose = (): void => {
    this.returnFocus?.focus();
  };

  private scale(node: ArgNode, field: RatingField) {
    const value = this.ratedValue(node, field);
    const labels = field === 'value' ? RATING_LABELS : RELEVANCE_LABELS;
    const legend =
      field === 'value' ? 'How good is its own evidence?' : 'How much does this matter to the point above it?';
    return html`<fieldset data-field=${field} class=${this.step === field ? 'current' : ''}>
      <legend id="legend-${field}">${legend}</legend>
      <div class="scale" role="radiogroup" aria-labelledby="legend-${field}">
        ${VALUES.map(
          (v) =>
            html`<label class=${value === v ? 'on' : ''}
              ><input
                type="radio"
                name="guided-${field}"
                .checked=${value === v}
                @change=${() => this.rate(field, v)}
              />${v} ${labels[v]}</label
            >`,
        )}
      </div>
    </fieldset>`;
  }

  private renderPoint(node: ArgNode, tree: Tree<ArgNode>) {
    const kind = kindOf(tree, node);
    const parent = node.parentId ? tree.byId.get(node.parentId) : undefined;
    const relation =
      node.relation === Relation.supports
        ? 'Supports'
        : node.relation === Relation.opposes
          ? 'Opposes'
          : 'An option under';
    return html`<p class="progress">Point ${this.at + 1} of ${this.queue.length} you have not rated</p>
      <p class="kind">
        <span class="badge k-${kind}"
          ><span class="icon" aria-hidden="true">${KIND_ICONS[kind]}</span>${kindLabel(kind)}</span
        >
      </p>
      <p class="text" id="point-text">${markdownToPlainText(node.text)}</p>
      ${parent ? html`<p class="context">${relation}: ${truncate(markdownToPlainText(parent.text), 140)}</p>` : nothing}
      ${this.scale(node, 'value')} ${this.hasRelevance(node) ? this.scale(node, 'relevance') : nothing}
      <div class="buttons">
        <button ?disabled=${this.at === 0} @click=${() => void this.go(-1)}>Previous</button>
        <button class="next" @click=${() => void this.go(1)}>Next point</button>
        <button class="done" @click=${() => this.dialog.close()}>Done</button>
      </div>`;
  }

  override render() {
    const tree = this.tree;
    const node = this.current;
    const thesisLine =
      this.thesis === undefined
        ? 'The thesis is not rated yet.'
        : `Thesis stands at ${this.thesis.toFixed(2)}${this.move ? `, ${this.move}` : ''}.`;
    return html`<dialog
      aria-labelledby="guided-title"
      aria-describedby="guided-help"
      @close=${this.onClose}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
    >
      <h2 id="guided-title">Rate next</h2>
      <p class="help" id="guided-help">
        Type <kbd>0</kbd>–<kbd>4</kbd> to answer, <kbd>Enter</kbd> for the next question (<kbd>Tab</kbd> moves too),
        <kbd>Esc</kbd> to stop. Each rating is saved at once and can be undone.
      </p>
      <p class="thesis" role="status" aria-live="polite">${thesisLine}</p>
      ${
        node && tree
          ? this.renderPoint(node, tree)
          : html`<p class="progress">
                ${this.queue.length ? 'That was the last point you had not rated.' : 'You have rated every point of this map.'}
              </p>
              <div class="buttons">
                ${this.queue.length ? html`<button @click=${() => void this.go(-1)}>Previous</button>` : nothing}
                <button class="done" @click=${() => this.dialog.close()}>Done</button>
              </div>`
      }
    </dialog>`;
  }
}

/** "up 0.04", "down 0.10", "unchanged", or how it came to have a standing at all. */
function describeMove(before: number | undefined, after: number | undefined): string {
  if (after === undefined) return '';
  if (before === undefined) return 'its first standing';
  const d = after - before;
  if (Math.abs(d) < 0.005) return 'unchanged';
  return `${d > 0 ? 'up' : 'down'} ${Math.abs(d).toFixed(2)}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
