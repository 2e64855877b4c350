/**
 * Anchoring quotes to a source document, in the manner of the W3C Web Annotation
 * TextQuoteSelector (exact text, with the text just before and after it) plus a position hint
 * (paragraph number and offset). A quote is found by exact match first (after folding, see
 * fold.ts); when the document has changed (typos fixed, a paragraph inserted), by approximate
 * matching with approx-string-match (Myers' bit-vector algorithm, the library Hypothesis uses for
 * the same job). A quote that matches nowhere well enough is an orphan, listed with its reason.
 */
import search from 'approx-string-match';
import { foldQuote, foldWithMap, type Folded } from './fold.js';
import { blockAt, joinBlocks, type Joined, type SourceText } from './source-text.js';

/** How a quote is found again: its text, its context and where it stood. */
export interface QuoteSelector {
  exact: string;
  /** Up to CONTEXT characters just before the quote in the document it was taken from. */
  prefix?: string;
  /** Up to CONTEXT characters just after the quote. */
  suffix?: string;
  /** The paragraph number (¶) the quote stood in. */
  paragraph?: number;
  /** Offset of the quote within that paragraph's text. */
  offset?: number;
}

/** Where an anchored quote stands: offsets into the document's joined text (see joinBlocks). */
export interface Anchor {
  start: number;
  end: number;
  /** Index of the block the quote starts in. */
  block: number;
  /** That block's paragraph number, when it has one. */
  paragraph?: number;
  /** Edit distance between the quote and the passage (0: verbatim). */
  errors: number;
}

/** Why a quote could not be anchored. */
export const OrphanReason = {
  empty: 'empty',
  notFound: 'not-found',
} as const;
export type OrphanReason = (typeof OrphanReason)[keyof typeof OrphanReason];

/** Words for each reason, as the reading pane lists them. */
export const ORPHAN_WORDS: Readonly<Record<OrphanReason, string>> = {
  empty: 'The quote is empty.',
  'not-found': 'No passage of the document is close enough to this quote (it may have been removed or rewritten).',
};

/** Characters of context kept on each side of a quote. */
const CONTEXT = 32;

/**
 * Share of a quote's length that may differ from the passage (insertions, deletions,
 * substitutions). A fixed typo or two stays well inside it; an unrelated sentence of the same
 * length is far outside it.
 */
const MAX_ERROR_SHARE = 0.2;

/** Paragraphs on each side of the hinted one searched before the whole document. */
const NEAR = 3;

/** A document prepared once for anchoring many quotes. */
export class DocumentIndex {
  readonly joined: Joined;
  private readonly folded: Folded;
  /** Folded offset where each block starts. */
  private readonly foldedStarts: number[];
  private readonly blockOfParagraph = new Map<number, number>();

  constructor(readonly doc: SourceText) {
    this.joined = joinBlocks(doc);
    this.folded = foldWithMap(this.joined.text);
    this.foldedStarts = [];
    let f = 0;
    for (const start of this.joined.starts) {
      while (f < this.folded.text.length && this.folded.origin[f]! < start) f++;
      this.foldedStarts.push(f);
    }
    doc.blocks.forEach((b, i) => {
      if (b.n !== undefined && !this.blockOfParagraph.has(b.n)) this.blockOfParagraph.set(b.n, i);
    });
  }

  /** The block index of paragraph `n`, if the document has that paragraph. */
  blockOf(n: number): number | undefined {
    return this.blockOfParagraph.get(n);
  }

  /** Anchors one quote, or says why it cannot. */
  anchor(sel: QuoteSelector): { anchor: Anchor } | { orphan: OrphanReason } {
    const q = foldQuote(sel.exact);
    if (!q) return { orphan: OrphanReason.empty };
    const text = this.folded.text;
    // The hinted paragraph first: where a quote almost always still stands, and a search of one
    // paragraph instead of the whole document (10,000 quotes in 100 pages stay fast).
    const hintBlock = sel.paragraph === undefined ? undefined : this.blockOf(sel.paragraph);
    if (hintBlock !== undefined) {
      // The paragraphs around it too: a paragraph inserted or removed above shifts every number.
      const from = this.foldedStarts[Math.max(0, hintBlock - NEAR)]!;
      const last = hintBlock + NEAR + 1;
      const to = last < this.foldedStarts.length ? this.foldedStarts[last]! : text.length;
      const inBlock: number[] = [];
      // Searched in a slice: an indexOf on the whole text would scan past the block when absent.
      const part = text.slice(from, to);
      for (let at = part.indexOf(q); at >= 0; at = part.indexOf(q, at + 1)) inBlock.push(from + at);
      if (inBlock.length) {
        const best = this.best(
          inBlock.map((s) => ({ start: s, end: s + q.length, errors: 0 })),
          sel,
        );
        return { anchor: this.toAnchor(best.start, best.end, 0) };
      }
    }
    const exact: number[] = [];
    for (let at = text.indexOf(q); at >= 0 && exact.length < 64; at = text.indexOf(q, at + 1)) exact.push(at);
    if (exact.length === 1) return { anchor: this.toAnchor(exact[0]!, exact[0]! + q.length, 0) };
    if (exact.length > 1) {
      const best = this.best(
        exact.map((s) => ({ start: s, end: s + q.length, errors: 0 })),
        sel,
      );
      return { anchor: this.toAnchor(best.start, best.end, 0) };
    }
    const maxErrors = Math.max(1, Math.floor(q.length * MAX_ERROR_SHARE));
    // The neighbourhood of the hinted paragraph first: small, and where an edited quote usually is.
    const hinted = sel.paragraph === undefined ? undefined : this.blockOf(sel.paragraph);
    if (hinted !== undefined) {
      const from = this.foldedStarts[Math.max(0, hinted - NEAR)]!;
      const lastBlock = hinted + NEAR + 1;
      const to = lastBlock < this.foldedStarts.length ? this.foldedStarts[lastBlock]! : text.length;
      const near = search(text.slice(from, to), q, maxErrors).map((m) => ({
        start: m.start + from,
        end: m.end + from,
        errors: m.errors,
      }));
      // Good enough near the hint: a fixed typo or two. Otherwise look everywhere.
      const fewest = Math.min(...near.map((m) => m.errors));
      if (near.length && fewest <= Math.max(2, Math.floor(maxErrors / 2))) {
        const best = this.best(
          near.filter((m) => m.errors === fewest),
          sel,
        );
        return { anchor: this.toAnchor(best.start, best.end, best.errors) };
      }
    }
    const all = search(text, q, maxErrors);
    if (!all.length) return { orphan: OrphanReason.notFound };
    const fewest = Math.min(...all.map((m) => m.errors));
    const best = this.best(
      all.filter((m) => m.errors === fewest),
      sel,
    );
    return { anchor: this.toAnchor(best.start, best.end, best.errors) };
  }

  /** The selector describing a passage (joined offsets), for anchoring it again in a later version. */
  describe(start: number, end: number): QuoteSelector {
    const text = this.joined.text;
    const block = blockAt(this.joined, start);
    const n = this.doc.blocks[block]!.n;
    return {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
      ...(n === undefined ? {} : { paragraph: n }),
      offset: start - this.joined.starts[block]!,
    };
  }

  /** Among equally close candidates: the one whose context and position agree best with the selector. */
  private best<M extends { start: number; end: number }>(candidates: M[], sel: QuoteSelector): M {
    const prefix = sel.prefix ? foldQuote(sel.prefix) : '';
    const suffix = sel.suffix ? foldQuote(sel.suffix) : '';
    const hinted = sel.paragraph === undefined ? undefined : this.blockOf(sel.paragraph);
    let best = candidates[0]!;
    let bestScore = -Infinity;
    for (const c of candidates) {
      let score = 0;
      if (prefix)
        score += sharedSuffix(this.folded.text.slice(Math.max(0, c.start - prefix.length - 1), c.start).trim(), prefix);
      if (suffix) score += sharedPrefix(this.folded.text.slice(c.end, c.end + suffix.length + 1).trim(), suffix);
      if (hinted !== undefined) score -= Math.abs(this.blockIndexAtFolded(c.start) - hinted) * 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private blockIndexAtFolded(f: number): number {
    return blockAt(this.joined, this.folded.origin[f]!);
  }

  private toAnchor(fStart: number, fEnd: number, errors: number): Anchor {
    const origin = this.folded.origin;
    const start = origin[fStart]!;
    const end = fEnd > fStart ? origin[fEnd - 1]! + 1 : start;
    const block = blockAt(this.joined, start);
    const n = this.doc.blocks[block]!.n;
    return { start, end, block, ...(n === undefined ? {} : { paragraph: n }), errors };
  }
}

function sharedSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

function sharedPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** A quote to anchor: whose it is (a node id) and how to find it. */
export interface QuoteToAnchor {
  id: string;
  selector: QuoteSelector;
}

/** The result of anchoring every quote of a map. */
export interface Anchoring {
  anchors: Map<string, Anchor>;
  orphans: { id: string; reason: OrphanReason }[];
}

/** Anchors every quote; the orphans keep the order of `quotes`. */
export function anchorAll(index: DocumentIndex, quotes: readonly QuoteToAnchor[]): Anchoring {
  const anchors = new Map<string, Anchor>();
  const orphans: Anchoring['orphans'] = [];
  for (const q of quotes) {
    const r = index.anchor(q.selector);
    if ('anchor' in r) anchors.set(q.id, r.anchor);
    else orphans.push({ id: q.id, reason: r.orphan });
  }
  return { anchors, orphans };
}

/** Which numbered paragraphs some quote touches ("31 of 43 paragraphs mapped"). */
export interface Coverage {
  /** Every paragraph number of the document, in order. */
  paragraphs: number[];
  mapped: number[];
  unmapped: number[];
}

/** Coverage of the document's numbered paragraphs by the anchored quotes. */
export function coverage(index: DocumentIndex, anchors: Iterable<Anchor>): Coverage {
  const blocks = index.doc.blocks;
  const touched = new Set<number>();
  for (const a of anchors) {
    const last = blockAt(index.joined, Math.max(a.start, a.end - 1));
    for (let b = a.block; b <= last; b++) touched.add(b);
  }
  const paragraphs: number[] = [];
  const mapped: number[] = [];
  const unmapped: number[] = [];
  blocks.forEach((b, i) => {
    if (b.n === undefined) return;
    paragraphs.push(b.n);
    (touched.has(i) ? mapped : unmapped).push(b.n);
  });
  return { paragraphs, mapped, unmapped };
}

/** "31 of 43 paragraphs mapped". */
export function coverageLine(c: Coverage): string {
  return `${c.mapped.length} of ${c.paragraphs.length} paragraph${c.paragraphs.length === 1 ? '' : 's'} mapped`;
}
