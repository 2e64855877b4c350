/**
 * Text folding for search: the one normalisation applied to indexed text and to queries alike,
 * so "Priština", "PRISTINA" and "pristina" are the same word to every later stage.
 *
 * Folding works one code point at a time (never on the whole string) so that every folded
 * character can be traced back to the characters it came from: highlights are found in folded
 * text but drawn on the original.
 */

/** Folded text plus, for every folded UTF-16 unit, the original [start, end) it came from. */
export interface FoldedText {
  folded: string;
  /** starts[i] is the offset in the original of the character folded unit i came from. */
  starts: number[];
  /** ends[i] is the end offset (exclusive) of that original character. */
  ends: number[];
}

// Letters that NFD does not decompose, and typography that pasted essays are full of: without
// these, a query typed on a plain keyboard would miss "Łódź", "don’t" or "1989–1991".
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2026': '...',
};

const WHITESPACE = /^\s$/u;
const MARK = /\p{M}/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
// Markdown emphasis and code markers: "**Gorbachev** said" must still contain "gorbachev said".
const ASCII_MARKERS = /[*_`]/g;
const ASCII_SPACES = /\s+/g;

const cache = new Map<number, string>();

/** Folds one non-ASCII code point; ' ' means whitespace. Cached: essays reuse few such characters. */
function foldCodePoint(cp: number): string {
  let out = cache.get(cp);
  if (out !== undefined) return out;
  const ch = String.fromCodePoint(cp);
  if (WHITESPACE.test(ch)) out = ' ';
  else {
    out = '';
    for (const c of ch.toLowerCase().normalize('NFD').replace(MARK, '')) out += SPECIAL[c] ?? c;
  }
  cache.set(cp, out);
  return out;
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isAsciiMarker(c: number): boolean {
  return c === 42 || c === 95 || c === 96;
}

/**
 * The reference implementation: folds `s` code point by code point, collapsing whitespace runs to
 * one space and trimming, and records where each folded unit came from when `map` is given.
 */
function foldSlow(s: string, map: FoldedText | null): string {
  let out = '';
  let pending = false;
  let spaceStart = 0;
  let spaceEnd = 0;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    let piece: string;
    let width = 1;
    if (c < 128) {
      if (isAsciiMarker(c)) {
        i += 1;
        continue;
      }
      piece = isAsciiSpace(c) ? ' ' : c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i]!;
    } else {
      const cp = s.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      piece = foldCodePoint(cp);
    }
    if (piece === ' ') {
      if (out.length > 0 && !pending) {
        pending = true;
        spaceStart = i;
        spaceEnd = i + width;
      }
    } else if (piece.length === 0) {
      // A combining mark left after its base letter: let the base's highlight cover it too.
      if (map && c >= 128 && !pending && map.ends.length > 0) {
        const last = map.ends.length - 1;
        const base = map.starts[last]!;
        for (let k = last; k >= 0 && map.starts[k] === base; k--) map.ends[k] = i + width;
      }
    } else {
      if (pending) {
        out += ' ';
        if (map) {
          map.starts.push(spaceStart);
          map.ends.push(spaceEnd);
        }
        pending = false;
      }
      out += piece;
      if (map) {
        for (let k = 0; k < piece.length; k++) {
          map.starts.push(i);
          map.ends.push(i + width);
        }
      }
    }
    i += width;
  }
  return out;
}

/**
 * Folds text for matching: lower case, diacritics and Markdown emphasis markers removed,
 * typographic quotes and dashes made plain, whitespace collapsed to single spaces and trimmed.
 */
export function foldText(s: string): string {
  // Most text is plain ASCII; the regex path gives the same result as foldSlow, many times faster.
  if (!NON_ASCII.test(s)) return s.toLowerCase().replace(ASCII_MARKERS, '').replace(ASCII_SPACES, ' ').trim();
  return foldSlow(s, null);
}

/** Folds `s` like foldText and maps every folded unit back to its place in `s`. */
export function foldWithMap(s: string): FoldedText {
  const map: FoldedText = { folded: '', starts: [], ends: [] };
  map.folded = foldSlow(s, map);
  return map;
}
