/**
 * Folding for quote matching: the same rules as the essay's quote checker
 * (../shared/tools/check-quotes.mjs), so a quote the checker accepts also anchors here. Curly
 * quotes, dashes and the ellipsis become their ASCII forms and white space runs become one space.
 * The result keeps a map back to the original offsets, because highlights are drawn on the
 * original text, not the folded one.
 */

/** Folded text and, for every folded character (and one past the end), its offset in the original. */
export interface Folded {
  text: string;
  /** `origin[i]` is the original offset of folded character i; `origin[text.length]` the original length. */
  origin: Int32Array;
}

const SINGLE: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
};

/** Folds `s` and keeps the way back to its offsets. Leading and trailing white space is kept (as one space). */
export function foldWithMap(s: string): Folded {
  const out: string[] = [];
  const origin = new Int32Array(s.length * 3 + 1);
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out.push(' ');
        origin[n++] = i;
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (ch === '\u2026') {
      for (let k = 0; k < 3; k++) {
        out.push('.');
        origin[n++] = i;
      }
      continue;
    }
    out.push(SINGLE[ch] ?? ch);
    origin[n++] = i;
  }
  origin[n] = s.length;
  return { text: out.join(''), origin: origin.slice(0, n + 1) };
}

/** Folds a quote for searching: as `foldWithMap`, trimmed. */
export function foldQuote(s: string): string {
  return foldWithMap(s).text.trim();
}
