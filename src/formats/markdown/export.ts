/** The Markdown export: a map as a document that reads well raw and rendered, and reads back losslessly. */
import { buildTree, childrenOf, kindOf, type Tree, walk } from '../../model/tree.js';
import {
  type ArgNode,
  FORMAT_VERSION,
  type Link,
  KIND_LABELS,
  type MapBundle,
  Origin,
  type Rating,
  RELIABILITY_WORDS,
  type Source,
  type SourceDocument,
} from '../../model/types.js';
import { encodeBlock, encodeInline } from '../md-text.js';
import {
  ADDED,
  ADDED_BY,
  byCodeUnits,
  commentJson,
  END_COMMENT,
  formatNumber,
  labelName,
  MAP_COMMENT,
  NODE_COMMENT,
  REWORDED,
} from './grammar.js';

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
  linkOf: Map<string, Link>;
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
  const name = labelName(node.author);
  const qualifier = node.origin === Origin.added ? (name ? ADDED_BY + name : ADDED) : node.edited ? REWORDED : '';
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
  const summary = (label: string, values: number[]): void => {
    if (!values.length) return;
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    numbers.push(`*${label}:* ${formatNumber(mean)} of 4 (${values.length} rating${values.length === 1 ? '' : 's'})`);
  };
  summary(
    'Rating',
    ratings.flatMap((r) => (r.value === undefined ? [] : [r.value])),
  );
  summary(
    'Relevance',
    ratings.flatMap((r) => (r.relevance === undefined ? [] : [r.relevance])),
  );
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
    // A link row points by id: re-import keeps it pointing at the same statement.
    const link = ctx.linkOf.get(node.id);
    if (link) machine.link = link.targetId ?? link.external;
  }
  if (ratings.length) machine.ratings = ratings.map(machineRating);
  if (Object.keys(machine).length) {
    out.push(`${indent}<!-- ${NODE_COMMENT} ${commentJson(machine)} -->`);
    out.push('');
  }
  for (const child of childrenOf(ctx.tree, node.id)) exportNode(ctx, child, depth + 1);
}

/**
 * One rater's rating as machine data: the tuple [rater, value(, rationale)] files have always had
 * for evidence alone (older Warrants read it), an object once it carries relevance.
 */
function machineRating(r: Rating): unknown {
  if (r.relevance === undefined)
    return r.rationale !== undefined ? [r.rater, r.value, r.rationale] : [r.rater, r.value];
  return {
    rater: r.rater,
    ...(r.value !== undefined && { value: r.value }),
    relevance: r.relevance,
    ...(r.rationale !== undefined && { rationale: r.rationale }),
  };
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
    linkOf: new Map(
      (bundle.links ?? [])
        .filter((l) => l.external !== undefined || (l.targetId !== undefined && tree.byId.has(l.targetId)))
        .map((l) => [l.nodeId, l]),
    ),
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
  const rated = [...ctx.ratingsByNode.values()].flat();
  if (rated.some((r) => r.value !== undefined)) {
    legend.push(
      "*Ratings:* each statement's own evidence, rated from 0 (none) to 4 (decisive); shown as the mean of all raters and the number of ratings.",
    );
  }
  if (rated.some((r) => r.relevance !== undefined)) {
    legend.push(
      '*Relevance:* how much a statement matters to the one above it, rated from 0 (irrelevant) to 4 (essential); shown as the mean of all raters and the number of ratings.',
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
