/**
 * The app's own JSON format (claims/ and backups): full fidelity, versioned, read back through
 * the shared restore step.
 */
import {
  FORMAT_VERSION,
  type ArgNode,
  type Citation,
  type Link,
  type MapBundle,
  type Rating,
  type Source,
} from '../model/types.js';
import type { FormatError, ImportResult } from './errors.js';
import { BACKUP_FORMAT, MAP_FORMAT, restore, type RestoreOptions } from './restore.js';
import { wrongFormat } from './sniff.js';
import { prepareImportText } from './text-input.js';

/** Records in a file carry no mapId: the file's map is implied. */
type InFile<T> = Omit<T, 'mapId'>;

function strip<T extends { mapId: string }>(record: T): InFile<T> {
  const { mapId: _mapId, ...rest } = record;
  return rest;
}

/** The file object for one map, with a stable key order so exports diff cleanly. */
export function toMapFile(bundle: MapBundle): Record<string, unknown> {
  const { map } = bundle;
  return {
    format: MAP_FORMAT,
    version: FORMAT_VERSION,
    map: {
      id: map.id,
      title: map.title,
      ...(map.description !== undefined && { description: map.description }),
      ...(map.document && { document: map.document }),
      rootId: map.rootId,
      createdAt: map.createdAt,
      updatedAt: map.updatedAt,
    },
    nodes: bundle.nodes.map((n): InFile<ArgNode> => strip(n)),
    sources: bundle.sources.map((s): InFile<Source> => strip(s)),
    citations: bundle.citations.map((c): InFile<Citation> => strip(c)),
    ratings: bundle.ratings.map((r): InFile<Rating> => strip(r)),
    ...(bundle.links?.length && { links: bundle.links.map((l): InFile<Link> => strip(l)) }),
    // Optional: a backup may carry the essay's full text (an older Warrant ignores the key).
    ...(bundle.sourceText && { sourceText: bundle.sourceText }),
  };
}

/** One map as pretty-printed JSON text (ends with a newline). */
export function exportMapJson(bundle: MapBundle): string {
  return JSON.stringify(toMapFile(bundle), null, 2) + '\n';
}

/** Several maps as one backup file. */
export function exportBackupJson(bundles: readonly MapBundle[]): string {
  const maps = bundles.map((b) => {
    const { format: _f, version: _v, ...rest } = toMapFile(b);
    return rest;
  });
  return JSON.stringify({ format: BACKUP_FORMAT, version: FORMAT_VERSION, maps }, null, 2) + '\n';
}

/** One JSON string, number or literal, matched at `lastIndex`. */
const LITERAL =
  // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters.
  /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Offset of the first JSON syntax error in `text` (or of its end, when it stops early), for
 * engines whose JSON.parse message has no position. Iterative, so deep nesting cannot overflow.
 */
function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (): boolean => {
    LITERAL.lastIndex = i;
    const m = LITERAL.exec(text);
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // Open containers, innermost last; `expect` is what may come next.
  const stack: string[] = [];
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    ws();
    if (i >= text.length) return stack.length || expect !== 'after' ? text.length : undefined;
    const ch = text[i]!;
    if (expect === 'value') {
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i++;
        ws();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = ch === '{' ? 'key' : 'value';
      } else if (literal()) expect = 'after';
      else return i;
    } else if (expect === 'key') {
      if (ch !== '"' || !literal()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (ch === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** Line and column (1-based) of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads a JSON map file or backup; errors name the line (syntax) or the field (content). Input
 * that is too large, not valid UTF-8, or another format (Kialo text, Markdown) is refused with a
 * message saying so.
 */
export function importJson(text: string, options: RestoreOptions = {}): ImportResult {
  const prepared = prepareImportText(text);
  if (!prepared.ok) return { ok: false, errors: [prepared.error] };
  const body = prepared.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    // A Kialo or Markdown file is not broken JSON: say what it is instead of where JSON failed.
    const wrong = wrongFormat(body, 'json');
    if (wrong) return { ok: false, errors: [wrong] };
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    // Some engines give no position ("Unexpected token ... is not valid JSON"): find it ourselves.
    const offset = pos ? Number(pos[1]) : syntaxErrorOffset(body);
    const error: FormatError = { message: `This is not valid JSON (${message.replace(/^JSON\.parse: /, '')}).` };
    if (offset !== undefined) error.line = lineOf(body, offset);
    if (
      /end of (JSON )?input|unterminated string/i.test(message) ||
      (offset !== undefined && offset >= body.trimEnd().length)
    ) {
      error.line = lineOf(body, body.length);
      error.message = 'The file ends too early: it looks truncated.';
    }
    return { ok: false, errors: [error] };
  }
  return restore(parsed, options);
}
