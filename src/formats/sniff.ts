/**
 * Guesses which format a text is in, so an importer handed the wrong kind of file can say
 * "this looks like a Kialo export" instead of a parse error that means nothing to a student.
 */
import type { FormatError } from './errors.js';

/** The formats Warrant reads or writes, plus "unknown". */
export type SniffedFormat = 'json' | 'markdown' | 'kialo' | 'argdown' | 'unknown';

/** How each format is named in messages. */
const NAMES: Record<Exclude<SniffedFormat, 'unknown'>, string> = {
  json: 'a JSON file (a Warrant map or backup)',
  markdown: 'a Markdown file',
  kialo: "a Kialo discussion export (Kialo's plain-text format)",
  argdown: 'an Argdown file',
};

/** What the user should do instead, per detected format. */
const ADVICE: Record<Exclude<SniffedFormat, 'unknown'>, string> = {
  json: 'Import it as JSON instead.',
  markdown: 'Import it as Markdown instead.',
  kialo: 'Import it as Kialo text instead.',
  argdown: 'Import it as Argdown instead.',
};

/** A claim of either Kialo layout: "1.2. Pro: ...", "1.2. Option" (options), indented or not. */
const KIALO_CLAIM = /^[ \t]*1(?:\.\d+)+\.[ \t]+\S/;
/** "[Title]: text" or "<Argument>: text", but not a Markdown link definition "[1]: https://...". */
const ARGDOWN_STATEMENT = /^[ \t]*(?:[+-]>?[ \t]+)?(?:\[[^\]\n]+\]|<[^>\n]+>):[ \t](?![ \t]*<?(?:https?|mailto):)/;
/** Premise-conclusion structure: "(1) premise" lines closed by a "----" or "-- rule --" line. */
const ARGDOWN_PCS_STEP = /^[ \t]*\(\d+\)[ \t]+\S/;
const ARGDOWN_PCS_RULE = /^[ \t]*-{2,}[ \t]*(?:\S.*-{2,}[ \t]*)?$/;
const ARGDOWN_RELATION = /^[ \t]+(?:[+-]>?|<[+-]|_>?|><)[ \t]+(?:\[[^\]\n]+\]|<[^>\n]+>)(?::|[ \t]*$)/;

/** Best guess at the format of `text`, from its first few kilobytes. */
export function sniffFormat(text: string): SniffedFormat {
  const head = text.replace(/^\uFEFF/, '').slice(0, 8192);
  const trimmed = head.trimStart();
  // "[" alone is not enough: an Argdown file starts with "[Title]:".
  if (trimmed.startsWith('{') || /^\[\s*(?:[{\]]|$)/.test(trimmed)) return 'json';
  if (head.includes('<!-- warrant-map')) return 'markdown';
  const lines = head.split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  if (/^Discussion (?:Title|Name):/.test(first)) return 'kialo';
  if (/^1\.\s/.test(first) && lines.some((l) => KIALO_CLAIM.test(l))) return 'kialo';
  // Argdown's YAML front matter opens with "===".
  if (/^===\s*$/.test(first) && lines.some((l, i) => i > 0 && /^===\s*$/.test(l))) return 'argdown';
  if (lines.some((l) => ARGDOWN_PCS_STEP.test(l)) && lines.some((l) => ARGDOWN_PCS_RULE.test(l))) {
    const steps = lines.filter((l) => ARGDOWN_PCS_STEP.test(l)).length;
    if (steps >= 2) return 'argdown';
  }
  const statements = lines.filter((l) => ARGDOWN_STATEMENT.test(l)).length;
  if (
    statements > 0 &&
    (lines.some((l) => ARGDOWN_RELATION.test(l)) || statements === lines.filter((l) => l.trim()).length)
  ) {
    return 'argdown';
  }
  if (lines.some((l) => /^(?:#{1,6}\s|\s*[-+*]\s|\s*\d+[.)]\s)/.test(l))) return 'markdown';
  return 'unknown';
}

/**
 * The error an importer for `expected` returns when `text` looks like another format, or null
 * when it does not (the importer then reports its own, more precise, errors).
 */
export function wrongFormat(
  text: string,
  expected: Exclude<SniffedFormat, 'unknown'>,
  accept: readonly SniffedFormat[] = [],
): FormatError | null {
  const found = sniffFormat(text);
  if (found === 'unknown' || found === expected || accept.includes(found)) return null;
  return { line: 1, message: `This looks like ${NAMES[found]}, not ${NAMES[expected]}. ${ADVICE[found]}` };
}

/**
 * For text the user imports as Markdown: null when it reads as a Markdown outline; otherwise the
 * refusal, naming what it looks like ("This looks like a Kialo discussion export ...") or, for
 * text of no known shape, saying what a Markdown outline needs - never a silent one-node map.
 */
export function notMarkdown(text: string): FormatError | null {
  const found = sniffFormat(text);
  if (found === 'markdown') return null;
  if (found !== 'unknown') return wrongFormat(text, 'markdown');
  const lines = text.split(/\r\n|\n|\r/, 200);
  const first = lines.findIndex((l) => l.trim() !== '');
  return {
    line: first === -1 ? 1 : first + 1,
    message:
      'This is not a Markdown outline: Warrant reads a "# Title" heading with the thesis and nested "- " items (or its own Markdown export). Nothing was imported.',
  };
}
