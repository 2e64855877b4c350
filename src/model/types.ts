/**
 * The domain model: plain, serialisable records. Everything here can be stored in IndexedDB,
 * written to a file and read back in Node or a worker; nothing holds a reference to the DOM.
 */

/** Version of the map file format (claims/ and JSON backups). Bumped on every change of shape. */
export const FORMAT_VERSION = 1;

/**
 * How a node relates to its parent. `neutral` is an option or position under a question ("Which
 * is best?": Kialo's bare claims with no Pro/Con): shown as an Option, and left out of every
 * support/oppose calculation (it neither raises nor lowers its parent's standing).
 */
export const Relation = {
  supports: 'supports',
  opposes: 'opposes',
  neutral: 'neutral',
} as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

/** Display kind of a node. Derived from the tree (see `kindOf`), never stored. */
export const NodeKind = {
  thesis: 'thesis',
  claim: 'claim',
  premise: 'premise',
  counterpoint: 'counterpoint',
  rebuttal: 'rebuttal',
  option: 'option',
} as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/** Where a node comes from: the mapped essay itself, or the class's own additions. */
export const Origin = {
  essay: 'essay',
  added: 'added',
} as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

/** The kind of a source, as a librarian would classify it. */
export const SourceType = {
  primary: 'primary',
  official: 'official',
  news: 'news',
  scholarly: 'scholarly',
  book: 'book',
  opinion: 'opinion',
  dataset: 'dataset',
  other: 'other',
} as const;
export type SourceType = (typeof SourceType)[keyof typeof SourceType];

/** Admiralty (NATO) source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export const Reliability = {
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  E: 'E',
  F: 'F',
} as const;
export type Reliability = (typeof Reliability)[keyof typeof Reliability];

/** Admiralty reliability grades in words (exports, the print outline, the source form). */
export const RELIABILITY_WORDS: Readonly<Record<Reliability, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'cannot be judged',
};

/** An evidence rating: 0 none, 1 weak, 2 moderate, 3 strong, 4 decisive. */
export type RatingValue = 0 | 1 | 2 | 3 | 4;

/** ISO 8601 timestamp string (UTC), e.g. "2025-02-24T00:00:00.000Z". Sorts as text. */
export type Timestamp = string;

/** The document a map reconstructs (an essay, article, speech ...). */
export interface SourceDocument {
  title: string;
  author?: string;
  /** Publication date as written, ideally ISO (YYYY-MM-DD). */
  date?: string;
  url?: string;
}

/** One argument map: a thesis and the tree below it. */
export interface ArgumentMap {
  id: string;
  title: string;
  description?: string;
  /** The document this map reconstructs, when there is one. */
  document?: SourceDocument;
  /** Id of the thesis node (the tree's root). */
  rootId: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Format version the record was written with (see FORMAT_VERSION). */
  formatVersion: number;
}

/** An exact quote from the mapped document, with the number of the paragraph it stands in. */
export interface Quote {
  text: string;
  paragraph: number;
}

/** A statement in the tree. The root (thesis) has no parent and no relation. */
export interface ArgNode {
  id: string;
  mapId: string;
  /** Parent node id; null only for the thesis. */
  parentId: string | null;
  /** Relation to the parent; null only for the thesis. */
  relation: Relation | null;
  /** Fractional order key among siblings (see order-key.ts): inserting never renumbers. */
  order: string;
  /** The statement, in Markdown. */
  text: string;
  notes?: string;
  quote?: Quote;
  origin: Origin;
  /** True once a node taken from the essay has been reworded by the class. */
  edited?: boolean;
  /** Who added the node; absent = the class (the map's shipped content, or an older record). */
  author?: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A source card: one per source in a map, cited by any number of nodes. */
export interface Source {
  id: string;
  mapId: string;
  title: string;
  /** Only http(s) URLs are ever stored (see validateUrl). */
  url?: string;
  authors?: string;
  publisher?: string;
  /** Date or year as written, e.g. "1997" or "1997-05-27". */
  date?: string;
  type: SourceType;
  reliability?: Reliability;
  reliabilityNote?: string;
  /** Who added the source; absent = the class (the map's shipped content, or an older record). */
  author?: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A node cites a source, optionally at a pinpoint (page, section, quoted excerpt). */
export interface Citation {
  id: string;
  mapId: string;
  nodeId: string;
  sourceId: string;
  pinpoint?: string;
  /** Who made the citation; absent = the class (the map's shipped content, or an older record). */
  author?: string;
  createdAt: Timestamp;
}

/**
 * One rater's current ratings of a node: its own evidence (`value`) and how much it matters to
 * the point above it (`relevance`, Kialo's impact). One record per (node, rater), so each field
 * changes on its own; a record holds at least one of the two. Missing = not rated, never 0.
 */
export interface Rating {
  id: string;
  mapId: string;
  nodeId: string;
  rater: string;
  /** Evidence: 0 none ... 4 decisive. */
  value?: RatingValue;
  /** Relevance to the parent: 0 irrelevant ... 4 essential. */
  relevance?: RatingValue;
  rationale?: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Another discussion a link points to (Kialo's "-> See discussion #13564: title"). */
interface ExternalTarget {
  title: string;
  /** The other discussion's reference as written (Kialo's number, a URL ...). */
  ref: string;
}

/**
 * A cross-link: node `nodeId` stands in its place in the tree (with its own parent and relation)
 * for another statement, `targetId` in the same map, or for another discussion (`external`).
 * Exactly one of the two is set. Kialo's "-> See 1.4.2." and a statement Argdown reuses under
 * several parents both become one.
 */
export interface Link {
  id: string;
  mapId: string;
  nodeId: string;
  targetId?: string;
  external?: ExternalTarget;
  createdAt: Timestamp;
}

/** One block of a source document: a heading or a paragraph (see anchoring/source-text.ts). */
export interface TextBlock {
  kind: 'heading' | 'paragraph';
  /** The block's plain text (no Markdown or HTML markers). */
  text: string;
  /** Paragraph number (¶), only on numbered paragraphs. */
  n?: number;
  /** Emphasised ranges [start, end) within `text`. */
  em?: [number, number][];
}

/** The full text of the document a map reconstructs, as the teacher loaded it. */
export interface SourceText {
  /** Title for the reading pane (the first heading, or the file name). */
  title: string;
  blocks: TextBlock[];
}

/** Everything that belongs to one map: what a file holds and what the app edits. */
export interface MapBundle {
  map: ArgumentMap;
  nodes: ArgNode[];
  sources: Source[];
  citations: Citation[];
  ratings: Rating[];
  /** Cross-links (absent in bundles written before links existed: read as none). */
  links?: Link[];
  /**
   * The source document's full text, when one is loaded and wanted: in JSON backups (optional),
   * never in Markdown hand-ins. Map views do not load it (the reading pane reads it on its own).
   */
  sourceText?: SourceText;
}

/** Labels a rater sees for each rating value. */
export const RATING_LABELS: Readonly<Record<RatingValue, string>> = {
  0: 'none',
  1: 'weak',
  2: 'moderate',
  3: 'strong',
  4: 'decisive',
};

/** Labels a rater sees for each relevance value ("how much does this matter to the point above it?"). */
export const RELEVANCE_LABELS: Readonly<Record<RatingValue, string>> = {
  0: 'irrelevant',
  1: 'slightly',
  2: 'matters',
  3: 'much',
  4: 'essential',
};

/** Words for each node kind, as shown to students (also used by exporters). */
export const KIND_LABELS: Readonly<Record<NodeKind, string>> = {
  thesis: 'Thesis',
  claim: 'Claim',
  premise: 'Premise',
  counterpoint: 'Counterpoint',
  rebuttal: 'Rebuttal',
  option: 'Option',
};
