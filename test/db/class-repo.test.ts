// The class's records in the database: a database of the previous release opens with every
// record; collecting is one transaction that writes everything or nothing.
import { expect } from '@open-wc/testing';
import { releasedDb } from '../helpers/releases.js';
import { collectInto, handInsOf, putAssignment, assignmentOf } from '../../src/db/class-repo.js';
import { WarrantDB } from '../../src/db/database.js';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { exportHandInJson, makeHandIn } from '../../src/formats/class-files.js';
import { collectHandIns, type InFile } from '../../src/formats/collect.js';
import { exportHandInMarkdown } from '../../src/formats/handin-markdown.js';
import type { Assignment } from '../../src/model/assignment.js';
import type { MapBundle } from '../../src/model/types.js';
import { assignmentOf as makeAssignment, essayMap, LATER, studentWork } from '../formats/class-helpers.js';
import { deleteTestDbs, freshDb } from '../helpers/db.js';

const NOW = '2026-12-03T08:00:00.000Z';

/** A bundle with each list in id order, as the database returns rows. */
function byId(b: MapBundle | undefined): MapBundle | undefined {
  if (!b) return b;
  const sort = <T extends { id: string }>(l: T[]): T[] =>
    [...l].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    map: b.map,
    nodes: sort(b.nodes),
    sources: sort(b.sources),
    citations: sort(b.citations),
    ratings: sort(b.ratings),
  };
}

function collect(db: WarrantDB, a: Assignment, files: InFile[]) {
  return collectInto(db, a.mapId, (bundle, before) => collectHandIns(bundle, a, files, before, NOW));
}

describe('class records in the database', () => {
  afterEach(deleteTestDbs);

  it('opens a database written by the previous release (version 1) and finds every record', async () => {
    const map = await essayMap();
    map.ratings.push({
      id: 'r1',
      mapId: map.map.id,
      nodeId: map.map.rootId,
      rater: 'me',
      value: 3,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const name = `warrant-test-v1-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    // The previous release's declaration, exactly.
    const old = releasedDb(name, 1);
    await old.table('maps').put(map.map);
    await old.table('nodes').bulkPut(map.nodes);
    await old.table('sources').bulkPut(map.sources);
    await old.table('citations').bulkPut(map.citations);
    await old.table('ratings').bulkPut(map.ratings);
    await old.table('settings').put({ key: 'author-name', value: 'Ana' });
    old.close();
    const db = freshDb(name);
    await db.open();
    expect(db.verno).to.be.at.least(2);
    const back = await loadBundle(db, map.map.id);
    expect(byId(back)).to.deep.equal(byId(map));
    // Old records name no author: they are the class's.
    expect(back!.sources.every((s) => s.author === undefined)).to.equal(true);
    expect(await db.settings.get('author-name')).to.deep.equal({ key: 'author-name', value: 'Ana' });
    expect(await db.assignments.count()).to.equal(0);
    expect(await db.handIns.count()).to.equal(0);
    expect(await db.feedback.count()).to.equal(0);
  });

  it('collects in one transaction; a duplicate changes nothing; a refusal writes nothing', async () => {
    const map = await essayMap();
    const db = freshDb();
    await putBundles(db, [map]);
    const a = makeAssignment(map);
    await putAssignment(db, a);
    expect(await assignmentOf(db, map.map.id)).to.deep.equal(a);
    const ana = makeHandIn(studentWork(map, 'Ana'), a, 'Ana', 'h-ana', LATER);
    const ben = makeHandIn(studentWork(map, 'Ben'), a, 'Ben', 'h-ben', LATER);
    const files = [
      { name: 'ana.md', text: exportHandInMarkdown(ana.bundle, ana.handIn) },
      { name: 'ben.json', text: exportHandInJson(ben.bundle, ben.handIn) },
    ];
    // A refused file in the drop: nothing is written at all.
    const other = { ...ana.handIn, id: 'h-x', map: { id: 'elsewhere', title: 'Elsewhere' } };
    const refused = await collect(db, a, [...files, { name: 'x.md', text: exportHandInMarkdown(ana.bundle, other) }]);
    expect(refused.refused.map((r) => r.fileName)).to.deep.equal(['x.md']);
    expect(byId(await loadBundle(db, map.map.id))).to.deep.equal(byId(map));
    expect(await handInsOf(db, map.map.id)).to.deep.equal([]);

    const r = await collect(db, a, files);
    expect(r.collected.map((c) => c.student)).to.deep.equal(['Ana', 'Ben']);
    const after = (await loadBundle(db, map.map.id))!;
    expect(
      after.nodes.filter((n) => n.author !== undefined && n.id.startsWith('k-')).map((n) => n.author),
    ).to.have.members(['Ana', 'Ben']);
    expect((await handInsOf(db, map.map.id)).map((h) => h.id)).to.have.members(['h-ana', 'h-ben']);

    const again = await collect(db, a, files);
    expect(again.collected).to.deep.equal([]);
    expect(again.duplicates.map((d) => d.fileName)).to.deep.equal(['ana.md', 'ben.json']);
    expect(byId(await loadBundle(db, map.map.id))).to.deep.equal(byId(after));
  });
});
