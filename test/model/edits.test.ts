import { expect } from '@open-wc/testing';
import {
  checkText,
  flipRelation,
  neighbourAfterDelete,
  newChild,
  planDelete,
  planMove,
  planStep,
} from '../../src/model/edits.js';
import { buildTree, childrenOf } from '../../src/model/tree.js';
import { argNode } from '../helpers/fixtures.js';

const node = argNode;
// T ─ a (k) ─ a1, a2(opposes) ; b (s) ; c (opposes, z)
const tree = buildTree([
  node('T', null, null, 'V'),
  node('a', 'T', 'supports', 'k'),
  node('a1', 'a', 'supports', 'V'),
  node('a2', 'a', 'opposes', 'k'),
  node('b', 'T', 'supports', 's'),
  node('c', 'T', 'opposes', 'z'),
]);
const order = (t: typeof tree, p: string) => childrenOf(t, p).map((n) => n.id);

describe('edit planning (pure)', () => {
  it('refuses empty or absurdly long text', () => {
    expect(checkText('  \n')).to.deep.equal({
      ok: false,
      reason: 'The text is empty: write the statement, or press Escape to discard it.',
    });
    expect(checkText('x'.repeat(200_001)).ok).to.equal(false);
    expect(checkText('Fine.')).to.deep.equal({ ok: true, text: 'Fine.' });
  });

  it('places a new child last, or right after a sibling', () => {
    const last = newChild(tree, {
      id: 'n',
      mapId: 'm',
      parentId: 'T',
      relation: 'opposes',
      text: 'x',
      now: 'N',
      author: 'Sam',
    });
    expect(last).to.deep.include({
      parentId: 'T',
      relation: 'opposes',
      origin: 'added',
      author: 'Sam',
      createdAt: 'N',
    });
    expect(last.order > 'z').to.equal(true);
    const after = newChild(tree, {
      id: 'n',
      mapId: 'm',
      parentId: 'T',
      relation: 'supports',
      text: 'x',
      now: 'N',
      afterId: 'a',
    });
    expect(after.order > 'k' && after.order < 's').to.equal(true);
  });

  it('moves as a child with a chosen relation, or beside a node keeping its own', () => {
    const asChild = planMove(tree, 'b', { kind: 'child', targetId: 'a2', relation: 'opposes' });
    expect(asChild.ok && asChild.placement.parentId).to.equal('a2');
    expect(asChild.ok && asChild.placement.relation).to.equal('opposes');
    const before = planMove(tree, 'c', { kind: 'before', targetId: 'a' });
    expect(before.ok).to.equal(true);
    if (!before.ok) return;
    const moved = buildTree([...tree.byId.values()].map((n) => (n.id === 'c' ? { ...n, ...before.placement } : n)));
    expect(order(moved, 'T')).to.deep.equal(['c', 'a', 'b']);
    expect(moved.byId.get('c')!.relation).to.equal('opposes');
  });

  it('refuses moving a node under itself or its descendants, and the thesis', () => {
    expect(planMove(tree, 'a', { kind: 'child', targetId: 'a1', relation: 'supports' })).to.deep.equal({
      ok: false,
      reason: 'A node cannot be moved under one of its own descendants.',
    });
    expect(planMove(tree, 'a', { kind: 'child', targetId: 'a', relation: 'supports' })).to.deep.equal({
      ok: false,
      reason: 'A node cannot be moved under itself.',
    });
    expect(planMove(tree, 'a', { kind: 'after', targetId: 'a1' }).ok).to.equal(false);
    expect(planMove(tree, 'T', { kind: 'child', targetId: 'b', relation: 'supports' })).to.deep.equal({
      ok: false,
      reason: 'The thesis cannot be moved.',
    });
    expect(planMove(tree, 'b', { kind: 'before', targetId: 'T' }).ok).to.equal(false);
    expect(planMove(tree, 'a1', { kind: 'child', targetId: 'a', relation: 'supports' })).to.deep.equal({
      ok: false,
      reason: 'It is already there.',
    });
  });

  it('steps with Alt+arrows: up, down, out a level, in under the sibling above', () => {
    const apply = (id: string, step: 'up' | 'down' | 'outdent' | 'indent') => {
      const p = planStep(tree, id, step);
      if (!p.ok) return p.reason;
      const t = buildTree([...tree.byId.values()].map((n) => (n.id === id ? { ...n, ...p.placement } : n)));
      return `${t.byId.get(id)!.parentId}:${order(t, t.byId.get(id)!.parentId!).join(',')}`;
    };
    expect(apply('b', 'up')).to.equal('T:b,a,c');
    expect(apply('b', 'down')).to.equal('T:a,c,b');
    expect(apply('a1', 'outdent')).to.equal('T:a,a1,b,c');
    expect(apply('b', 'indent')).to.equal('a:a1,a2,b');
    expect(apply('a', 'up')).to.equal('It is already the first of its siblings.');
    expect(apply('c', 'down')).to.equal('It is already the last of its siblings.');
    expect(apply('a', 'outdent')).to.equal('It already answers the thesis directly: it cannot move further out.');
    expect(apply('a', 'indent')).to.equal('There is no sibling above it to move it under.');
  });

  it('deletes a whole subtree but never the thesis, and picks a neighbour for focus', () => {
    expect(planDelete(tree, 'a')).to.deep.equal({ ok: true, ids: ['a', 'a1', 'a2'] });
    expect(planDelete(tree, 'T').ok).to.equal(false);
    expect(neighbourAfterDelete(tree, 'a')).to.equal('b');
    expect(neighbourAfterDelete(tree, 'c')).to.equal('b');
    expect(neighbourAfterDelete(tree, 'a1')).to.equal('a2');
    expect(neighbourAfterDelete(tree, 'a2')).to.equal('a1');
    expect(flipRelation('supports')).to.equal('opposes');
  });
});
