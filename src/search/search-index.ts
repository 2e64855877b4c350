/**
 * The search index of one map: one fuse.js document per node, kept up to date edit by edit.
 *
 * fuse.js alone needs 200-900 ms to rank 10,000 nodes, far too slow for results as you type.
 * So the index finds candidates through the map's vocabulary (candidates.ts), scores them
 * with scoring.ts, which computes exactly the score fuse gives, and runs fuse itself only over
 * the hits it returns, for their scores and match ranges (hit-highlights.ts). The results are
 * fuse's, reordered so exact phrases come first, except for matches that need an edit at a
 * space inside one of the query's words (see candidates.ts). This file keeps the index in step
 * with the map and puts the pieces together.
 */
import { kindOf, type Tree, type TreeNode } from '../model/tree.js';
import { byCreation } from '../model/sources.js';
import type { Citation, Origin, Source } from '../model/types.js';
import { IndexRecords, type IndexedCitation } from './records.js';
import { ratingsByNode, type RatingFacts } from './rating-table.js';
import { compileQuery } from './approx.js';
import { candidates } from './candidates.js';
import { hasFilters, nodeFilter, type SearchFilters } from './filters.js';
import { foldText } from './fold.js';
import { fuseResults, highlightsOf, wordHighlights, type FieldHighlight, type Originals } from './hit-highlights.js';
import type { IndexedNode, NodeTexts } from './indexed-node.js';
import { Best, type Ranked } from './best.js';
import { LiveTree } from './live-tree.js';
import {
  fieldValues,
  nodeFields,
  type NodeFields,
  scoreByWords,
  scored,
  scoreEntry,
  type Entry,
  type SearchDocument,
} from './scoring.js';
import { indexedNode, interner } from './indexed-node.js';
import { SEARCH_THRESHOLD } from './threshold.js';
import { stampText, toStamp, type Stamp } from './stamp.js';
import { suggestQuery } from './suggest.js';
import { Vocabulary } from './vocabulary.js';
import { DEFAULT_LIMIT, type IndexInput, type SearchHit, type SearchOptions, type SearchResults } from './results.js';
import { allWordsCandidates, lookUpWords, wordsScore, type QueryWord } from './words.js';

export { FUSE_OPTIONS, type SearchDocument } from './scoring.js';
export type { FieldHighlight } from './hit-highlights.js';
export type { IndexedNode } from './indexed-node.js';
export { SEARCH_THRESHOLD };

export { DEFAULT_LIMIT, type IndexInput, type SearchHit, type SearchOptions, type SearchResults } from './results.js';

/** Tier of matches found word by word (below the phrase tiers of best.ts). */
const WORDS_TIER = 3;

/** How a SearchIndex keeps what it is given. */
export interface SearchIndexOptions {
  /**
   * False: keep no node's own text, notes or quote, only their words (the search worker, whose
   * page holds the text anyway). Highlights in those fields then come with `folded` set, to be
   * finished with unfoldHighlights where the text is.
   */
  keepText?: boolean;
}

/** A node's folded text, quote and notes, as index() takes them. */
function foldedFields(node: IndexedNode): NodeFields {
  return {
    text: foldText(node.text),
    quote: node.quote ? foldText(node.quote.text) : '',
    notes: node.notes ? foldText(node.notes) : '',
  };
}

/** What the index keeps of a node it is given. */
interface KeptNode extends TreeNode {
  origin: Origin;
  updatedAt: Stamp;
  texts: NodeTexts | null;
}

const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * Search over one map. Mirror every change of the map into it (upsert and remove methods);
 * each touches only the documents it affects. Removing a node or a source also forgets the
 * citations and ratings that hang off it, as the database does.
 */
export class SearchIndex {
  private readonly records = new IndexRecords();
  private readonly same = interner();
  private readonly sources = this.records.sources;
  private readonly citations = this.records.citations;
  private readonly shape = new LiveTree<Entry>();
  /** Position in tree order of the node in each slot, for the order `ordered` (the shape's). */
  private orderBySlot = new Int32Array(0);
  private ordered: readonly Entry[] = [];
  private readonly vocabulary = new Vocabulary();
  private readonly slots: Array<Entry | undefined> = [];
  private readonly freeSlots: number[] = [];
  /** Folded title and authors of each source, shared by every node citing it. */
  private readonly foldedSources = new Map<string, { title: string; authors: string }>();
  private readonly originals: Originals = { sources: this.sources, citations: this.citations, nodeText: true };
  private readonly candidateSource = {
    vocabulary: this.vocabulary,
    slots: this.slots,
    all: () => this.slots.filter((e): e is Entry => e !== undefined),
  };

  /** False: the index keeps no node's own text (see SearchIndexOptions). */
  private readonly keepText: boolean;

  /**
   * Indexes everything in `bundle`; with `nodesNow` false, all but the nodes, which the caller
   * then adds in order with addNodes (buildSearchIndex does, in slices, so no task runs long).
   */
  constructor(bundle: IndexInput, nodesNow = true, options: SearchIndexOptions = {}) {
    this.keepText = options.keepText ?? true;
    this.originals.nodeText = this.keepText;
    for (const s of bundle.sources) this.sources.set(s.id, s);
    for (const c of bundle.citations) this.records.linkCitation(c);
    for (const { nodeId, ratings } of ratingsByNode(bundle.ratings)) this.records.setRatings(nodeId, ratings);
    if (nodesNow) {
      this.addNodes(bundle.nodes, 0, bundle.nodes.length);
      this.vocabulary.trim();
    }
  }

  /** Indexes `nodes[from..to)` as new nodes (the constructor's work, for a build in slices). */
  addNodes(nodes: readonly IndexedNode[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const entry = this.place(this.keep(nodes[i]!), this.freeSlots.pop() ?? this.slots.length, NO_IDS, NO_IDS);
      this.index(entry, foldedFields(nodes[i]!));
    }
  }

  /** Does now what the first search would otherwise do first (the tree order of the results). */
  warm(): void {
    this.syncOrder();
    this.vocabulary.trim();
  }

  /** Number of nodes indexed. */
  get size(): number {
    return this.shape.size;
  }

  /** One fuse document per node, as fuse would index them: to compare with fuse itself (tests, benchmarks). */
  documents(): SearchDocument[] {
    return this.candidateSource.all().map((e) => this.documentOf(e));
  }

  /** The indexed version of a node (for formatPath's labels, say). */
  node(id: string): IndexedNode | undefined {
    const entry = this.entryOf(id);
    if (!entry) return undefined;
    const { parentId, relation, order, origin, updatedAt, texts } = entry;
    return { id, parentId, relation, order, origin, updatedAt: stampText(updatedAt), ...(texts ?? { text: '' }) };
  }

  private entryOf(id: string): Entry | undefined {
    return this.shape.get(id);
  }

  /** Adds or replaces a node. */
  upsertNode(given: IndexedNode): void {
    const old = this.entryOf(given.id);
    const node = this.keep(given);
    // Without the old text to compare with, every change is indexed again.
    const sameText =
      old?.texts != null &&
      node.texts !== null &&
      old.texts.text === node.texts.text &&
      old.texts.notes === node.texts.notes &&
      old.texts.quote?.text === node.texts.quote?.text;
    let entry: Entry;
    if (!old || old.parentId !== node.parentId || old.relation !== node.relation || old.order !== node.order) {
      // Moved (or new): a new tree node in the node's slot.
      entry = this.place(
        node,
        old ? old.slot : (this.freeSlots.pop() ?? this.slots.length),
        old?.sourceIds ?? NO_IDS,
        old?.citationIds ?? NO_IDS,
      );
    } else {
      entry = old;
      entry.origin = node.origin;
      entry.updatedAt = node.updatedAt;
      entry.texts = node.texts;
    }
    if (!sameText) this.index(entry, foldedFields(given));
  }

  /**
   * Removes nodes and their citations and ratings. Pass the whole subtree: children left behind
   * are still found, but sit outside the tree (last in tree order, with a cut-off path).
   */
  removeNodes(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.entryOf(id);
      if (!entry) continue;
      this.vocabulary.remove(entry.slot);
      this.slots[entry.slot] = undefined;
      this.freeSlots.push(entry.slot);
      this.shape.delete(id);
      this.records.forgetNode(id);
    }
  }

  /** Adds or replaces a source; only the nodes citing it are re-indexed. */
  upsertSource(source: Source): void {
    const old = this.sources.get(source.id);
    this.sources.set(source.id, source);
    if (old && old.title === source.title && old.authors === source.authors) return;
    this.foldedSources.delete(source.id);
    this.refresh(this.records.citationsOfSource(source.id), true);
  }

  /** Removes sources and the citations of them. */
  removeSources(ids: Iterable<string>): void {
    const citing = new Set<string>();
    for (const id of ids) {
      if (!this.sources.delete(id)) continue;
      this.foldedSources.delete(id);
      for (const c of [...this.records.citationsOfSource(id)]) citing.add(this.records.unlinkCitation(c)!.nodeId);
    }
    this.refresh(citing, false);
  }

  /** Adds or replaces a citation; re-indexes the node(s) it belongs (or belonged) to. */
  upsertCitation(citation: Citation): void {
    const old = this.citations.get(citation.id);
    this.records.linkCitation(citation);
    this.refresh(old && old.nodeId !== citation.nodeId ? [old.nodeId, citation.nodeId] : [citation.nodeId], false);
  }

  /** Removes citations and re-indexes the nodes that made them. */
  removeCitations(ids: Iterable<string>): void {
    const citing = new Set<string>();
    for (const id of ids) {
      const c = this.records.unlinkCitation(id);
      if (c) citing.add(c.nodeId);
    }
    this.refresh(citing, false);
  }

  /**
   * Makes `ratings` all the ratings of a node, in that order (none: it has no ratings). Ratings
   * are filtered on, never searched, so nothing is re-indexed.
   */
  setRatings(nodeId: string, ratings: readonly RatingFacts[]): void {
    // The node's own id string, when it is indexed, rather than the message's copy.
    this.records.setRatings(this.entryOf(nodeId)?.id ?? nodeId, ratings);
  }

  /**
   * Nodes matching `query` and the filters. With a query: nodes whose text contains the query
   * as a phrase (case and diacritics ignored) first, then those where another field does, then
   * fuzzy matches; within each, by fuse score, then tree order. With only filters: every node
   * that passes, in tree order. With neither: nothing.
   * Throws RangeError when filters.changedSince is not a date.
   */
  search(query: string, options: SearchOptions = {}): SearchResults {
    return this.find(query, options, true);
  }

  private find(query: string, options: SearchOptions, suggest: boolean): SearchResults {
    const { filters, limit = DEFAULT_LIMIT } = options;
    const pattern = foldText(query);
    const filtered = hasFilters(filters);
    if (!pattern && !filtered) return { hits: [], ids: [] };
    const tree = this.shape.view();
    this.syncOrder();
    const accept = filtered ? this.filterFor(filters!, tree) : null;
    if (!pattern) {
      const passed: Entry[] = [];
      for (const { slot } of this.ordered) if (accept!(this.slots[slot]!)) passed.push(this.slots[slot]!);
      return { hits: passed.slice(0, limit).map((e) => this.hit(tree, e, 0, [])), ids: passed.map((e) => e.id) };
    }
    const compiled = compileQuery(pattern, SEARCH_THRESHOLD);
    const best = new Best<Entry>(limit);
    const matched: number[] = [];
    // Slots matched as a phrase, so the word-by-word search does not offer them again.
    const asPhrase = new Uint8Array(this.slots.length);
    const { entries, byWords } = candidates(this.candidateSource, compiled);
    const sequences = this.vocabulary.sequences();
    for (const entry of entries) {
      if (accept && !accept(entry)) continue;
      const score = byWords
        ? scoreByWords(sequences, entry.slot, compiled, byWords)
        : scoreEntry(sequences, entry.slot, compiled);
      if (score < 0) continue;
      asPhrase[entry.slot] = 1;
      const order = this.orderBySlot[entry.slot]!;
      matched.push(order);
      best.offer(entry, scored.tier, score, order);
    }
    // Word by word: for every query of several words, and for one word that found nothing
    // (its stem may still be there, or a suggestion is wanted).
    const words =
      pattern.includes(' ') || matched.length === 0 ? lookUpWords(this.vocabulary, pattern, SEARCH_THRESHOLD) : null;
    if (words && words.length > 1) {
      for (const entry of allWordsCandidates(this.vocabulary, this.slots, words, asPhrase)) {
        if (accept && !accept(entry)) continue;
        const score = wordsScore(sequences, entry.slot, words);
        if (score < 0) continue;
        const order = this.orderBySlot[entry.slot]!;
        matched.push(order);
        best.offer(entry, WORDS_TIER, score, order);
      }
    } else if (words && matched.length === 0) {
      for (const entry of allWordsCandidates(this.vocabulary, this.slots, words)) {
        if (accept && !accept(entry)) continue;
        const score = wordsScore(sequences, entry.slot, words);
        if (score < 0) continue;
        const order = this.orderBySlot[entry.slot]!;
        matched.push(order);
        best.offer(entry, WORDS_TIER, score, order);
      }
    }
    const ids = Array.from(Int32Array.from(matched).sort(), (o) => this.ordered[o]!.id);
    const results: SearchResults = { hits: this.confirm(tree, best.sorted(), pattern, words), ids };
    if (ids.length === 0 && suggest && words) {
      const suggestion = suggestQuery(this.vocabulary, words);
      if (suggestion && this.find(suggestion, { filters, limit: 1 }, false).ids.length > 0) {
        results.suggestion = suggestion;
      }
    }
    return results;
  }

  /**
   * Runs fuse over the phrase hits to show, for their scores and match ranges; hits found word
   * by word are highlighted word by word.
   */
  private confirm(
    tree: Tree<TreeNode>,
    top: readonly Ranked<Entry>[],
    pattern: string,
    words: readonly QueryWord[] | null,
  ): SearchHit[] {
    const docs = top.map((r) => this.documentOf(r.entry));
    const phrase = top.flatMap((r, i) => (r.tier < WORDS_TIER ? [i] : []));
    const byPhrase = fuseResults(
      phrase.map((i) => docs[i]!),
      pattern,
    );
    const fused = new Map(phrase.map((i, k) => [i, byPhrase.get(k)]));
    const hits = top.map((r, i) => {
      if (r.tier === WORDS_TIER) {
        const highlights = wordHighlights(r.entry, docs[i]!, words!, this.originals, this.vocabulary.sequences());
        return { r, hit: { ...this.hit(tree, r.entry, r.score, highlights), byWords: true as const } };
      }
      const res = fused.get(i);
      return {
        r,
        hit: this.hit(tree, r.entry, res?.score ?? r.score, res ? highlightsOf(r.entry, res, this.originals) : []),
      };
    });
    // approx.ts gives the same scores (tested), so this only guards against drift after a fuse upgrade.
    hits.sort((a, b) => a.r.tier - b.r.tier || a.hit.score - b.hit.score || a.r.order - b.r.order);
    return hits.map((h) => h.hit);
  }

  private hit(tree: Tree<TreeNode>, entry: Entry, score: number, highlights: FieldHighlight[]): SearchHit {
    const { id } = entry;
    return { id, kind: kindOf(tree, entry), path: this.shape.path(id), score, highlights };
  }

  private filterFor(filters: SearchFilters, tree: Tree<TreeNode>): (entry: Entry) => boolean {
    const accepts = nodeFilter(filters, {
      kindOf: (entry: Entry) => kindOf(tree, entry),
      cites: (id) => this.records.citationsOf(id).length > 0,
      ratingsOf: (id) => this.records.ratingsOf(id),
    });
    return (entry) => accepts(entry, entry);
  }

  /** A new entry for `node` in `slot`, in the tree and the slots (its words are indexed by `index`). */
  private place(node: KeptNode, slot: number, sourceIds: readonly string[], citationIds: readonly string[]): Entry {
    const { id, parentId, relation, order, origin, updatedAt, texts } = node;
    const entry: Entry = { id, parentId, relation, order, slot, origin, updatedAt, texts, sourceIds, citationIds };
    this.shape.set(entry);
    this.slots[slot] = entry;
    return entry;
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

  /** What the index keeps of a node posted to it (an ArgNode, say): shared strings kept once. */
  private keep(given: IndexedNode): KeptNode {
    const { id, parentId, relation, order, origin, updatedAt, text, notes, quote } = indexedNode(given, this.same);
    return {
      id: this.records.nodeIdOf(id) ?? id,
      // The parent's own id string rather than this node's copy of it.
      parentId: parentId === null ? null : (this.entryOf(parentId)?.id ?? parentId),
      relation,
      order,
      origin,
      updatedAt: toStamp(updatedAt),
      texts: this.keepText ? { text, ...(notes !== undefined && { notes }), ...(quote && { quote }) } : null,
    };
  }

  /** The citations of a node in order, and the distinct sources they cite. */
  private citesOf(nodeId: string): { cites: IndexedCitation[]; sourceIds: string[] } {
    const ids = this.records.citationsOf(nodeId);
    if (!ids.length) return { cites: [], sourceIds: [] };
    const cites = ids.map((id) => this.citations.get(id)!).sort(byCreation);
    const sourceIds: string[] = [];
    for (const c of cites) {
      if (this.sources.has(c.sourceId) && !sourceIds.includes(c.sourceId)) sourceIds.push(c.sourceId);
    }
    return { cites, sourceIds };
  }

  /** A source's folded title and authors, folded once for all the nodes citing it. */
  private foldedSource(id: string): { title: string; authors: string } {
    let folded = this.foldedSources.get(id);
    if (!folded) {
      const s = this.sources.get(id)!;
      folded = { title: foldText(s.title), authors: foldText(s.authors ?? '') };
      this.foldedSources.set(id, folded);
    }
    return folded;
  }

  /** What fuse indexes for a node; derived again when asked (only the hits shown need it). */
  private documentOf(entry: Entry): SearchDocument {
    const { sourceIds, citationIds } = entry;
    return {
      id: entry.id,
      ...nodeFields(this.vocabulary.sequences(), entry.slot),
      sourceTitles: sourceIds.map((id) => this.foldedSource(id).title),
      sourceAuthors: sourceIds.map((id) => this.foldedSource(id).authors),
      pinpoints: citationIds.map((id) => foldText(this.citations.get(id)?.pinpoint ?? '')),
    };
  }

  /**
   * Indexes an entry's words from the current state and `own`, the node's folded text, quote and
   * notes; the same for an edit as for a rebuild.
   */
  private index(entry: Entry, own: NodeFields): void {
    const { cites, sourceIds } = this.citesOf(entry.id);
    const doc: SearchDocument = {
      id: entry.id,
      ...own,
      sourceTitles: sourceIds.map((id) => this.foldedSource(id).title),
      sourceAuthors: sourceIds.map((id) => this.foldedSource(id).authors),
      pinpoints: cites.map((c) => (c.pinpoint ? foldText(c.pinpoint) : '')),
    };
    const { values, keys } = fieldValues(doc);
    this.vocabulary.update(entry.slot, values, keys);
    // Most nodes cite nothing: one shared empty list rather than two per node.
    entry.sourceIds = sourceIds.length ? sourceIds : NO_IDS;
    entry.citationIds = cites.length ? cites.map((c) => c.id) : NO_IDS;
  }

  /** Re-derives the documents of `nodeIds` (citation ids when `viaCitations`). */
  private refresh(ids: Iterable<string>, viaCitations: boolean): void {
    const done = new Set<string>();
    for (const id of ids) {
      const nodeId = viaCitations ? this.citations.get(id)?.nodeId : id;
      if (nodeId === undefined || done.has(nodeId)) continue;
      done.add(nodeId);
      const entry = this.entryOf(nodeId);
      // The node's own fields are read back from its words: the index may not keep their text.
      if (entry) this.index(entry, nodeFields(this.vocabulary.sequences(), entry.slot));
    }
  }
}

/** Builds the search index of one map. */
export function createSearchIndex(bundle: IndexInput): SearchIndex {
  return new SearchIndex(bundle);
}
