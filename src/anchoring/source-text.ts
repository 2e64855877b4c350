/**
 * A source document (the essay a map reconstructs) as numbered blocks, the way the map's ¶ numbers
 * count them. Pure: parsing text and Markdown happens here; HTML is reduced to the same blocks by
 * the reader in state/ (it needs a DOM parser) before it reaches this module.
 *
 * Numbering: when the document carries its own paragraph marks (`[¶12]` or `¶12` at the start of a
 * paragraph, as the class essay does), those numbers are the paragraph numbers and unmarked blocks
 * (title, byline, notes) stay unnumbered. Otherwise every paragraph that is not a heading is
 * numbered 1, 2, 3 ... in order, which is how a reader counts the body of an essay.
 */

import type { SourceText, TextBlock } from '../model/types.js';

export type { SourceText, TextBlock };

/** Where the document came from, shown in messages. */
export type TextFormat = 'txt' | 'md';

const MARK = /^\s*\[?¶\s*(\d+)\]?\s*/;

/** Strips Markdown emphasis and links from one paragraph, returning the plain text and the emphasis. */
function plainMarkdown(src: string): { text: string; em: [number, number][] } {
  // Links keep their text; images keep their alt text; inline code its content.
  const s = src
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<[^>]+>/g, '');
  const em: [number, number][] = [];
  let out = '';
  const re = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])/g;
  let last = 0;
  for (const m of s.matchAll(re)) {
    const inner = m[2] ?? m[4] ?? '';
    out += s.slice(last, m.index);
    em.push([out.length, out.length + inner.length]);
    out += inner;
    last = m.index + m[0].length;
  }
  out += s.slice(last);
  return { text: out.replace(/\\([\\`*_[\]#+\-.!])/g, '$1'), em };
}

/** Numbers paragraphs: by their own marks when any block has one, else in order. */
export function numberBlocks(
  blocks: { kind: TextBlock['kind']; text: string; em?: [number, number][] }[],
): TextBlock[] {
  const marked = blocks.some((b) => b.kind === 'paragraph' && MARK.test(b.text));
  let next = 1;
  return blocks.map((b) => {
    if (b.kind === 'heading') return { kind: 'heading', text: b.text, ...(b.em?.length ? { em: b.em } : {}) };
    const m = marked ? MARK.exec(b.text) : null;
    if (marked && !m) return { kind: 'paragraph', text: b.text, ...(b.em?.length ? { em: b.em } : {}) };
    const cut = m ? m[0].length : 0;
    const text = b.text.slice(cut);
    const em = (b.em ?? [])
      .map(([s, e]): [number, number] => [Math.max(0, s - cut), Math.max(0, e - cut)])
      .filter(([s, e]) => e > s);
    const n = m ? Number(m[1]) : next++;
    return { kind: 'paragraph', text, n, ...(em.length ? { em } : {}) };
  });
}

/**
 * Splits plain text or Markdown into numbered blocks. Paragraphs are separated by blank lines; a
 * text with no blank line at all is read one paragraph per line (as many editors save them).
 */
export function parseText(source: string, format: TextFormat, fallbackTitle = 'Document'): SourceText {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const hasBlank = /\n[ \t]*\n/.test(text);
  const chunks = (hasBlank ? text.split(/\n[ \t]*\n+/) : text.split('\n')).map((c) => c.trim()).filter(Boolean);
  const raw: { kind: TextBlock['kind']; text: string; em?: [number, number][] }[] = [];
  for (const chunk of chunks) {
    if (format === 'md') {
      const h = /^(#{1,6})\s+(.*)$/s.exec(chunk);
      if (h) {
        raw.push({ kind: 'heading', ...plainMarkdown(h[2]!.replace(/\s+/g, ' ').trim()) });
        continue;
      }
      // Markdown hard breaks (two trailing spaces) and soft breaks both read as one space.
      const joined = chunk
        .split('\n')
        .map((l) => l.trim().replace(/^>\s?/, ''))
        .join(' ');
      raw.push({ kind: 'paragraph', ...plainMarkdown(joined) });
    } else {
      raw.push({ kind: 'paragraph', text: chunk.replace(/\s+/g, ' ') });
    }
  }
  const blocks = numberBlocks(raw);
  const heading = blocks.find((b) => b.kind === 'heading');
  return { title: heading?.text ?? fallbackTitle, blocks };
}

/** Numbered paragraphs in document order. */
export function paragraphNumbers(doc: SourceText): number[] {
  return doc.blocks.flatMap((b) => (b.n === undefined ? [] : [b.n]));
}

/** The document as one string (blocks joined by a blank line) and where each block starts in it. */
export interface Joined {
  text: string;
  starts: number[];
}

/** Joins the blocks for searching; offsets into the result map back to blocks with `blockAt`. */
export function joinBlocks(doc: SourceText): Joined {
  const starts: number[] = [];
  let at = 0;
  for (const b of doc.blocks) {
    starts.push(at);
    at += b.text.length + 2;
  }
  return { text: doc.blocks.map((b) => b.text).join('\n\n'), starts };
}

/** Index of the block holding joined offset `offset` (the separator after a block counts as that block). */
export function blockAt(joined: Joined, offset: number): number {
  let lo = 0;
  let hi = joined.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (joined.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
