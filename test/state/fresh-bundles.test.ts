/**
 * The open after an import takes the map from memory: what it hands out must be exactly what
 * reading the map back would give, handed out once, and never once the map has changed since.
 */
import { expect } from '@open-wc/testing';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { exportMapJson } from '../../src/formats/json.js';
import { takeWritten } from '../../src/state/fresh-bundles.js';
import { writeImport } from '../../src/state/import-write.js';
import { readImportText } from '../../src/state/import-read.js';
import { randomMap } from '../formats/helpers.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

describe('state/fresh-bundles (the map an import just wrote)', () => {
  afterEach(deleteTestDbs);

  async function read(text: string) {
    const r = await readImportText(text, { worker: false, now: '2025-03-01T09:00:00.000Z' });
    if (!r.ok) throw new Error('the test file does not read');
    return r.bundles;
  }

  it('hands out, once, exactly the map that reading it back gives', async () => {
    const db = freshDb();
    const bundles = await read(exportMapJson(randomMap(7, { nodes: 300 })));
    const { mapIds } = await writeImport(db, bundles, 'new');
    const kept = await takeWritten(db, mapIds[0]!);
    expect(kept).to.deep.equal(await loadBundle(db, mapIds[0]!));
    expect(await takeWritten(db, mapIds[0]!), 'a second open reads the database').to.equal(undefined);
  });

  it('hands out nothing once the map has been changed since the import', async () => {
    const db = freshDb();
    const bundles = await read(exportMapJson(randomMap(8, { nodes: 50 })));
    const { mapIds } = await writeImport(db, bundles, 'new');
    const id = mapIds[0]!;
    await db.maps.update(id, { updatedAt: '2030-01-01T00:00:00.000Z' });
    expect(await takeWritten(db, id)).to.equal(undefined);
  });

  it('hands out the whole merged map after a merge, as reading it back gives it', async () => {
    const db = freshDb();
    await putBundles(db, await fixtureBundles());
    const file = await (await fetch('/test/fixtures/small-map.json')).text();
    const { mapIds } = await writeImport(db, await read(file), { mergeInto: 'small' });
    expect(mapIds).to.deep.equal(['small']);
    expect(await takeWritten(db, 'small')).to.deep.equal(await loadBundle(db, 'small'));
  });

  it('keeps only the last import, and nothing for another database', async () => {
    const db = freshDb();
    const first = await writeImport(db, await read(exportMapJson(randomMap(9, { nodes: 20 }))), 'new');
    const second = await writeImport(db, await read(exportMapJson(randomMap(10, { nodes: 20 }))), 'new');
    expect(await takeWritten(freshDb(), second.mapIds[0]!)).to.equal(undefined);
    expect(await takeWritten(db, first.mapIds[0]!)).to.equal(undefined);
    expect((await takeWritten(db, second.mapIds[0]!))?.map.id).to.equal(second.mapIds[0]);
  });
});
