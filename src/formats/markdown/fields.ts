/**
 * Reading the parts of a statement and of a source entry, shared by the marked reader and the line
 * reader: labels, citations, machine-data comments, the document line and the sources list.
 */
import { Origin, Relation, Reliability, type SourceDocument, SourceType } from '../../model/types.js';
import { decodeInline, indexOfUnescaped } from '../md-text.js';
import {
  ADDED,
  ADDED_BY,
  labelName,
  HAND_LABEL,
  MACHINE_INLINE,
  OUR_LABEL,
  type Parsed,
  type ParsedNode,
  type ParsedSource,
  ParseState,
  REWORDED,
} from './grammar.js';

/** The keys a rating written as an object may have (one that rates relevance). */
const RATING_OBJECT_KEYS = new Set(['rater', 'value', 'relevance', 'rationale']);

/** Parses the JSON inside a machine-data comment, or reports the line. */
export function parseMachine(json: string, line: number, st: ParseState): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(json);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  st.error(
    line,
    'The machine data in this comment is damaged (it is not a JSON object). Delete the whole <!-- ... --> line, or restore it from the original export.',
  );
  return null;
}

export function parseCitations(
  raw: string,
  line: number,
  st: ParseState,
): Array<{ n: number; pinpoint?: string; line: number }> {
  const body = raw.replace(/^\*Sources:\*\s*/, '').replace(/\s+$/, '');
  const cites: Array<{ n: number; pinpoint?: string; line: number }> = [];
  let at = indexOfUnescaped(body, '[');
  if (at !== 0) {
    st.error(line, 'A "Sources:" line lists references like [1] or [2] p. 4; separate them with "; ".');
    return cites;
  }
  while (at !== -1) {
    const next = indexOfUnescaped(body, '[', at + 1);
    const segment = body.slice(at, next === -1 ? body.length : next);
    const m = /^\[(\d+)\](?: ([\s\S]*))?$/.exec(next === -1 ? segment : segment.replace(/;\s?$/, ''));
    if (!m) {
      st.error(line, `"${segment.trim()}" is not a source reference: write [1], or [1] followed by a page or section.`);
      return cites;
    }
    cites.push(
      m[2] !== undefined && m[2] !== ''
        ? { n: Number(m[1]), pinpoint: decodeInline(m[2]), line }
        : { n: Number(m[1]), line },
    );
    at = next;
  }
  return cites;
}

export function applyLabel(node: ParsedNode, raw: string, bullet: string, st: ParseState, line: number): string {
  const ours = OUR_LABEL.exec(raw);
  if (ours) {
    const kind = ours[1]!;
    for (const part of ours[2]?.split(',') ?? []) {
      const q = part.trim();
      if (!q) continue;
      if (q === Relation.supports || q === Relation.opposes || q === Relation.neutral) node.relation = q;
      else if (q === ADDED) node.origin = Origin.added;
      else if (q === REWORDED) node.edited = true;
      else if (q.startsWith(ADDED_BY) && labelName(q.slice(ADDED_BY.length))) {
        // "added by Maya": a student's node, filed under their name (the machine data, when there
        // is some, says the same).
        node.origin = Origin.added;
        node.author = q.slice(ADDED_BY.length);
      } else
        st.error(
          line,
          `"${q}" is not a known mark: use supports, opposes or neutral, and "${ADDED}" or "${REWORDED}".`,
        );
    }
    // Without "(supports)" or "(opposes)", the kind word says which.
    if (node.relation === null && kind !== 'Thesis') {
      node.relation =
        kind === 'Option'
          ? Relation.neutral
          : kind === 'Claim' || kind === 'Premise'
            ? Relation.supports
            : Relation.opposes;
    }
    return raw.slice(ours[0].length);
  }
  const hand = HAND_LABEL.exec(raw);
  node.origin = Origin.added;
  if (hand) {
    const word = hand[1]!.toLowerCase();
    if (word === 'option') node.relation = Relation.neutral;
    else if (word !== 'thesis') {
      node.relation = ['con', 'against', 'oppose', 'opposes', 'objection', 'counterpoint', 'rebuttal'].includes(word)
        ? Relation.opposes
        : Relation.supports;
    }
    return raw.slice(hand[0].length);
  }
  if (bullet === '+') node.relation = Relation.supports;
  else if (bullet === '-' || bullet === '*') {
    // Settled once the whole file is read: "-" opposes only where "+" is used for support.
    node.relation = null;
    st.bareItems.push(line);
  } else node.relation = Relation.supports;
  return raw;
}

export function emptyNode(line: number): ParsedNode {
  return {
    line,
    text: '',
    relation: null,
    origin: Origin.essay,
    edited: false,
    cites: [],
    ratings: [],
    hasSummary: false,
    summaryLine: 0,
    machineLine: 0,
    children: [],
  };
}

export function readNodeMachine(node: ParsedNode, data: Record<string, unknown>, line: number, st: ParseState): void {
  if (data.id !== undefined) {
    if (typeof data.id === 'string') node.id = data.id;
    else st.error(line, 'The machine data gives an id that is not text.');
  }
  if (data.author !== undefined) {
    if (typeof data.author === 'string') node.author = data.author;
    else st.error(line, 'The machine data gives an author that is not text.');
  }
  if (data.link !== undefined) {
    const l = data.link as unknown;
    if (typeof l === 'string') node.link = l;
    else if (typeof l === 'object' && l !== null && !Array.isArray(l)) {
      const { title, ref } = l as Record<string, unknown>;
      node.link = { title, ref };
    } else st.error(line, 'The machine data gives a link that is neither a statement id nor { "title", "ref" }.');
  }
  if (data.ratings !== undefined) {
    if (!Array.isArray(data.ratings)) {
      st.error(line, 'The machine data gives ratings that are not a list.');
      return;
    }
    for (const r of data.ratings as unknown[]) {
      // A rating with relevance is an object; evidence alone keeps the tuple files have always had.
      if (typeof r === 'object' && r !== null && !Array.isArray(r)) {
        const o = r as Record<string, unknown>;
        const unknown = Object.keys(o).filter((k) => !RATING_OBJECT_KEYS.has(k));
        if (unknown.length) {
          st.error(
            line,
            `A rating in the machine data has an unknown key "${unknown[0]}" (known: rater, value, relevance, rationale).`,
          );
          continue;
        }
        node.ratings.push({
          rater: o.rater,
          ...(o.value !== undefined && { value: o.value }),
          ...(o.relevance !== undefined && { relevance: o.relevance }),
          ...(o.rationale !== undefined && { rationale: o.rationale }),
        });
        continue;
      }
      if (!Array.isArray(r) || r.length < 2 || r.length > 3) {
        st.error(
          line,
          'Each rating in the machine data must be [rater, value], [rater, value, rationale] or {"rater": ..., "relevance": ...}.',
        );
        continue;
      }
      const [rater, value, rationale] = r as unknown[];
      node.ratings.push(rationale === undefined ? { rater, value } : { rater, value, rationale });
    }
  }
}

/** Splits a "*Label:* value · *Label:* value" run into its labels and raw values. */
function labelledFields(raw: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < raw.length) {
    const m = /^\*([^*:]+):\* ?/.exec(raw.slice(at));
    if (!m) return null;
    const label = m[1]!;
    at += m[0].length;
    if (label === 'Link' && raw[at] === '<') {
      // A link is written <url>: URLs hold no "<", ">" or spaces, but may hold "*".
      const close = raw.indexOf('>', at);
      const end = close === -1 ? raw.length : close + 1;
      fields.set(label, raw.slice(at, end));
      at = end;
      if (raw.startsWith(' · ', at)) at += 3;
      else if (at < raw.length) return null;
      continue;
    }
    // Values escape "*", so the next unescaped "*" starts the next label.
    const end = indexOfUnescaped(raw, '*', at);
    let value = raw.slice(at, end === -1 ? raw.length : end);
    if (end !== -1) {
      if (!value.endsWith(' · ')) return null;
      value = value.slice(0, -3);
    }
    fields.set(label, value);
    at = end === -1 ? raw.length : end;
  }
  return fields;
}

function linkValue(raw: string): string {
  const m = /^<([^<>]*)>$/.exec(raw.trim());
  return m ? m[1]! : decodeInline(raw.trim());
}

export function parseDocument(raw: string, line: number, st: ParseState): SourceDocument | undefined {
  const fields = labelledFields(raw.replace(/\n/g, ' ').replace(/\s+$/, ''));
  const title = fields?.get('Source document');
  if (!fields || title === undefined) {
    st.error(
      line,
      'The "Source document:" line should read: *Source document:* title · *Author:* name · *Date:* date · *Link:* <https://...>',
    );
    return undefined;
  }
  const doc: SourceDocument = { title: decodeInline(title) };
  const author = fields.get('Author');
  const date = fields.get('Date');
  const link = fields.get('Link');
  if (author !== undefined) doc.author = decodeInline(author);
  if (date !== undefined) doc.date = decodeInline(date);
  if (link !== undefined) doc.url = linkValue(link);
  return doc;
}

const RELIABILITY_LETTERS = new Set<string>(Object.values(Reliability));
const SOURCE_TYPES = new Set<string>(Object.values(SourceType));

/** One entry of the "## Sources" list, from the text of its list item. */
export function parseSource(text: string, line: number, position: number, st: ParseState): ParsedSource | null {
  let raw = text.replace(/\n/g, ' ').replace(/\s+$/, '');
  const src: ParsedSource = { line, n: position, title: '' };
  const machine = MACHINE_INLINE.exec(raw);
  if (machine) {
    raw = raw.slice(0, machine.index);
    const data = parseMachine(machine[1]!, line, st);
    if (data && data.id !== undefined) {
      if (typeof data.id === 'string') src.id = data.id;
      else st.error(line, 'The machine data gives a source id that is not text.');
    }
  }
  const anchor = /^<a id="source-(\d+)"><\/a>/.exec(raw);
  if (anchor) {
    src.n = Number(anchor[1]);
    raw = raw.slice(anchor[0].length);
  }
  let rest = '';
  if (raw.startsWith('**')) {
    const close = indexOfUnescaped(raw, '**', 2);
    if (close === -1) {
      st.error(line, 'The source title is not closed: write it as **Title**.');
      return null;
    }
    src.title = decodeInline(raw.slice(2, close));
    rest = raw.slice(close + 2);
  } else {
    // Hand-written: the title runs to the first labelled field.
    const star = indexOfUnescaped(raw, ' · *');
    src.title = decodeInline(star === -1 ? raw : raw.slice(0, star));
    rest = star === -1 ? '' : raw.slice(star);
  }
  rest = rest.replace(/^ · /, '');
  const fields = rest ? labelledFields(rest) : new Map<string, string>();
  if (!fields) {
    st.error(
      line,
      'A source entry should read: **Title** · *Authors:* ... · *Publisher:* ... · *Date:* ... · *Type:* ... · *Link:* <https://...>',
    );
    return null;
  }
  for (const [label, value] of fields) {
    switch (label) {
      case 'Authors':
        src.authors = decodeInline(value);
        break;
      case 'Publisher':
        src.publisher = decodeInline(value);
        break;
      case 'Date':
        src.date = decodeInline(value);
        break;
      case 'Type': {
        const type = decodeInline(value).trim().toLowerCase();
        if (!SOURCE_TYPES.has(type))
          st.error(line, `"${type}" is not a source type: use one of ${[...SOURCE_TYPES].join(', ')}.`);
        src.type = type;
        break;
      }
      case 'Reliability': {
        const letter = /^([A-Fa-f])\b/.exec(decodeInline(value).trim());
        if (!letter || !RELIABILITY_LETTERS.has(letter[1]!.toUpperCase())) {
          st.error(
            line,
            'Reliability is a grade from A (completely reliable) to E (unreliable), or F (cannot be judged).',
          );
        } else src.reliability = letter[1]!.toUpperCase();
        break;
      }
      case 'Reliability note':
        src.reliabilityNote = decodeInline(value);
        break;
      case 'Link':
        src.url = linkValue(value);
        break;
      default:
        st.warnings.push({ line, message: `"${label}" is not a source field Warrant knows; it was left out.` });
    }
  }
  return src;
}

/** The map title from the raw "# Title" heading: markers and a closing "#" run removed, then decoded. */
export function headingTitle(raw: string): string {
  return decodeInline(
    raw
      .replace(/^ {0,3}#[ \t]*/, '')
      .replace(/\n+$/, '')
      .replace(/(?:[ \t]+#+)?[ \t]*$/, ''),
  );
}

/** Reads the map's machine data (format version and map id) from the header comment's JSON. */
export function readMapHeader(parsed: Parsed, json: string, line: number, st: ParseState): void {
  parsed.hasHeader = true;
  parsed.headerLine = line;
  const data = parseMachine(json, line, st);
  if (data) {
    if (data.version !== undefined) parsed.version = typeof data.version === 'number' ? data.version : NaN;
    if (data.id !== undefined) {
      if (typeof data.id === 'string') parsed.mapId = data.id;
      else st.error(line, 'The machine data gives a map id that is not text.');
    }
  }
}
