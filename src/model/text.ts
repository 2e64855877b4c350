/** Cheap plain-text views of Markdown, for places where rendering is too slow (tree rows). */

const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const AUTOLINK = /<((?:https?:|mailto:)[^>\s]+)>/g;
const LINE_MARKER = /^\s*(?:#{1,6}|>|[-+*]|\d+[.)])\s+/gm;
const INLINE_MARKER = /(\*\*|__|[*_`~])/g;
const TAG = /<[^>]*>/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~<])/g;

/**
 * Markdown as one plain line: link texts kept, markers, tags and escapes dropped, white space
 * folded. Not a renderer: it is for previews, labels and type-ahead, and its output is always
 * shown as text, never as HTML.
 */
export function plainLine(markdown: string, max = 600): string {
  const text = markdown.length > max * 2 ? markdown.slice(0, max * 2) : markdown;
  const line = text
    .replace(LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(LINE_MARKER, '')
    .replace(TAG, '')
    .replace(ESCAPE, '$1')
    .replace(INLINE_MARKER, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** What scrubText removed, by kind, for the notice that tells the user. */
export interface Scrubbed {
  text: string;
  /** NUL and other C0 control characters except tab, line feed and carriage return. */
  controls: number;
  /** Halves of a surrogate pair standing alone: not characters at all. */
  loneSurrogates: number;
  /** Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069). */
  bidi: number;
}

// Bidi overrides can make text display in an order other than the one it is stored in (the
// "Trojan Source" trick): a node could read one way and export another. They are never needed
// in an argument map, where the browser's own bidi algorithm handles right-to-left scripts.
const HOSTILE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Strips characters that have no place in a map's text and can hide or reorder what a reader sees:
 * NUL and other control characters (tab and line ends stay), lone surrogates, and bidirectional
 * override characters. Returns the clean text and what was removed, so the caller can say so.
 */
export function scrubText(input: string): Scrubbed {
  let controls = 0;
  let loneSurrogates = 0;
  let bidi = 0;
  const text = input.replace(HOSTILE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) controls++;
    else if (code >= 0xd800 && code <= 0xdfff) loneSurrogates++;
    else bidi++;
    return '';
  });
  return { text, controls, loneSurrogates, bidi };
}

/** The notice for what scrubText removed, or '' when nothing was. */
export function scrubNotice(s: Omit<Scrubbed, 'text'>): string {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  if (s.controls) parts.push(n(s.controls, 'control character', 'control characters'));
  if (s.loneSurrogates) parts.push(n(s.loneSurrogates, 'broken character', 'broken characters'));
  if (s.bidi) parts.push(n(s.bidi, 'text-direction override', 'text-direction overrides'));
  return parts.length ? `Removed ${parts.join(', ')} that could hide or reorder text.` : '';
}
