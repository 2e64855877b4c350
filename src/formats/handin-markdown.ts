/**
 * A hand-in as Markdown: a short header a teacher reads (who, which assignment, when, the tasks
 * ticked or not, what was added, changed and rated), then the student's whole map as the
 * Markdown export writes it, ratings included. The header's machine data (an HTML comment,
 * invisible when rendered) is what is read back, so export -> import -> export is byte-identical.
 *
 *     <!-- warrant-handin {"id":"...","student":"Ana",...} -->
 *     **Hand-in** by **Ana** · *Assignment:* Counterpoints · *Map:* ... · *Handed in:* 2026-...
 *
 *     *Tasks:*
 *
 *     - [x] Add 1 counterpoint with a source (1 of 1)
 *     - [ ] Rate 3 nodes (2 of 3)
 *
 *     *Added:* 1 statement · *Changed:* none · *Rated:* 2 statements
 *
 *     ---
 *
 *     # Map title                                        the map, as exportMarkdown writes it
 */
import type { MapBundle } from '../model/types.js';
import { handInObject, readHandInHeader, type ClassFileResult, type HandIn } from './class-files.js';
import type { FormatError } from './errors.js';
import { exportMarkdown, importMarkdown, MARKDOWN_FULL_RECORD } from './index.js';
import { encodeInline } from './md-text.js';

const OPEN = '<!-- warrant-handin ';
const CLOSE = ' -->';
/** Between the header and the map. */
const RULE = '\n---\n\n';

/** JSON safe inside an HTML comment on one line (as the Markdown export's machine data). */
function commentJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function statements(n: number): string {
  return n === 0 ? 'none' : `${n} ${n === 1 ? 'statement' : 'statements'}`;
}

/** The header, ending with the rule before the map. */
function handInHeaderMarkdown(h: HandIn): string {
  const lines = [
    `${OPEN}${commentJson(handInObject(h))}${CLOSE}`,
    `**Hand-in** by **${encodeInline(h.student)}** · *Assignment:* ${encodeInline(h.assignment.title)} · *Map:* ${encodeInline(h.map.title)} · *Handed in:* ${h.handedInAt}`,
    '',
  ];
  if (h.tasks.length) {
    lines.push('*Tasks:*', '');
    for (const t of h.tasks)
      lines.push(`- [${t.complete ? 'x' : ' '}] ${encodeInline(t.label)} (${t.done} of ${t.required})`);
    lines.push('');
  }
  lines.push(
    `*Added:* ${statements(h.added.length)} · *Changed:* ${statements(h.changed.length)} · *Rated:* ${statements(h.rated.length)}`,
  );
  return lines.join('\n') + RULE;
}

/** A hand-in as Markdown: the header, then the whole map with ids, authors and ratings. */
export function exportHandInMarkdown(bundle: MapBundle, handIn: HandIn): string {
  return handInHeaderMarkdown(handIn) + exportMarkdown(bundle, MARKDOWN_FULL_RECORD);
}

/**
 * Splits a Markdown hand-in into its header's machine data and the map's Markdown, or returns
 * null when the text does not start with a hand-in header. `bodyLine` is the line the map starts on.
 */
function splitHandInMarkdown(text: string): { header: string; body: string; bodyLine: number } | null {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!src.startsWith(OPEN)) return null;
  const eol = src.indexOf('\n');
  const first = eol < 0 ? src : src.slice(0, eol);
  if (!first.endsWith(CLOSE)) return { header: '', body: '', bodyLine: 1 };
  const rule = src.indexOf(RULE, eol);
  if (rule < 0) return { header: first.slice(OPEN.length, -CLOSE.length), body: '', bodyLine: 0 };
  const body = src.slice(rule + RULE.length);
  const bodyLine = src.slice(0, rule + RULE.length).split('\n').length;
  return { header: first.slice(OPEN.length, -CLOSE.length), body, bodyLine };
}

/** Reads a Markdown hand-in: its header and the student's map, or every error (with lines). */
export function importHandInMarkdown(text: string): ClassFileResult<HandIn> {
  const parts = splitHandInMarkdown(text);
  if (!parts) {
    return {
      ok: false,
      errors: [
        { line: 1, message: 'This is not a hand-in: it does not start with a hand-in header (no student named).' },
      ],
    };
  }
  if (parts.header === '') {
    return {
      ok: false,
      errors: [{ line: 1, message: 'The hand-in header is damaged: its first line is cut or changed.' }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(parts.header);
  } catch {
    return { ok: false, errors: [{ line: 1, message: 'The hand-in header is damaged: its data is not readable.' }] };
  }
  const h = readHandInHeader(raw);
  if (!h.ok) return { ok: false, errors: h.errors.map((e) => ({ ...e, line: 1 })) };
  if (parts.bodyLine === 0) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: 'The file ends too early: the map after the hand-in header is missing, so it looks truncated.',
        },
      ],
    };
  }
  const r = importMarkdown(parts.body);
  if (!r.ok) {
    const shift = parts.bodyLine - 1;
    return {
      ok: false,
      errors: r.errors.map((e): FormatError => (e.line === undefined ? e : { ...e, line: e.line + shift })),
    };
  }
  const bundle = r.bundles[0]!;
  if (h.value.map.id !== bundle.map.id) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          field: 'handIn.map.id',
          message: `names map "${h.value.map.id}", but the file holds map "${bundle.map.id}"`,
        },
      ],
    };
  }
  return { ok: true, value: h.value, bundle };
}
