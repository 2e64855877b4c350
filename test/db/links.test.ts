import { expect, waitUntil } from '@open-wc/testing';
import Dexie, { liveQuery } from 'dexie';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { deleteSubtree, insertRows } from '../../src/db/nodes-repo.js';
import { importKialo } from '../../src/formats/kialo.js';
import type { MapBundle } from '../../src/model/types.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';
import { releasedDb, writeAsReleased } from '../helpers/releases.js';

const T0 = '2025-03-01T09:00:00.000Z';

function pets(): MapBundle {
  const r = importKialo(
    'Discussion Title: Pets\n\n1. Which pet?\n1.1. A cat.\n1.1.1. Pro: Quiet.\n1.2. A dog.\n1.2.1. Pro: -> See 1.1.1.\n1.2.2. Con: -> See discussion #7: Walks\n',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.bundles[0]!;
}

describe('links table (real IndexedDB)', () => {
  afterEach(deleteTestDbs);

  it('opens a database written by the previous release (version 2) and finds every record', async () => {
    const probe = freshDb();
    const name = probe.name;
    probe.close();
    await Dexie.delete(name);
    // The previous release's schema, declared as it shipped (versions 1 and 2).
    const old = releasedDb(name, 2);
    const [bundle] = await fixtureBundles();
    const b = bundle!;
    await writeAsReleased(old, b);
    await old.table('feedback').put({ id: 'f1', mapId: b.map.id, nodeId: 't', text: 'Good' });
    old.close();

    const db = freshDb(name);
    const back = await loadBundle(db, b.map.id);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(back!.map).to.deep.equal(b.map);
    expect(byId(back!.nodes)).to.deep.equal(byId(b.nodes));
    expect(byId(back!.sources)).to.deep.equal(byId(b.sources));
    expect(byId(back!.citations)).to.deep.equal(byId(b.citations));
    expect(byId(back!.ratings)).to.deep.equal(byId(b.ratings));
    expect(back!.links).to.equal(undefined);
    expect(await db.uiState.get(b.map.id)).to.deep.equal({ mapId: b.map.id, expanded: ['t'] });
    expect(await db.settings.get('sample-loaded')).to.deep.equal({ key: 'sample-loaded', value: true });
    expect(await db.feedback.get('f1')).to.deep.equal({ id: 'f1', mapId: b.map.id, nodeId: 't', text: 'Good' });
    expect(db.verno).to.be.at.least(3);
    expect(await db.links.count()).to.equal(0);
  });

  it('writes and reads a map with node and external links', async () => {
    const db = freshDb();
    const b = pets();
    await putBundles(db, [b]);
    const back = await loadBundle(db, b.map.id);
    const rows = (x: MapBundle) => x.links!.map((l) => JSON.stringify([l.nodeId, l.targetId, l.external])).sort();
    expect(rows(back!)).to.deep.equal(rows(b));
  });

  it('deleting a subtree takes the links on it and into it along, and undo brings them back', async () => {
    const db = freshDb();
    const b = pets();
    await putBundles(db, [b]);
    const cat = b.nodes.find((n) => n.text === 'A cat.')!;
    const before = (await loadBundle(db, b.map.id))!;
    const removed = await deleteSubtree(db, cat.id, T0);
    expect(removed.links).to.have.length(1); // the dog's "-> See 1.1.1." pointed into the cat
    // The link row that stood for the deleted claim goes with it: no row is left pointing at
    // nothing, nor turned into a claim saying "-> See 1.1.1." of whatever takes that number.
    expect(removed.nodes.map((n) => n.text)).to.have.members(['A cat.', 'Quiet.', '-> See 1.1.1.']);
    expect(await db.links.count()).to.equal(1); // the external one stays
    expect((await db.nodes.toArray()).map((n) => n.text)).to.have.members([
      'Which pet?',
      'A dog.',
      '-> See discussion #7: Walks',
    ]);
    await insertRows(db, b.map.id, removed, T0);
    expect(await db.links.count()).to.equal(2);
    const back = (await loadBundle(db, b.map.id))!;
    expect(back.nodes.map((n) => n.id).sort()).to.deep.equal(before.nodes.map((n) => n.id).sort());
    expect(back.links).to.deep.equal(before.links);
  });

  it('a tab showing the map sees the link row go when another tab deletes what it stood for', async () => {
    const mine = freshDb();
    const b = pets();
    await putBundles(mine, [b]);
    // Another tab: its own connection to the same database.
    const other = freshDb(mine.name);
    const seen: MapBundle[] = [];
    const sub = liveQuery(() => loadBundle(mine, b.map.id)).subscribe((v) => v && seen.push(v));
    try {
      const rowId = b.links!.find((l) => l.targetId)!.nodeId;
      await waitUntil(() => seen.some((v) => v.nodes.some((n) => n.id === rowId)), 'first reading');
      const cat = b.nodes.find((n) => n.text === 'A cat.')!;
      await deleteSubtree(other, cat.id, T0);
      await waitUntil(() => {
        const last = seen[seen.length - 1]!;
        return !last.nodes.some((n) => n.id === rowId) && last.links?.length === 1;
      }, 'this tab still shows the link row');
      const last = seen[seen.length - 1]!;
      expect(
        last.links!.every((l) => l.targetId === undefined || last.nodes.some((n) => n.id === l.targetId)),
      ).to.equal(true);
    } finally {
      sub.unsubscribe();
    }
  });
});
