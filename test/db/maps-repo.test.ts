import { expect } from '@open-wc/testing';
import { deleteMap, listMaps, loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

describe('maps repository (real IndexedDB)', () => {
  afterEach(deleteTestDbs);

  it('writes a bundle and reads the same bundle back', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    const back = await loadBundle(db, 'small');
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(back!.map).to.deep.equal(bundle!.map);
    expect(byId(back!.nodes)).to.deep.equal(byId(bundle!.nodes));
    expect(back!.citations).to.deep.equal(bundle!.citations);
    expect(byId(back!.ratings)).to.deep.equal(byId(bundle!.ratings));
    expect(await loadBundle(db, 'nope')).to.equal(undefined);
  });

  it('lists maps with node counts, newest change first', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    const older = {
      ...bundle!,
      map: { ...bundle!.map, id: 'older', title: 'Older', updatedAt: '2020-01-01T00:00:00.000Z' },
    };
    older.nodes = bundle!.nodes.slice(0, 1).map((n) => ({ ...n, id: 'older-t', mapId: 'older' }));
    older.map.rootId = 'older-t';
    older.sources = [];
    older.citations = [];
    older.ratings = [];
    await putBundles(db, [older, bundle!]);
    const list = await listMaps(db);
    expect(list.map((m) => [m.id, m.nodeCount])).to.deep.equal([
      ['small', 7],
      ['older', 1],
    ]);
    expect(list[0]!.documentTitle).to.equal('Uniforms essay');
  });

  it('replaces a map whole when it is put again (no stale rows left)', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    const smaller = {
      ...bundle!,
      nodes: bundle!.nodes.filter((n) => n.id === 't' || n.id === 'b'),
      citations: [],
      ratings: [],
    };
    await putBundles(db, [smaller]);
    const back = await loadBundle(db, 'small');
    expect(back!.nodes.map((n) => n.id).sort()).to.deep.equal(['b', 't']);
    expect(back!.ratings).to.deep.equal([]);
  });

  it('writes nothing when any row of the transaction fails', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    // Two ratings by the same rater on the same node violate the unique [nodeId+rater] index.
    const broken = { ...bundle!, ratings: [...bundle!.ratings, { ...bundle!.ratings[0]!, id: 'dup' }] };
    let failed = false;
    try {
      await putBundles(db, [broken]);
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    expect(await db.maps.count()).to.equal(0);
    expect(await db.nodes.count()).to.equal(0);
  });

  it('deletes a map with all its rows and returns them for undo', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    const deleted = await deleteMap(db, 'small');
    expect(deleted!.nodes).to.have.length(7);
    expect(await db.nodes.count()).to.equal(0);
    expect(await db.citations.count()).to.equal(0);
    expect(await db.ratings.count()).to.equal(0);
    expect(await db.maps.count()).to.equal(0);
    await putBundles(db, [deleted!]);
    expect(await db.nodes.count()).to.equal(7);
  });

  it('finds nodes by parent and citations by source through the indexes', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    expect((await db.nodes.where('parentId').equals('a').toArray()).map((n) => n.id).sort()).to.deep.equal([
      'a1',
      'a2',
    ]);
    expect(await db.citations.where('sourceId').equals('s1').count()).to.equal(1);
    expect(await db.ratings.where('nodeId').equals('a1').count()).to.equal(2);
  });
});
