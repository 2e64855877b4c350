/**
 * <warrant-explanation>: why one node stands where it does. Its standing against its base (and
 * where the base comes from), the local split of the difference among the nodes right below it in
 * words and as a bar chart, which way it pulls the thesis, what the thesis would be without it,
 * and what one step of rating would change. Every child's label is a button asking to select that
 * child (`warrant-select`), so a student can walk down the explanation.
 *
 * The chart is a real table: the bars sit beside the numbers they draw and are hidden from
 * assistive technology, so the table itself is the text alternative. Signs and the words
 * "supports" / "opposes" carry the meaning; colour only repeats it.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  explainInWords,
  explainNode,
  Polarity,
  type BaseScores,
  type ChildShare,
  type Evaluation,
  type NodeExplanation,
  type WhatIfOutcome,
} from '../evaluation/index.js';
import { kindOf, type Tree } from '../model/tree.js';
import { RELEVANCE_LABELS, type ArgNode, type RatingValue } from '../model/types.js';
import { cspStyle } from './csp-style.js';
import { formatShare, ratingLabel, ratingValue, ratingWords, truncate } from './explanation-words.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { MarkdownController, markdownToPlainText } from './markdown.js';
import { baseStyles } from './shared-styles.js';
import { afterPaint } from '../state/yield.js';
import type { TreeSelectDetail } from './tree.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-explanation': WarrantExplanation;
  }
}

/** Characters of a node's text in the one-line sentence and in the chart's labels. */
const WORDS_TEXT_MAX = 32;
const CHART_TEXT_MAX = 60;
/**
 * Half the chart's width stands for at least this much change, so a share of 0.02 draws a sliver
 * rather than a full bar; larger shares widen the scale so every bar fits.
 */
const MIN_CHART_SCALE = 0.25;
// Markers around child ids while explainInWords builds the sentence (see `sentence`).
const OPEN = '\u0001';
const CLOSE = '\u0002';

@customElement('warrant-explanation')
export class WarrantExplanation extends LitElement {
  static override styles = [
    baseStyles,
    kindStyles,
    css`
      :host {
        display: block;
        font-size: 14px;
      }
      h3 {
        font-size: 15px;
        margin: 0 0 6px;
      }
      h4 {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--muted);
        margin: 16px 0 6px;
      }
      p {
        margin: 0 0 8px;
        line-height: 1.45;
      }
      .num {
        font-variant-numeric: tabular-nums;
      }
      .words {
        font-family: var(--serif);
        font-size: 15px;
        padding: 6px 10px;
        background: var(--quote-bg);
        border-radius: 6px;
        overflow-wrap: anywhere;
      }
      .note {
        color: var(--muted);
        font-size: 13px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 13px;
      }
      caption {
        text-align: left;
        color: var(--muted);
        font-size: 13px;
        padding-bottom: 4px;
      }
      th,
      td {
        text-align: left;
        vertical-align: middle;
        padding: 3px 6px 3px 0;
        border-top: 1px solid var(--rule);
      }
      thead th {
        font-weight: 600;
        color: var(--muted);
        font-size: 12px;
        border-top: none;
      }
      tbody th {
        font-weight: 400;
      }
      td.link {
        white-space: nowrap;
        color: var(--muted);
      }
      td.effect {
        width: 36%;
        min-width: 120px;
      }
      .stands {
        color: var(--muted);
        font-size: 12px;
        white-space: nowrap;
      }
      .effect-cell {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .track {
        position: relative;
        flex: 1;
        height: 14px;
      }
      /* The centre line is the node's base: bars to its right raise it, to its left lower it. */
      .track::before {
        content: '';
        position: absolute;
        left: 50%;
        top: -3px;
        bottom: -3px;
        border-left: 2px solid var(--rule-strong);
      }
      .bar {
        position: absolute;
        top: 2px;
        bottom: 2px;
        min-width: 2px;
        box-sizing: border-box;
      }
      .bar.pos {
        background: var(--support-ink);
      }
      /* Opposition is hatched and outlined with a dash, as in the kind badges: not colour alone. */
      .bar.neg {
        background: repeating-linear-gradient(135deg, var(--oppose-ink) 0 3px, var(--oppose-bg) 3px 5px);
        border: 1px dashed var(--oppose-ink);
      }
      .share {
        min-width: 4.5em;
        text-align: right;
        white-space: nowrap;
      }
      button.node {
        font-size: 13px;
        min-height: 24px;
        padding: 1px 2px;
        border: none;
        background: none;
        text-align: left;
        display: inline;
        line-height: 1.45;
        color: var(--ink);
      }
      button.node:hover {
        background: var(--hover);
        text-decoration: underline;
      }
      button.node .badge {
        font-size: 11.5px;
        /* A real space follows the badge (so it is read as two words): keep the gap as narrow. */
        margin-right: 0.1em;
      }
      ul.what-if {
        margin: 0;
        padding-left: 18px;
      }
      ul.what-if li {
        margin-bottom: 4px;
      }
    `,
  ];

  @property({ attribute: false }) tree?: Tree<ArgNode>;
  @property({ attribute: false }) evaluation?: Evaluation;
  @property({ attribute: false }) base?: BaseScores;
  /** The node to explain. */
  @property({ attribute: false }) nodeId?: string;
  /** Name of the semantics the evaluation used, e.g. "Quadratic Energy". */
  @property({ attribute: false }) semanticsLabel = '';

  private explanation?: NodeExplanation;
  /** The next update goes at once (another node is to be explained); see scheduleUpdate. */
  private now = true;
  // Labels are an approximation until the Markdown renderer has loaded, then exact.
  private readonly markdownReady = new MarkdownController(this);

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    const [name] = args;
    if (name !== 'tree' && name !== 'evaluation' && name !== 'base') this.now = true;
    super.requestUpdate(...args);
  }

  /**
   * A rating or an edit changes the standings this explains, and the student is looking at the
   * rating scale and the thesis standing, not here: those paint first, and the explanation a
   * frame later, so its text (layout of a dozen sentences, a table) does not delay them. On a
   * 10,000-node map with the CPU slowed 4x that frame is about a fifth of a rating's time.
   * Another node, or the first render, is explained at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const atOnce = this.now || !this.hasUpdated;
    this.now = false;
    if (atOnce) return super.scheduleUpdate();
    return afterPaint().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tree') || changed.has('evaluation') || changed.has('base') || changed.has('nodeId')) {
      const { tree, evaluation, base, nodeId } = this;
      this.explanation =
        tree && evaluation && base && nodeId !== undefined && tree.byId.has(nodeId) && evaluation.has(nodeId)
          ? explainNode(evaluation, base, nodeId)
          : undefined;
    }
  }

  private select(id: string): void {
    this.dispatchEvent(
      new CustomEvent<TreeSelectDetail>('warrant-select', { detail: { id }, bubbles: true, composed: true }),
    );
  }

  private kindOf(id: string) {
    const node = this.tree!.byId.get(id)!;
    return kindOf(this.tree!, node);
  }

  /** "Premise “The INF Treaty…”": kind word and the start of the text, as plain text. */
  private label(id: string, max: number): string {
    return `${kindLabel(this.kindOf(id))} “${truncate(markdownToPlainText(this.tree!.byId.get(id)!.text), max)}”`;
  }

  /**
   * The split in one line, from explainInWords, with child labels and a true minus sign (screen
   * readers say "minus", not "dash"). Children are marked while the sentence is built, so a
   * hyphen inside a node's own text is never mistaken for a minus.
   */
  private sentence(ex: NodeExplanation): string {
    const subject = kindLabel(this.kindOf(ex.nodeId));
    const marked = explainInWords(ex.split, (id) => (id === ex.nodeId ? subject : `${OPEN}${id}${CLOSE}`));
    return marked
      .replaceAll(` - ${OPEN}`, ` \u2212 ${OPEN}`)
      .replace(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g'), (_, id: string) => this.label(id, WORDS_TEXT_MAX));
  }

  /** Under the class default: where the standing comes from, in plain words. */
  private renderClassBase(ex: NodeExplanation) {
    const b = ex.base;
    const own = !b.rated
      ? 'Nobody has rated its own evidence, so it stands as well as the points under it do'
      : `Its own evidence is rated ${ratingWords(b.mean)}${b.count > 1 ? ` (mean of ${b.count} ratings)` : ''}, worth ${ex.tau.toFixed(2)}; it counts like one more supporting point`;
    return html`<p class="standing">
      Standing
      <strong class="num">${ex.sigma.toFixed(2)}</strong>${this.semanticsLabel ? ` (${this.semanticsLabel})` : nothing}.
      ${own}. Supporting points are averaged, each weighted by how much it matters (its relevance); objections then take
      a share away, more the stronger they are, but never all of it. Points nobody has rated do not count yet.
    </p>`;
  }

  private renderBase(ex: NodeExplanation) {
    if (this.evaluation?.semantics === 'class') return this.renderClassBase(ex);
    const b = ex.base;
    const rater = this.base?.perspective.rater;
    let from: string;
    if (!b.rated) from = 'unrated (neutral 0.50)';
    else if (rater !== undefined) from = `from ${rater}’s rating: ${ratingWords(b.mean)}`;
    else if (b.count === 1) from = `from 1 rating: ${ratingWords(b.mean)}`;
    else {
      from = `from ${b.count} ratings: mean ${ratingWords(b.mean)}${b.spread > 0 ? `, spread ${b.spread.toFixed(2)}` : ''}`;
    }
    return html`<p class="standing">
      Standing <strong class="num">${ex.sigma.toFixed(2)}</strong>${
        this.semanticsLabel ? ` (${this.semanticsLabel})` : nothing
      }
      against its base <strong class="num">${ex.tau.toFixed(2)}</strong>, ${from}.
    </p>`;
  }

  private renderShare(s: ChildShare, scale: number) {
    const percent = (Math.abs(s.share) / scale) * 50;
    const bar =
      s.share === 0
        ? nothing
        : html`<span
            class="bar ${s.share > 0 ? 'pos' : 'neg'}"
            style=${cspStyle({ left: `${s.share > 0 ? 50 : 50 - percent}%`, width: `${percent}%` })}
          ></span>`;
    return html`<tr>
      <th scope="row">
        <button class="node" data-id=${s.childId} @click=${() => this.select(s.childId)}>
          ${this.badge(s.childId)}
          ${truncate(markdownToPlainText(this.tree!.byId.get(s.childId)!.text), CHART_TEXT_MAX)}
        </button>
        ${
          this.evaluation?.semantics === 'class' && !this.evaluation.informedOf(s.childId)
            ? html`<span class="stands">not rated yet</span>`
            : html`<span class="stands"
                >stands at <span class="num">${s.sigma.toFixed(2)}</span>${this.relevanceNote(s.childId)}</span
              >`
        }
      </th>
      <td class="link">${s.relation}</td>
      <td class="effect">
        <div class="effect-cell">
          <span class="track" aria-hidden="true">${bar}</span>
          <span class="share num">${formatShare(s.share)}</span>
        </div>
      </td>
    </tr>`;
  }

  /** ", matters a lot (relevance 3.5)" when someone rated how much the child matters. */
  private relevanceNote(id: string) {
    const r = this.base?.relevance.get(id);
    if (!r) return nothing;
    return html`, relevance
      <span class="num">${ratingValue(r.mean)}</span> (${RELEVANCE_LABELS[Math.round(r.mean) as RatingValue]})`;
  }

  private badge(id: string) {
    const kind = this.kindOf(id);
    const icon = html`<span class="icon" aria-hidden="true">${KIND_ICONS[kind]}</span>`;
    return html`<span class="badge k-${kind}">${icon}${kindLabel(kind)}</span>`;
  }

  private renderSplit(ex: NodeExplanation) {
    const { split } = ex;
    if (split.shares.length === 0) {
      return html`<p class="note">Nothing is argued below it yet, so its standing is its base.</p>`;
    }
    const scale = Math.max(MIN_CHART_SCALE, ...split.shares.map((s) => Math.abs(s.share)));
    return html`
      <p class="words">${this.sentence(ex)}</p>
      <table>
        <caption>
          How each part below it moves it from its base
          <span class="num">${split.tau.toFixed(2)}</span>
          (the line) to
          <span class="num">${split.sigma.toFixed(2)}</span
          >: bars to the right raise it, to the left lower it.
        </caption>
        <thead>
          <tr>
            <th scope="col">Below it</th>
            <th scope="col">Link</th>
            <th scope="col">Effect</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            split.shares,
            (s) => s.childId,
            (s) => this.renderShare(s, scale),
          )}
        </tbody>
      </table>
      ${
        split.exact
          ? nothing
          : html`<p class="note">
              Estimated from ${split.samples} random orderings, as it has many parts below it; the effects still add up
              to the change.
            </p>`
      }
    `;
  }

  private renderThesisLink(ex: NodeExplanation) {
    if (ex.counterfactual === null) return nothing;
    const n = ex.opposesOnPath;
    const helps = ex.polarity === Polarity.helps;
    const why =
      n === 0
        ? 'every link between it and the thesis supports'
        : `its path to the thesis has ${n} opposing link${n === 1 ? '' : 's'}, an ${n % 2 === 0 ? 'even' : 'odd'} number${
            n % 2 === 0 ? ' (it opposes something that opposes the thesis)' : ''
          }`;
    return html`
      <h4>Toward the thesis</h4>
      <p class="polarity">
        It <strong>${helps ? 'helps the thesis' : 'hurts the thesis'}</strong>: ${why}, so the stronger it stands, the
        ${helps ? 'stronger' : 'weaker'} the thesis.
      </p>
      ${
        this.evaluation!.informedOf(ex.nodeId) === false
          ? nothing
          : ex.counterfactualInformed
            ? html`<p class="counterfactual">
                Without this node and everything under it, the thesis would stand at ${ex.counterfactual.toFixed(2)}
                (now ${this.evaluation!.thesis.toFixed(2)}).
              </p>`
            : html`<p class="counterfactual">
                Without this node and everything under it, nothing under the thesis would be rated: it would have no
                standing (now ${this.evaluation!.thesis.toFixed(2)}).
              </p>`
      }
    `;
  }

  private whatIfLine(ex: NodeExplanation, direction: 'higher' | 'lower', o: WhatIfOutcome): string {
    const isThesis = ex.counterfactual === null;
    const lead = ex.whatIf.rated
      ? `Rated one step ${direction} (${ratingValue(o.rating)}, ${ratingLabel(o.rating)})`
      : `If someone rated it ${ratingWords(o.rating)}`;
    if (isThesis) return `${lead}: the thesis would stand at ${o.thesis.toFixed(2)}`;
    const node = this.tree!.byId.get(ex.nodeId)!;
    const parentIsThesis = node.parentId === this.tree!.root.id;
    const parent =
      !parentIsThesis && o.parent !== null && node.parentId !== null
        ? `, the ${kindLabel(this.kindOf(node.parentId)).toLowerCase()} above it ${o.parent.toFixed(2)}`
        : '';
    return `${lead}: thesis ${o.thesis.toFixed(2)}, this node ${o.sigma.toFixed(2)}${parent}`;
  }

  private renderWhatIf(ex: NodeExplanation) {
    const { up, down } = ex.whatIf;
    if (!up && !down) return nothing;
    return html`
      <h4>${ex.whatIf.rated ? 'One step of rating' : 'If someone rated it'}</h4>
      <ul class="what-if">
        ${up ? html`<li class="up">${this.whatIfLine(ex, 'higher', up)}</li>` : nothing}
        ${down ? html`<li class="down">${this.whatIfLine(ex, 'lower', down)}</li>` : nothing}
      </ul>
    `;
  }

  override render() {
    const ex = this.explanation;
    if (!ex) return html`<p class="note">Select a node to see why it stands where it does.</p>`;
    if (this.evaluation?.informedOf(ex.nodeId) === false) {
      return html`
        <h3>No standing yet</h3>
        <p class="standing">
          Nothing here is rated yet: not its own evidence, nor any point under it. Until something is, it does not count
          for the point above it, neither for nor against.
        </p>
        ${this.renderThesisLink(ex)} ${this.renderWhatIf(ex)}
      `;
    }
    return html`
      <h3>Why it stands at <span class="num">${ex.sigma.toFixed(2)}</span></h3>
      ${this.renderBase(ex)} ${this.renderSplit(ex)} ${this.renderThesisLink(ex)} ${this.renderWhatIf(ex)}
    `;
  }
}
