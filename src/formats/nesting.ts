/**
 * The depth limit (LIMITS.depth) checked on text before any importer builds a tree from it: a
 * generated file thousands of levels deep is refused, naming the line, in one linear pass that
 * allocates nothing per level beyond a number, so it cannot exhaust memory or the stack.
 */
import { LIMITS, tooDeepMessage } from '../model/limits.js';
import type { FormatError } from './errors.js';

/** A Markdown list item: its indentation and marker ("- ", "+ ", "* ", "1. ", "1) "). */
const LIST_ITEM = /^([ \t]*)(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Block quotes nest too: "> > > item". */
const QUOTES = /^(?:[ \t]{0,3}>)+/;

/** Width of leading white space, a tab counting as 4 (as CommonMark does for list nesting). */
function width(space: string): number {
  let w = 0;
  for (const ch of space) w += ch === '\t' ? 4 - (w % 4) : 1;
  return w;
}

/**
 * The first line of a Markdown outline nested deeper than LIMITS.depth (list items by their
 * indentation, plus block-quote levels), as an error; null when the text is within the limit.
 */
export function checkMarkdownNesting(text: string): FormatError | null {
  // Indentation of each open list level; a less indented item closes the deeper ones.
  const open: number[] = [];
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    const quotes = QUOTES.exec(raw);
    const quoteDepth = quotes ? (quotes[0].match(/>/g) ?? []).length : 0;
    const rest = quotes ? raw.slice(quotes[0].length) : raw;
    const item = LIST_ITEM.exec(rest);
    if (item) {
      const indent = width(item[1]!);
      while (open.length && open[open.length - 1]! >= indent) open.pop();
      open.push(indent);
    }
    // The thesis is level 1: items start one level below it.
    const depth = open.length + quoteDepth + 1;
    if (depth > LIMITS.depth) return { line, message: tooDeepMessage(depth) };
    start = end + 1;
    line++;
  }
  return null;
}
