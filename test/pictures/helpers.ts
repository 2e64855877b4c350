/** Small maps for the picture tests, built by hand so every expected figure can be worked out. */
import { buildTree } from '../../src/model/tree.js';
import type { ArgNode, Relation } from '../../src/model/types.js';
import type { NodeFacts, PictureInput } from '../../src/pictures/picture-data.js';
import { argNode } from '../helpers/fixtures.js';

/** A node with the fields a picture reads. */
export function node(id: string, parentId: string | null, relation: Relation | null, text = id): ArgNode {
  return argNode(id, parentId, relation, id, text, { origin: 'added', createdAt: '', updatedAt: '' });
}

/**
 * t: thesis; a, b support it; k opposes a; r opposes k (a rebuttal); p supports a.
 * Standings: t 0.5, a 0.9, b 0.1, k 0.45; the rest none. a is rated; b is unsourced.
 */
export function smallInput(): PictureInput {
  const nodes = [
    node('t', null, null, 'The **thesis**.'),
    node('a', 't', 'supports', 'Claim A'),
    node('b', 't', 'supports', 'Claim B'),
    node('k', 'a', 'opposes', 'Counter K'),
    node('p', 'a', 'supports', 'Premise P'),
    node('r', 'k', 'opposes', 'Rebuttal R'),
  ];
  const facts: Record<string, NodeFacts> = {
    t: { standing: 0.5, rated: false, unsourced: false },
    a: { standing: 0.9, rated: true, unsourced: false },
    b: { standing: 0.1, rated: false, unsourced: true },
    k: { standing: 0.45, rated: false, unsourced: false },
  };
  return {
    tree: buildTree(nodes),
    factsOf: (id) => facts[id] ?? { rated: false, unsourced: false },
  };
}

/** A thesis with `n - 1` nodes under it: `fanout` children per node, breadth first. */
export function bigInput(n: number, fanout = 4): PictureInput {
  const nodes = [node('n0', null, null, 'Root')];
  for (let i = 1; i < n; i++) {
    const parent = Math.floor((i - 1) / fanout);
    nodes.push(node(`n${i}`, `n${parent}`, i % 3 === 0 ? 'opposes' : 'supports', `Node ${i}`));
    nodes[i]!.order = String(i).padStart(6, '0');
  }
  return { tree: buildTree(nodes), factsOf: () => ({ standing: 0.5, rated: true, unsourced: false }) };
}
