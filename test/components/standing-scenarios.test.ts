// Issue 13's scenarios through the whole app: the shipped essay map, default settings, one rater;
// the number checked is the one the header shows for the thesis.
import { expect, waitUntil } from '@open-wc/testing';
import type { WarrantMapView } from '../../src/components/map-view.js';
import type { Rating, RatingValue } from '../../src/model/types.js';
import { cleanupApps, deepQuery, mountApp, row } from '../helpers/app.js';

const header = (view: WarrantMapView) =>
  view.shadowRoot!.querySelector('.thesis-standing')!.textContent!.replace(/\s+/g, ' ').trim();

/** The thesis's standing as the header shows it, or undefined when it shows none. */
function shown(view: WarrantMapView): number | undefined {
  const m = /Thesis stands at (\d\.\d\d)/.exec(header(view));
  return m ? Number(m[1]) : undefined;
}

async function shownAfter(view: WarrantMapView, expected: string): Promise<number> {
  await waitUntil(() => header(view).includes(`Thesis stands at ${expected}`), `header: ${header(view)}`);
  return shown(view)!;
}

function rating(view: WarrantMapView, nodeId: string, value: RatingValue): Rating {
  const stamp = new Date().toISOString();
  return { id: `t-${nodeId}`, mapId: view.mapId, nodeId, rater: 'me', value, createdAt: stamp, updatedAt: stamp };
}

/** Writes ratings as an import does: the rows and the map's updatedAt, which the view watches. */
async function put(view: WarrantMapView, rows: Rating[]): Promise<void> {
  const db = view.services!.db;
  await db.transaction('rw', [db.maps, db.ratings], async () => {
    await db.ratings.bulkPut(rows);
    await db.maps.update(view.mapId, { updatedAt: new Date().toISOString() });
  });
}

describe('issue 13 scenarios on the essay map, through the app', () => {
  afterEach(cleanupApps);

  it('S0-S4: no number until something is rated; the thesis answers what is rated', async function () {
    this.timeout(30000);
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    const db = view.services!.db;
    const nodes = await db.nodes.where('mapId').equals(view.mapId).toArray();
    const claims = nodes.filter((n) => n.parentId === 'thesis' && n.relation === 'supports');
    const claimIds = new Set(claims.map((c) => c.id));
    const counterpoints = nodes.filter((n) => claimIds.has(n.parentId ?? '') && n.relation === 'opposes');
    expect(claims).to.have.length(14);

    // S0: nothing rated: no standing number in the header, and no row meter claims one.
    expect(header(view)).to.contain('The thesis is not rated yet');
    expect(shown(view)).to.equal(undefined);
    const nums = [...view.treeElement!.shadowRoot!.querySelectorAll('[role=treeitem] .standing .num')];
    expect(nums.length).to.be.greaterThan(10);
    for (const n of nums) expect(n.textContent!.trim()).to.equal('–');

    // S1: the claims rated 0, 1, 0, 1 ...: (7*0 + 7*0.25) / 14 = 0.125.
    await put(
      view,
      claims.map((c, i) => rating(view, c.id, (i % 2) as RatingValue)),
    );
    const s1 = await shownAfter(view, '0.13');
    expect(s1).to.be.at.most(0.4);
    expect(header(view)).to.contain('based on 14 of 177 nodes rated');
    // The meter of an unrated claim's subtree is empty; a rated claim's shows its number on focus.
    expect(row(view, claims[1]!.id)!.querySelector('.standing .num')!.textContent!.trim()).to.equal('0.25');

    // S2: all 14 claims rated 4.
    await put(
      view,
      claims.map((c) => rating(view, c.id, 4)),
    );
    const s2 = await shownAfter(view, '1.00');
    expect(s2).to.be.at.least(0.85);

    // S3: S2 plus every counterpoint directly under a claim rated 4. In the second edition 12 claims
    // have one (0.5), one has two (0.2), one has three (0.1): (6 + 0.2 + 0.1) / 14 = 0.45.
    await put(
      view,
      counterpoints.map((c) => rating(view, c.id, 4)),
    );
    const s3 = await shownAfter(view, '0.45');
    expect(s2 - s3).to.be.at.least(0.15);

    // S4: back to S2, then one claim moved from 4 to 0 by keyboard in its details: 13/14 = 0.93.
    await db.transaction('rw', [db.maps, db.ratings], async () => {
      await db.ratings.bulkDelete(counterpoints.map((c) => `t-${c.id}`));
      await db.maps.update(view.mapId, { updatedAt: new Date().toISOString() });
    });
    await shownAfter(view, '1.00');
    row(view, claims[0]!.id)!.focus();
    await waitUntil(() => deepQuery(view.shadowRoot!, 'warrant-rating'));
    const control = deepQuery(view.shadowRoot!, 'warrant-rating')!;
    await waitUntil(() => control.shadowRoot!.querySelector<HTMLInputElement>('input[name=rating]:checked'));
    control.shadowRoot!.querySelector<HTMLInputElement>('input[name=rating]')!.click();
    const s4 = await shownAfter(view, '0.93');
    expect(s2 - s4).to.be.at.least(0.02);
    // The record kept its id: one rating record changed, not a new one.
    const mine = await db.ratings.where('[nodeId+rater]').equals([claims[0]!.id, 'me']).toArray();
    expect(mine.map((r) => [r.id, r.value])).to.deep.equal([[`t-${claims[0]!.id}`, 0]]);
  });
});
