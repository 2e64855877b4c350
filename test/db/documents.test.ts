import { expect } from '@open-wc/testing';
import { releasedDb, writeAsReleased } from '../helpers/releases.js';
import { deleteMap, loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { exportMarkdown, importJson } from '../../src/formats/index.js';
import { parseText } from '../../src/anchoring/source-text.js';
import { backupAllMaps } from '../../src/state/transfer.js';
import { loadMapDocument, mapDocument, removeMapDocument, restoreMapDocument } from '../../src/state/documents.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

const essay = parseText(
  '# Uniforms\n\nUniforms help. They save money too.\n\nCritics disagree, and some uniformly so.',
  'md',
);

describe('source documents (real IndexedDB)', () => {
  afterEach(deleteTestDbs);

  it('opens a database written by the previous release (version 3, with links) and finds every record', async () => {
    const name = `warrant-test-v1-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    // The previous release's declarations, verbatim.
    const old = releasedDb(name, 3);
    const [bundle] = await fixtureBundles();
    const b = bundle!;
    await writeAsReleased(old, b);
    await old.transaction('rw', old.tables, async () => {
      await old.table('assignments').put({ id: 'as1', mapId: b.map.id });
      await old.table('feedback').put({ id: 'fb1', mapId: b.map.id, nodeId: 't' });
      await old
        .table('links')
        .put({ id: 'ln1', mapId: b.map.id, nodeId: 'c', targetId: 'a', createdAt: b.map.createdAt });
    });
    old.close();
    const db = freshDb(name);
    const back = await loadBundle(db, b.map.id);
    expect(back!.nodes.length).to.equal(b.nodes.length);
    expect(back!.sources.length).to.equal(b.sources.length);
    expect(back!.citations.length).to.equal(b.citations.length);
    expect(back!.ratings.length).to.equal(b.ratings.length);
    expect(await db.uiState.get(b.map.id)).to.deep.equal({ mapId: b.map.id, expanded: ['t'] });
    expect(await db.settings.get('sample-loaded')).to.deep.equal({ key: 'sample-loaded', value: true });
    expect(await db.assignments.get('as1')).to.deep.equal({ id: 'as1', mapId: b.map.id });
    expect(await db.feedback.where('mapId').equals(b.map.id).count()).to.equal(1);
    expect(back!.links?.map((l) => l.id)).to.deep.equal(['ln1']);
    expect(await db.documents.count()).to.equal(0);
    expect(db.verno).to.equal(4);
  });

  it('stores a document with its map, anchors its quotes, and undoes a replacement', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    const first = await loadMapDocument(db, 'small', essay, bundle!.nodes, { fileName: 'u.md', now: 'T1' });
    expect(first.previous).to.equal(undefined);
    expect([...first.anchoring.anchors.keys()]).to.deep.equal(['t']);
    const row = await mapDocument(db, 'small');
    expect(row).to.deep.include({ mapId: 'small', title: 'Uniforms', fileName: 'u.md', loadedAt: 'T1' });
    expect(row!.anchors).to.deep.equal({
      t: {
        exact: 'Uniforms help.',
        prefix: 'Uniforms\n\n',
        suffix: ' They save money too.\n\nCritics d',
        paragraph: 1,
        offset: 0,
      },
    });
    // A second version: a paragraph before it, the quote's sentence reworded slightly.
    const second = parseText('# Uniforms\n\nA new opening.\n\nUniforms helps. They save money too.', 'md');
    const again = await loadMapDocument(db, 'small', second, bundle!.nodes, { now: 'T2' });
    expect(again.anchoring.anchors.get('t')).to.include({ paragraph: 2, errors: 1 });
    expect(again.previous!.loadedAt).to.equal('T1');
    await restoreMapDocument(db, again.previous!);
    expect((await mapDocument(db, 'small'))!.blocks).to.deep.equal(essay.blocks);
    expect(await removeMapDocument(db, 'small')).to.not.equal(undefined);
    expect(await mapDocument(db, 'small')).to.equal(undefined);
  });

  it('deletes the document with its map and brings it back with the map on undo', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    await loadMapDocument(db, 'small', essay, bundle!.nodes, { now: 'T1' });
    const deleted = await deleteMap(db, 'small');
    expect(await db.documents.count()).to.equal(0);
    expect(deleted!.sourceText).to.deep.equal(essay);
    await putBundles(db, [deleted!]);
    expect((await mapDocument(db, 'small'))!.blocks).to.deep.equal(essay.blocks);
  });

  it('carries the document in a JSON backup, validated on restore, never in the Markdown hand-in', async () => {
    const db = freshDb();
    const [bundle] = await fixtureBundles();
    await putBundles(db, [bundle!]);
    await loadMapDocument(db, 'small', essay, bundle!.nodes, { now: 'T1' });
    const backup = await backupAllMaps(db);
    const restored = importJson(backup.text);
    if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
    expect(restored.bundles[0]!.sourceText).to.deep.equal(essay);
    const without = importJson((await backupAllMaps(db, { sourceTexts: false })).text);
    if (!without.ok) throw new Error('backup without texts did not restore');
    expect(without.bundles[0]!.sourceText).to.equal(undefined);

    const broken = JSON.parse(backup.text) as { maps: { sourceText: { blocks: unknown[] } }[] };
    broken.maps[0]!.sourceText.blocks.push({ kind: 'paragraph', text: 'x', n: 1 }, { kind: 'table', text: 'y' });
    const bad = importJson(JSON.stringify(broken));
    expect(bad.ok).to.equal(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.field)).to.deep.equal([
        'maps[0].sourceText.blocks[3].n',
        'maps[0].sourceText.blocks[4].kind',
      ]);

    const md = exportMarkdown({ ...restored.bundles[0]!, sourceText: essay });
    expect(md).not.to.contain('They save money too');
    expect(md).not.to.contain('Critics disagree');
  });

  it('keys documents by map id, one per map', async () => {
    const db = freshDb();
    await db.open();
    expect(db.documents.schema.primKey.keyPath).to.equal('mapId');
    expect(db.documents.schema.indexes).to.deep.equal([]);
  });
});
