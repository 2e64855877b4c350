/**
 * How free text is written into the Markdown export so that it reads naturally, renders as the
 * Markdown it is, and still comes back byte for byte. Two encodings, each an exact inverse pair:
 *
 * - Block text (node text, notes, description, quotes) stays Markdown: only what would change
 *   the document's STRUCTURE is escaped, at the start of each line (a "- " that would start a
 *   list, a "#" heading, a "```" fence, a "<!--" HTML block ...), plus leading whitespace (as
 *   character references) and the edges Markdown trims (an empty marker comment `<!---->`).
 * - Inline text (titles, authors, pinpoints ...) is plain text, not Markdown: every character
 *   with a Markdown meaning is backslash-escaped and line breaks become `&#10;`, so it renders
 *   literally and stays on one line.
 *
 * Both decoders are also lenient enough to read hand-written Markdown, where nothing is escaped.
 */

/** An empty HTML comment: invisible when rendered, it protects trailing whitespace at an edge. */
export const EDGE_MARK = '<!---->';

/**
 * First characters after which a leading backslash is ours (or Markdown's) to remove when
 * decoding: everything that can give a line block meaning, plus our own escapes.
 */
const LINE_TRIGGERS = new Set(['\\', '&', '-', '+', '*', '#', '>', '<', '|', '=', '~', '`', '_', '[', ':', '$']);
/** A leading run of numeric character references, as written for leading whitespace. */
const LEADING_REFS = /^(?:&#(?:\d{1,7}|[xX][0-9a-fA-F]{1,6});)+/;
/** Digits followed by "." or ")" would start an ordered list: the escape goes before the dot. */
const ORDERED = /^(\d+)(\\*[.)])/;
const ORDERED_ESCAPED = /^(\d+)\\(\\*[.)])/;

/**
 * Line starts that change the document's structure, so are escaped. Everything else (emphasis,
 * code spans, links, inline HTML) is left alone, so it renders as the Markdown it is.
 */
const STRUCTURAL: readonly RegExp[] = [
  /^[-+*](?:[ \t]|$)/, // list item
  /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/, // thematic break
  /^(?:=+|-+)[ \t]*$/, // setext heading underline
  /^#{1,6}(?:[ \t]|$)/, // ATX heading
  /^(?:`{3,}|~{3,})/, // code fence
  /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/, // table delimiter row
  /^\[(?:\\.|[^\]\\])*\]:/, // link reference or footnote definition
  /^\$\$/, // math block (GitHub)
  /^\*[^*\n]*:\*/, // our "*Sources:*", "*Notes:*" ... labels
  /^\*\*Thesis\b/, // our thesis label
  /^&#(?:\d+|[xX][0-9a-fA-F]+);/, // a character reference we would decode as leading space
];
/** Autolinks start with "<" but are not HTML blocks. */
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/;

function needsEscape(core: string, quotesAllowed: boolean): boolean {
  const first = core[0]!;
  if (first === '\\') return core.length > 1 && LINE_TRIGGERS.has(core[1]!);
  // HTML blocks (<div>, <!-- ...): any tag-like start, except an autolink.
  if (first === '<') return /^<[!?/A-Za-z]/.test(core) && !AUTOLINK.test(core);
  // A blockquote is fine unless it could be read back as an essay quote “...” (¶n).
  if (first === '>') return !quotesAllowed;
  return STRUCTURAL.some((re) => re.test(core));
}

function charRef(ch: string): string {
  return `&#${ch.codePointAt(0)!};`;
}

function decodeRefs(refs: string): string {
  return refs.replace(/&#(\d+|[xX][0-9a-fA-F]+);/g, (_m, n: string) => {
    const code = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** Encodes one line of block text (no line breaks inside). */
function encodeLine(line: string, quotesAllowed: boolean): string {
  const lead = /^\s*/.exec(line)![0];
  const core = line.slice(lead.length);
  let out = [...lead].map(charRef).join('');
  if (core === '') return out;
  const ordered = ORDERED.exec(core);
  if (ordered) out += `${ordered[1]}\\${core.slice(ordered[1]!.length)}`;
  else if (needsEscape(core, quotesAllowed)) out += `\\${core}`;
  else out += core;
  return out;
}

/** Inverse of encodeLine; on hand-written text it changes only what Markdown would too. */
function decodeLine(line: string): string {
  const refs = LEADING_REFS.exec(line);
  const lead = refs ? decodeRefs(refs[0]) : '';
  let core = refs ? line.slice(refs[0].length) : line;
  const ordered = ORDERED_ESCAPED.exec(core);
  if (ordered) core = ordered[1]! + core.slice(ordered[1]!.length + 1);
  else if (core[0] === '\\' && core.length > 1 && LINE_TRIGGERS.has(core[1]!)) core = core.slice(1);
  return lead + core;
}

/** Whether an edge line (first or last) needs the marker so Markdown cannot trim or drop it. */
function needsMark(line: string, isLast: boolean): boolean {
  return line === '' || line.endsWith(EDGE_MARK) || (isLast && /\s$/.test(line));
}

/** Line breaks as Markdown reads them: CRLF and lone CR become LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Block text as encoded lines. The caller puts the first line after a label on the same line
 * and indents the others; no returned line starts with whitespace, and only empty strings stand
 * for empty lines.
 */
export function encodeBlock(text: string): string[] {
  const normal = normalizeNewlines(text);
  const quotesAllowed = !normal.includes('(¶');
  const lines = normal.split('\n');
  const last = lines.length - 1;
  return lines.map((line, i) => {
    const mark = (i === 0 && needsMark(line, i === last)) || (i === last && i > 0 && needsMark(line, true));
    return encodeLine(line, quotesAllowed) + (mark ? EDGE_MARK : '');
  });
}

/** Inverse of encodeBlock, given the encoded lines joined with "\n" (indentation removed). */
export function decodeBlock(raw: string): string {
  const lines = raw.split('\n');
  const last = lines.length - 1;
  const strip = (l: string): string => (l.endsWith(EDGE_MARK) ? l.slice(0, -EDGE_MARK.length) : l);
  lines[0] = strip(lines[0]!);
  if (last > 0) lines[last] = strip(lines[last]!);
  return lines.map(decodeLine).join('\n');
}

/** Characters with a Markdown meaning anywhere in a line, escaped in inline text. */
const INLINE_SPECIAL = new Set(['\\', '&', '*', '_', '[', ']', '<', '>', '`', '~', '|', '#', '$']);
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
/** Control characters and the Unicode line separators, which Markdown may read as line ends. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const INLINE_AS_REF = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Plain text as one line of literal Markdown (see the module comment). */
export function encodeInline(text: string): string {
  const lead = /^\s*/.exec(text)![0];
  const rest = text.slice(lead.length);
  const trail = /\s*$/.exec(rest)![0];
  const core = rest.slice(0, rest.length - trail.length);
  let out = [...lead].map(charRef).join('');
  for (const ch of core) {
    if (INLINE_SPECIAL.has(ch)) out += `\\${ch}`;
    else if (INLINE_AS_REF.test(ch)) out += charRef(ch);
    else out += ch;
  }
  return out + [...trail].map(charRef).join('');
}

/** Inverse of encodeInline: backslash escapes and numeric character references are resolved. */
export function decodeInline(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length && ASCII_PUNCT.test(raw[i + 1]!)) {
      out += raw[i + 1];
      i++;
    } else if (ch === '&') {
      const ref = /^&#(?:\d{1,7}|[xX][0-9a-fA-F]{1,6});/.exec(raw.slice(i, i + 12));
      if (ref) {
        out += decodeRefs(ref[0]);
        i += ref[0].length - 1;
      } else out += ch;
    } else out += ch;
  }
  return out;
}

/**
 * Index of the first character of `raw` at or after `from` that is `target` and not
 * backslash-escaped, or -1.
 */
export function indexOfUnescaped(raw: string, target: string, from = 0): number {
  for (let i = from; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length && ASCII_PUNCT.test(raw[i + 1]!)) i++;
    else if (raw.startsWith(target, i)) return i;
  }
  return -1;
}
