/**
 * <warrant-reading-pane>: the essay beside the map. Every quoted passage is highlighted (kind by
 * underline style as well as colour); a highlight selects its node; selecting a node scrolls the
 * text to its passage. A passage selected by mouse, or by keyboard in the reading mode (arrows
 * between paragraphs, Shift+arrows to select words), becomes a new node with its verbatim quote.
 * Unquoted paragraphs are marked and counted; orphaned quotes are listed with a fix for each.
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ORPHAN_WORDS, coverageLine, type QuoteSelector } from '../anchoring/anchor.js';
import { now } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import { plainLine } from '../model/text.js';
import type { Tree } from '../model/tree.js';
import { Relation, type ArgNode, type Quote } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { readDocumentFile, readPastedDocument } from '../state/read-document.js';
import { ReadingController } from '../state/reading.js';
import { readingPaneStyles } from './reading-pane.styles.js';
import { nextWordEnd, offsetIn, positionAt, prevWordStart, renderBlock } from './reading-text.js';
import { baseStyles } from './shared-styles.js';

/** A new node asked for from a passage of the text. */
export interface QuoteNewDetail {
  parentId: string;
  relation: Relation;
  quote: Quote;
  selector: QuoteSelector;
}

/** A node's quote set again (re-selected passage) or dropped (undefined). */
export interface QuoteSetDetail {
  id: string;
  quote?: Quote;
  selector?: QuoteSelector;
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-reading-pane': WarrantReadingPane;
  }
  interface HTMLElementEventMap {
    'warrant-quote-new': CustomEvent<QuoteNewDetail>;
    'warrant-quote-set': CustomEvent<QuoteSetDetail>;
    'warrant-document-change': CustomEvent<{ has: boolean }>;
  }
}

/** A passage picked in one block: block index and offsets in its text. */
interface Pick {
  block: number;
  start: number;
  end: number;
}

@customElement('warrant-reading-pane')
export class WarrantReadingPane extends LitElement {
  static override styles = [baseStyles, readingPaneStyles];

  @consume({ context: servicesContext, subscribe: true })
  @property({ attribute: false })
  services?: AppServices;

  @property({ attribute: false }) mapId = '';
  @property({ attribute: false }) tree?: Tree<ArgNode>;
  @property({ attribute: false }) nodes?: readonly ArgNode[];
  @property({ attribute: false }) selectedId?: string;

  @state() private pick?: Pick;
  @state() private caret?: number;
  @state() private loadOpen = false;
  @state() private loadMessage = '';
  @state() private loadError = '';
  /** The orphan whose passage is being re-selected. */
  @state() private fixing?: string;

  @query('.doc') private docEl?: HTMLElement;

  readonly reading = new ReadingController(this);
  private keyAnchor?: number;
  /** Whether the map view was last told the map has a document. */
  private told?: boolean;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.reading.sync(this.services?.db, this.mapId, this.tree, this.nodes);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Loaded, replaced, removed, or brought back by Undo: the map view's header follows.
    const r = this.reading;
    const has = r.loading || r.error ? undefined : r.reading !== undefined;
    if (has !== undefined && has !== this.told) {
      this.told = has;
      this.dispatchEvent(
        new CustomEvent('warrant-document-change', { detail: { has }, bubbles: true, composed: true }),
      );
    }
    if (changed.has('selectedId') || changed.has('tree')) this.markSelected(changed.has('selectedId'));
  }

  /** Marks the selected node's passage and, when the selection changed, scrolls to it. */
  private markSelected(scroll: boolean): void {
    const root = this.renderRoot;
    for (const m of root.querySelectorAll('mark.sel')) m.classList.remove('sel');
    const id = this.selectedId;
    if (!id) return;
    const marks = [...root.querySelectorAll<HTMLElement>('mark')].filter((m) => m.dataset.id === id);
    for (const m of marks) m.classList.add('sel');
    if (scroll && marks[0] && this.docEl && this.docEl.offsetParent !== null) {
      // A frame later: a selection also re-renders the rest of the map view (details), which can
      // resize this pane after this update; centring before that left the passage half off screen.
      const mark = marks[0];
      requestAnimationFrame(() => {
        if (mark.isConnected) mark.scrollIntoView({ block: 'center' });
      });
    }
  }

  /** Scrolls to paragraph `n` (tests and the bench). */
  scrollToParagraph(n: number): void {
    const b = this.reading.reading?.index.blockOf(n);
    if (b !== undefined) this.renderRoot.querySelector(`[data-b="${b}"]`)?.scrollIntoView({ block: 'start' });
  }

  // ---- loading ----

  /** Opens the load form (the "Load the essay" entry points call this). */
  openLoad(): void {
    this.loadOpen = true;
    this.loadError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.load textarea')?.focus());
  }

  private async finishLoad(read: Awaited<ReturnType<typeof readDocumentFile>>): Promise<void> {
    if (!read.ok) {
      this.loadError = read.message;
      return;
    }
    const replacing = this.reading.reading !== undefined;
    try {
      const anchoring = await this.reading.load(read.doc, read.fileName, now());
      const total = (anchoring?.anchors.size ?? 0) + (anchoring?.orphans.length ?? 0);
      const orphans = anchoring?.orphans.length ?? 0;
      this.loadOpen = false;
      this.loadError = '';
      this.loadMessage = `Loaded “${read.doc.title}”: ${anchoring?.anchors.size ?? 0} of ${total} quotes found${
        orphans ? `; ${orphans} could not be placed (listed below)` : ''
      }.`;
      if (replacing) this.say(`The essay was replaced by “${read.doc.title}”.`, true);
    } catch (e) {
      this.loadError = `The document could not be stored: ${String(e)}. Nothing was changed.`;
    }
  }

  /** Removes the essay from this map (its quotes stay on the nodes); Undo brings it back. */
  private onRemove = async (): Promise<void> => {
    const title = this.reading.reading?.row.title ?? 'The essay';
    try {
      if (!(await this.reading.remove())) return;
      this.pick = undefined;
      this.fixing = undefined;
      this.loadMessage = '';
      this.say(`“${title}” was removed from this map. The nodes keep their quotes.`, true);
    } catch (e) {
      this.say(`The essay could not be removed: ${String(e)}`, false, true);
    }
  };

  /** A message in the map view's notice line (with Undo when the step can be undone). */
  private say(text: string, undo = false, error = false): void {
    const detail = { text, error, ...(undo && { undo }) };
    this.dispatchEvent(new CustomEvent('warrant-announce', { detail, bubbles: true, composed: true }));
  }

  private onFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.finishLoad(await readDocumentFile(file));
    input.value = '';
  };

  private onPasteLoad = async (): Promise<void> => {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('.load textarea');
    await this.finishLoad(readPastedDocument(area?.value ?? ''));
  };

  // ---- highlights ----

  private select(id: string): void {
    this.dispatchEvent(new CustomEvent('warrant-select', { detail: { id }, bubbles: true, composed: true }));
  }

  private onMarkClick = (e: MouseEvent): void => {
    const sel = this.shadowSelection();
    if (sel && !sel.isCollapsed) return; // a drag that selects text is a selection, not a click
    const id = (e.target as HTMLElement).closest('mark')?.dataset.id;
    if (id) this.select(id);
  };

  private onMarkKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as HTMLElement).closest('mark')?.dataset.id;
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    this.select(id);
  };

  // ---- selecting a passage ----

  private shadowSelection(): Selection | null {
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    return root.getSelection?.() ?? document.getSelection();
  }

  private textOf(block: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-b="${block}"] .t`);
  }

  /** Reads a mouse selection into a pick (one paragraph at a time). */
  private onMouseUp = (): void => {
    const sel = this.shadowSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    const el = (n: Node): Element | null => (n instanceof Element ? n : n.parentElement);
    const t1 = el(range.startContainer)?.closest<HTMLElement>('.t');
    const t2 = el(range.endContainer)?.closest<HTMLElement>('.t');
    if (!t1 || !t2) return;
    const block = Number(t1.parentElement!.dataset.b);
    if (t1 !== t2) {
      this.pick = undefined;
      this.loadMessage = 'Select a passage within one paragraph: a quote stands in one ¶.';
      return;
    }
    this.setPick(
      block,
      offsetIn(t1, range.startContainer, range.startOffset),
      offsetIn(t1, range.endContainer, range.endOffset),
    );
    this.caret = block;
  };

  private setPick(block: number, a: number, b: number): void {
    const text = this.reading.reading?.row.blocks[block]?.text ?? '';
    let start = Math.min(a, b);
    let end = Math.max(a, b);
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    this.pick = end > start ? { block, start, end } : undefined;
    this.loadMessage = '';
  }

  /** Shows a keyboard pick as the document's selection, so it looks like a mouse one. */
  private showPick(): void {
    const p = this.pick;
    const sel = document.getSelection();
    if (!p || !sel) return;
    const t = this.textOf(p.block);
    if (!t) return;
    const [n1, o1] = positionAt(t, p.start);
    const [n2, o2] = positionAt(t, p.end);
    sel.setBaseAndExtent(n1, o1, n2, o2);
  }

  private onDocKey = (e: KeyboardEvent): void => {
    const reading = this.reading.reading;
    if (!reading || e.target !== this.docEl) return;
    const blocks = reading.row.blocks;
    const caret = this.caret ?? 0;
    const text = blocks[caret]?.text ?? '';
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.shiftKey) {
      e.preventDefault();
      const next = Math.max(0, Math.min(blocks.length - 1, caret + (e.key === 'ArrowDown' ? 1 : -1)));
      this.caret = next;
      this.pick = undefined;
      this.keyAnchor = undefined;
      document.getSelection()?.removeAllRanges();
      this.renderRoot.querySelector(`[data-b="${next}"]`)?.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      const p = this.pick && this.pick.block === caret ? this.pick : undefined;
      const anchor = p ? (this.keyAnchor ?? p.start) : 0;
      const focusNow = p ? (anchor === p.start ? p.end : p.start) : 0;
      const focus = e.key === 'ArrowRight' ? nextWordEnd(text, focusNow) : prevWordStart(text, focusNow);
      this.keyAnchor = anchor;
      this.setPick(caret, anchor, focus);
      void this.updateComplete.then(() => this.showPick());
      return;
    }
    if (e.key === 'Enter' && this.pick) {
      e.preventDefault();
      this.renderRoot.querySelector<HTMLButtonElement>('.bar button:not([disabled])')?.focus();
      return;
    }
    if (e.key === 'Escape' && this.pick) {
      e.preventDefault();
      this.pick = undefined;
      document.getSelection()?.removeAllRanges();
    }
  };

  private onDocFocus = (): void => {
    if (this.caret !== undefined) return;
    const reading = this.reading.reading;
    if (!reading) return;
    const sel = this.selectedId ? reading.anchoring.anchors.get(this.selectedId) : undefined;
    this.caret = sel?.block ?? reading.row.blocks.findIndex((b) => b.n !== undefined);
  };

  /** The picked passage as a quote, or why it cannot be one. */
  private pickedQuote(): { quote?: Quote; selector?: QuoteSelector; problem?: string } {
    const reading = this.reading.reading;
    const p = this.pick;
    if (!reading || !p) return {};
    const block = reading.row.blocks[p.block]!;
    if (block.n === undefined)
      return { problem: 'This block has no ¶ number (a title or heading): select text in a numbered paragraph.' };
    const text = block.text.slice(p.start, p.end);
    if (text.length > LIMITS.quote)
      return {
        problem: `This passage is ${text.length.toLocaleString('en')} characters; a quote holds at most ${LIMITS.quote.toLocaleString('en')}. Select a shorter passage.`,
      };
    const at = reading.index.joined.starts[p.block]!;
    return { quote: { text, paragraph: block.n }, selector: reading.index.describe(at + p.start, at + p.end) };
  }

  private create(parentId: string, relation: Relation): void {
    const { quote, selector } = this.pickedQuote();
    if (!quote || !selector) return;
    this.dispatchEvent(
      new CustomEvent('warrant-quote-new', {
        detail: { parentId, relation, quote, selector },
        bubbles: true,
        composed: true,
      }),
    );
    this.pick = undefined;
    document.getSelection()?.removeAllRanges();
  }

  private setQuote(id: string, quote?: Quote, selector?: QuoteSelector): void {
    this.dispatchEvent(
      new CustomEvent('warrant-quote-set', {
        detail: { id, ...(quote ? { quote } : {}), ...(selector ? { selector } : {}) },
        bubbles: true,
        composed: true,
      }),
    );
    this.fixing = undefined;
    this.pick = undefined;
  }

  // ---- rendering ----

  override render() {
    const r = this.reading;
    if (r.error) return html`<p class="load error" role="alert">${r.error}</p>`;
    if (r.loading && !r.reading) return html`<p class="load muted" role="status">Opening the document…</p>`;
    const reading = r.reading;
    if (!reading || this.loadOpen) return this.renderLoad(reading !== undefined);
    const c = reading.coverage;
    return html`
      <div class="head">
        <h2 id="essay-title">${reading.row.title}</h2>
        <span class="coverage" id="coverage">${coverageLine(c)}</span>
        <button @click=${() => this.openLoad()}>Replace…</button>
        <button @click=${this.onRemove} aria-label="Remove the essay from this map">Remove</button>
      </div>
      ${this.renderBar()} ${this.renderOrphans()}
      <div
        class="doc"
        tabindex="0"
        role="region"
        aria-labelledby="essay-title"
        aria-describedby="reading-help"
        @keydown=${this.onDocKey}
        @focus=${this.onDocFocus}
        @mouseup=${this.onMouseUp}
        @click=${this.onMarkClick}
      >
        <p id="reading-help" class="sr-only">
          Reading mode: Up and Down arrows move between paragraphs; Shift with Left or Right selects words; Enter maps
          the selected passage. Tab reaches each highlighted quote; Enter selects its node.
        </p>
        ${reading.row.blocks.map((b, i) =>
          guard([b, reading.marks.get(i), i === this.caret], () =>
            renderBlock(b, i, reading.marks.get(i), {
              tree: this.tree,
              caret: i === this.caret,
              onMarkKey: this.onMarkKey,
            }),
          ),
        )}
      </div>
    `;
  }

  private renderLoad(replacing: boolean): TemplateResult {
    return html`<div class="load">
      <h2>${replacing ? 'Replace the essay' : 'Load the essay'}</h2>
      <p class="muted">
        Open the essay as a .txt, .md or .html file, or paste its text. Paragraphs are numbered as the map’s ¶ numbers
        count them (the essay’s own [¶N] marks when it has them). Quotes are found again in a new version.
      </p>
      <label>Open a file <input type="file" accept=".txt,.md,.markdown,.html,.htm" @change=${this.onFile} /></label>
      <label for="paste">Or paste the text</label>
      <textarea id="paste"></textarea>
      <div>
        <button @click=${this.onPasteLoad}>Load pasted text</button>
        ${replacing ? html`<button @click=${() => (this.loadOpen = false)}>Cancel</button>` : nothing}
      </div>
      <p class="error" role="alert">${this.loadError}</p>
    </div>`;
  }

  private renderBar(): TemplateResult {
    const { quote, problem } = this.pickedQuote();
    const tree = this.tree;
    const selected = this.selectedId ? tree?.byId.get(this.selectedId) : undefined;
    const under = selected ? plainLine(selected.text, 40) : '';
    const fixing = this.fixing ? tree?.byId.get(this.fixing) : undefined;
    let body: TemplateResult | typeof nothing = nothing;
    if (problem) body = html`<span class="problem">${problem}</span>`;
    else if (quote && tree && fixing)
      body = html`<span>“${plainLine(quote.text, 60)}” (¶${quote.paragraph}):</span>
        <button @click=${() => this.setQuote(fixing.id, quote, this.pickedQuote().selector)}>
          Use as the quote of “${plainLine(fixing.text, 40)}”
        </button>`;
    else if (quote && tree)
      body = html`<span>“${plainLine(quote.text, 60)}” (¶${quote.paragraph}) becomes:</span>
        <button @click=${() => this.create(tree.root.id, Relation.supports)}>A claim under the thesis</button>
        ${
          selected && selected.id !== tree.root.id
            ? html`<button @click=${() => this.create(selected.id, Relation.supports)}>
                A premise under “${under}”
              </button>`
            : nothing
        }
        ${
          selected
            ? html`<button @click=${() => this.create(selected.id, Relation.opposes)}>
                A counterpoint to “${under}”
              </button>`
            : nothing
        }`;
    else if (fixing)
      body = html`<span>Select the passage that “${plainLine(fixing.text, 40)}” quotes.</span>
        <button @click=${() => (this.fixing = undefined)}>Cancel</button>`;
    else if (this.loadMessage) body = html`<span>${this.loadMessage}</span>`;
    return html`<div class="bar" role="status" aria-live="polite">${body}</div>`;
  }

  private renderOrphans(): TemplateResult | typeof nothing {
    const reading = this.reading.reading;
    const orphans = reading?.anchoring.orphans ?? [];
    if (!orphans.length || !this.tree) return nothing;
    return html`<section class="orphans" aria-labelledby="orphans-h">
      <strong id="orphans-h">${orphans.length} quote${orphans.length === 1 ? '' : 's'} not found in this text</strong>
      <ul>
        ${orphans.map(({ id, reason }) => {
          const node = this.tree!.byId.get(id);
          if (!node) return nothing;
          return html`<li>
            “${plainLine(node.quote?.text ?? '', 50)}” (¶${node.quote?.paragraph}) in
            <a href="#" @click=${(e: Event) => (e.preventDefault(), this.select(id))}>${plainLine(node.text, 40)}</a>:
            ${ORPHAN_WORDS[reason]}
            <button @click=${() => (this.fixing = id)}>Re-select the passage</button>
            <button @click=${() => this.setQuote(id)}>Drop the quote</button>
          </li>`;
        })}
      </ul>
    </section>`;
  }
}
