/**
 * Argdown export (https://argdown.org): the statements and their support/attack tree, for people
 * who map in Argdown's editor or want its diagrams (argdown-import.ts reads Argdown back).
 *
 *     [Was the partnership doomed?]: Russia and America could have been partners. #thesis
 *       + [Claim 1]: The summits worked. #claim
 *         - [Counterpoint 1.1]: Arms cuts are not friendship. #counterpoint
 *           - [Rebuttal 1.1.1]: They are a start. #rebuttal
 *       - [Counterpoint 2]: Distrust never went away. #counterpoint
 *
 * Each statement is defined once, titled by its kind and outline number (the thesis by the map
 * title), with its kind as a tag. Argdown statements are one line: line breaks become spaces.
 * Quotes, sources, ratings and notes are not exported.
 */
import { buildTree, childrenOf, kindOf, type Tree } from '../model/tree.js';
import { KIND_LABELS, Relation, type ArgNode, type MapBundle } from '../model/types.js';

/** Characters that start Argdown syntax anywhere in a line: always escaped. */
const ALWAYS = new Set(['\\', '[', ']', '<', '>', '#', '@', '{', '}', '*', '_']);

/**
 * Statement text as Argdown text: one line, special characters escaped, so the parser reads the
 * text back exactly (up to white space, which Argdown collapses).
 */
export function escapeArgdownText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const next = line[i + 1];
    if (ALWAYS.has(ch)) out += `\\${ch}`;
    // "//" and "/*" start comments.
    else if (ch === '/' && (next === '/' || next === '*')) out += '\\/';
    // "===" opens YAML front matter.
    else if (ch === '=' && line.startsWith('==', i + 1)) out += '\\=';
    // ".name." and ":name:" are Argdown's special-character shortcodes: escape the opening
    // dot or colon whenever another one follows before the next space.
    else if (
      (ch === '.' || ch === ':') &&
      next !== undefined &&
      next !== ' ' &&
      /^[^ ]+/.exec(line.slice(i + 1))![0].includes(ch)
    ) {
      out += `\\${ch}`;
    } else out += ch;
  }
  return out;
}

/** A statement title: Argdown titles end at the first "]", so brackets become parentheses. */
function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').replace(/\[/g, '(').replace(/\]/g, ')').trim();
}

/**
 * The title each node gets in the Argdown export, by node id: the thesis is titled by the map
 * (or "Thesis"), every other statement by its kind and outline number ("Counterpoint 1.2").
 */
export function argdownTitles(bundle: MapBundle, tree: Tree<ArgNode> = buildTree(bundle.nodes)): Map<string, string> {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  const stack: Array<[ArgNode, string]> = [[tree.root, '']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (node.parentId !== null) {
      const title = `${KIND_LABELS[kindOf(tree, node)]} ${path}`;
      titles.set(node.id, title);
      used.add(title);
    }
    const kids = childrenOf(tree, node.id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, path ? `${path}.${i + 1}` : `${i + 1}`]);
  }
  let thesis = cleanTitle(bundle.map.title) || KIND_LABELS.thesis;
  // A map titled like an outline entry ("Claim 1") must not merge with that statement.
  while (used.has(thesis)) thesis = `${thesis} (thesis)`;
  titles.set(tree.root.id, thesis);
  return titles;
}

/**
 * Lines of a node's notes that carry what a tree cannot say of Argdown's premise-conclusion
 * structures (argdown-import.ts writes them), so this export writes them as such again and
 * @argdown/core counts the same relations as in the file that was read: an argument, and each
 * premise under it.
 */
export const ARGDOWN_ARGUMENT_NOTE = 'Argdown: an argument; its premises are the statements marked as such under it.';
export const ARGDOWN_PREMISE_NOTE = 'Argdown: a premise of the argument above.';

const hasNote = (node: ArgNode, note: string): boolean => node.notes?.split('\n').includes(note) === true;

/** A premise-conclusion structure to write: the argument, its premises, the conclusion. */
interface Pcs {
  argument: ArgNode;
  premises: ArgNode[];
  conclusion: string;
}

/**
 * The arguments that came from premise-conclusion structures (by the notes above), with their
 * premises and conclusion: the parent of the argument, or of a link row standing for it, under
 * which it supports. An argument supporting nothing is written as an outline like any node.
 */
function structures(bundle: MapBundle, tree: Tree<ArgNode>, linkTarget: Map<string, string>): Map<string, Pcs> {
  const found = new Map<string, Pcs>();
  for (const node of bundle.nodes) {
    if (!hasNote(node, ARGDOWN_ARGUMENT_NOTE) || linkTarget.has(node.id) || node.parentId === null) continue;
    const premises = childrenOf(tree, node.id).filter(
      (k) => k.relation === Relation.supports && hasNote(k, ARGDOWN_PREMISE_NOTE),
    );
    if (!premises.length) continue;
    let conclusion = node.relation === Relation.supports ? node.parentId : undefined;
    if (conclusion === undefined) {
      const place = bundle.nodes.find(
        (n) => linkTarget.get(n.id) === node.id && n.relation === Relation.supports && n.parentId !== null,
      );
      conclusion = place?.parentId ?? undefined;
    }
    if (conclusion !== undefined) found.set(node.id, { argument: node, premises, conclusion });
  }
  return found;
}

/**
 * The map's statements and support/attack tree as Argdown text. A link row is written as a
 * reference to the statement it points at (`+ [Claim 1]`), so Argdown sees one statement in
 * several places; an option (neutral) has no Argdown relation, so each option is written with its
 * subtree as a separate top-level outline tagged #option, after the main one. An argument read
 * from a premise-conclusion structure is written as one again (`<Claim 2>`, then its numbered
 * premises, "----" and its conclusion), after the outlines: its premises are not relations.
 */
export function exportArgdown(bundle: MapBundle): string {
  const tree = buildTree(bundle.nodes);
  const titles = argdownTitles(bundle, tree);
  const linkTarget = new Map<string, string>();
  for (const l of bundle.links ?? [])
    if (l.targetId !== undefined && tree.byId.has(l.targetId)) linkTarget.set(l.nodeId, l.targetId);
  const pcs = structures(bundle, tree, linkTarget);
  const premiseOf = new Set([...pcs.values()].flatMap((p) => p.premises.map((n) => n.id)));
  const out: string[] = [];
  /** Writes `top` and its subtree as an outline, its line after `step` (a premise's "(1) "). */
  const outline = (top: ArgNode, step = ''): void => {
    const stack: Array<[ArgNode, number]> = [[top, 0]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      const target = linkTarget.get(node.id);
      const statement =
        target !== undefined && (depth > 0 || step !== '')
          ? pcs.has(target)
            ? `<${titles.get(target)}>`
            : `[${titles.get(target)}]`
          : pcs.has(node.id)
            ? `<${titles.get(node.id)}>: ${escapeArgdownText(node.text)} #${kindOf(tree, node)}`
            : `[${titles.get(node.id)}]: ${escapeArgdownText(node.text)} #${kindOf(tree, node)}`;
      if (depth === 0) out.push(step + statement);
      else out.push(`${'  '.repeat(depth)}${node.relation === Relation.supports ? '+' : '-'} ${statement}`);
      const kids = childrenOf(tree, node.id);
      for (let i = kids.length - 1; i >= 0; i--) {
        if (kids[i]!.relation === Relation.neutral) parts.push(kids[i]!);
        else if (!premiseOf.has(kids[i]!.id) || !pcs.has(node.id)) stack.push([kids[i]!, depth + 1]);
      }
    }
  };
  const parts: ArgNode[] = [tree.root];
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) out.push('');
    const before = parts.length;
    outline(parts[p]!);
    // Options found in this part come right after it, in tree order.
    parts.splice(p + 1, 0, ...parts.splice(before).reverse());
  }
  for (const { argument, premises, conclusion } of pcs.values()) {
    out.push('', `<${titles.get(argument.id)}>`, '');
    premises.forEach((premise, i) => outline(premise, `(${i + 1}) `));
    out.push('----', `(${premises.length + 1}) [${titles.get(conclusion)}]`);
  }
  return out.join('\n') + '\n';
}
