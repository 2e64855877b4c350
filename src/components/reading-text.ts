/**
 * The reading pane's text: a block of the document rendered with its highlights and emphasis, and
 * the word and offset arithmetic that turns a mouse or keyboard selection into offsets within one
 * block (and back). Kept apart from the element so the pane holds only its state and events.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { plainLine } from '../model/text.js';
import type { Tree } from '../model/tree.js';
import { KIND_LABELS, type ArgNode, type TextBlock } from '../model/types.js';
import type { BlockMark } from '../state/reading.js';

const isWord = (ch: string | undefined): boolean => ch !== undefined && !/\s/.test(ch);

/** Offset of the end of the next word after `i`. */
export function nextWordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isWord(text[j])) j++;
  while (j < text.length && isWord(text[j])) j++;
  return j;
}

/** Offset of the start of the word before `i`. */
export function prevWordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !isWord(text[j - 1])) j--;
  while (j > 0 && isWord(text[j - 1])) j--;
  return j;
}

/** The character offset, within the text element `t`, of a DOM position inside it. */
export function offsetIn(t: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(t, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The DOM position of character `offset` of the text element `t` (its highlights split the text). */
export function positionAt(t: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.data.length) return [n, left];
    left -= n.data.length;
    last = n;
  }
  return last ? [last, last.data.length] : [t, 0];
}

/** What a block needs to render besides its own text. */
export interface BlockContext {
  tree?: Tree<ArgNode>;
  caret: boolean;
  onMarkKey: (e: KeyboardEvent) => void;
}

/** One block of the document: a heading, or a numbered paragraph with its highlights. */
export function renderBlock(
  b: TextBlock,
  i: number,
  marks: BlockMark[] | undefined,
  ctx: BlockContext,
): TemplateResult {
  if (b.kind === 'heading')
    return html`<p class="block heading" data-b=${i} role="heading" aria-level="3">
      <span class="t">${b.text}</span>
    </p>`;
  const unmapped = b.n !== undefined && !marks?.length;
  return html`<p class="block ${unmapped ? 'unmapped' : ''} ${ctx.caret ? 'caret' : ''}" data-b=${i}>
    ${
      b.n !== undefined
        ? html`<span class="pn" aria-hidden="true">¶${b.n}</span
            ><span class="sr-only">Paragraph ${b.n}${unmapped ? ', not quoted by any node' : ''}: </span>`
        : nothing
    }<span class="t" @keydown=${ctx.onMarkKey}>${segments(b, marks ?? [], ctx.tree)}</span>
  </p>`;
}

/** The block's text cut where highlights and emphasis begin and end. */
function segments(b: TextBlock, marks: BlockMark[], tree: Tree<ArgNode> | undefined): unknown[] {
  const text = b.text;
  const em = b.em ?? [];
  if (!marks.length && !em.length) return [text];
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  for (const [s, e] of em) cuts.add(s).add(e);
  const points = [...cuts].sort((x, y) => x - y);
  const out: unknown[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!;
    const e = points[k + 1]!;
    const piece = text.slice(s, e);
    const emphasised = em.some(([a, z]) => a <= s && e <= z);
    const inner = emphasised ? html`<em>${piece}</em>` : piece;
    // The innermost (last-starting, shortest) highlight covering this piece is the one shown.
    let top: BlockMark | undefined;
    for (const m of marks) if (m.start <= s && e <= m.end && (!top || m.end - m.start <= top.end - top.start)) top = m;
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
