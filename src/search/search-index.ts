/**
 * The search index of one map: one fuse.js document per node, kept up to date edit by edit.
 *
 * fuse.js alone needs 200-900 ms to rank 10,000 nodes, far too slow for results as you type.
 * So the index finds candidates through the map's vocabulary (vocabulary.ts), scores them
 * with approx.ts, which computes exactly the score fuse gives, and runs fuse itself only over
 * the hits it returns, for their scores and match ranges. The results are fuse's, reordered
 * so exact phrases come first, except for matches that need an edit at a space inside one of
 * the query's words (see `candidates`).
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import { kindOf, type Tree, type TreeNode } from '../model/tree.js';
import type { ArgNode, Citation, MapBundle, NodeKind, Rating, Source } from '../model/types.js';
import {
  anchorRuns,
  compileQuery,
  fieldNorm,
  fieldScore,
  fuzzyScore,
  singleWord,
  type CompiledQuery,
} from './approx.js';
import { hasFilters, matchesRelevance, normalizeSince, type SearchFilters } from './filters.js';
import { foldText, foldWithMap } from './fold.js';
import { mergeRanges, type Range } from './highlight.js';
import { Best, type Ranked } from './best.js';
import { LiveTree } from './live-tree.js';
import { placeable, type NearWord } from './placement.js';
import { Vocabulary, type WordIds } from './vocabulary.js';

/** What fuse indexes for one node: the folded text of every searchable field. */
export interface SearchDocument {
  id: string;
  text: string;
  quote: string;
  notes: string;
  /** One per distinct cited source, in citation order. */
  sourceTitles: string[];
  /** Aligned with sourceTitles; "" when a source names no author. */
  sourceAuthors: string[];
  /** One per citation, in citation order; "" when it has no pinpoint. */
  pinpoints: string[];
}

/** A field a query can match, as reported in highlights. */
export type SearchField = 'text' | 'quote' | 'notes' | 'sourceTitle' | 'sourceAuthors' | 'pinpoint';

// The statement itself matters most; the essay's wording of it next; sources and notes less.
const KEYS = [
  { name: 'text', weight: 4, field: 'text' },
  { name: 'quote', weight: 2, field: 'quote' },
  { name: 'sourceTitles', weight: 1.5, field: 'sourceTitle' },
  { name: 'notes', weight: 1, field: 'notes' },
  { name: 'sourceAuthors', weight: 1, field: 'sourceAuthors' },
  { name: 'pinpoints', weight: 1, field: 'pinpoint' },
] as const satisfies ReadonlyArray<{ name: keyof SearchDocument; weight: number; field: SearchField }>;

type KeyName = (typeof KEYS)[number]['name'];

import { SEARCH_THRESHOLD } from './threshold.js';
export { SEARCH_THRESHOLD };

/**
 * The fuse.js options of the index. Text is folded before fuse sees it (fold.ts), hence
 * case-sensitive matching and no diacritics handling in fuse. Extended search stays off: its
 * operators (', !, ^, =, |) would turn ordinary typed punctuation into syntax.
 */
export const FUSE_OPTIONS: Readonly<IFuseOptions<SearchDocument>> = Object.freeze({
  keys: KEYS.map(({ name, weight }) => ({ name, weight })),
  threshold: SEARCH_THRESHOLD,
  ignoreLocation: true,
  includeMatches: true,
  includeScore: true,
  isCaseSensitive: true,
  ignoreDiacritics: false,
  useExtendedSearch: false,
  useTokenSearch: false,
  // Raising this would also drop matches, not just short highlights; ranges are filtered below.
  minMatchCharLength: 1,
  shouldSort: true,
});

// fuse divides each key's weight by the total, summed in key order.
const TOTAL_WEIGHT = KEYS.reduce((sum, k) => sum + k.weight, 0);
const KEY_WEIGHTS: readonly number[] = KEYS.map((k) => k.weight / TOTAL_WEIGHT);

/** Results shown when the caller does not say how many. */
export const DEFAULT_LIMIT = 50;

/** The matched parts of one field of a hit, as ranges into the field's original text. */
export interface FieldHighlight {
  field: SearchField;
  /** The original text (Markdown for node text) that `ranges` index into. */
  text: string;
  /** Sorted, merged, non-overlapping; single-character matches are left out as noise. */
  ranges: Range[];
  /** For sourceTitle, sourceAuthors and pinpoint: the source. */
  sourceId?: string;
  /** For pinpoint: the citation. */
  citationId?: string;
}

/** One node in the results. */
export interface SearchHit {
  id: string;
  kind: NodeKind;
  /** Ancestor ids, thesis first, parent last; empty for the thesis (see formatPath). */
  path: string[];
  /** fuse's score: 0 is a perfect match, 1 none; 0 for every node when there is no query. */
  score: number;
  highlights: FieldHighlight[];
}

/** What to search, beyond the query text. */
export interface SearchOptions {
  filters?: SearchFilters;
  /** Most hits to return with details (default 50); `ids` always lists every match. */
  limit?: number;
}

/** The answer to a search. */
export interface SearchResults {
  /** The best `limit` matches, ranked. */
  hits: SearchHit[];
  /** Every matching node id, in tree order: for the count and for filtering the tree. */
  ids: string[];
}

interface Entry {
  node: ArgNode;
  /** What the tree holds of the node: kept across text edits, replaced when the node moves. */
  skeleton: Skeleton;
  doc: SearchDocument;
  /** Non-empty field values in fuse's key order, with the exponent fuse raises each score to. */
  values: string[];
  exponents: number[];
  /** The distinct words of `values`, in the index's vocabulary. */
  words: WordIds;
  /** The word ids of `values` in reading order, -1 between values. */
  sequence: Int32Array;
  /** The node's number in the vocabulary's postings; kept while the node exists. */
  slot: number;
  /** True when values[0] is the node's text (it is empty only for a blank node). */
  textFirst: boolean;
  /** Aligned with doc.sourceTitles and doc.sourceAuthors. */
  sourceIds: string[];
  /** Aligned with doc.pinpoints. */
  citationIds: string[];
}

/** What the tree keeps of a node, plus the node's slot (see Entry). */
interface Skeleton extends TreeNode {
  readonly slot: number;
}

function byCreation(a: Citation, b: Citation): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (set) set.add(id);
  else index.set(key, new Set([id]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}

/**
 * Search over one map. Mirror every change of the map into it (upsert and remove methods);
 * each touches only the documents it affects. Removing a node or a source also forgets the
 * citations and ratings that hang off it, as the database does.
 */
export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly sources = new Map<string, Source>();
  private readonly citations = new Map<string, Citation>();
  private readonly ratings = new Map<string, Rating>();
  private readonly citationsByNode = new Map<string, Set<string>>();
  private readonly citationsBySource = new Map<string, Set<string>>();
  private readonly ratingsByNode = new Map<string, Set<string>>();
  private readonly shape = new LiveTree<Skeleton>();
  /** Position in tree order of the node in each slot, for the order `ordered` (the shape's). */
  private orderBySlot = new Int32Array(0);
  private ordered: readonly Skeleton[] = [];
  private readonly vocabulary = new Vocabulary();
  private readonly slots: Array<Entry | undefined> = [];
  private readonly freeSlots: number[] = [];

  /**
   * Indexes everything in `bundle`; with `nodesNow` false, all but the nodes, which the caller
   * then adds in order with addNodes (buildSearchIndex does, in slices, so no task runs long).
   */
  constructor(bundle: MapBundle, nodesNow = true) {
    for (const s of bundle.sources) this.sources.set(s.id, s);
    for (const c of bundle.citations) this.linkCitation(c);
    for (const r of bundle.ratings) this.linkRating(r);
    if (nodesNow) this.addNodes(bundle.nodes, 0, bundle.nodes.length);
  }

  /** Indexes `nodes[from..to)` as new nodes (the constructor's work, for a build in slices). */
  addNodes(nodes: readonly ArgNode[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const n = nodes[i]!;
      const skeleton = this.skeletonOf(n, this.freeSlots.pop() ?? this.slots.length);
      this.shape.set(skeleton);
      this.setEntry(this.makeEntry(n, skeleton));
    }
  }

  /** Does now what the first search would otherwise do first (the tree order of the results). */
  warm(): void {
    this.syncOrder();
  }

  /** Number of nodes indexed. */
  get size(): number {
    return this.entries.size;
  }

  /** One fuse document per node, as fuse would index them: to compare with fuse itself (tests, benchmarks). */
  documents(): SearchDocument[] {
    return [...this.entries.values()].map((e) => e.doc);
  }

  /** The indexed version of a node (for formatPath's labels, say). */
  node(id: string): ArgNode | undefined {
    return this.entries.get(id)?.node;
  }

  /** Adds or replaces a node. */
  upsertNode(node: ArgNode): void {
    const old = this.entries.get(node.id);
    const moved =
      !old ||
      old.node.parentId !== node.parentId ||
      old.node.relation !== node.relation ||
      old.node.order !== node.order;
    const skeleton = moved
      ? this.skeletonOf(node, old ? old.slot : (this.freeSlots.pop() ?? this.slots.length))
      : old.skeleton;
    if (moved) this.shape.set(skeleton);
    const sameText =
      old !== undefined &&
      old.node.text === node.text &&
      old.node.notes === node.notes &&
      old.node.quote?.text === node.quote?.text;
    if (sameText) this.store({ ...old, node, skeleton });
    else this.setEntry(this.makeEntry(node, skeleton));
  }

  /**
   * Removes nodes and their citations and ratings. Pass the whole subtree: children left behind
   * are still found, but sit outside the tree (last in tree order, with a cut-off path).
   */
  removeNodes(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.entries.delete(id);
      this.vocabulary.remove(entry.slot, entry.words);
      this.slots[entry.slot] = undefined;
      this.freeSlots.push(entry.slot);
      this.shape.delete(id);
      for (const c of [...(this.citationsByNode.get(id) ?? [])]) this.unlinkCitation(c);
      for (const r of [...(this.ratingsByNode.get(id) ?? [])]) this.unlinkRating(r);
    }
  }

  /** Adds or replaces a source; only the nodes citing it are re-indexed. */
  upsertSource(source: Source): void {
    const old = this.sources.get(source.id);
    this.sources.set(source.id, source);
    if (old && old.title === source.title && old.authors === source.authors) return;
    this.refresh(this.citationsBySource.get(source.id) ?? [], true);
  }

  /** Removes sources and the citations of them. */
  removeSources(ids: Iterable<string>): void {
    const citing = new Set<string>();
    for (const id of ids) {
      if (!this.sources.delete(id)) continue;
      for (const c of [...(this.citationsBySource.get(id) ?? [])]) {
        citing.add(this.citations.get(c)!.nodeId);
        this.unlinkCitation(c);
      }
    }
    this.refresh(citing, false);
  }

  /** Adds or replaces a citation; re-indexes the node(s) it belongs (or belonged) to. */
  upsertCitation(citation: Citation): void {
    const old = this.citations.get(citation.id);
    if (old) this.unlinkCitation(old.id);
    this.linkCitation(citation);
    this.refresh(old && old.nodeId !== citation.nodeId ? [old.nodeId, citation.nodeId] : [citation.nodeId], false);
  }

  /** Removes citations and re-indexes the nodes that made them. */
  removeCitations(ids: Iterable<string>): void {
    const citing = new Set<string>();
    for (const id of ids) {
      const c = this.citations.get(id);
      if (!c) continue;
      citing.add(c.nodeId);
      this.unlinkCitation(id);
    }
    this.refresh(citing, false);
  }

  /** Adds or replaces a rating (ratings are filtered on, never searched). */
  upsertRating(rating: Rating): void {
    if (this.ratings.has(rating.id)) this.unlinkRating(rating.id);
    this.linkRating(rating);
  }

  /** Removes ratings. */
  removeRatings(ids: Iterable<string>): void {
    for (const id of ids) this.unlinkRating(id);
  }

  /**
   * Nodes matching `query` and the filters. With a query: nodes whose text contains the query
   * as a phrase (case and diacritics ignored) first, then those where another field does, then
   * fuzzy matches; within each, by fuse score, then tree order. With only filters: every node
   * that passes, in tree order. With neither: nothing.
   * Throws RangeError when filters.changedSince is not a date.
   */
  search(query: string, options: SearchOptions = {}): SearchResults {
    const { filters, limit = DEFAULT_LIMIT } = options;
    const pattern = foldText(query);
    const filtered = hasFilters(filters);
    if (!pattern && !filtered) return { hits: [], ids: [] };
    const tree = this.shape.view();
    this.syncOrder();
    const accept = filtered ? this.filterFor(filters!, tree) : null;
    if (!pattern) {
      const ids: string[] = [];
      for (const { id } of this.ordered) if (accept!(this.entries.get(id)!)) ids.push(id);
      return { hits: ids.slice(0, limit).map((id) => this.hit(tree, this.entries.get(id)!, 0, [])), ids };
    }
    const compiled = compileQuery(pattern, SEARCH_THRESHOLD);
    const best = new Best<Entry>(limit);
    const matched: number[] = [];
    const { entries, near } = this.candidates(compiled);
    const word = singleWord(compiled);
    const byWords =
      word && near.length === 1 && near[0]!.length === 1
        ? { edits: near[0]![0]!.edits, pieces: this.vocabulary.containing(word.pieces), maxEdits: word.maxEdits }
        : null;
    for (const entry of entries) {
      if (accept && !accept(entry)) continue;
      const score = byWords ? this.scoreByWords(entry, compiled, byWords) : this.score(entry, compiled);
      if (score < 0) continue;
      const order = this.orderBySlot[entry.slot]!;
      matched.push(order);
      best.offer(entry, this.tier, score, order);
    }
    const ids = Array.from(Int32Array.from(matched).sort(), (o) => this.ordered[o]!.id);
    return { hits: this.confirm(tree, best.sorted(), pattern), ids };
  }

  /**
   * The nodes that may match, read from the vocabulary instead of every node's text.
   *
   * In a match, every word of a chunk longer than the chunk's edit budget lies inside one word
   * of the node within the budget, these words come in the query's order, one word apart for
   * each space between them in the query, and every edit, inside a word or at a space, counts
   * against the budget. So only the holders of words near the rarest query word are read, and
   * of those only nodes where the query's words can be placed so are kept. This leaves out
   * matches that need an edit at a space of the node's text inside such a word ("kosovo" in
   * "koso vo"), which fuse alone would find, with a poor score.
   */
  private candidates(compiled: CompiledQuery): { entries: Entry[]; near: NearWord[][] } {
    const chunks = anchorRuns(compiled);
    if (chunks.some((c) => c.runs.length === 0)) return { entries: [...this.entries.values()], near: [] };
    const nearByChunk: NearWord[][] = [];
    // 1 once a node is kept; chunk number + 2 once a chunk has looked at it.
    const seen = new Int32Array(this.slots.length);
    const out: Entry[] = [];
    chunks.forEach(({ runs, maxEdits }, c) => {
      const near = runs.map(({ run, token }) => ({ token, ...this.vocabulary.near(run, maxEdits) }));
      nearByChunk.push(near);
      const pivot = near.reduce((best, n, i) => (n.postings < near[best]!.postings ? i : best), 0);
      const rarest = near[pivot]!;
      for (const word of rarest.words) {
        for (const slot of this.vocabulary.holders(word)) {
          if (seen[slot] === 1 || seen[slot] === c + 2) continue;
          seen[slot] = c + 2;
          const entry = this.slots[slot]!;
          // With one word, every holder of a near word fits the budget.
          if (near.length > 1 && !placeable(entry.sequence, near, maxEdits, pivot)) continue;
          seen[slot] = 1;
          out.push(entry);
        }
      }
    });
    return { entries: out, near: nearByChunk };
  }

  /** The phrase tier of the node last scored (see Ranked): a side result, to spare an allocation. */
  private tier = 2;

  /** fuse's score for one node, or -1 when nothing matches; sets `tier`. */
  private score(entry: Entry, compiled: CompiledQuery): number {
    const { values, exponents } = entry;
    const single = compiled.chunks.length === 1;
    let total = 1;
    let matched = false;
    let tier = 2;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const s = fieldScore(compiled, value);
      if (s < 0) continue;
      matched = true;
      // As fuse's computeScore: an exact whole-field match counts as EPSILON, in key order.
      total *= Math.pow(s === 0 ? Number.EPSILON : s, exponents[i]!);
      // A single-chunk score of 0 or 0.001 means the field contains the query.
      if (tier > 0 && (single ? s <= 0.001 : value.includes(compiled.pattern))) {
        tier = i === 0 && entry.textFirst ? 0 : 1;
      }
    }
    this.tier = tier;
    return matched ? total : -1;
  }

  /**
   * `score` for a query of one word, from the words of each field where that suffices: a field
   * contains the query exactly when one of its words does, cannot match at all when none of
   * its words holds one of the query's pieces, and matches with one edit when a word does and
   * it does not contain the query. Only other fields are read character by character.
   */
  private scoreByWords(
    entry: Entry,
    compiled: CompiledQuery,
    byWords: { edits: Uint8Array; pieces: Uint8Array; maxEdits: number },
  ): number {
    const { values, exponents, sequence } = entry;
    const { edits, pieces, maxEdits } = byWords;
    let total = 1;
    let matched = false;
    let tier = 2;
    let p = 0;
    for (let i = 0; i < values.length; i++) {
      let fewest = 255;
      let piece = 0;
      for (; p < sequence.length; p++) {
        const w = sequence[p]!;
        if (w < 0) {
          p++;
          break;
        }
        if (edits[w]! < fewest) fewest = edits[w]!;
        piece |= pieces[w]!;
      }
      const value = values[i]!;
      let s: number;
      if (fewest === 0) s = value === compiled.pattern ? 0 : 0.001;
      else if (maxEdits === 0 || !piece) s = -1;
      else s = fuzzyScore(compiled, value, fewest);
      if (s < 0) continue;
      matched = true;
      total *= Math.pow(s === 0 ? Number.EPSILON : s, exponents[i]!);
      if (fewest === 0 && tier > 0) tier = i === 0 && entry.textFirst ? 0 : 1;
    }
    this.tier = tier;
    return matched ? total : -1;
  }

  /** Runs fuse over the hits to show, for its scores and match ranges. */
  private confirm(tree: Tree<TreeNode>, top: readonly Ranked<Entry>[], pattern: string): SearchHit[] {
    if (top.length === 0) return [];
    const fuse = new Fuse(
      top.map((r) => r.entry.doc),
      FUSE_OPTIONS,
    );
    const byIndex = new Map<number, FuseResult<SearchDocument>>();
    for (const res of fuse.search(pattern)) byIndex.set(res.refIndex, res);
    const hits = top.map((r, i) => {
      const res = byIndex.get(i);
      return { r, hit: this.hit(tree, r.entry, res?.score ?? r.score, res ? this.highlightsOf(r.entry, res) : []) };
    });
    // approx.ts gives the same scores (tested), so this only guards against drift after a fuse upgrade.
    hits.sort((a, b) => a.r.tier - b.r.tier || a.hit.score - b.hit.score || a.r.order - b.r.order);
    return hits.map((h) => h.hit);
  }

  private hit(tree: Tree<TreeNode>, entry: Entry, score: number, highlights: FieldHighlight[]): SearchHit {
    const { id } = entry.node;
    return { id, kind: kindOf(tree, entry.skeleton), path: this.shape.path(id), score, highlights };
  }

  /** fuse's ranges (inclusive, in folded text) as ranges into the original text of each field. */
  private highlightsOf(entry: Entry, res: FuseResult<SearchDocument>): FieldHighlight[] {
    const out: FieldHighlight[] = [];
    for (const match of res.matches ?? []) {
      const key = KEYS.find((k) => k.name === match.key);
      if (!key) continue;
      const h = this.originalOf(entry, key.name, match.refIndex ?? 0);
      if (!h) continue;
      const map = foldWithMap(h.text);
      const ranges: Range[] = [];
      for (const [s, e] of match.indices) {
        if (e - s + 1 < 2 || e >= map.ends.length) continue;
        ranges.push([map.starts[s]!, map.ends[e]!]);
      }
      if (ranges.length) out.push({ field: key.field, ...h, ranges: mergeRanges(ranges) });
    }
    return out;
  }

  /** The original text behind one folded field value, and where it comes from. */
  private originalOf(
    entry: Entry,
    key: KeyName,
    ref: number,
  ): { text: string; sourceId?: string; citationId?: string } | undefined {
    const { node } = entry;
    switch (key) {
      case 'text':
        return { text: node.text };
      case 'quote':
        return node.quote ? { text: node.quote.text } : undefined;
      case 'notes':
        return node.notes !== undefined ? { text: node.notes } : undefined;
      case 'sourceTitles':
      case 'sourceAuthors': {
        const sourceId = entry.sourceIds[ref];
        const source = sourceId === undefined ? undefined : this.sources.get(sourceId);
        if (!source) return undefined;
        const text = key === 'sourceTitles' ? source.title : source.authors;
        return text === undefined ? undefined : { text, sourceId: source.id };
      }
      case 'pinpoints': {
        const citationId = entry.citationIds[ref];
        const c = citationId === undefined ? undefined : this.citations.get(citationId);
        return c?.pinpoint === undefined ? undefined : { text: c.pinpoint, sourceId: c.sourceId, citationId: c.id };
      }
    }
  }

  private filterFor(filters: SearchFilters, tree: Tree<TreeNode>): (entry: Entry) => boolean {
    const kinds = filters.kinds?.length ? new Set(filters.kinds) : null;
    const origins = filters.origins?.length ? new Set(filters.origins) : null;
    const since = filters.changedSince === undefined ? null : normalizeSince(filters.changedSince);
    const { noSource, unrated, ratedBy, relevance } = filters;
    return (entry) => {
      const { node } = entry;
      if (kinds && !kinds.has(kindOf(tree, entry.skeleton))) return false;
      if (origins && !origins.has(node.origin)) return false;
      if (since !== null && node.updatedAt < since) return false;
      if (noSource && this.citationsByNode.has(node.id)) return false;
      const rated = this.ratingsByNode.get(node.id);
      if (unrated && [...(rated ?? [])].some((r) => this.ratings.get(r)!.value !== undefined)) return false;
      if (relevance !== undefined) {
        const values: number[] = [];
        for (const r of rated ?? []) {
          const v = this.ratings.get(r)!.relevance;
          if (v !== undefined) values.push(v);
        }
        if (!matchesRelevance(relevance, values)) return false;
      }
      if (ratedBy !== undefined && ![...(rated ?? [])].some((r) => this.ratings.get(r)!.rater === ratedBy))
        return false;
      return true;
    };
  }

  /** Brings orderBySlot up to date with the shape's tree order (after nodes were added or moved). */
  private syncOrder(): void {
    const ordered = this.shape.order();
    if (ordered === this.ordered && this.orderBySlot.length === this.slots.length) return;
    const orderBySlot = new Int32Array(this.slots.length);
    for (let i = 0; i < ordered.length; i++) orderBySlot[ordered[i]!.slot] = i;
    this.orderBySlot = orderBySlot;
    this.ordered = ordered;
  }

  /** Stores a node's new entry in the slot of the one it replaces, and indexes its words. */
  private setEntry(fields: Omit<Entry, 'words' | 'sequence' | 'slot'>): void {
    const old = this.entries.get(fields.node.id);
    const { slot } = fields.skeleton;
    const { words, sequence } = this.vocabulary.update(slot, old ? old.words : null, fields.values);
    this.store({ ...fields, words, sequence, slot });
  }

  private store(entry: Entry): void {
    this.entries.set(entry.node.id, entry);
    this.slots[entry.slot] = entry;
  }

  private skeletonOf(node: ArgNode, slot: number): Skeleton {
    return { id: node.id, parentId: node.parentId, relation: node.relation, order: node.order, slot };
  }

  /** Derives a node's document from the current state; the same for an edit as for a rebuild. */
  private makeEntry(node: ArgNode, skeleton: Skeleton): Omit<Entry, 'words' | 'sequence' | 'slot'> {
    const cites = [...(this.citationsByNode.get(node.id) ?? [])].map((id) => this.citations.get(id)!).sort(byCreation);
    const sourceIds: string[] = [];
    for (const c of cites) {
      if (this.sources.has(c.sourceId) && !sourceIds.includes(c.sourceId)) sourceIds.push(c.sourceId);
    }
    const doc: SearchDocument = {
      id: node.id,
      text: foldText(node.text),
      quote: foldText(node.quote?.text ?? ''),
      notes: foldText(node.notes ?? ''),
      sourceTitles: sourceIds.map((id) => foldText(this.sources.get(id)!.title)),
      sourceAuthors: sourceIds.map((id) => foldText(this.sources.get(id)!.authors ?? '')),
      pinpoints: cites.map((c) => foldText(c.pinpoint ?? '')),
    };
    const values: string[] = [];
    const exponents: number[] = [];
    KEYS.forEach((key, k) => {
      const field = doc[key.name];
      for (const value of typeof field === 'string' ? [field] : field) {
        // fuse skips blank values; folded values are trimmed, so blank means empty.
        if (!value) continue;
        values.push(value);
        exponents.push(KEY_WEIGHTS[k]! * fieldNorm(value));
      }
    });
    return {
      node,
      skeleton,
      doc,
      values,
      exponents,
      textFirst: doc.text !== '',
      sourceIds,
      citationIds: cites.map((c) => c.id),
    };
  }

  /** Re-derives the documents of `nodeIds` (citation ids when `viaCitations`). */
  private refresh(ids: Iterable<string>, viaCitations: boolean): void {
    const done = new Set<string>();
    for (const id of ids) {
      const nodeId = viaCitations ? this.citations.get(id)?.nodeId : id;
      if (nodeId === undefined || done.has(nodeId)) continue;
      done.add(nodeId);
      const entry = this.entries.get(nodeId);
      if (entry) this.setEntry(this.makeEntry(entry.node, entry.skeleton));
    }
  }

  private linkCitation(c: Citation): void {
    this.citations.set(c.id, c);
    addTo(this.citationsByNode, c.nodeId, c.id);
    addTo(this.citationsBySource, c.sourceId, c.id);
  }

  private unlinkCitation(id: string): void {
    const c = this.citations.get(id);
    if (!c) return;
    this.citations.delete(id);
    removeFrom(this.citationsByNode, c.nodeId, id);
    removeFrom(this.citationsBySource, c.sourceId, id);
  }

  private linkRating(r: Rating): void {
    this.ratings.set(r.id, r);
    addTo(this.ratingsByNode, r.nodeId, r.id);
  }

  private unlinkRating(id: string): void {
    const r = this.ratings.get(id);
    if (!r) return;
    this.ratings.delete(id);
    removeFrom(this.ratingsByNode, r.nodeId, id);
  }
}

/** Builds the search index of one map. */
export function createSearchIndex(bundle: MapBundle): SearchIndex {
  return new SearchIndex(bundle);
}
