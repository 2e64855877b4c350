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
