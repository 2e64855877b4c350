/**
 * The Markdown import entry: picks a reader (the line reader for our own export, marked for the
 * rest), turns what it found into the file object and hands it to the one shared restore step,
 * naming the line of every problem.
 */
import { newId } from '../../model/ids.js';
import { LIMITS } from '../../model/limits.js';
import { FORMAT_VERSION, Origin, Relation } from '../../model/types.js';
import type { FormatError, ImportResult } from '../errors.js';
import { normalizeNewlines } from '../md-text.js';
import { MAP_FORMAT, restore, type RestoreOptions } from '../restore.js';
import { wrongFormat } from '../sniff.js';
import { prepareImportText } from '../text-input.js';
import { type Parsed, type ParsedNode, ParseState } from './grammar.js';
import { readOwnExport } from './line-reader.js';
import { readWithMarked } from './marked-reader.js';

/** Which reader importMarkdown() uses. */
type MarkdownReader = 'auto' | 'marked';

/** Options of importMarkdown(). */
export interface MarkdownImportOptions extends RestoreOptions {
  /**
   * "auto" (the default) reads Warrant's own export with a fast line reader and everything else
   * with marked; "marked" reads every file with marked. Both give the same result on every file.
   */
  reader?: MarkdownReader;
}

/**
 * For tests: what a reader makes of a Markdown file before the restore step (statements with
 * their lines, sources, problems and warnings), or null when the line reader declines the file.
 */
export function readMarkdownWith(reader: 'lines' | 'marked', text: string): unknown {
  const src = normalizeNewlines(text);
  const reading = reader === 'lines' ? readOwnExport(src) : readWithMarked(src);
  if (!reading) return null;
  const { parsed, st } = reading;
  return { parsed, errors: st.errors, warnings: st.warnings, plusMinus: st.plusMinus, bareItems: st.bareItems };
}

/** Where each record of the file object came from, to turn restore's field paths into lines. */
interface LineIndex {
  nodes: number[];
  /** Per node, the line of its machine data (0 when none). */
  machine: number[];
  sources: number[];
  citations: number[];
  ratings: number[];
  links: number[];
  map: number;
  document: number;
  version: number;
}

function locate(e: FormatError, lines: LineIndex): FormatError {
  const field = e.field ?? '';
  const rec = /^(nodes|sources|citations|ratings|links)\[(\d+)\](?: \(id "[^"]*"\))?\.?(.*)$/.exec(field);
  if (rec) {
    const kind = rec[1] as 'nodes' | 'sources' | 'citations' | 'ratings' | 'links';
    const word = {
      nodes: 'statement',
      sources: 'source',
      citations: 'source reference',
      ratings: 'rating',
      links: 'link',
    }[kind];
    const rest = rec[3] ? `.${rec[3]}` : '';
    const index = Number(rec[2]);
    // A node's id and author come from its machine data: point there when it has some.
    const fromMachine = kind === 'nodes' && /^(?:id|author)$/.test(rec[3] ?? '') && (lines.machine[index] ?? 0) > 0;
    return {
      line: fromMachine ? lines.machine[index]! : (lines[kind][index] ?? 1),
      field: `${word}${rest}`,
      message: e.message,
    };
  }
  if (field.startsWith('map.document'))
    return { line: lines.document, field: field.replace(/^map\.document/, 'source document'), message: e.message };
  if (field.startsWith('map') || field === 'nodes')
    return { line: lines.map, field: field || 'map', message: e.message };
  if (field === 'version' || field === 'format') return { line: lines.version, field, message: e.message };
  return { ...e, line: e.line ?? 1 };
}

/**
 * Reads a Markdown map: Warrant's own export (losslessly), or a hand-written nested list where
 * items start with "Pro:" / "Con:" (or use "+" for support and "-" for objections) under a
 * heading or a first item that is the thesis. Errors name the line. Our own export is read by
 * the fast line reader, everything else by marked (see readOwnExport()).
 */
export function importMarkdown(text: string, options: MarkdownImportOptions = {}): ImportResult {
  const { reader = 'auto', ...restoreOptions } = options;
  const prepared = prepareImportText(text);
  if (!prepared.ok) return { ok: false, errors: [prepared.error] };
  const wrong = wrongFormat(prepared.text, 'markdown');
  if (wrong) return { ok: false, errors: [wrong] };
  // (A 5 MB export has no CR to replace: skip the copy.)
  const src = prepared.text.includes('\r') ? normalizeNewlines(prepared.text) : prepared.text;
  const { parsed, st } = (reader === 'auto' && readOwnExport(src)) || readWithMarked(src);
  return finishImport(parsed, st, restoreOptions);
}

/** Turns what a reader found into the file object, and hands it to the one shared restore step. */
function finishImport(parsed: Parsed, st: ParseState, options: RestoreOptions): ImportResult {
  if (parsed.hasHeader && parsed.version > FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          line: parsed.headerLine,
          field: 'version',
          message: `is ${parsed.version}: this file was made by a newer Warrant (this one reads format versions up to ${FORMAT_VERSION}). Update the app to open it.`,
        },
      ],
    };
  }
  if (parsed.hasHeader && !parsed.hasEnd) {
    st.errors.unshift({
      line: parsed.lastLine,
      message:
        'The file ends too early: the end mark <!-- warrant-end --> is missing, so the file looks truncated. Export the map again.',
    });
  }
  const thesis = parsed.thesis;
  if (!thesis) {
    st.error(
      1,
      'No thesis found: start the map with "**Thesis:** ..." (or a "# heading"), followed by a nested list of points ("- Pro: ...", "- Con: ...").',
    );
    return { ok: false, errors: st.errors };
  }
  if (st.bareItems.length) {
    const relation = st.plusMinus ? Relation.opposes : Relation.supports;
    const fix = (n: ParsedNode): void => {
      if (n !== thesis && n.relation === null) n.relation = relation;
      n.children.forEach(fix);
    };
    fix(thesis);
    if (!st.plusMinus) {
      st.warnings.push({
        line: st.bareItems[0]!,
        message: `${st.bareItems.length} point(s) have no "Pro:" or "Con:" mark and were read as supporting their parent. Mark objections with "Con:" (or use "+" for support and "-" for objections).`,
      });
    }
  }

  // Build the file object and hand it to the one shared restore step.
  const lines: LineIndex = {
    nodes: [],
    machine: [],
    sources: [],
    citations: [],
    ratings: [],
    links: [],
    map: parsed.titleLine,
    document: parsed.documentLine,
    version: parsed.headerLine,
  };
  const sourceIds = new Map<number, string>();
  const sourceRecords: Array<Record<string, unknown>> = [];
  for (const s of parsed.sources) {
    if (sourceIds.has(s.n)) st.error(s.line, `Two sources are numbered [${s.n}].`);
    const id = s.id ?? newId();
    sourceIds.set(s.n, id);
    const record: Record<string, unknown> = { id, title: s.title };
    for (const key of ['url', 'authors', 'publisher', 'date', 'type', 'reliability', 'reliabilityNote'] as const) {
      if (s[key] !== undefined) record[key] = s[key];
    }
    sourceRecords.push(record);
    lines.sources.push(s.line);
  }
  const nodes: Array<Record<string, unknown>> = [];
  const citations: Array<Record<string, unknown>> = [];
  const ratings: Array<Record<string, unknown>> = [];
  let summariesWithoutData = 0;
  let firstSummaryLine = 0;
  // Depth first, in reading order; each statement with its parent's id.
  const links: Array<Record<string, unknown>> = [];
  const stack: ParsedNode[] = [thesis];
  const stackParents: Array<string | null> = [null];
  while (stack.length) {
    const n = stack.pop()!;
    const parentId = stackParents.pop()!;
    const id = n.id ?? newId();
    const record: Record<string, unknown> = {
      id,
      parentId,
      relation: parentId === null ? null : n.relation,
      text: n.text,
      origin: n.origin,
    };
    if (n.edited && n.origin === Origin.essay) record.edited = true;
    if (n.notes !== undefined) record.notes = n.notes;
    if (n.quote) record.quote = n.quote;
    if (n.author !== undefined) record.author = n.author;
    if (n.link !== undefined) {
      links.push(typeof n.link === 'string' ? { nodeId: id, targetId: n.link } : { nodeId: id, external: n.link });
      lines.links.push(n.machineLine);
    }
    nodes.push(record);
    lines.nodes.push(n.line);
    lines.machine.push(n.machineLine);
    for (const c of n.cites) {
      const sourceId = sourceIds.get(c.n);
      if (sourceId === undefined) {
        st.error(c.line, `[${c.n}] refers to a source that is not in the "## Sources" list at the end of the file.`);
        continue;
      }
      citations.push(
        c.pinpoint !== undefined ? { nodeId: id, sourceId, pinpoint: c.pinpoint } : { nodeId: id, sourceId },
      );
      lines.citations.push(c.line);
    }
    for (const r of n.ratings) {
      ratings.push({
        nodeId: id,
        rater: r.rater,
        ...('value' in r && { value: r.value }),
        ...('relevance' in r && { relevance: r.relevance }),
        ...(r.rationale !== undefined && { rationale: r.rationale }),
      });
      lines.ratings.push(n.machineLine || n.line);
    }
    if (n.hasSummary && n.ratings.length === 0) {
      summariesWithoutData++;
      firstSummaryLine ||= n.summaryLine;
    }
    for (let k = n.children.length - 1; k >= 0; k--) {
      stack.push(n.children[k]!);
      stackParents.push(id);
    }
  }
  if (summariesWithoutData) {
    st.warnings.push({
      line: firstSummaryLine,
      message: `${summariesWithoutData} rating summar${summariesWithoutData === 1 ? 'y has' : 'ies have'} no per-rater data (the <!-- warrant ... --> comment), so those ratings were not imported.`,
    });
  }
  if (st.errors.length) return { ok: false, errors: st.errors };

  let title = parsed.title;
  if (title === undefined || title.trim() === '') {
    const firstLine = thesis.text.trim().split('\n')[0] ?? '';
    title = firstLine.length > LIMITS.title ? `${firstLine.slice(0, LIMITS.title - 1)}…` : firstLine;
  }
  const map: Record<string, unknown> = { id: parsed.mapId ?? newId(), title };
  if (parsed.description !== undefined && parsed.description.trim() !== '') map.description = parsed.description;
  if (parsed.document) map.document = parsed.document;
  const file = {
    format: MAP_FORMAT,
    version: Number.isFinite(parsed.version) ? parsed.version : 'unreadable',
    map,
    nodes,
    sources: sourceRecords,
    citations,
    ratings,
    // Left out when empty, so a map without links reads exactly as before links existed.
    ...(links.length && { links }),
  };
  const result = restore(file, options);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => locate(e, lines)) };
  return { ok: true, bundles: result.bundles, warnings: [...st.warnings, ...result.warnings] };
}
