// A write the database refuses: the view, which showed the change at once, goes back to what is
// stored and says why, instead of showing something that was never saved.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, deepQuery, mountApp, row } from '../helpers/app.js';

const standingOf = (view: WarrantMapView, id: string) =>
  row(view, id)?.querySelector('.standing .num')?.textContent?.trim();
const ratingOf = (view: WarrantMapView, id: string) =>
  row(view, id)?.querySelector('.rating')?.textContent?.replace(/\s+/g, '');

describe('the view after a failed write', () => {
  afterEach(cleanupApps);

  it('rolls a rating the database refused back to the stored one, and says so', async () => {
    const { view } = await mountApp();
    expect(standingOf(view, 'a')).to.equal('0.63');
    const stored = ratingOf(view, 'a1');
    expect(stored).to.contain('2.5');
    const db = view.services!.db;
    let refused = 0;
    const refuse = (): never => {
      refused++;
      throw new Error('disk full (simulated)');
    };
    db.ratings.hook('creating', refuse);
    db.ratings.hook('updating', refuse);
    row(view, 'a1')!.focus();
    await waitUntil(() => deepQuery(view.shadowRoot!, 'warrant-rating'), 'no rating control');
    const rating = deepQuery(view.shadowRoot!, 'warrant-rating')!;
    rating.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => refused > 0, 'the rating was never written');
    const notice = () => view.shadowRoot!.querySelector('.notice')?.textContent ?? '';
    await waitUntil(() => notice().includes('disk full (simulated)'), `no error shown (${notice()})`);
    // Back to what is stored: the mean of Ana's and Ben's ratings, and the claim's standing.
    await waitUntil(() => ratingOf(view, 'a1') === stored, `the refused rating still shows (${ratingOf(view, 'a1')})`);
    expect(standingOf(view, 'a')).to.equal('0.63');
    expect(await db.ratings.filter((r) => r.rater === 'me').count()).to.equal(0);
  });
});
