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
import { KIND_LABELS, Relation, type ArgNode, type Quote, type TextBlock } from '../model/types.js';
import { servicesContext, type AppServices } from '../state/app-context.js';
import { readDocumentFile, readPastedDocument } from '../state/read-document.js';
import { ReadingController, type BlockMark } from '../state/reading.js';
import { readingPaneStyles } from './reading-pane.styles.js';
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
  }
}

/** A passage picked in one block: block index and offsets in its text. */
interface Pick {
  block: number;
  start: number;
  end: number;
}

const isWord = (ch: string | undefined): boolean => ch !== undefined && !/\s/.test(ch);

/** Offset of the end of the next word after `i`. */
function nextWordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isWord(text[j])) j++;
  while (j < text.length && isWord(text[j])) j++;
  return j;
}

/** Offset of the start of the word before `i`. */
function prevWordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !isWord(text[j - 1])) j--;
  while (j > 0 && isWord(text[j - 1])) j--;
  return j;
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

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.reading.sync(this.services?.db, this.mapId, this.tree, this.nodes);
  }

  protected override updated(changed: PropertyValues<this>): void {
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
    try {
      const anchoring = await this.reading.load(read.doc, read.fileName, now());
      const total = (anchoring?.anchors.size ?? 0) + (anchoring?.orphans.length ?? 0);
      const orphans = anchoring?.orphans.length ?? 0;
      this.loadOpen = false;
      this.loadError = '';
      this.loadMessage = `Loaded “${read.doc.title}”: ${anchoring?.anchors.size ?? 0} of ${total} quotes found${
        orphans ? `; ${orphans} could not be placed (listed below)` : ''
      }.`;
    } catch (e) {
      this.loadError = `The document could not be stored: ${String(e)}. Nothing was changed.`;
    }
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

  private offsetIn(t: HTMLElement, node: Node, offset: number): number {
    const r = document.createRange();
    r.setStart(t, 0);
    r.setEnd(node, offset);
    return r.toString().length;
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
      this.offsetIn(t1, range.startContainer, range.startOffset),
      this.offsetIn(t1, range.endContainer, range.endOffset),
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
    const at = (offset: number): [Node, number] => {
      const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
      let left = offset;
      let last: Text | null = null;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (left <= n.data.length) return [n, left];
        left -= n.data.length;
        last = n;
      }
      return last ? [last, last.data.length] : [t, 0];
    };
    const [n1, o1] = at(p.start);
    const [n2, o2] = at(p.end);
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
          guard([b, reading.marks.get(i), i === this.caret], () => this.renderBlock(b, i, reading.marks.get(i))),
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

  private renderBlock(b: TextBlock, i: number, marks: BlockMark[] | undefined): TemplateResult {
    if (b.kind === 'heading')
      return html`<p class="block heading" data-b=${i} role="heading" aria-level="3">
        <span class="t">${b.text}</span>
      </p>`;
    const unmapped = b.n !== undefined && !marks?.length;
    return html`<p class="block ${unmapped ? 'unmapped' : ''} ${i === this.caret ? 'caret' : ''}" data-b=${i}>
      ${
        b.n !== undefined
          ? html`<span class="pn" aria-hidden="true">¶${b.n}</span
              ><span class="sr-only">Paragraph ${b.n}${unmapped ? ', not quoted by any node' : ''}: </span>`
          : nothing
      }<span class="t" @keydown=${this.onMarkKey}>${this.segments(b, marks ?? [])}</span>
    </p>`;
  }

  /** The block's text cut where highlights and emphasis begin and end. */
  private segments(b: TextBlock, marks: BlockMark[]): unknown[] {
    const text = b.text;
    const em = b.em ?? [];
    if (!marks.length && !em.length) return [text];
    const cuts = new Set<number>([0, text.length]);
    for (const m of marks) cuts.add(m.start).add(m.end);
    for (const [s, e] of em) cuts.add(s).add(e);
    const points = [...cuts].sort((x, y) => x - y);
    const out: unknown[] = [];
    const tree = this.tree;
    for (let k = 0; k + 1 < points.length; k++) {
      const s = points[k]!;
      const e = points[k + 1]!;
      const piece = text.slice(s, e);
      const emphasised = em.some(([a, z]) => a <= s && e <= z);
      const inner = emphasised ? html`<em>${piece}</em>` : piece;
      // The innermost (last-starting, shortest) highlight covering this piece is the one shown.
      let top: BlockMark | undefined;
      for (const m of marks)
        if (m.start <= s && e <= m.end && (!top || m.end - m.start <= top.end - top.start)) top = m;
      if (!top) {
        out.push(inner);
        continue;
      }
      const first = top.start === s;
      const node = tree?.byId.get(top.id);
      out.push(
        first
          ? html`<mark
              class="k-${top.kind}"
              data-id=${top.id}
              tabindex="0"
              role="button"
              aria-label="${KIND_LABELS[top.kind]}: ${plainLine(node?.text ?? '', 80)}. Quoted: ${piece}"
              >${inner}</mark
            >`
          : html`<mark class="k-${top.kind}" data-id=${top.id}>${inner}</mark>`,
      );
    }
    return out;
  }
}
