/**
 * Merging a file into a map by id: how a teacher takes in a student's copy of the class map.
 * Students' additions and ratings come in; nothing of the existing map is lost or changed behind
 * the teacher's back: where the file disagrees with the map, the map's version is kept and the
 * disagreement is listed as a conflict. Pure: both bundles in, one bundle out.
 */
import { checkTree } from '../model/tree.js';
import type { ArgNode, Citation, Link, MapBundle, Rating, Source } from '../model/types.js';

/** Something the file says that the map says differently; the map's version was kept. */
export interface MergeConflict {
  kind: 'node' | 'source' | 'rating' | 'citation';
  /** Id of the record in the map (or, for a record left out, in the file). */
  id: string;
  /** The field that differs, when one does. */
  field?: string;
  message: string;
}

/** How many records of each kind a merge added. */
export interface MergeCounts {
  nodes: number;
  sources: number;
  citations: number;
  ratings: number;
}

/** The result of `mergeBundles`. */
export interface MergeResult {
  /** The existing map with the file's additions: passes checkTree. */
  merged: MapBundle;
  added: MergeCounts;
  /** Ratings the file holds a newer version of, which replaced the map's. */
  updatedRatings: number;
  conflicts: MergeConflict[];
}

/** Options for `mergeBundles`. */
export interface MergeOptions {
  /** Becomes the map's updatedAt when the merge changes anything (left as it was otherwise). */
  now?: string;
}

/** Longest excerpt of a differing text quoted in a conflict message. */
const EXCERPT = 80;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `base` if no record uses it yet, else `base~2`, `base~3` ... (cut so ids stay within the
 * 100 characters the restore step accepts).
 */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base.slice(0, 90)}~${k}`;
  used.add(id);
  return id;
}

function where(parentId: string | null): string {
  return parentId === null ? 'as the thesis' : `under "${parentId}"`;
}

/**
 * Merges `incoming` (a file, validated by restore) into `existing` (a map from the database) by
 * id:
 * - nodes: an incoming node whose id the map has keeps the map's version; a different text,
 *   relation or parent is listed as a conflict. New nodes are added under their parent; a new
 *   node whose parent is in neither map is left out (with everything new below it), listed once.
 * - sources: matched by id, then by URL (the same link is the same source); new ones are added.
 * - citations: one per node and source; a different pinpoint is a conflict.
 * - ratings: one per node and rater; the file's replaces the map's only when its updatedAt is
 *   newer, otherwise a differing rating is a conflict.
 */
export function mergeBundles(existing: MapBundle, incoming: MapBundle, options: MergeOptions = {}): MergeResult {
  const mapId = existing.map.id;
  const conflicts: MergeConflict[] = [];
  const added: MergeCounts = { nodes: 0, sources: 0, citations: 0, ratings: 0 };

  // Nodes. The file need not be one tree (a partial export is fine): a new node is added when
  // its parent is in the map or is itself added; chains are followed without recursion.
  const existingNodes = new Map(existing.nodes.map((n) => [n.id, n]));
  const incomingNodes = new Map<string, ArgNode>();
  for (const n of incoming.nodes) if (!incomingNodes.has(n.id)) incomingNodes.set(n.id, n);
  /** A left-out subtree: one conflict for its top node, counting the nodes below it. */
  interface LeftOut {
    conflict: MergeConflict;
    reason: string;
    below: number;
  }
  const fate = new Map<string, 'added' | LeftOut>();
  const leaveOut = (top: ArgNode, reason: string): LeftOut => {
    const conflict: MergeConflict = { kind: 'node', id: top.id, message: reason };
    conflicts.push(conflict);
    const entry = { conflict, reason, below: 0 };
    fate.set(top.id, entry);
    return entry;
  };
  /** Decides a new node and every undecided new node above it. */
  const decide = (start: ArgNode): void => {
    const chain: ArgNode[] = [];
    const onChain = new Set<string>();
    let outcome: 'added' | LeftOut | undefined;
    for (let cur: ArgNode = start; ;) {
      const known = fate.get(cur.id);
      if (known) {
        outcome = known;
        break;
      }
      const p = cur.parentId;
      if (p === null) {
        outcome = leaveOut(
          cur,
          `not added: it is the thesis of another map (this map's thesis is "${existing.map.rootId}")`,
        );
        break;
      }
      if (existingNodes.has(p)) {
        chain.push(cur);
        outcome = 'added';
        break;
      }
      const parent = incomingNodes.get(p);
      if (!parent) {
        outcome = leaveOut(cur, `not added: its parent "${p}" is in neither map`);
        break;
      }
      if (onChain.has(parent.id) || parent.id === cur.id) {
        outcome = leaveOut(cur, 'not added: its parents in the file form a cycle');
        break;
      }
      chain.push(cur);
      onChain.add(cur.id);
      cur = parent;
    }
    for (const n of chain) {
      fate.set(n.id, outcome);
      if (outcome !== 'added') outcome.below++;
    }
  };
  for (const n of incomingNodes.values()) {
    const mine = existingNodes.get(n.id);
    if (!mine) {
      if (!fate.has(n.id)) decide(n);
      continue;
    }
    if (mine.text !== n.text) {
      conflicts.push({
        kind: 'node',
        id: n.id,
        field: 'text',
        message: `kept this map's text; the file says "${excerpt(n.text)}"`,
      });
    }
    if (mine.relation !== n.relation) {
      conflicts.push({
        kind: 'node',
        id: n.id,
        field: 'relation',
        message: `kept "${mine.relation ?? 'thesis'}"; the file has "${n.relation ?? 'thesis'}"`,
      });
    }
    if (mine.parentId !== n.parentId) {
      conflicts.push({
        kind: 'node',
        id: n.id,
        field: 'parentId',
        message: `kept it ${where(mine.parentId)}; the file puts it ${where(n.parentId)}`,
      });
    }
  }
  const kept = new Set(existingNodes.keys());
  const nodes: ArgNode[] = [...existing.nodes];
  for (const n of incomingNodes.values()) {
    if (fate.get(n.id) !== 'added') continue;
    nodes.push({ ...n, mapId });
    kept.add(n.id);
    added.nodes++;
  }
  for (const entry of new Set(fate.values())) {
    if (entry !== 'added' && entry.below) {
      entry.conflict.message = `${entry.reason} (nor ${plural(entry.below, 'node', 'nodes')} below it)`;
    }
  }

  // Sources: the same id, or else the same link, is the same source.
  const existingSources = new Map(existing.sources.map((s) => [s.id, s]));
  const byUrl = new Map<string, string>();
  for (const s of existing.sources) if (s.url !== undefined && !byUrl.has(s.url)) byUrl.set(s.url, s.id);
  const sourceIds = new Set(existingSources.keys());
  const sourceOf = new Map<string, string>();
  const sources: Source[] = [...existing.sources];
  for (const s of incoming.sources) {
    const mine = existingSources.get(s.id);
    if (mine) {
      sourceOf.set(s.id, s.id);
      if (mine.title !== s.title) {
        conflicts.push({
          kind: 'source',
          id: s.id,
          field: 'title',
          message: `kept this map's title; the file has "${excerpt(s.title)}"`,
        });
      }
      if (mine.url !== s.url) {
        conflicts.push({
          kind: 'source',
          id: s.id,
          field: 'url',
          message: `kept this map's link${mine.url ? ` <${mine.url}>` : ' (none)'}; the file has ${s.url ? `<${s.url}>` : 'none'}`,
        });
      }
      continue;
    }
    const sameLink = s.url !== undefined ? byUrl.get(s.url) : undefined;
    if (sameLink !== undefined) {
      sourceOf.set(s.id, sameLink);
      continue;
    }
    const id = uniqueId(s.id, sourceIds);
    sourceOf.set(s.id, id);
    sources.push({ ...s, id, mapId });
    if (s.url !== undefined) byUrl.set(s.url, id);
    added.sources++;
  }

  // Citations: one per (node, source).
  const pairKey = (nodeId: string, sourceId: string): string => `${nodeId}\u0000${sourceId}`;
  const byPair = new Map(existing.citations.map((c) => [pairKey(c.nodeId, c.sourceId), c]));
  const citationIds = new Set(existing.citations.map((c) => c.id));
  const citations: Citation[] = [...existing.citations];
  for (const c of incoming.citations) {
    const sourceId = sourceOf.get(c.sourceId);
    // A citation of a node that was left out goes with it (that node is listed already).
    if (!kept.has(c.nodeId) || sourceId === undefined) continue;
    const mine = byPair.get(pairKey(c.nodeId, sourceId));
    if (mine) {
      if (mine.pinpoint !== c.pinpoint) {
        conflicts.push({
          kind: 'citation',
          id: mine.id,
          field: 'pinpoint',
          message: `kept this map's pinpoint${mine.pinpoint !== undefined ? ` "${excerpt(mine.pinpoint)}"` : ' (none)'}; the file has ${c.pinpoint !== undefined ? `"${excerpt(c.pinpoint)}"` : 'none'}`,
        });
      }
      continue;
    }
    const cit: Citation = { ...c, id: uniqueId(c.id, citationIds), mapId, sourceId };
    citations.push(cit);
    byPair.set(pairKey(c.nodeId, sourceId), cit);
    added.citations++;
  }

  // Ratings: one per (node, rater); the newer one wins.
  const raterKey = (r: Pick<Rating, 'nodeId' | 'rater'>): string => `${r.nodeId}\u0000${r.rater}`;
  const ratings: Rating[] = [...existing.ratings];
  const slot = new Map(ratings.map((r, i) => [raterKey(r), i]));
  const ratingIds = new Set(ratings.map((r) => r.id));
  let updatedRatings = 0;
  for (const r of incoming.ratings) {
    if (!kept.has(r.nodeId)) continue;
    const i = slot.get(raterKey(r));
    if (i === undefined) {
      ratings.push({ ...r, id: uniqueId(r.id, ratingIds), mapId });
      slot.set(raterKey(r), ratings.length - 1);
      added.ratings++;
      continue;
    }
    const mine = ratings[i]!;
    const same = mine.value === r.value && mine.relevance === r.relevance && mine.rationale === r.rationale;
    if (same) continue;
    if (r.updatedAt > mine.updatedAt) {
      // The newer record wins whole (evidence, relevance and rationale were set together).
      const next: Rating = { ...mine, updatedAt: r.updatedAt };
      for (const key of ['value', 'relevance', 'rationale'] as const) {
        if (r[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = r[key];
        else delete next[key];
      }
      ratings[i] = next;
      updatedRatings++;
    } else {
      conflicts.push({
        kind: 'rating',
        id: mine.id,
        field: mine.value === r.value && mine.relevance !== r.relevance ? 'relevance' : 'value',
        message: `kept ${r.rater}'s rating ${describeRating(mine)} of ${mine.updatedAt}; the file's rating ${describeRating(r)} of ${r.updatedAt} is not newer`,
      });
    }
  }

  const changed = added.nodes + added.sources + added.citations + added.ratings + updatedRatings > 0;
  const map = changed && options.now !== undefined ? { ...existing.map, updatedAt: options.now } : existing.map;
  const merged: MapBundle = { map, nodes, sources, citations, ratings };
  // Links: the map's own stay; the file's come along on nodes it added, when what they point at is
  // in the merged map. One link per node: the map's wins.
  const links: Link[] = [...(existing.links ?? [])];
  const linked = new Set(links.map((l) => l.nodeId));
  const linkIds = new Set(links.map((l) => l.id));
  const present = new Set(nodes.map((n) => n.id));
  for (const l of incoming.links ?? []) {
    if (linked.has(l.nodeId) || existingNodes.has(l.nodeId) || !present.has(l.nodeId)) continue;
    if (l.targetId !== undefined && !present.has(l.targetId)) continue;
    links.push({ ...l, id: uniqueId(l.id, linkIds), mapId });
    linked.add(l.nodeId);
  }
  if (links.length) merged.links = links;
  const problems = checkTree(merged.nodes);
  // Unreachable for validated input: new nodes only ever hang below nodes already in the tree.
  if (problems.length) throw new Error(`merge produced a broken tree: ${problems[0]!.message}`);
  return { merged, added, updatedRatings, conflicts };
}

/** "3" for evidence only, "3, relevance 2", or "relevance 2": a rating as merge messages name it. */
function describeRating(r: Pick<Rating, 'value' | 'relevance'>): string {
  const parts: string[] = [];
  if (r.value !== undefined) parts.push(String(r.value));
  if (r.relevance !== undefined) parts.push(`relevance ${r.relevance}`);
  return parts.join(', ');
}
