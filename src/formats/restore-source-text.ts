/**
 * Restores the optional `sourceText` of a map file (the essay's full text in a backup): checked
 * like every other part, never trusted, and all-or-nothing with the rest of the file.
 */
import { LIMITS } from '../model/limits.js';
import type { SourceText, TextBlock } from '../model/types.js';
import type { FormatError } from './errors.js';

/** Blocks a document may hold: a 100-page essay has about 1,500; this only stops absurd input. */
const MAX_BLOCKS = 50_000;

const BLOCK_KEYS = new Set(['kind', 'text', 'n', 'em']);
const TEXT_KEYS = new Set(['title', 'blocks']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates `value` as a SourceText; `at` is its field path for messages. */
export function restoreSourceText(
  value: unknown,
  at: string,
): { ok: true; value: SourceText } | { ok: false; errors: FormatError[] } {
  const errors: FormatError[] = [];
  const fail = (field: string, message: string): void => void errors.push({ field, message });
  if (!isObj(value)) return { ok: false, errors: [{ field: at, message: 'must be an object { "title", "blocks" }' }] };
  for (const k of Object.keys(value)) if (!TEXT_KEYS.has(k)) fail(`${at}.${k}`, 'is not a known field (a typo?)');
  const title = value.title;
  if (typeof title !== 'string' || title.length > LIMITS.title)
    fail(`${at}.title`, `must be text of at most ${LIMITS.title} characters`);
  const raw = value.blocks;
  if (!Array.isArray(raw) || raw.length > MAX_BLOCKS) {
    fail(`${at}.blocks`, `must be a list of at most ${MAX_BLOCKS} blocks`);
    return { ok: false, errors };
  }
  const blocks: TextBlock[] = [];
  const seen = new Set<number>();
  raw.forEach((b, i) => {
    const where = `${at}.blocks[${i}]`;
    if (!isObj(b)) return fail(where, 'must be an object { "kind", "text" }');
    for (const k of Object.keys(b)) if (!BLOCK_KEYS.has(k)) fail(`${where}.${k}`, 'is not a known field (a typo?)');
    const { kind, text, n, em } = b;
    if (kind !== 'heading' && kind !== 'paragraph') return fail(`${where}.kind`, 'must be "heading" or "paragraph"');
    if (typeof text !== 'string' || text.length > LIMITS.text)
      return fail(`${where}.text`, `must be text of at most ${LIMITS.text} characters`);
    const block: TextBlock = { kind, text };
    if (n !== undefined) {
      if (kind !== 'paragraph' || typeof n !== 'number' || !Number.isInteger(n) || n < 1)
        return fail(`${where}.n`, 'must be a paragraph number (1, 2, 3 ...) on a paragraph');
      if (seen.has(n)) return fail(`${where}.n`, `paragraph ${n} appears twice`);
      seen.add(n);
      block.n = n;
    }
    if (em !== undefined) {
      const ok =
        Array.isArray(em) &&
        em.every(
          (r) =>
            Array.isArray(r) &&
            r.length === 2 &&
            Number.isInteger(r[0]) &&
            Number.isInteger(r[1]) &&
            0 <= r[0] &&
            r[0] < r[1] &&
            r[1] <= text.length,
        );
      if (!ok) return fail(`${where}.em`, 'must be a list of [start, end] ranges within the text');
      block.em = (em as [number, number][]).map(([s, e]) => [s, e]);
    }
    blocks.push(block);
  });
  if (errors.length || typeof title !== 'string') return { ok: false, errors };
  return { ok: true, value: { title, blocks } };
}
