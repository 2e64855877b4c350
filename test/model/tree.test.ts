import { expect } from '@open-wc/testing';
import {
  ancestors,
  buildTree,
  canMove,
  checkTree,
  flattenVisible,
  kindOf,
  oppositionDepth,
  subtreeIds,
  TreeError,
  walk,
  type TreeNode,
} from '../../src/model/tree.js';

// thesis
//  ├ a (supports)          claim
//  │  ├ a1 (supports)      premise
//  │  └ a2 (opposes)       counterpoint
//  │     └ a2r (opposes)   rebuttal
//  │        └ a2rp (supports) premise
//  └ b (opposes)           counterpoint
const n = (id: string, parentId: string | null, relation: 'supports' | 'opposes' | null, order: string): TreeNode => ({
  id,
  parentId,
  relation,
  order,
});
const nodes: TreeNode[] = [
  n('b', 'T', 'opposes', 'k'),
  n('a2', 'a', 'opposes', 'k'),
  n('T', null, null, 'V'),
  n('a', 'T', 'supports', 'V'),
  n('a1', 'a', 'supports', 'V'),
  n('a2r', 'a2', 'opposes', 'V'),
  n('a2rp', 'a2r', 'supports', 'V'),
];

describe('tree', () => {
  const tree = buildTree(nodes);

  it('indexes root and sorted children', () => {
    expect(tree.root.id).to.equal('T');
    expect(tree.children.get('T')!.map((x) => x.id)).to.deep.equal(['a', 'b']);
    expect(tree.children.get('a')!.map((x) => x.id)).to.deep.equal(['a1', 'a2']);
  });

  it('derives kinds from structure', () => {
    const kinds = Object.fromEntries(nodes.map((x) => [x.id, kindOf(tree, x)]));
    expect(kinds).to.deep.equal({
      T: 'thesis',
      a: 'claim',
      b: 'counterpoint',
      a1: 'premise',
      a2: 'counterpoint',
      a2r: 'rebuttal',
      a2rp: 'premise',
    });
  });

  it('walks depth-first in sibling order and can skip subtrees', () => {
    const seen: string[] = [];
    walk(tree, (x, d) => void seen.push(`${x.id}@${d}`));
    expect(seen).to.deep.equal(['T@0', 'a@1', 'a1@2', 'a2@2', 'a2r@3', 'a2rp@4', 'b@1']);
    const pruned: string[] = [];
    walk(tree, (x) => {
      pruned.push(x.id);
      return x.id !== 'a2';
    });
    expect(pruned).to.deep.equal(['T', 'a', 'a1', 'a2', 'b']);
  });

  it('flattens only expanded rows with ARIA positions', () => {
    const rows = flattenVisible(tree, new Set(['T', 'a']));
    expect(rows.map((r) => [r.node.id, r.level, r.setSize, r.posInSet, r.hasChildren, r.expanded])).to.deep.equal([
      ['T', 1, 1, 1, true, true],
      ['a', 2, 2, 1, true, true],
      ['a1', 3, 2, 1, false, false],
      ['a2', 3, 2, 2, true, false],
      ['b', 2, 2, 2, false, false],
    ]);
    expect(flattenVisible(tree, new Set()).map((r) => r.node.id)).to.deep.equal(['T']);
    // A leaf listed as expanded is not shown as expanded: it has nothing to show.
    expect(flattenVisible(tree, new Set(['T', 'b'])).find((r) => r.node.id === 'b')!.expanded).to.equal(false);
  });

  it('lists ancestors, subtree ids and opposition depth', () => {
    expect(ancestors(tree, 'a2rp')).to.deep.equal(['T', 'a', 'a2', 'a2r']);
    expect(ancestors(tree, 'T')).to.deep.equal([]);
    expect(subtreeIds(tree, 'a')).to.deep.equal(['a', 'a1', 'a2', 'a2r', 'a2rp']);
    expect(oppositionDepth(tree, 'a2rp')).to.equal(2);
    expect(oppositionDepth(tree, 'a2')).to.equal(1);
    expect(oppositionDepth(tree, 'T')).to.equal(0);
  });

  it('refuses moves into itself, a descendant, or of the thesis', () => {
    expect(canMove(tree, 'a2', 'b')).to.deep.equal({ ok: true });
    expect(canMove(tree, 'a', 'a')).to.deep.equal({ ok: false, reason: 'A node cannot be moved under itself.' });
    expect(canMove(tree, 'a', 'a2r')).to.deep.equal({
      ok: false,
      reason: 'A node cannot be moved under one of its own descendants.',
    });
    expect(canMove(tree, 'T', 'a')).to.deep.equal({ ok: false, reason: 'The thesis cannot be moved.' });
    expect(canMove(tree, 'zz', 'a').ok).to.equal(false);
  });

  it('reports every structural problem', () => {
    expect(checkTree(nodes)).to.deep.equal([]);
    const bad = [
      n('T', null, null, 'V'),
      n('x', 'T', 'supports', 'V'),
      n('x', 'T', 'supports', 'k'),
      n('y', 'nope', 'opposes', 'V'),
      n('c1', 'c2', 'supports', 'V'),
      n('c2', 'c1', 'supports', 'V'),
    ];
    expect(checkTree(bad).map((p) => `${p.nodeId}: ${p.message}`)).to.deep.equal([
      'x: duplicate node id',
      'y: parent "nope" does not exist',
    ]);
    expect(
      checkTree(bad.filter((x) => x.id !== 'y' && !(x.id === 'x' && x.order === 'k'))).map((p) => p.nodeId),
    ).to.deep.equal(['c1', 'c2']);
    expect(checkTree([n('a', 'b', 'supports', 'V')])[0]!.message).to.match(/no thesis/);
    expect(() => buildTree(bad)).to.throw(TreeError);
  });

  it('walks a 50,000-deep chain without overflowing', () => {
    const chain: TreeNode[] = [n('0', null, null, 'V')];
    for (let i = 1; i < 50000; i++) chain.push(n(String(i), String(i - 1), 'supports', 'V'));
    const t = buildTree(chain);
    expect(subtreeIds(t, '0')).to.have.length(50000);
    expect(ancestors(t, '49999')).to.have.length(49999);
  });
});
