/**
 * Text fitted into boxes and wedges without measuring in the DOM: widths are estimated from
 * character classes of a sans-serif face, erring wide, so text laid out here never spills over
 * its box in any browser. Pure and deterministic, so layouts are the same in tests and in Node.
 */

/** Width in em of one character, by class (wide letters, capitals, narrow marks, wide scripts). */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  // CJK, Hangul, emoji and other wide scripts: a full em.
  if (code >= 0x2e80) return 1;
  if ('iljI.,:;\'|!()[]{} `"'.includes(ch)) return 0.32;
  if ('mwMW@%'.includes(ch)) return 0.95;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  return 0.58;
}

/** Estimated width in px of `text` at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return Math.round(em * fontPx * 100) / 100;
}

/**
 * `text` on one line of at most `maxPx`: whole when it fits, else cut with "…"; empty when not
 * even one character and the ellipsis fit.
 */
export function fitText(text: string, maxPx: number, fontPx: number): string {
  if (maxPx <= 0) return '';
  if (textWidth(text, fontPx) <= maxPx) return text;
  const budget = maxPx - textWidth('…', fontPx);
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = charEm(ch) * fontPx;
    if (used + w > budget) break;
    used += w;
    out += ch;
  }
  out = out.trimEnd();
  return out ? `${out}…` : '';
}

/** Text wrapped into lines; `truncated` when some of it did not fit in `maxLines`. */
export interface Wrapped {
  lines: string[];
  truncated: boolean;
}

/**
 * Greedy word wrap of `text` into lines of at most `maxPx`; a word longer than a line is broken
 * between characters. At most `maxLines` lines: the last one then ends with "…".
 */
export function wrapText(text: string, maxPx: number, fontPx: number, maxLines: number): Wrapped {
  const lines: string[] = [];
  const words = text.split(/\s+/).filter(Boolean);
  let line = '';
  const push = (l: string): boolean => {
    lines.push(l);
    return lines.length <= maxLines;
  };
  outer: for (let word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, fontPx) <= maxPx) {
      line = joined;
      continue;
    }
    if (line) {
      if (!push(line)) break;
      line = '';
    }
    // Break a word that is longer than a whole line.
    while (textWidth(word, fontPx) > maxPx) {
      let piece = '';
      for (const ch of word) {
        if (textWidth(piece + ch, fontPx) > maxPx) break;
        piece += ch;
      }
      if (!piece) piece = [...word][0]!;
      if (!push(piece)) break outer;
      word = word.slice(piece.length);
    }
    line = word;
  }
  if (line && lines.length <= maxLines) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = fitText(`${last}…`, maxPx, fontPx).replace(/……$/, '…');
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] += '…';
  return { lines: kept, truncated: true };
}
