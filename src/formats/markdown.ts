/**
 * Markdown: how a debate class hands a map in. The export reads well raw and rendered on GitHub
 * (kinds in words, quotes with their paragraph, numbered sources, ratings and standing with their
 * meaning named), and reads back losslessly: export -> import -> export is byte-identical.
 *
 * Layout of an export (every part but the title and thesis is optional):
 *
 *     # Map title
 *     <!-- warrant-map {"version":1,"id":"..."} -->          machine data (invisible on GitHub)
 *
 *     *Source document:* Title · *Author:* ... · *Date:* ... · *Link:* <https://...>
 *
 *     Description ...
 *
 *     *Ratings:* ... *Standing:* ...                          what the numbers mean
 *
 *     **Thesis:** text                                        then the thesis's details, as below
 *
 *     - **Claim** (supports): text
 *
 *       > “quote from the essay” (¶12)
 *
 *       *Sources:* [1] p. 4; [2]
 *
 *       *Rating:* 2.5 of 4 (2 ratings) · *Standing:* 0.63
 *
 *       *Notes:* ...
 *
 *       <!-- warrant {"id":"...","ratings":[["rater",3]]} -->
 *
 *       - **Counterpoint** (opposes, added by the class): text
 *
 *     ## Sources
 *
 *     1. <a id="source-1"></a>**Title** · *Authors:* ... · *Type:* news · *Link:* <https://...>
 *
 *     [1]: #source-1
 *
 *     <!-- warrant-end -->
 *
 * Free text is written with the encodings in md-text.ts. Timestamps are not exported (an import
 * takes the time of import); order keys are regenerated in the same sibling order; citation and
 * rating ids are re-derived from node + source and node + rater.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { newId } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import { buildTree, childrenOf, kindOf, walk, type Tree } from '../model/tree.js';
import {
  RELIABILITY_WORDS,
  FORMAT_VERSION,
  KIND_LABELS,
  Origin,
  Relation,
  Reliability,
  SourceType,
  type ArgNode,
  type MapBundle,
  type Rating,
  type Source,
  type SourceDocument,
} from '../model/types.js';
import type { FormatError, ImportResult } from './errors.js';
import {
  decodeBlock,
  decodeInline,
  EDGE_MARK,
  encodeBlock,
  encodeInline,
  indexOfUnescaped,
  normalizeNewlines,
} from './md-text.js';
import { MAP_FORMAT, restore, type RestoreOptions } from './restore.js';
import { wrongFormat } from './sniff.js';
import { prepareImportText } from './text-input.js';

/** Standings computed elsewhere (formats import only the model), passed in to be printed. */
export interface MarkdownStandings {
  /** Name of the semantics that computed them, e.g. "Quadratic Energy (QE)". */
  semanticsLabel: string;
  /** Standing of each node by id, from 0 to 1. Nodes missing here print no standing. */
  byNode: ReadonlyMap<string, number>;
}

/** What a Markdown export includes. Every flag defaults to true: the full, lossless record. */
export interface MarkdownExportOptions {
  /** Rating summaries (mean, count), and each rater's rating as machine data. */
  ratings?: boolean;
  /** Standings to print; leave out to print none. */
  standings?: MarkdownStandings | null;
  notes?: boolean;
  /** Citations as numbered references and the Sources section. */
  sources?: boolean;
  /** Ids and authors as machine data (HTML comments), so a re-import keeps every node's id. */
  ids?: boolean;
}

/** A student's clean hand-in: statements, quotes and sources; no ratings, notes or ids. */
export const MARKDOWN_HAND_IN: Readonly<MarkdownExportOptions> = Object.freeze({
  ratings: false,
  notes: false,
  sources: true,
  ids: false,
});
/** The teacher's full record: everything the Markdown format can carry. */
export const MARKDOWN_FULL_RECORD: Readonly<MarkdownExportOptions> = Object.freeze({
  ratings: true,
  notes: true,
  sources: true,
  ids: true,
});

const MAP_COMMENT = 'warrant-map';
const NODE_COMMENT = 'warrant';
const END_COMMENT = '<!-- warrant-end -->';

const ADDED = 'added by the class';
const REWORDED = 'reworded by the class';

/**
 * JSON for an HTML comment on one line: no "<" or ">" inside, so nothing can close the comment
 * early, and no U+2028/U+2029, which some tools treat as line breaks.
 */
function commentJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function formatNumber(n: number): string {
  return String(Number(n.toFixed(2)));
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Export

interface ExportContext {
  bundle: MapBundle;
  tree: Tree<ArgNode>;
  ratings: boolean;
  standings: MarkdownStandings | null;
  notes: boolean;
  sources: boolean;
  ids: boolean;
  sourceNumber: Map<string, number>;
  citationsByNode: Map<string, Array<{ n: number; pinpoint?: string }>>;
  ratingsByNode: Map<string, Rating[]>;
  out: string[];
}

/** Sources numbered by first citation in reading order, then uncited ones in list order. */
function numberSources(bundle: MapBundle, tree: Tree<ArgNode>): Map<string, number> {
  const known = new Set(bundle.sources.map((s) => s.id));
  const byNode = new Map<string, string[]>();
  for (const c of bundle.citations) {
    if (!known.has(c.sourceId)) continue;
    const list = byNode.get(c.nodeId);
    if (list) list.push(c.sourceId);
    else byNode.set(c.nodeId, [c.sourceId]);
  }
  const numbers = new Map<string, number>();
  const order = new Map(bundle.sources.map((s, i) => [s.id, i]));
  walk(tree, (node) => {
    const cited = (byNode.get(node.id) ?? []).slice().sort((a, b) => order.get(a)! - order.get(b)!);
    for (const id of cited) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  });
  for (const s of bundle.sources) if (!numbers.has(s.id)) numbers.set(s.id, numbers.size + 1);
  return numbers;
}

/** Pushes block text: the first line after `prefix`, the others indented by `indent`. */
function pushBlock(out: string[], prefix: string, indent: string, lines: readonly string[]): void {
  lines.forEach((line, i) => {
    if (i === 0) out.push(prefix + line);
    else out.push(line === '' ? '' : indent + line);
  });
}

function nodeLabel(ctx: ExportContext, node: ArgNode, depth: number): string {
  const qualifier = node.origin === Origin.added ? ADDED : node.edited ? REWORDED : '';
  if (depth === 0) return qualifier ? `**${KIND_LABELS.thesis}** (${qualifier}): ` : `**${KIND_LABELS.thesis}:** `;
  const kind = KIND_LABELS[kindOf(ctx.tree, node)];
  return `**${kind}** (${node.relation}${qualifier ? `, ${qualifier}` : ''}): `;
}

function exportNode(ctx: ExportContext, node: ArgNode, depth: number): void {
  const { out } = ctx;
  const first = depth === 0 ? '' : `${'  '.repeat(depth - 1)}- `;
  const indent = '  '.repeat(depth);
  pushBlock(out, first + nodeLabel(ctx, node, depth), indent, encodeBlock(node.text));
  out.push('');
  if (node.quote) {
    const lines = encodeBlock(node.quote.text);
    lines[0] = `“${lines[0]}`;
    lines[lines.length - 1] += `” (¶${node.quote.paragraph})`;
    for (const line of lines) out.push(`${indent}>${line === '' ? '' : ` ${line}`}`);
    out.push('');
  }
  const cites = ctx.sources ? ctx.citationsByNode.get(node.id) : undefined;
  if (cites?.length) {
    const refs = cites.map((c) => `[${c.n}]${c.pinpoint !== undefined ? ` ${encodeInline(c.pinpoint)}` : ''}`);
    out.push(`${indent}*Sources:* ${refs.join('; ')}`);
    out.push('');
  }
  const ratings = ctx.ratings ? (ctx.ratingsByNode.get(node.id) ?? []) : [];
  const standing = ctx.standings?.byNode.get(node.id);
  const numbers: string[] = [];
  if (ratings.length) {
    const mean = ratings.reduce((sum, r) => sum + r.value, 0) / ratings.length;
    numbers.push(`*Rating:* ${formatNumber(mean)} of 4 (${ratings.length} rating${ratings.length === 1 ? '' : 's'})`);
  }
  if (standing !== undefined && Number.isFinite(standing)) numbers.push(`*Standing:* ${standing.toFixed(2)}`);
  if (numbers.length) {
    out.push(indent + numbers.join(' · '));
    out.push('');
  }
  if (ctx.notes && node.notes !== undefined) {
    pushBlock(out, `${indent}*Notes:* `, indent, encodeBlock(node.notes));
    out.push('');
  }
  const machine: Record<string, unknown> = {};
  if (ctx.ids) {
    machine.id = node.id;
    if (node.author !== undefined) machine.author = node.author;
  }
  if (ratings.length) {
    machine.ratings = ratings.map((r) =>
      r.rationale !== undefined ? [r.rater, r.value, r.rationale] : [r.rater, r.value],
    );
  }
  if (Object.keys(machine).length) {
    out.push(`${indent}<!-- ${NODE_COMMENT} ${commentJson(machine)} -->`);
    out.push('');
  }
  for (const child of childrenOf(ctx.tree, node.id)) exportNode(ctx, child, depth + 1);
}

function documentLine(doc: SourceDocument): string {
  let line = `*Source document:* ${encodeInline(doc.title)}`;
  if (doc.author !== undefined) line += ` · *Author:* ${encodeInline(doc.author)}`;
  if (doc.date !== undefined) line += ` · *Date:* ${encodeInline(doc.date)}`;
  if (doc.url !== undefined) line += ` · *Link:* <${doc.url}>`;
  return line;
}

function sourceLine(source: Source, n: number, ids: boolean): string {
  let line = `${n}. <a id="source-${n}"></a>**${encodeInline(source.title)}**`;
  const field = (label: string, value: string | undefined): void => {
    if (value !== undefined) line += ` · *${label}:* ${encodeInline(value)}`;
  };
  field('Authors', source.authors);
  field('Publisher', source.publisher);
  field('Date', source.date);
  line += ` · *Type:* ${source.type}`;
  if (source.reliability) line += ` · *Reliability:* ${source.reliability} (${RELIABILITY_WORDS[source.reliability]})`;
  field('Reliability note', source.reliabilityNote);
  if (source.url !== undefined) line += ` · *Link:* <${source.url}>`;
  if (ids) line += ` <!-- ${NODE_COMMENT} ${commentJson({ id: source.id })} -->`;
  return line;
}

/**
 * The map as GitHub-flavoured Markdown. Throws TreeError when the bundle's nodes are not one
 * tree (a bundle that came through restore() always is).
 */
export function exportMarkdown(bundle: MapBundle, options: MarkdownExportOptions = {}): string {
  const tree = buildTree(bundle.nodes);
  const ctx: ExportContext = {
    bundle,
    tree,
    ratings: options.ratings ?? true,
    standings: options.standings ?? null,
    notes: options.notes ?? true,
    sources: options.sources ?? true,
    ids: options.ids ?? true,
    sourceNumber: new Map(),
    citationsByNode: new Map(),
    ratingsByNode: new Map(),
    out: [],
  };
  if (ctx.sources) {
    ctx.sourceNumber = numberSources(bundle, tree);
    for (const c of bundle.citations) {
      const n = ctx.sourceNumber.get(c.sourceId);
      if (n === undefined || !tree.byId.has(c.nodeId)) continue;
      const list = ctx.citationsByNode.get(c.nodeId) ?? [];
      list.push(c.pinpoint !== undefined ? { n, pinpoint: c.pinpoint } : { n });
      ctx.citationsByNode.set(c.nodeId, list);
    }
    for (const list of ctx.citationsByNode.values()) list.sort((a, b) => a.n - b.n);
  }
  if (ctx.ratings) {
    for (const r of bundle.ratings) {
      if (!tree.byId.has(r.nodeId)) continue;
      const list = ctx.ratingsByNode.get(r.nodeId) ?? [];
      list.push(r);
      ctx.ratingsByNode.set(r.nodeId, list);
    }
    for (const list of ctx.ratingsByNode.values()) list.sort((a, b) => byCodeUnits(a.rater, b.rater));
  }
  const { map } = bundle;
  const out = ctx.out;
  out.push(`# ${encodeInline(map.title)}`);
  out.push(
    `<!-- ${MAP_COMMENT} ${commentJson(ctx.ids ? { version: FORMAT_VERSION, id: map.id } : { version: FORMAT_VERSION })} -->`,
  );
  out.push('');
  if (map.document) {
    out.push(documentLine(map.document));
    out.push('');
  }
  if (map.description !== undefined) {
    pushBlock(out, '', '', encodeBlock(map.description));
    out.push('');
  }
  const legend: string[] = [];
  if (ctx.ratingsByNode.size) {
    legend.push(
      "*Ratings:* each statement's own evidence, rated from 0 (none) to 4 (decisive); shown as the mean of all raters and the number of ratings.",
    );
  }
  if (ctx.standings && [...ctx.standings.byNode.keys()].some((id) => tree.byId.has(id))) {
    legend.push(
      `*Standing:* how well each statement stands once its ratings and everything below it are taken into account, from 0 to 1, computed with ${encodeInline(ctx.standings.semanticsLabel)}.`,
    );
  }
  if (legend.length) {
    out.push(legend.join(' '));
    out.push('');
  }
  exportNode(ctx, tree.root, 0);
  if (ctx.sources && bundle.sources.length) {
    out.push('## Sources');
    out.push('');
    const numbered = bundle.sources.slice().sort((a, b) => ctx.sourceNumber.get(a.id)! - ctx.sourceNumber.get(b.id)!);
    for (const s of numbered) out.push(sourceLine(s, ctx.sourceNumber.get(s.id)!, ctx.ids));
    out.push('');
    // Reference definitions make every [n] in the text a link to its entry (invisible when rendered).
    for (const s of numbered) out.push(`[${ctx.sourceNumber.get(s.id)}]: #source-${ctx.sourceNumber.get(s.id)}`);
    out.push('');
  }
  out.push(END_COMMENT);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Import

/** A block token and the 1-based line it starts on. */
interface Entry {
  tok: Token;
  line: number;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Tokens with their line numbers: tokens are contiguous slices of their source, so lines add up. */
function withLines(tokens: readonly Token[], firstLine: number): Entry[] {
  let line = firstLine;
  return tokens.map((tok) => {
    const e = { tok, line };
    line += countNewlines(tok.raw);
    return e;
  });
}

/** What one node looks like in the file, before ids and the restore step. */
interface ParsedNode {
  line: number;
  id?: string;
  text: string;
  relation: Relation | null;
  origin: Origin;
  edited: boolean;
  notes?: string;
  quote?: { text: string; paragraph: number };
  author?: string;
  cites: Array<{ n: number; pinpoint?: string; line: number }>;
  ratings: Array<{ rater: unknown; value: unknown; rationale?: unknown }>;
  hasSummary: boolean;
  summaryLine: number;
  /** Line of the machine-data comment, where ids and ratings come from. */
  machineLine: number;
  children: ParsedNode[];
}

interface ParsedSource {
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

class ParseState {
  readonly errors: FormatError[] = [];
  readonly warnings: FormatError[] = [];
  /** Whether the file uses "+" bullets anywhere, which makes a bare "-" mean "opposes". */
  plusMinus = false;
  bareItems: number[] = [];
  error(line: number, message: string): void {
    this.errors.push({ line, message });
  }
}

const OUR_LABEL = /^\*\*(Thesis|Claim|Premise|Counterpoint|Rebuttal)(?::\*\* ?|\*\*(?: \(([^)\n]*)\))?: ?)/;
const HAND_LABEL =
  /^(?:\*\*|__)?(pro|con|for|against|supports?|opposes?|objection|thesis|claim|premise|counterpoint|rebuttal)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]?/i;
const QUOTE = /^“([\s\S]*)” \(¶(\d+)\)$/;
const META_PARAGRAPH = /^\*(Sources|Rating|Standing|Notes):\*/;

function isText(tok: Token): tok is Tokens.Paragraph | Tokens.Text {
  return tok.type === 'paragraph' || tok.type === 'text';
}

/** Machine-data comments, whole blocks: the map's header and a node's data. */
const MACHINE_BLOCK: Readonly<Record<string, RegExp>> = {
  [MAP_COMMENT]: /^<!-- warrant-map ([\s\S]*) -->\s*$/,
  [NODE_COMMENT]: /^<!-- warrant ([\s\S]*) -->\s*$/,
};
/** A source's machine data, at the end of its entry. */
const MACHINE_INLINE = / ?<!-- warrant ([\s\S]*) -->$/;

function machineComment(tok: Token, name: typeof MAP_COMMENT | typeof NODE_COMMENT): string | null {
  if (tok.type !== 'html') return null;
  const m = MACHINE_BLOCK[name]!.exec(tok.raw);
  return m ? m[1]! : null;
}

/** Parses the JSON inside a machine-data comment, or reports the line. */
function parseMachine(json: string, line: number, st: ParseState): Record<string, unknown> | null {
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

/** What a block inside a node's body is. A link definition ("def") belongs to the text around it. */
type Kind = 'space' | 'text' | 'def' | 'quote' | 'sources' | 'numbers' | 'notes' | 'machine' | 'list';

function classify(tok: Token): Kind {
  if (tok.type === 'space') return 'space';
  if (tok.type === 'list') return 'list';
  if (tok.type === 'blockquote') return QUOTE.test(unquote(tok.raw)) ? 'quote' : 'text';
  if (isText(tok)) {
    const m = META_PARAGRAPH.exec(tok.raw);
    if (!m) return 'text';
    return m[1] === 'Sources' ? 'sources' : m[1] === 'Notes' ? 'notes' : 'numbers';
  }
  if (tok.type === 'html') return machineComment(tok, NODE_COMMENT) !== null ? 'machine' : 'text';
  if (tok.type === 'def') return 'def';
  return 'text';
}

/** The content of a blockquote's raw lines, the ">" markers removed. */
function unquote(raw: string): string {
  return raw
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => l.replace(/^ {0,3}> ?/, ''))
    .join('\n');
}

/** Raw text of consecutive tokens, without the blank lines after them. */
function joinRaw(entries: readonly Entry[]): string {
  return entries
    .map((e) => e.tok.raw)
    .join('')
    .replace(/\n+$/, '');
}

function parseCitations(
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

function applyLabel(node: ParsedNode, raw: string, bullet: string, st: ParseState, line: number): string {
  const ours = OUR_LABEL.exec(raw);
  if (ours) {
    const kind = ours[1]!;
    for (const part of ours[2]?.split(',') ?? []) {
      const q = part.trim();
      if (!q) continue;
      if (q === Relation.supports || q === Relation.opposes) node.relation = q;
      else if (q === ADDED) node.origin = Origin.added;
      else if (q === REWORDED) node.edited = true;
      else st.error(line, `"${q}" is not a known mark: use supports or opposes, and "${ADDED}" or "${REWORDED}".`);
    }
    // Without "(supports)" or "(opposes)", the kind word says which.
    if (node.relation === null && kind !== 'Thesis') {
      node.relation = kind === 'Claim' || kind === 'Premise' ? Relation.supports : Relation.opposes;
    }
    return raw.slice(ours[0].length);
  }
  const hand = HAND_LABEL.exec(raw);
  node.origin = Origin.added;
  if (hand) {
    const word = hand[1]!.toLowerCase();
    if (word !== 'thesis') {
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

function emptyNode(line: number): ParsedNode {
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

/**
 * Reads one node's body: its text (from `entries[0]`, which holds the label), then its details
 * in any order, then its child lists. `bullet` is the list marker ("" for the thesis).
 */
function parseBody(entries: readonly Entry[], bullet: string, st: ParseState, isThesis: boolean): ParsedNode {
  const node = emptyNode(entries[0]?.line ?? 1);
  let i = 0;
  const textEntries: Entry[] = [];
  for (; i < entries.length; i++) {
    const k = classify(entries[i]!.tok);
    if (k !== 'text' && k !== 'space' && k !== 'def') break;
    textEntries.push(entries[i]!);
  }
  while (textEntries.length && textEntries[textEntries.length - 1]!.tok.type === 'space') textEntries.pop();
  const raw = joinRaw(textEntries);
  const rest = applyLabel(node, raw, bullet, st, node.line);
  if (isThesis) node.relation = null;
  node.text = decodeBlock(rest);
  let notes: Entry[] | null = null;
  for (; i < entries.length; i++) {
    const { tok, line } = entries[i]!;
    const k = classify(tok);
    if (notes && (k === 'text' || k === 'space' || k === 'def')) {
      notes.push(entries[i]!);
      continue;
    }
    if (notes) {
      node.notes = finishNotes(notes);
      notes = null;
    }
    switch (k) {
      case 'space':
      case 'def':
        break;
      case 'quote': {
        const m = QUOTE.exec(unquote(tok.raw))!;
        if (node.quote) st.error(line, 'A statement has one essay quote; this is a second one.');
        node.quote = { text: decodeBlock(m[1]!), paragraph: Number(m[2]) };
        break;
      }
      case 'sources':
        node.cites.push(...parseCitations(tok.raw, line, st));
        break;
      case 'numbers':
        // Summaries are computed, never read back; the per-rater data is in the machine comment.
        if (/^\*Rating:\*/.test(tok.raw) || /· \*Rating:\*/.test(tok.raw)) {
          node.hasSummary = true;
          node.summaryLine = line;
        }
        break;
      case 'notes':
        notes = [entries[i]!];
        break;
      case 'machine': {
        const data = parseMachine(machineComment(tok, NODE_COMMENT)!, line, st);
        node.machineLine = line;
        if (data) readNodeMachine(node, data, line, st);
        break;
      }
      case 'list':
        node.children.push(...parseList(tok as Tokens.List, line, st));
        break;
      case 'text':
        st.error(
          line,
          'Text after the sources, rating, notes or sub-points of a statement: put the statement\'s text first, or start a new "- " item for a new point.',
        );
        break;
    }
  }
  if (notes) node.notes = finishNotes(notes);
  return node;
}

function finishNotes(entries: Entry[]): string {
  while (entries.length && entries[entries.length - 1]!.tok.type === 'space') entries.pop();
  return decodeBlock(joinRaw(entries).replace(/^\*Notes:\* ?/, ''));
}

function readNodeMachine(node: ParsedNode, data: Record<string, unknown>, line: number, st: ParseState): void {
  if (data.id !== undefined) {
    if (typeof data.id === 'string') node.id = data.id;
    else st.error(line, 'The machine data gives an id that is not text.');
  }
  if (data.author !== undefined) {
    if (typeof data.author === 'string') node.author = data.author;
    else st.error(line, 'The machine data gives an author that is not text.');
  }
  if (data.ratings !== undefined) {
    if (!Array.isArray(data.ratings)) {
      st.error(line, 'The machine data gives ratings that are not a list.');
      return;
    }
    for (const r of data.ratings as unknown[]) {
      if (!Array.isArray(r) || r.length < 2 || r.length > 3) {
        st.error(line, 'Each rating in the machine data must be [rater, value] or [rater, value, rationale].');
        continue;
      }
      const [rater, value, rationale] = r as unknown[];
      node.ratings.push(rationale === undefined ? { rater, value } : { rater, value, rationale });
    }
  }
}

function parseList(list: Tokens.List, line: number, st: ParseState): ParsedNode[] {
  const nodes: ParsedNode[] = [];
  let itemLine = line;
  for (const item of list.items) {
    const bullet = list.ordered ? '1.' : item.raw.trimStart()[0]!;
    if (bullet === '+') st.plusMinus = true;
    const entries = withLines(item.tokens, itemLine);
    nodes.push(
      entries.length ? parseBody(entries, bullet, st, false) : { ...emptyNode(itemLine), relation: Relation.supports },
    );
    itemLine += countNewlines(item.raw);
  }
  return nodes;
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

function parseDocument(raw: string, line: number, st: ParseState): SourceDocument | undefined {
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
function parseSource(text: string, line: number, position: number, st: ParseState): ParsedSource | null {
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

interface Parsed {
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

/** The map title from the raw "# Title" heading: markers and a closing "#" run removed, then decoded. */
function headingTitle(raw: string): string {
  return decodeInline(
    raw
      .replace(/^ {0,3}#[ \t]*/, '')
      .replace(/\n+$/, '')
      .replace(/(?:[ \t]+#+)?[ \t]*$/, ''),
  );
}

/** Reads the map's machine data (format version and map id) from the header comment's JSON. */
function readMapHeader(parsed: Parsed, json: string, line: number, st: ParseState): void {
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

/** A Parsed with nothing read yet; both readers start from it. */
function emptyParsed(lastLine: number): Parsed {
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

/** Reads the whole token stream into Parsed, reporting structural problems into `st`. */
function parseDocumentTokens(tokens: readonly Token[], src: string, st: ParseState): Parsed {
  const entries = withLines(tokens, 1);
  const parsed = emptyParsed(countNewlines(src.replace(/\n+$/, '')) + 1);
  let i = 0;
  const at = (): Entry | undefined => entries[i];
  const skipSpace = (): void => {
    while (at()?.tok.type === 'space') i++;
  };
  skipSpace();
  let titleFromHeading = false;
  const first = at();
  if (first && first.tok.type === 'heading' && first.tok.depth === 1) {
    parsed.title = headingTitle(first.tok.raw);
    parsed.titleLine = first.line;
    titleFromHeading = true;
    i++;
  }
  // Top-level blocks before the thesis: header, document line, description, legend.
  const description: Entry[] = [];
  let thesisStart = -1;
  for (; i < entries.length; i++) {
    const { tok, line } = entries[i]!;
    const header = machineComment(tok, MAP_COMMENT);
    if (header !== null) {
      readMapHeader(parsed, header, line, st);
      continue;
    }
    if (isText(tok) && /^\*Source document:\*/.test(tok.raw)) {
      parsed.document = parseDocument(tok.raw, line, st);
      parsed.documentLine = line;
      continue;
    }
    if (isText(tok) && /^\*(?:Ratings|Standing):\*/.test(tok.raw)) continue;
    // In our own export only the bold label starts the thesis: a description may say "Thesis: ...".
    const handThesis = !parsed.hasHeader && /^(?:\*\*|__)?thesis(?:\*\*|__)?\s*:/i.test(tok.raw);
    if (isText(tok) && (OUR_LABEL.exec(tok.raw)?.[1] === 'Thesis' || handThesis)) {
      thesisStart = i;
      break;
    }
    if (tok.type === 'list' || tok.type === 'heading' || tok.raw.trim() === END_COMMENT) break;
    description.push(entries[i]!);
  }
  while (description.length && description[description.length - 1]!.tok.type === 'space') description.pop();
  while (description.length && description[0]!.tok.type === 'space') description.shift();

  // The thesis and the tree: up to the first heading (## Sources) or the end mark.
  const body: Entry[] = [];
  for (; i < entries.length; i++) {
    const { tok } = entries[i]!;
    if (tok.type === 'heading' || tok.raw.trim() === END_COMMENT) break;
    body.push(entries[i]!);
  }
  if (thesisStart >= 0) {
    parsed.thesis = parseBody(body, '', st, true);
    if (description.length) parsed.description = decodeBlock(joinRaw(description));
  } else if (titleFromHeading) {
    // Hand-written: the heading is the thesis, the top-level lists are its children.
    const thesis = emptyNode(parsed.titleLine);
    thesis.origin = Origin.added;
    thesis.text = parsed.title ?? '';
    if (description.length) parsed.description = decodeBlock(joinRaw(description));
    for (const e of body) {
      if (e.tok.type === 'list') thesis.children.push(...parseList(e.tok as Tokens.List, e.line, st));
      else if (e.tok.type !== 'space' && e.tok.type !== 'def') {
        st.error(
          e.line,
          'Text between the points of the list: put it inside an item (indented under it), or before the list.',
        );
      }
    }
    parsed.thesis = thesis;
  } else {
    // Hand-written without a heading: the first item of the first list is the thesis.
    const lists = body.filter((e) => e.tok.type === 'list');
    const firstList = lists[0];
    if (firstList) {
      const items = parseList(firstList.tok as Tokens.List, firstList.line, st);
      const thesis = items[0]!;
      thesis.relation = null;
      st.bareItems = st.bareItems.filter((l) => l !== thesis.line);
      for (const extra of items.slice(1)) {
        st.warnings.push({
          line: extra.line,
          message: 'A second top-level item: read as a point under the thesis (the first item).',
        });
        thesis.children.push(extra);
      }
      for (const e of lists.slice(1)) thesis.children.push(...parseList(e.tok as Tokens.List, e.line, st));
      parsed.thesis = thesis;
      if (description.length) parsed.description = decodeBlock(joinRaw(description));
    }
  }

  // ## Sources and the end mark.
  for (; i < entries.length; i++) {
    const { tok, line } = entries[i]!;
    if (tok.raw.trim() === END_COMMENT) {
      parsed.hasEnd = true;
      continue;
    }
    if (tok.type === 'heading' && /^sources$/i.test(tok.text.trim())) {
      const list = entries[i + 1]?.tok.type === 'space' ? entries[i + 2] : entries[i + 1];
      if (list && list.tok.type === 'list') {
        let itemLine = list.line;
        (list.tok as Tokens.List).items.forEach((item, k) => {
          const s = parseSource(item.text, itemLine, k + 1, st);
          if (s) parsed.sources.push(s);
          itemLine += countNewlines(item.raw);
        });
        i = entries.indexOf(list);
      }
      continue;
    }
    if (tok.type === 'space' || tok.type === 'def') continue;
    if (parsed.hasEnd)
      st.error(
        line,
        'Text after the end mark <!-- warrant-end -->: the file was changed after export; delete it or move it into the map.',
      );
    else st.warnings.push({ line, message: 'This part of the file is not part of the map and was left out.' });
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Import, fast path: Warrant's own export, read line by line
//
// marked lexes every nested list level again (a node at depth d is lexed d + 1 times), which made
// a 10,000-node map take seconds. Our own export has one fixed shape, so it is read here in one
// pass over its lines, into exactly what parseDocumentTokens() makes of it. The reader accepts a
// file only when every line is in that shape and nothing in it could make marked split it into
// blocks differently; on anything else (hand-written or hand-edited Markdown, and any file with a
// problem to report) it declines, and the file is read by marked as before. So it can only ever
// give the same result, sooner. test/formats/markdown-reader.test.ts compares the two readers.

/** What a reader makes of a file before the restore step. */
interface Reading {
  parsed: Parsed;
  st: ParseState;
}

function readWithMarked(src: string): Reading {
  const st = new ParseState();
  const tokens = new Marked({ gfm: true, breaks: false, pedantic: false }).lexer(src);
  return { parsed: parseDocumentTokens(tokens, src, st), st };
}

/** Thrown inside the line reader at the first line that is not in the shape of our export. */
const NOT_OURS = new Error('not in the shape exportMarkdown() writes');

/**
 * Line starts with which marked may begin (or interrupt a paragraph with) a block other than
 * plain text, or read the line as part of one: list items, headings, code fences, thematic
 * breaks, setext underlines, table delimiter rows, leading whitespace (code, or a change of
 * indentation). "<" and "[" are checked apart (HTML blocks, link definitions); ">" (block quotes)
 * by the reader. The exporter escapes all of these in free text (md-text.ts), so a line that
 * starts with one is not ours.
 */
const BLOCK_START =
  /^(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:\s|$)|`{3}|~{3}|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$|(?:\*[ \t]*){3,}$|(?:=+|-+)[ \t]*$|[|:\-\s]+$|\s)/;
/**
 * A link reference definition cannot start where "[label]" closes on the same line without a
 * ":" after it. (Its label may run on over lines, and its title over blank lines.)
 */
const NOT_A_DEFINITION = /^\[(?:\\.|[^\]\\])*\](?!:)/;
/**
 * "<" and a name that neither an HTML block of marked's nor a tag can continue (an autolink
 * such as <https://...>, a "<" in running text): text. Every other "<" may start an HTML block.
 */
const NOT_HTML = /^<(?:[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9-]|[ \t>/]|$)|(?![!?/A-Za-z]))/;
const ATX_HEADING = /^#{1,6}(?:\s|$)/;
/** A statement's machine data: MACHINE_START, the JSON, MACHINE_END. */
const NODE_MACHINE_LINE = /^<!-- warrant .* -->$/;
const MACHINE_START = '<!-- warrant ';
const MACHINE_END = ' -->';
const MAP_MACHINE_LINE = /^<!-- warrant-map (.*) -->$/;
const SOURCE_ITEM = /^\d{1,9}\. (?=\S)/;
/** GFM reads "[ ] ..." or "[x] ..." at the start of a list item as a task checkbox. */
const TASK_ITEM = /^\[[ xX]\][ \t]+\S/;
const SOURCE_DEFINITION = /^\[\d+\]: #source-\d+$/;
const LEGEND = /^\*(?:Ratings|Standing):\*/;
const NOTES_LABEL = /^\*Notes:\* ?/;
const QUOTE_MARKER = /^> ?/;
const ENDS_IN_SPACE = /\s$/;

/** Whether a line of free text (indentation removed) could start a block in marked; see BLOCK_START. */
function startsBlock(core: string): boolean {
  const c = core.charCodeAt(0);
  // Most lines start with a letter, which starts nothing.
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return false;
  switch (c) {
    case 0x3c: // "<": an HTML block, except the empty comment that guards an edge of block text
      return core !== EDGE_MARK && !NOT_HTML.test(core);
    case 0x5b: // "["
      return !NOT_A_DEFINITION.test(core);
    default:
      return BLOCK_START.test(core);
  }
}

/** Lines joined with "\n" (one line as it is: join() would copy it). */
function joinLines(lines: readonly string[]): string {
  return lines.length === 1 ? lines[0]! : lines.join('\n');
}

/**
 * decodeBlock(), without its copies for the usual one line that has nothing to decode (no
 * character reference, escape or ordered-list escape at its start, no edge comment at its end).
 */
function decodeText(raw: string): string {
  const c = raw.charCodeAt(0);
  const plain =
    c !== 0x26 /* & */ &&
    c !== 0x5c /* \ */ &&
    !(c >= 0x30 && c <= 0x39) &&
    raw.indexOf('\n') === -1 &&
    !raw.endsWith(EDGE_MARK);
  return plain ? raw : decodeBlock(raw);
}

/**
 * A line without its indentation of exactly `ind` spaces, or null when it is less indented (it
 * belongs to an enclosing statement). Throws when it is indented more.
 */
function unindent(line: string, ind: number): string | null {
  return indented(line, ind) ? (ind ? line.slice(ind) : line) : null;
}

/** Whether a line is indented by exactly `ind` spaces (false: less); throws when it is more. */
function indented(line: string, ind: number): boolean {
  let lead = 0;
  while (line.charCodeAt(lead) === 0x20) lead++;
  if (lead < ind) return false;
  // More indented, or only spaces (which marked reads as a blank line).
  if (lead > ind || lead === line.length) throw NOT_OURS;
  return true;
}

/**
 * The line reader. Its cursor `i` is a 0-based line index; lines are reported 1-based. Statements
 * are indented by two spaces per level below the thesis, every block is followed by a blank line.
 */
class OwnExportReader {
  private readonly lines: string[];
  private i = 0;

  constructor(
    src: string,
    private readonly st: ParseState,
  ) {
    this.lines = src.split('\n');
  }

  read(): Parsed {
    const { lines, st } = this;
    let last = lines.length;
    while (last > 1 && lines[last - 1] === '') last--;
    const parsed = emptyParsed(last);
    // "# Title" and the header comment.
    const title = lines[0]!;
    // marked's heading rule ends at U+2028 or U+2029 (its "." does not match them).
    if ((title !== '#' && !title.startsWith('# ')) || /[\u2028\u2029]/.test(title)) throw NOT_OURS;
    parsed.title = headingTitle(title);
    const header = MAP_MACHINE_LINE.exec(lines[1] ?? '');
    if (!header) throw NOT_OURS;
    readMapHeader(parsed, header[1]!, 2, st);
    this.i = 2;
    this.blankLines();

    // Document line, description, legend: in this order, each optional; then the thesis.
    let stage = 0; // 1 after the document line, 2 in the description, 3 after the legend
    let descriptionStart = -1;
    let descriptionEnd = -1;
    for (;;) {
      const at = this.i;
      const line = lines[at];
      if (line === undefined) throw NOT_OURS;
      if (OUR_LABEL.exec(line)?.[1] === 'Thesis') break;
      if (line.startsWith('*Source document:*')) {
        if (stage > 0) throw NOT_OURS;
        this.alone();
        parsed.document = parseDocument(line, at + 1, st);
        parsed.documentLine = at + 1;
        stage = 1;
      } else if (LEGEND.test(line)) {
        this.alone();
        stage = 3;
      } else {
        if (stage === 3) throw NOT_OURS;
        if (descriptionStart < 0) descriptionStart = at;
        this.textBlock([], 0);
        descriptionEnd = this.i;
        stage = 2;
      }
      this.blankLines();
    }
    parsed.thesis = this.statement(0, '');
    if (descriptionStart >= 0)
      parsed.description = decodeText(joinLines(lines.slice(descriptionStart, descriptionEnd)));

    // "## Sources": one entry a line, then the reference definitions.
    if (lines[this.i] === '## Sources') {
      this.i++;
      this.blankLines();
      let position = 0;
      for (let line = lines[this.i]; line !== undefined && line !== ''; line = lines[++this.i]) {
        const item = SOURCE_ITEM.exec(line);
        if (!item) throw NOT_OURS;
        const text = line.slice(item[0].length);
        // A task checkbox is taken out of the item; trailing whitespace is trimmed (see statement()).
        if (TASK_ITEM.test(text) || ENDS_IN_SPACE.test(text)) throw NOT_OURS;
        const source = parseSource(text, this.i + 1, ++position, st);
        if (source) parsed.sources.push(source);
      }
      this.blankLines();
      while (SOURCE_DEFINITION.test(lines[this.i] ?? '')) this.i++;
      this.blankLines();
    }
    if (lines[this.i] !== END_COMMENT) throw NOT_OURS;
    parsed.hasEnd = true;
    for (let k = this.i + 1; k < lines.length; k++) if (lines[k] !== '') throw NOT_OURS;
    return parsed;
  }

  /** Skips blank lines. */
  private blankLines(): void {
    while (this.lines[this.i] === '') this.i++;
  }

  /** Steps over a block that must be the current line alone: a blank line follows. */
  private alone(): void {
    this.i++;
    const next = this.lines[this.i];
    if (next !== undefined && next !== '') throw NOT_OURS;
  }

  /**
   * One statement and everything under it: the thesis (depth 0) or a "- " item, whose first line
   * is the current line. Mirrors parseBody(): the text (with its label), then its details, then
   * the sub-points, which must come last.
   */
  private statement(depth: number, bullet: string): ParsedNode {
    const { lines, st } = this;
    const ind = 2 * depth;
    const top = depth === 0;
    const node = emptyNode(this.i + 1);
    const first = lines[this.i]!.slice(ind);
    if (!OUR_LABEL.test(first)) throw NOT_OURS;
    const text = [first];
    this.i++;
    this.textRun(text, ind, top);
    const rest = applyLabel(node, joinLines(text), bullet, st, node.line);
    if (top) node.relation = null;
    node.text = decodeText(rest);
    // The details and sub-points, tested in place (startsWith at `ind`) rather than on copies.
    let points = false;
    while (this.i < lines.length) {
      const at = this.i;
      const line = lines[at]!;
      if (!indented(line, ind)) break;
      if (line.startsWith('- ', ind)) {
        points = true;
        node.children.push(this.statement(depth + 1, '-'));
        continue;
      }
      if (top && (ATX_HEADING.test(line) || line === END_COMMENT)) break;
      if (points) throw NOT_OURS;
      if (line.charCodeAt(ind) === 0x3e /* > */) {
        const quote = QUOTE.exec(this.quoteBlock(ind) ?? '');
        if (!quote) throw NOT_OURS;
        if (node.quote) st.error(at + 1, 'A statement has one essay quote; this is a second one.');
        node.quote = { text: decodeText(quote[1]!), paragraph: Number(quote[2]) };
      } else if (line.startsWith('*Notes:*', ind)) {
        const notes = [line.slice(ind)];
        this.i++;
        this.textRun(notes, ind, top);
        node.notes = decodeText(joinLines(notes).replace(NOTES_LABEL, ''));
        continue;
      } else if (line.startsWith('*Sources:*', ind)) {
        this.alone();
        node.cites.push(...parseCitations(line.slice(ind), at + 1, st));
      } else if (line.startsWith('*Rating:*', ind) || line.startsWith('*Standing:*', ind)) {
        this.alone();
        // Summaries are computed, never read back; the per-rater data is in the machine comment.
        if (line.startsWith('*Rating:*', ind) || line.includes('· *Rating:*', ind)) {
          node.hasSummary = true;
          node.summaryLine = at + 1;
        }
      } else {
        this.alone();
        const core = ind ? line.slice(ind) : line;
        if (!NODE_MACHINE_LINE.test(core)) throw NOT_OURS;
        const data = parseMachine(core.slice(MACHINE_START.length, -MACHINE_END.length), at + 1, st);
        node.machineLine = at + 1;
        if (data) readNodeMachine(node, data, at + 1, st);
      }
      this.blankLines();
    }
    // marked trims whitespace at the end of a list's last item (and reads any but spaces and
    // tabs as a paragraph of its own). The exporter guards such edges with the edge comment.
    if (!top && ENDS_IN_SPACE.test(this.lastContentLine())) throw NOT_OURS;
    return node;
  }

  /** The last line before the cursor that is not blank. */
  private lastContentLine(): string {
    let k = this.i - 1;
    while (this.lines[k] === '') k--;
    return this.lines[k] ?? '';
  }

  /**
   * A block quote block at the cursor: its lines' content without the ">" markers, with the
   * cursor moved past it; null (cursor unmoved) unless every line of the block is a ">" line.
   */
  private quoteBlock(ind: number): string | null {
    const { lines } = this;
    const start = this.i;
    const parts: string[] = [];
    for (let k = start; k < lines.length && lines[k] !== ''; k++) {
      const core = unindent(lines[k]!, ind);
      if (core === null || core.charCodeAt(0) !== 0x3e) return null;
      parts.push(core.replace(QUOTE_MARKER, ''));
    }
    this.i = start + parts.length;
    return parts.join('\n');
  }

  /**
   * Free text, from the current line to the blank line after the block: pushes each line
   * (indentation removed) onto `acc` and checks that marked reads the block as text too.
   * Returns whether the block holds a block quote.
   */
  private textBlock(acc: string[], ind: number): boolean {
    const { lines } = this;
    let quoted = false;
    let previous = 0; // 1 after a ">" line, 2 after the empty edge comment
    for (let line = lines[this.i]; line !== undefined && line !== ''; line = lines[++this.i]) {
      const core = unindent(line, ind);
      if (core === null) throw NOT_OURS;
      // The edge comment is an HTML block of its own, so a new block starts after it: one that
      // could be read as a label or a detail ("*Notes:* ...", "**Thesis:** ...") is not ours.
      if (previous === 2 && core.charCodeAt(0) === 0x2a /* * */) throw NOT_OURS;
      if (core.charCodeAt(0) === 0x3e /* > */) {
        // A block quote: it must run to the end of the block (no lazy continuation lines).
        quoted = true;
        previous = 1;
      } else {
        if (previous === 1 || startsBlock(core)) throw NOT_OURS;
        previous = core === EDGE_MARK ? 2 : 0;
      }
      acc.push(core);
    }
    return quoted;
  }

  /**
   * The rest of a run of free text (a statement's text, or its notes) whose first line is
   * already in `acc`: the rest of its block, then every following block that marked would read
   * as text too, up to the next detail, sub-point, or the end of the statement. The blank lines
   * between blocks are kept, as in joinRaw().
   */
  private textRun(acc: string[], ind: number, top: boolean): void {
    const { lines } = this;
    // The first line (a label) starts a paragraph; the rest of its block follows it.
    let quoted = this.textBlock(acc, ind);
    for (;;) {
      const blankStart = this.i;
      this.blankLines();
      const line = lines[this.i];
      if (line === undefined || !indented(line, ind)) break;
      if (line.startsWith('- ', ind) || line.startsWith(MACHINE_START, ind)) break;
      if (line.charCodeAt(ind) === 0x2a /* * */ && META_PARAGRAPH.test(line.slice(ind))) break;
      if (top && (ATX_HEADING.test(line) || line === END_COMMENT)) break;
      if (line.charCodeAt(ind) === 0x3e /* > */) {
        const start = this.i;
        const quote = this.quoteBlock(ind);
        this.i = start;
        if (quote !== null && QUOTE.test(quote)) break;
      }
      for (let k = blankStart; k < this.i; k++) acc.push('');
      quoted = this.textBlock(acc, ind) || quoted;
    }
    // marked would read a block quote inside the text as the essay quote if it looked like one.
    if (quoted && acc.some((line) => line.includes('(¶'))) throw NOT_OURS;
  }
}

/** Reads our own export line by line, or returns null so that marked reads the file. */
function readOwnExport(src: string): Reading | null {
  const st = new ParseState();
  try {
    const parsed = new OwnExportReader(src, st).read();
    return st.errors.length ? null : { parsed, st };
  } catch (error) {
    if (error === NOT_OURS || error instanceof RangeError) return null;
    throw error;
  }
}

/** Which reader importMarkdown() uses. */
export type MarkdownReader = 'auto' | 'marked';

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
  map: number;
  document: number;
  version: number;
}

function locate(e: FormatError, lines: LineIndex): FormatError {
  const field = e.field ?? '';
  const rec = /^(nodes|sources|citations|ratings)\[(\d+)\](?: \(id "[^"]*"\))?\.?(.*)$/.exec(field);
  if (rec) {
    const kind = rec[1] as 'nodes' | 'sources' | 'citations' | 'ratings';
    const word = { nodes: 'statement', sources: 'source', citations: 'source reference', ratings: 'rating' }[kind];
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
      ratings.push(
        r.rationale === undefined
          ? { nodeId: id, rater: r.rater, value: r.value }
          : { nodeId: id, rater: r.rater, value: r.value, rationale: r.rationale },
      );
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
  };
  const result = restore(file, options);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => locate(e, lines)) };
  return { ok: true, bundles: result.bundles, warnings: [...st.warnings, ...result.warnings] };
}
