/**
 * The app's own JSON format (claims/ and backups): full fidelity, versioned, read back through
 * the shared restore step.
 */
import {
  FORMAT_VERSION,
  type ArgNode,
  type Citation,
  type MapBundle,
  type Rating,
  type Source,
} from '../model/types.js';
import type { FormatError, ImportResult } from './errors.js';
import { BACKUP_FORMAT, MAP_FORMAT, restore, type RestoreOptions } from './restore.js';

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

/** Line and column (1-based) of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Reads a JSON map file or backup; errors name the line (syntax) or the field (content). */
export function importJson(text: string, options: RestoreOptions = {}): ImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [{ line: 1, message: 'The file is empty.' }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+)/.exec(message);
    const error: FormatError = { message: `This is not valid JSON (${message.replace(/^JSON\.parse: /, '')}).` };
    if (lineCol) error.line = Number(lineCol[1]);
    else if (pos) error.line = lineOf(body, Number(pos[1]));
    else if (/end of (JSON )?input/i.test(message)) error.line = lineOf(body, body.length);
    if (/end of (JSON )?input/i.test(message)) error.message = 'The file ends too early: it looks truncated.';
    return { ok: false, errors: [error] };
  }
  return restore(parsed, options);
}
