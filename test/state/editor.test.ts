// Each command and its undo, at the level of the editor and the real database.
import { expect } from '@open-wc/testing';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { ConflictError, updateNodeFields } from '../../src/db/nodes-repo.js';
import { newChild, planStep } from '../../src/model/edits.js';
import { buildTree, childrenOf } from '../../src/model/tree.js';
import { MapEditor } from '../../src/state/editor.js';
import { UndoStack } from '../../src/state/undo.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

async function setup() {
  const db = freshDb();
  await putBundles(db, await fixtureBundles());
  const undo = new UndoStack();
  const editor = new MapEditor(db, 'small', undo);
  const tree = async () => buildTree((await loadBundle(db, 'small'))!.nodes);
  return { db, undo, editor, tree };
}

describe('MapEditor commands with undo and redo (real IndexedDB)', () => {
  afterEach(deleteTestDbs);

  it('adds a node, undoes and redoes it', async () => {
    const { db, undo, editor, tree } = await setup();
    const t = await tree();
    const n = newChild(t, {
      id: 'new1',
      mapId: 'small',
      parentId: 'b',
      relation: 'opposes',
      text: 'Not for everyone.',
      now: '2025-03-01T00:00:00.000Z',
    });
    expect(await editor.add(t, n)).to.deep.equal({ ok: true, message: 'Added counterpoint.', focusId: 'new1' });
    expect((await db.nodes.get('new1'))!.text).to.equal('Not for everyone.');
    expect(undo.undoLabel).to.equal('add counterpoint');
    await undo.undo();
    expect(await db.nodes.get('new1')).to.equal(undefined);
    await undo.redo();
    expect((await db.nodes.get('new1'))!.parentId).to.equal('b');
  });

  it('records a text edit as one step and undoes it, refusing when another tab changed it since', async () => {
    const { db, undo, editor } = await setup();
    await editor.saveFields('b', { text: 'Mornings are simpler for families.' });
    editor.recordEdit('b', { text: 'Mornings are simpler.' }, { text: 'Mornings are simpler for families.' });
    await undo.undo();
    expect((await db.nodes.get('b'))!.text).to.equal('Mornings are simpler.');
    await undo.redo();
    expect((await db.nodes.get('b'))!.text).to.equal('Mornings are simpler for families.');
    // Another tab rewrites it: undo must not overwrite that newer edit.
    await updateNodeFields(db, 'b', { text: 'Edited elsewhere.' }, '2025-04-01T00:00:00.000Z');
    let error: unknown;
    try {
      await undo.undo();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConflictError);
    expect((await db.nodes.get('b'))!.text).to.equal('Edited elsewhere.');
  });

  it('switches the relation and back', async () => {
    const { db, undo, editor, tree } = await setup();
    expect(await editor.switchRelation(await tree(), 'b')).to.deep.include({
      ok: true,
      message: 'Now opposes its parent.',
    });
    expect((await db.nodes.get('b'))!.relation).to.equal('opposes');
    await undo.undo();
    expect((await db.nodes.get('b'))!.relation).to.equal('supports');
    expect((await editor.switchRelation(await tree(), 't')).ok).to.equal(false);
  });

  it('moves a node, and undo puts it back in the same place', async () => {
    const { db, undo, editor, tree } = await setup();
    const before = await db.nodes.get('c');
    const plan = planStep(await tree(), 'c', 'up');
    expect(plan.ok).to.equal(true);
    if (!plan.ok) return;
    await editor.move('c', plan.placement);
    expect(childrenOf(await tree(), 't').map((n) => n.id)).to.deep.equal(['a', 'c', 'b']);
    await undo.undo();
    expect(childrenOf(await tree(), 't').map((n) => n.id)).to.deep.equal(['a', 'b', 'c']);
    expect(await db.nodes.get('c')).to.deep.include({ order: before!.order, parentId: 't', relation: 'opposes' });
  });

  it('deletes a subtree with its citations and ratings in one step, and undo restores every row', async () => {
    const { db, undo, editor, tree } = await setup();
    const result = await editor.deleteWithSubtree(await tree(), 'a');
    expect(result).to.deep.equal({ ok: true, message: 'Deleted the claim and 3 nodes under it.', focusId: 'b' });
    expect(await db.nodes.count()).to.equal(3);
    expect(await db.citations.count()).to.equal(0);
    expect(await db.ratings.count()).to.equal(0);
    expect(undo.undoLabel).to.equal('delete 4 nodes');
    await undo.undo();
    expect(await db.nodes.count()).to.equal(7);
    expect(await db.citations.count()).to.equal(1);
    expect(await db.ratings.count()).to.equal(2);
    await undo.redo();
    expect(await db.nodes.count()).to.equal(3);
    expect((await editor.deleteWithSubtree(await tree(), 't')).ok).to.equal(false);
  });

  it('deletes a 2,000-node subtree and brings it all back with one undo', async () => {
    const { db, undo, editor, tree } = await setup();
    let t = await tree();
    const rows = [];
    let parent = 'b';
    for (let i = 0; i < 2000; i++) {
      const n = newChild(t, {
        id: `big${i}`,
        mapId: 'small',
        parentId: parent,
        relation: i % 3 ? 'supports' : 'opposes',
        text: `Node ${i}`,
        now: '2025-01-01T00:00:00.000Z',
      });
      rows.push(n);
      if (i % 50 === 49) parent = `big${i}`;
    }
    await db.nodes.bulkAdd(rows);
    t = await tree();
    await editor.deleteWithSubtree(t, 'b');
    expect(await db.nodes.count()).to.equal(6);
    await undo.undo();
    expect(await db.nodes.count()).to.equal(2007);
  });

  it('keeps a linear history: a new step after undo drops the redo branch', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    const entry = (name: string) => ({
      label: name,
      undo: async () => void log.push(`undo ${name}`),
      redo: async () => void log.push(`redo ${name}`),
    });
    stack.push(entry('a'));
    stack.push(entry('b'));
    await stack.undo();
    stack.push(entry('c'));
    expect(stack.canRedo).to.equal(false);
    await stack.undo();
    await stack.undo();
    expect(await stack.undo()).to.equal(undefined);
    expect(log).to.deep.equal(['undo b', 'undo c', 'undo a']);
  });
});
