/**
 * <warrant-node-detail>: everything about the selected node: its kind and relation, its text
 * rendered from Markdown (sanitised), its essay quote with ¶ number, notes, sources, ratings.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { kindOf, type Tree } from '../model/tree.js';
import type { ArgNode, Citation, Rating, Source } from '../model/types.js';
import type { MenuItem } from '../state/command-runner.js';
import { KIND_ICONS, kindLabel, kindStyles } from './kind-style.js';
import { markdown, MarkdownController, markdownToPlainText } from './markdown.js';
import type { SaveState } from '../state/edit-session.js';
import { baseStyles, proseStyles } from './shared-styles.js';
import './node-editor.js';
import './rating.js';
// <warrant-citations> loads once the page is idle after the map's first paint (map-parts.ts).
import type { MapEditor } from '../state/editor.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-node-detail': WarrantNodeDetail;
  }
}

@customElement('warrant-node-detail')
export class WarrantNodeDetail extends LitElement {
  static override styles = [
    baseStyles,
    proseStyles,
    kindStyles,
    css`
      :host {
        display: block;
        padding: 16px 20px 24px;
        overflow-y: auto;
        min-height: 0;
      }
      h2 {
        font-size: 13px;
        font-weight: 600;
        margin: 0 0 10px;
        color: var(--muted);
        display: flex;
        align-items: center;
        gap: 8px;
        flex-wrap: wrap;
      }
      h2 .badge {
        font-size: 13px;
      }
      h3 {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--muted);
        margin: 20px 0 6px;
      }
      .text {
        font-size: 17px;
        margin: 0 0 12px;
      }
      figure {
        margin: 12px 0;
        padding: 10px 14px;
        background: var(--quote-bg);
        border-left: 4px solid var(--thesis-ink);
        border-radius: 0 6px 6px 0;
      }
      figure blockquote {
        margin: 0;
        font-family: var(--serif);
        font-size: 15.5px;
        line-height: 1.5;
      }
      figcaption {
        margin-top: 6px;
        font-size: 13px;
        color: var(--muted);
      }
      .context {
        font-size: 14px;
        color: var(--muted);
        margin: 0 0 12px;
      }
      .context button {
        font-size: 14px;
        padding: 0;
        min-height: 0;
        border: none;
        background: none;
        color: var(--link);
        text-decoration: underline;
        text-align: left;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 4px 0 8px;
      }
      .actions button {
        font-size: 13px;
        padding: 4px 10px;
        min-height: 30px;
      }
      .actions button:disabled {
        opacity: 0.55;
        cursor: default;
      }
      .origin {
        font-size: 13px;
        color: var(--muted);
        font-weight: 400;
      }
    `,
  ];

  @property({ attribute: false }) tree?: Tree<ArgNode>;
  @property({ attribute: false }) node?: ArgNode;
  /** Every source of the map, and every citation (for reuse and counts). */
  @property({ attribute: false }) allSources: readonly Source[] = [];
  @property({ attribute: false }) allCitations: readonly Citation[] = [];
  /** The map's editor (citations and sources are edited through it). */
  @property({ attribute: false }) editor?: MapEditor;
  @property({ attribute: false }) citations: readonly Citation[] = [];
  @property({ attribute: false }) ratings: readonly Rating[] = [];
  /** Buttons for the commands that act on this node. */
  @property({ attribute: false }) actions: readonly MenuItem[] = [];
  /** Which field is being edited, if any. */
  @property({ attribute: false }) editing?: 'text' | 'notes';
  /** Whether the node is new and not yet saved. */
  @property({ type: Boolean }) isNew = false;
  @property({ attribute: false }) saveState: SaveState = 'saved';
  @property({ attribute: false }) problem = '';
  /** Who rates now. */
  @property() rater = 'me';
  /** The rater whose perspective the map is viewed in (undefined: everyone). */
  @property({ attribute: false }) perspective?: string;

  // Text and notes show as plain text until the Markdown renderer has loaded, then rendered.
  private readonly markdownReady = new MarkdownController(this);

  /** Moves focus to the panel's heading (after Enter on a tree row). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Moves focus into the open editor. */
  async focusEditor(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('warrant-node-editor')?.focus();
  }

  private runAction(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-menu-run', { detail: { id }, bubbles: true, composed: true }));
  }

  private renderEditor(field: 'text' | 'notes', kind: string) {
    const value = field === 'text' ? this.node!.text : (this.node!.notes ?? '');
    return html`<warrant-node-editor
      .label=${field === 'text' ? `${this.isNew ? 'New ' + kind.toLowerCase() : kind} text` : 'Notes'}
      .value=${value}
      ?allow-empty=${field === 'notes'}
      .saveState=${this.saveState}
      .problem=${this.problem}
    ></warrant-node-editor>`;
  }

  private selectNode(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id }, bubbles: true, composed: true }));
  }

  override render() {
    const { node, tree } = this;
    if (!node || !tree) return html`<p class="muted">Select a node in the tree to see it here.</p>`;
    const kind = kindOf(tree, node);
    const parent = node.parentId ? tree.byId.get(node.parentId) : undefined;
    return html`
      <h2 tabindex="-1">
        <span class="badge k-${kind}"
          ><span class="icon" aria-hidden="true">${KIND_ICONS[kind]}</span>${kindLabel(kind)}</span
        >
        <span class="origin"
          >${
            node.origin === 'essay'
              ? `From the essay${node.edited ? ' (reworded)' : ''}${node.author ? ` · by ${node.author}` : ''}`
              : `Added by ${node.author ?? 'the class'}${node.edited ? ' (reworded)' : ''}`
          }</span
        >
      </h2>
      ${
        parent
          ? html`<p class="context">
              ${node.relation === 'supports' ? 'Supports' : node.relation === 'opposes' ? 'Opposes' : 'An option under'}:
              <button @click=${() => this.selectNode(parent.id)}>
                ${truncate(markdownToPlainText(parent.text), 110)}
              </button>
            </p>`
          : nothing
      }
      ${
        this.editing === 'text'
          ? this.renderEditor('text', kindLabel(kind))
          : html`<div class="text prose">${markdown(node.text)}</div>`
      }
      ${
        this.actions.length && !this.editing
          ? html`<div class="actions" role="toolbar" aria-label="Actions on this node">
              ${this.actions.map(
                (a) =>
                  html`<button
                    ?disabled=${a.enabled !== true}
                    title=${a.enabled === true ? `${a.label} (${a.shortcut})` : a.enabled}
                    @click=${() => this.runAction(a.id)}
                  >
                    ${a.label}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${
        node.quote
          ? html`<figure>
              <blockquote>“${node.quote.text}”</blockquote>
              <figcaption>The essay, paragraph ${node.quote.paragraph} (¶${node.quote.paragraph})</figcaption>
            </figure>`
          : nothing
      }
      ${
        this.editing === 'notes'
          ? html`<h3>Notes</h3>
              ${this.renderEditor('notes', kindLabel(kind))}`
          : node.notes
            ? html`<h3>Notes</h3>
                <div class="prose">${markdown(node.notes)}</div>`
            : nothing
      }
      ${
        this.isNew
          ? nothing
          : html`<warrant-citations
              .editor=${this.editor}
              .node=${node}
              .citations=${this.citations}
              .sources=${this.allSources}
              .allCitations=${this.allCitations}
              .nodeKind=${kindLabel(kind)}
            ></warrant-citations>`
      }
      <slot name="explanation"></slot>
      <h3>Evidence</h3>
      ${
        this.isNew
          ? html`<p class="muted">Save the text first, then rate it.</p>`
          : html`<warrant-rating
              .nodeId=${this.node?.id}
              .ratings=${this.ratings}
              .rater=${this.rater}
              .perspective=${this.perspective}
              ?relevance=${kind !== 'thesis'}
            ></warrant-rating>`
      }
    `;
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
