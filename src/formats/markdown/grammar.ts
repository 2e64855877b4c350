/**
 * The Markdown format's shared grammar: the markers of machine data and class marks, the label and
 * quote patterns both readers recognise, and what a reader makes of a file before the restore step
 * (ParsedNode, ParsedSource, Parsed) with the state it reports problems into.
 */
import { FORMAT_VERSION, Origin, Relation, type SourceDocument } from '../../model/types.js';
import type { FormatError } from '../errors.js';

export const MAP_COMMENT = 'warrant-map';
export const NODE_COMMENT = 'warrant';
export const END_COMMENT = '<!-- warrant-end -->';

export const ADDED = 'added by the class';
export const REWORDED = 'reworded by the class';
export const ADDED_BY = 'added by ';

/**
 * A name the label can carry ("added by Maya"): letters, digits, spaces, dots, apostrophes and
 * hyphens only, so no comma, bracket or Markdown mark can split or end the label. Other names stay
 * in the machine data alone and the label says "added by the class".
 */
export function labelName(author: string | undefined): string | undefined {
  return author && author !== 'the class' && /^[\p{L}\p{N}](?:[\p{L}\p{N} .'-]*[\p{L}\p{N}.])?$/u.test(author)
    ? author
    : undefined;
}

/**
 * JSON for an HTML comment on one line: no "<" or ">" inside, so nothing can close the comment
 * early, and no U+2028/U+2029, which some tools treat as line breaks.
 */
export function commentJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function formatNumber(n: number): string {
  return String(Number(n.toFixed(2)));
}

export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What one node looks like in the file, before ids and the restore step. */
export interface ParsedNode {
  line: number;
  id?: string;
  text: string;
  relation: Relation | null;
  origin: Origin;
  edited: boolean;
  notes?: string;
  quote?: { text: string; paragraph: number };
  author?: string;
  /** The link this node stands for: a node id of the map, or another discussion. */
  link?: string | { title: unknown; ref: unknown };
  cites: Array<{ n: number; pinpoint?: string; line: number }>;
  ratings: Array<{ rater: unknown; value?: unknown; relevance?: unknown; rationale?: unknown }>;
  hasSummary: boolean;
  summaryLine: number;
  /** Line of the machine-data comment, where ids and ratings come from. */
  machineLine: number;
  children: ParsedNode[];
}

export interface ParsedSource {
  line: number;
  n: number;
  id?: string;
  title: string;
  authors?: string;
  publisher?: string;
  date?: string;
  type?: string;
  reliability?: string;
  reliabilityNote?: string;
  url?: string;
}

export class ParseState {
  readonly errors: FormatError[] = [];
  readonly warnings: FormatError[] = [];
  /** Whether the file uses "+" bullets anywhere, which makes a bare "-" mean "opposes". */
  plusMinus = false;
  bareItems: number[] = [];
  error(line: number, message: string): void {
    this.errors.push({ line, message });
  }
}

export const OUR_LABEL =
  /^\*\*(Thesis|Claim|Premise|Counterpoint|Rebuttal|Option)(?::\*\* ?|\*\*(?: \(([^)\n]*)\))?: ?)/;
export const HAND_LABEL =
  /^(?:\*\*|__)?(pro|con|for|against|supports?|opposes?|objection|thesis|claim|premise|counterpoint|rebuttal|option)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]?/i;
export const QUOTE = /^“([\s\S]*)” \(¶(\d+)\)$/;
export const META_PARAGRAPH = /^\*(Sources|Rating|Relevance|Standing|Notes):\*/;

/** Machine-data comments, whole blocks: the map's header and a node's data. */
export const MACHINE_BLOCK: Readonly<Record<string, RegExp>> = {
  [MAP_COMMENT]: /^<!-- warrant-map ([\s\S]*) -->\s*$/,
  [NODE_COMMENT]: /^<!-- warrant ([\s\S]*) -->\s*$/,
};
/** A source's machine data, at the end of its entry. */
export const MACHINE_INLINE = / ?<!-- warrant ([\s\S]*) -->$/;

export interface Parsed {
  title?: string;
  titleLine: number;
  mapId?: string;
  version: number;
  headerLine: number;
  hasHeader: boolean;
  hasEnd: boolean;
  document?: SourceDocument;
  documentLine: number;
  description?: string;
  thesis?: ParsedNode;
  sources: ParsedSource[];
  lastLine: number;
}

/** A Parsed with nothing read yet; both readers start from it. */
export function emptyParsed(lastLine: number): Parsed {
  return {
    titleLine: 1,
    version: FORMAT_VERSION,
    headerLine: 1,
    hasHeader: false,
    hasEnd: false,
    documentLine: 1,
    sources: [],
    lastLine,
  };
}

/** What a reader makes of a file before the restore step. */
export interface Reading {
  parsed: Parsed;
  st: ParseState;
}
