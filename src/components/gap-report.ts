/**
 * <warrant-gap-report>: the evidence-gap panel. What the class should work on next: claims and
 * premises with no source, unrated nodes, counterpoints nobody has answered, the weakest claim
 * under the thesis and the counterpoint that costs the thesis most. Every entry is a button asking
 * to select its node (`warrant-select`); the panel owns no data and computes the report with the
 * pure `evidenceGaps`.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BaseScores, Evaluation } from '../evaluation/index.js';
import { kindOf, type Tree } from '../model/tree.js';
import type { ArgNode, Citation } from '../model/types.js';
import { evidenceGaps, type EvidenceGaps } from '../state/gaps.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { MarkdownController, markdownToPlainText } from './markdown.js';
import { baseStyles } from './shared-styles.js';
import type { TreeSelectDetail } from './tree.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-gap-report': WarrantGapReport;
  }
}

/** Entries shown before a list collapses behind "Show all N". */
const GAP_LIST_LIMIT = 10;
const TEXT_MAX = 90;

type ListKey = 'unsourced' | 'unrated' | 'unanswered';

@customElement('warrant-gap-report')
export class WarrantGapReport extends LitElement {
  static override styles = [
    baseStyles,
    kindStyles,
    css`
      :host {
        display: block;
        font-size: 14px;
      }
      h2 {
        font-size: 16px;
        margin: 0 0 4px;
      }
      h3 {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--muted);
        margin: 18px 0 6px;
      }
      p {
        margin: 0 0 6px;
        line-height: 1.45;
      }
      .note {
        color: var(--muted);
        font-size: 13px;
      }
      .num {
        font-variant-numeric: tabular-nums;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        margin: 0 0 2px;
      }
      button.entry {
        font-size: 13.5px;
        min-height: 28px;
        width: 100%;
        padding: 3px 6px;
        border: 1px solid transparent;
        background: none;
        text-align: left;
        display: block;
        line-height: 1.4;
        overflow-wrap: anywhere;
      }
      button.entry:hover {
        background: var(--hover);
        border-color: var(--rule);
      }
      button.entry .badge {
        font-size: 11.5px;
        /* A real space follows the badge (so it is read as two words): keep the gap as narrow. */
        margin-right: 0.1em;
      }
      button.more {
        font-size: 13px;
        min-height: 28px;
        padding: 2px 10px;
        margin-top: 4px;
      }
      .well-done {
        color: var(--support-ink);
      }
    `,
  ];

  @property({ attribute: false }) tree?: Tree<ArgNode>;
  @property({ attribute: false }) citations: readonly Pick<Citation, 'nodeId'>[] = [];
  @property({ attribute: false }) evaluation?: Evaluation;
  @property({ attribute: false }) base?: BaseScores;
  /** Whose ratings count, in words ("Everyone", "Sam"); defaults to the base scores' rater. */
  @property({ attribute: false }) perspectiveLabel = '';

  /** Lists the student opened past the first GAP_LIST_LIMIT entries. */
  @state() private opened: ReadonlySet<ListKey> = new Set();

  private gaps?: EvidenceGaps;
  // Labels are an approximation until the Markdown renderer has loaded, then exact.
  private readonly markdownReady = new MarkdownController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tree') || changed.has('citations') || changed.has('evaluation') || changed.has('base')) {
      const { tree, evaluation, base } = this;
      this.gaps = tree && evaluation && base ? evidenceGaps(tree, this.citations, base, evaluation) : undefined;
    }
  }

  private select(id: string): void {
    this.dispatchEvent(
      new CustomEvent<TreeSelectDetail>('warrant-select', { detail: { id }, bubbles: true, composed: true }),
    );
  }

  private toggle(key: ListKey): void {
    const next = new Set(this.opened);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.opened = next;
  }

  private entry(id: string) {
    const node = this.tree!.byId.get(id)!;
    const kind = kindOf(this.tree!, node);
    return html`<button class="entry" data-id=${id} @click=${() => this.select(id)}>
      <span class="badge k-${kind}"
        ><span class="icon" aria-hidden="true">${KIND_ICONS[kind]}</span>${kindLabel(kind)}</span
      >
      ${truncate(markdownToPlainText(node.text), TEXT_MAX)}
    </button>`;
  }

  /** One collapsible list; `empty` is what an empty list says, and whether that deserves praise. */
  private renderList(
    key: ListKey,
    title: string,
    ids: readonly string[],
    note: TemplateResult | typeof nothing,
    empty: { text: string; praise: boolean },
  ) {
    const open = this.opened.has(key);
    const shown = open ? ids : ids.slice(0, GAP_LIST_LIMIT);
    const listId = `list-${key}`;
    return html`<section class=${key} aria-labelledby="h-${key}">
      <h3 id="h-${key}">${title} (<span class="count num">${ids.length}</span>)</h3>
      ${note}
      ${
        ids.length === 0
          ? html`<p class="empty ${empty.praise ? 'well-done' : ''}">${empty.text}</p>`
          : html`<ul id=${listId}>
                ${repeat(
                  shown,
                  (id) => id,
                  (id) => html`<li>${this.entry(id)}</li>`,
                )}
              </ul>
              ${
                ids.length > GAP_LIST_LIMIT
                  ? html`<button
                      class="more"
                      aria-expanded=${open ? 'true' : 'false'}
                      aria-controls=${listId}
                      @click=${() => this.toggle(key)}
                    >
                      ${open ? `Show the first ${GAP_LIST_LIMIT} only` : `Show all ${ids.length}`}
                    </button>`
                  : nothing
              }`
      }
    </section>`;
  }

  override render() {
    const { gaps } = this;
    if (!gaps) return html`<p class="note">Open a map to see its evidence gaps.</p>`;
    const perspective = this.perspectiveLabel || gaps.perspective.rater || 'everyone';
    const { weakestLink, costliest, checked } = gaps;
    return html`
      <h2>Evidence gaps</h2>
      ${this.renderList(
        'unsourced',
        'Claims and premises with no source',
        gaps.unsourced,
        checked.claimsAndPremises
          ? html`<p class="note">${gaps.unsourced.length} of ${checked.claimsAndPremises} cite no source.</p>`
          : nothing,
        { text: 'None: every claim and premise cites a source. Well done.', praise: true },
      )}
      ${this.renderList(
        'unrated',
        'Unrated',
        gaps.unrated,
        html`<p class="note perspective">
          Perspective: ${perspective}. ${gaps.unrated.length} of ${checked.nodes} nodes have no rating; they count as
          neutral (0.50).
        </p>`,
        { text: 'None: every node is rated. Well done.', praise: true },
      )}
      ${this.renderList(
        'unanswered',
        'Counterpoints nobody has answered',
        gaps.unanswered,
        nothing,
        checked.opposers
          ? { text: 'None: every counterpoint has an answer. Well done.', praise: true }
          : { text: 'None: there are no counterpoints yet.', praise: false },
      )}
      <section class="weakest" aria-labelledby="h-weakest">
        <h3 id="h-weakest">Weakest link</h3>
        ${
          weakestLink
            ? html`${this.entry(weakestLink.id)}
                <p class="note">
                  It stands at <span class="num">${weakestLink.sigma.toFixed(2)}</span>, the lowest of the claims
                  supporting the thesis.
                </p>`
            : html`<p class="empty">None: no claim supports the thesis yet.</p>`
        }
      </section>
      <section class="costliest" aria-labelledby="h-costliest">
        <h3 id="h-costliest">The counterpoint that costs the thesis most</h3>
        ${
          costliest
            ? html`${this.entry(costliest.id)}
                <p class="note">
                  Without it and everything under it, the thesis would stand at
                  <span class="num">${costliest.thesisWithout.toFixed(2)}</span> (now
                  <span class="num">${costliest.thesisNow.toFixed(2)}</span>): it costs the thesis
                  <span class="num">${costliest.cost < 0.005 ? 'less than 0.01' : costliest.cost.toFixed(2)}</span>.
                </p>`
            : html`<p class="empty ${checked.opposers ? 'well-done' : ''}">
                ${
                  checked.opposers
                    ? 'None: no counterpoint lowers the thesis. Well done.'
                    : 'None: there are no counterpoints yet.'
                }
              </p>`
        }
      </section>
    `;
  }
}

/** At most `max` characters, cut at a word boundary when one is near. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // No dangling comma or dash before the ellipsis.
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '') + '…';
}
