// "Restore the essay map" on the Maps page brings a browser that holds the first edition of the
// essay map up to the edition shipped in claims/, in place (same map id), with Undo, and leaves
// the class's other maps alone.
import { expect, waitUntil } from '@open-wc/testing';
import { cleanupApps, deepQuery, mountApp } from '../helpers/app.js';
import { importJson } from '../../src/formats/json.js';
import type { MapBundle } from '../../src/model/types.js';
import type { WarrantDB } from '../../src/db/database.js';
import type { WarrantApp } from '../../src/components/app.js';

const ESSAY = 'klusmann-2025-alliance';
const TITLE = 'America and Russia: The Alliance That Never Was';

async function shipped(): Promise<MapBundle> {
  const result = importJson(await (await fetch('/claims/essay-map.json')).text());
  if (!result.ok) throw new Error('claims/essay-map.json does not import');
  return result.bundles[0]!;
}

/** Every row of one map, in a stable order, to compare before and after. */
async function rowsOf(db: WarrantDB, mapId: string): Promise<string> {
  const [map, nodes, sources, citations] = await Promise.all([
    db.maps.get(mapId),
    db.nodes.where('mapId').equals(mapId).sortBy('id'),
    db.sources.where('mapId').equals(mapId).sortBy('id'),
    db.citations.where('mapId').equals(mapId).sortBy('id'),
  ]);
  return JSON.stringify({ map, nodes, sources, citations });
}

/** Opens the Maps page; returns a getter for its (re-rendered) shadow root. */
async function openList(app: WarrantApp): Promise<() => ShadowRoot> {
  location.hash = '#/';
  const root = () => deepQuery(app.shadowRoot!, 'warrant-map-list')?.shadowRoot ?? null;
  await waitUntil(() => root()?.querySelector('li'), 'no list', { timeout: 5000 });
  return () => root()!;
}

describe('restoring the essay map over an older edition', () => {
  const realConfirm = window.confirm;
  afterEach(async () => {
    window.confirm = realConfirm;
    await cleanupApps();
  });

  it('replaces the first edition in place after a confirm, offers Undo, and leaves other maps untouched', async () => {
    const { app, view } = await mountApp({ sample: 'test/fixtures/essay-map-first-edition.json' });
    const db = view.services!.db;
    expect(await db.nodes.where('mapId').equals(ESSAY).count()).to.equal(7);
    // The class changed its copy of the essay map, and has a map of its own made from it.
    await db.nodes.update('c01-cold-war-cooperation', { text: 'Our own wording' });
    // The teacher loaded the essay into the reading pane: replacing the map keeps it.
    const essayDoc = {
      mapId: ESSAY,
      title: 'The essay',
      blocks: [{ kind: 'paragraph' as const, text: 'NATO expanded eastward.', n: 1 }],
      loadedAt: '2026-12-01T00:00:00.000Z',
    };
    await db.documents.put(essayDoc);
    const list = await openList(app);
    await waitUntil(() => list().querySelector(`button[aria-label="Duplicate “${TITLE}”"]`), 'no list');
    list().querySelector<HTMLButtonElement>(`button[aria-label="Duplicate “${TITLE}”"]`)!.click();
    await waitUntil(async () => (await db.maps.count()) === 2, 'no copy');
    const own = (await db.maps.toArray()).find((m) => m.id !== ESSAY)!;
    const ownBefore = await rowsOf(db, own.id);

    const asked: string[] = [];
    window.confirm = (message?: string) => (asked.push(String(message)), true);
    await waitUntil(() => list().querySelector('.actions button:last-child'));
    const restore = [...list().querySelectorAll<HTMLButtonElement>('.actions button')].find(
      (b) => b.textContent!.trim() === 'Restore the essay map',
    )!;
    restore.click();

    const edition = await shipped();
    await waitUntil(
      async () => (await db.nodes.where('mapId').equals(ESSAY).count()) === edition.nodes.length,
      'the shipped edition did not replace the first one',
      { timeout: 8000 },
    );
    expect(asked).to.have.length(1);
    expect(asked[0]).to.contain('your other maps are not touched');
    // The new edition, whole: its counts, the merged node gone, the student's wording replaced.
    expect(edition.nodes.length).to.be.greaterThan(100);
    const opposers = edition.nodes.filter((n) => n.relation === 'opposes').length;
    expect(opposers).to.be.at.least(60);
    expect(
      await db.nodes
        .where('mapId')
        .equals(ESSAY)
        .filter((n) => n.relation === 'opposes')
        .count(),
    ).to.equal(opposers);
    expect(await db.sources.where('mapId').equals(ESSAY).count()).to.equal(edition.sources.length);
    expect(await db.citations.where('mapId').equals(ESSAY).count()).to.equal(edition.citations.length);
    expect(await db.nodes.get('p11-enlargement-1999')).to.equal(undefined);
    expect((await db.nodes.get('c01-cold-war-cooperation'))!.text).to.equal(
      edition.nodes.find((n) => n.id === 'c01-cold-war-cooperation')!.text,
    );
    // One essay map, and the class's own map exactly as it was.
    expect(await db.maps.count()).to.equal(2);
    expect(await rowsOf(db, own.id)).to.equal(ownBefore);
    expect(await db.documents.get(ESSAY)).to.deep.equal(essayDoc);
    await waitUntil(() => list().textContent!.includes(`${edition.nodes.length} nodes`), 'the list shows the new size');
    expect(list().querySelector('.status')!.textContent).to.contain('now the shipped edition');
    await expect(deepQuery(app.shadowRoot!, 'warrant-map-list')!).to.be.accessible();

    // Undo puts the replaced copy back, the class's wording included.
    list().querySelector<HTMLButtonElement>('.status button')!.click();
    await waitUntil(async () => (await db.nodes.where('mapId').equals(ESSAY).count()) === 7, 'undo did not restore');
    expect((await db.nodes.get('c01-cold-war-cooperation'))!.text).to.equal('Our own wording');
    expect(await db.nodes.get('p11-enlargement-1999')).to.not.equal(undefined);
    expect(await rowsOf(db, own.id)).to.equal(ownBefore);
    expect(await db.documents.get(ESSAY)).to.deep.equal(essayDoc);
  });

  it('asks first, and changes nothing when the class says no', async () => {
    const { app, view } = await mountApp({ sample: 'test/fixtures/essay-map-first-edition.json' });
    const db = view.services!.db;
    const before = await rowsOf(db, ESSAY);
    const list = await openList(app);
    let asked = 0;
    window.confirm = () => (asked++, false);
    [...list().querySelectorAll<HTMLButtonElement>('.actions button')]
      .find((b) => b.textContent!.trim() === 'Restore the essay map')!
      .click();
    await waitUntil(() => asked === 1);
    expect(await rowsOf(db, ESSAY)).to.equal(before);
    expect(list().querySelector('.status button')).to.equal(null);
  });
});
