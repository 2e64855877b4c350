/**
 * Argdown import: the graph `readArgdown` finds, laid out as Warrant's tree.
 *
 * - Every statement and argument is one node; support is "supports", attack, undercut and
 *   contradiction are "opposes" (a contradiction hangs under the statement it was written under).
 * - A premise-conclusion structure puts its premises under the argument (supports) and the
 *   argument under its conclusion (supports).
 * - Where Argdown has what a tree lacks - a statement used in several places, several parents -
 *   the statement stays one node where it is first reached, and every other place gets a link row
 *   pointing at it (a link record); the import summary says how many.
 * - Statements not connected to the first one (Argdown documents may hold several separate maps)
 *   become options (neutral) under the thesis, so nothing is dropped.
 */
import { newId } from '../model/ids.js';
import { LIMITS, tooDeepMessage } from '../model/limits.js';
import { FORMAT_VERSION, Origin, Relation } from '../model/types.js';
import { ARGDOWN_ARGUMENT_NOTE, ARGDOWN_PREMISE_NOTE } from './argdown.js';
import { readArgdown, type ArgdownEntity } from './argdown-read.js';
import type { FormatError, ImportResult } from './errors.js';
import { MAP_FORMAT, restore, type RestoreOptions } from './restore.js';
import { wrongFormat } from './sniff.js';
import { prepareImportText } from './text-input.js';

/** Tags Warrant's own Argdown export writes (the node kinds): not kept as notes on the way back. */
const KIND_TAGS = new Set(['thesis', 'claim', 'premise', 'counterpoint', 'rebuttal', 'option']);

interface Edge {
  child: string;
  parent: string;
  relation: Relation;
  /** A premise of its parent's premise-conclusion structure. */
  premise?: true;
}

/** Reads Argdown text into one map. Errors and warnings name the line. */
export function importArgdown(text: string, options: RestoreOptions = {}): ImportResult {
  const prepared = prepareImportText(text);
  if (!prepared.ok) return { ok: false, errors: [prepared.error] };
  // Argdown outlines can look like Markdown lists: only a clearer format is turned away.
  const wrong = wrongFormat(prepared.text, 'argdown', ['markdown']);
  if (wrong) return { ok: false, errors: [wrong] };
  const read = readArgdown(prepared.text);
  if (!read.ok) return read;
  const { doc } = read;
  const warnings: FormatError[] = [...doc.warnings];
  const byKey = new Map(doc.entities.map((e) => [e.key, e]));

  const edges: Edge[] = [];
  for (const r of doc.relations) {
    if (r.type === 'contradictory') edges.push({ child: r.to, parent: r.from, relation: Relation.opposes });
    else
      edges.push({
        child: r.from,
        parent: r.to,
        relation: r.type === 'support' ? Relation.supports : Relation.opposes,
      });
  }
  for (const p of doc.pcs) {
    for (const premise of p.premises)
      edges.push({ child: premise, parent: p.argument, relation: Relation.supports, premise: true });
    edges.push({ child: p.argument, parent: p.conclusion, relation: Relation.supports });
  }
  const incoming = new Map<string, Edge[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    if (e.child === e.parent) continue;
    const list = incoming.get(e.parent);
    if (list) list.push(e);
    else incoming.set(e.parent, [e]);
    hasParent.add(e.child);
  }

  const nodes: Array<Record<string, unknown>> = [];
  const links: Array<Record<string, unknown>> = [];
  const nodeOf = new Map<string, string>();
  const arguments_ = new Set(doc.pcs.map((p) => p.argument));
  const notesOf = (e: ArgdownEntity, premise: boolean): string | undefined => {
    const tags = e.tags.filter((t) => !KIND_TAGS.has(t));
    const parts: string[] = [];
    if (arguments_.has(e.key)) parts.push(ARGDOWN_ARGUMENT_NOTE);
    if (premise) parts.push(ARGDOWN_PREMISE_NOTE);
    if (tags.length) parts.push(`Argdown tags: ${tags.map((t) => `#${/\s/.test(t) ? `(${t})` : t}`).join(' ')}`);
    if (e.section) parts.push(`Section: ${e.section}`);
    return parts.length ? parts.join('\n') : undefined;
  };
  const addNode = (e: ArgdownEntity, parentId: string | null, relation: Relation | null, premise = false): string => {
    const id = newId();
    const node: Record<string, unknown> = { id, parentId, relation, text: e.text || e.title, origin: Origin.added };
    const notes = notesOf(e, premise);
    if (notes) node.notes = notes;
    nodes.push(node);
    nodeOf.set(e.key, id);
    return id;
  };

  let reused = 0;
  const reusedEntities = new Set<string>();
  /** Lays out everything reachable from `rootKey` below it; false when too deep. */
  const layOut = (rootKey: string, rootId: string): FormatError | null => {
    // Breadth first, with each node's depth: iterative, so no input can exhaust the stack.
    const queue: Array<[string, string, number]> = [[rootKey, rootId, 1]];
    for (let head = 0; head < queue.length; head++) {
      const [key, id, depth] = queue[head]!;
      for (const edge of incoming.get(key) ?? []) {
        const child = byKey.get(edge.child)!;
        if (depth + 1 > LIMITS.depth) return { line: child.line, message: tooDeepMessage(depth + 1) };
        const placed = nodeOf.get(edge.child);
        if (placed === undefined) {
          queue.push([edge.child, addNode(child, id, edge.relation, edge.premise === true), depth + 1]);
        } else {
          // Already in the tree: this place gets a link row to it.
          const linkId = newId();
          nodes.push({
            id: linkId,
            parentId: id,
            relation: edge.relation,
            text: child.text || child.title,
            origin: Origin.added,
            ...(edge.premise && { notes: ARGDOWN_PREMISE_NOTE }),
          });
          links.push({ nodeId: linkId, targetId: placed });
          reused++;
          reusedEntities.add(edge.child);
        }
      }
    }
    return null;
  };

  const roots = doc.entities.filter((e) => !hasParent.has(e.key));
  const thesis = roots[0] ?? doc.entities[0]!;
  const thesisId = addNode(thesis, null, null);
  let problem = layOut(thesis.key, thesisId);
  let separate = 0;
  // Whatever the thesis does not reach: each separate part hangs under the thesis as an option.
  for (const e of [...roots, ...doc.entities]) {
    if (problem) break;
    if (nodeOf.has(e.key)) continue;
    separate++;
    problem = layOut(e.key, addNode(e, thesisId, Relation.neutral));
  }
  if (problem) return { ok: false, errors: [problem] };
  if (separate) {
    warnings.push({
      line: thesis.line,
      message: `${separate} ${separate === 1 ? 'part of the document is' : 'parts of the document are'} not connected to the first statement; ${separate === 1 ? 'it was' : 'they were'} put under it as ${separate === 1 ? 'an option' : 'options'}.`,
    });
  }
  if (reused) {
    warnings.push({
      line: byKey.get([...reusedEntities][0]!)!.line,
      message: `${reusedEntities.size} ${reusedEntities.size === 1 ? 'statement is' : 'statements are'} used in several places: each was kept as one statement, with ${reused} ${reused === 1 ? 'link' : 'links'} from the other places.`,
    });
  }
  const statements = doc.entities.filter((e) => e.kind === 'statement').length;
  warnings.push({
    message: `Read ${statements} ${statements === 1 ? 'statement' : 'statements'}, ${doc.entities.length - statements} ${doc.entities.length - statements === 1 ? 'argument' : 'arguments'} and ${doc.relations.length} ${doc.relations.length === 1 ? 'relation' : 'relations'}.`,
  });

  let title = doc.title ?? thesis.title;
  if (title.length > LIMITS.title) title = `${title.slice(0, LIMITS.title - 1)}…`;
  const file = { format: MAP_FORMAT, version: FORMAT_VERSION, map: { id: newId(), title }, nodes, links };
  const result = restore(file, options);
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => {
        const rec = /^nodes\[(\d+)\]/.exec(e.field ?? '');
        const entity = rec ? doc.entities.find((x) => nodeOf.get(x.key) === nodes[Number(rec[1])]?.id) : undefined;
        return { ...e, line: entity?.line ?? 1 };
      }),
    };
  }
  return { ok: true, bundles: result.bundles, warnings: [...warnings, ...result.warnings] };
}
