// The editor's refusals: each says why in words a student can act on, writes nothing, and leaves
// the undo history as it was (a refused step is not undoable, and does not drop the redo branch).
import { expect } from '@open-wc/testing';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { LIMITS } from '../../src/model/limits.js';
import { buildTree } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';
import { MapEditor } from '../../src/state/editor.js';
import { UndoStack } from '../../src/state/undo.js';
import { argNode } from '../helpers/fixtures.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

async function setup() {
  const db = freshDb();
  await putBundles(db, await fixtureBundles());
  const undo = new UndoStack();
  const editor = new MapEditor(db, 'small', undo);
  const bundle = (await loadBundle(db, 'small'))!;
  // One real step first, so a refusal that touched the history would show.
  const tree = buildTree(bundle.nodes);
  expect((await editor.switchRelation(tree, 'b')).ok).to.equal(true);
  const snapshot = async (): Promise<MapBundle> => {
    const b = (await loadBundle(db, 'small'))!;
    return { ...b, map: { ...b.map, updatedAt: '' } };
  };
  return { db, undo, editor, bundle: (await loadBundle(db, 'small'))!, snapshot };
}

describe('MapEditor refusals (real IndexedDB)', () => {
  afterEach(deleteTestDbs);

  it('refuses to switch or delete the thesis, or a node that is gone, writing nothing', async () => {
    const { undo, editor, bundle, snapshot } = await setup();
    const before = await snapshot();
    const tree = buildTree(bundle.nodes);
    expect(await editor.switchRelation(tree, 't')).to.deep.equal({
      ok: false,
      message: 'The thesis has no relation to switch.',
    });
    expect(await editor.deleteWithSubtree(tree, 't')).to.deep.equal({
      ok: false,
      message: 'The thesis cannot be deleted (delete the whole map instead).',
    });
    expect(await editor.switchRelation(tree, 'gone')).to.deep.equal({
      ok: false,
      message: 'That node no longer exists.',
    });
    expect(await editor.deleteWithSubtree(tree, 'gone')).to.deep.equal({
      ok: false,
      message: 'That node no longer exists.',
    });
    expect(await snapshot()).to.deep.equal(before);
    expect(undo.undoLabel).to.equal('switch relation');
  });

  it('refuses to add a node whose id is taken, with the storage error in words', async () => {
    const { undo, editor, bundle, snapshot } = await setup();
    const before = await snapshot();
    const clash = argNode('a', 't', 'supports', 'x', 'A second node with the id of another', { mapId: 'small' });
    const result = await editor.add(buildTree(bundle.nodes), clash);
    expect(result.ok).to.equal(false);
    expect(result.message).to.be.a('string').and.not.equal('');
    expect(await snapshot()).to.deep.equal(before);
    expect(undo.undoLabel).to.equal('switch relation');
  });

  it('refuses a second citation of the same source and a pinpoint past the limit', async () => {
    const { undo, editor, bundle, snapshot } = await setup();
    const before = await snapshot();
    expect(await editor.citeExisting('a1', 's1', 'p. 9', bundle.citations)).to.deep.equal({
      ok: false,
      message: 'This node already cites that source: edit its pinpoint instead.',
    });
    expect(await editor.editPinpoint(bundle.citations[0]!, 'p'.repeat(LIMITS.field + 1))).to.deep.equal({
      ok: false,
      message: `The pinpoint is too long (at most ${LIMITS.field} characters).`,
    });
    expect(await snapshot()).to.deep.equal(before);
    expect(undo.undoLabel).to.equal('switch relation');
  });

  it('refuses to edit or delete a source another tab deleted', async () => {
    const { db, undo, editor, bundle } = await setup();
    const source = bundle.sources[0]!;
    await db.sources.delete(source.id);
    expect(await editor.editSource(source, { title: 'Renamed', type: source.type })).to.deep.equal({
      ok: false,
      message: 'That source was deleted (perhaps in another tab).',
    });
    expect(await editor.removeSource(source.id)).to.deep.equal({
      ok: false,
      message: 'That source was already deleted.',
    });
    expect(await db.sources.get(source.id)).to.equal(undefined);
    expect(undo.undoLabel).to.equal('switch relation');
  });
});
