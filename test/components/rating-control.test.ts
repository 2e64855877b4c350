// The rating control in the app: relevance rated by keyboard moves the thesis and is shown per
// rater; clearing an evidence or relevance rating makes the node unrated again (the meter empties,
// the header's coverage drops), never 0. On the small fixture map, as "me".
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';

/** waitUntil with room for a machine shared by many test runs (a write, then a re-evaluation). */
const until = (predicate: () => unknown, message?: string | (() => string)) =>
  waitUntil(predicate, typeof message === 'function' ? undefined : message, { timeout: 5000 }).catch((e: Error) => {
    throw new Error(`${e.message}${typeof message === 'function' ? `: ${message()}` : ''}`);
  });

const flat = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const header = (view: WarrantMapView) => flat(view.shadowRoot!.querySelector('.thesis-standing'));
const meter = (view: WarrantMapView, id: string) => row(view, id)!.querySelector('.standing')!;

async function control(view: WarrantMapView, id: string) {
  row(view, id)!.click();
  await until(() => deepQuery(view.shadowRoot!, 'warrant-rating'));
  const el = deepQuery(view.shadowRoot!, 'warrant-rating')!;
  await until(() => (el as unknown as { nodeId?: string }).nodeId === id);
  return el.shadowRoot!;
}

async function mine(view: WarrantMapView, nodeId: string) {
  return view.services!.db.ratings.where('[nodeId+rater]').equals([nodeId, 'me']).first();
}

describe('the rating control in the app', () => {
  afterEach(cleanupApps);

  it('clearing a rating returns the node to unrated: its meter empties and the coverage count drops', async () => {
    const { view } = await mountApp();
    // Only a1 is rated (by Ana and Ben): 1 of the 7 nodes.
    expect(header(view)).to.contain('based on 1 of 7 nodes rated');
    expect(meter(view, 'b').classList.contains('none')).to.equal(true);
    expect(flat(meter(view, 'b').querySelector('.num'))).to.equal('–');
    const root = await control(view, 'b');
    root.querySelectorAll<HTMLInputElement>('input[name=rating]')[0]!.click();
    await until(async () => (await mine(view, 'b'))?.value === 0, 'rating 0 not saved');
    // Rated 0, b has a standing of 0 (a full meter frame with an empty bar is a number, not none).
    await until(() => flat(meter(view, 'b').querySelector('.num')) === '0.00', 'b shows no 0.00');
    expect(meter(view, 'b').classList.contains('none')).to.equal(false);
    await until(() => header(view).includes('based on 2 of 7 nodes rated'), header(view));
    // (0.625 + 0) / 2: b's 0 pulls the thesis down.
    expect(header(view)).to.contain('Thesis stands at 0.31');

    const clear = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => flat(b) === 'Clear my rating')!;
    await until(() => !clear.disabled);
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await until(async () => (await mine(view, 'b')) === undefined, 'rating not cleared');
    await until(() => meter(view, 'b').classList.contains('none'), 'the meter did not empty');
    expect(flat(meter(view, 'b').querySelector('.num'))).to.equal('–');
    expect(flat(row(view, 'b')!.querySelector('.rating'))).to.contain('unrated');
    await until(() => header(view).includes('based on 1 of 7 nodes rated'), header(view));
    // Unrated again, not 0: the thesis is back where it was.
    expect(header(view)).to.contain('Thesis stands at 0.63');
    expect(flat(root.querySelector('.summary'))).to.contain('Unrated');
  });

  it('relevance by keyboard: weighs the point in its parent, is listed per rater, clears to unrated; axe passes', async () => {
    const { app, view } = await mountApp();
    // b rated 0 first, so that a's weight against b shows in the thesis.
    let root = await control(view, 'b');
    root.querySelectorAll<HTMLInputElement>('input[name=rating]')[0]!.click();
    await until(() => header(view).includes('Thesis stands at 0.31'), header(view));

    root = await control(view, 'a');
    const legend = flat(root.querySelector('fieldset.relevance legend'));
    expect(legend).to.equal('How much does this matter to the point above it?');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name=relevance]')];
    expect(radios.map((r) => flat(r.closest('label')))).to.deep.equal([
      '0 irrelevant',
      '1 slightly',
      '2 matters',
      '3 much',
      '4 essential',
    ]);
    radios[0]!.focus();
    // Arrow keys choose: 0 first (the first arrow checks the next), up to 4.
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowRight' });
    await until(async () => (await mine(view, 'a'))?.relevance === 4, 'relevance not saved');
    expect((await mine(view, 'a'))?.value).to.equal(undefined);
    expect((deepActive() as HTMLInputElement).name).to.equal('relevance');
    // a weighs 2, b 1: (2 * 0.625 + 0) / 3 = 0.4167.
    await until(() => header(view).includes('Thesis stands at 0.42'), header(view));
    await until(() => flat(root.querySelector('.summary')).includes('Relevance: mean 4 (essential) from 1 rating.'));
    const perRater = [...root.querySelectorAll('ul[aria-label="Ratings by rater"] li')].map(flat);
    expect(perRater).to.deep.equal(['me: evidence not rated · relevance 4 (essential)']);
    // Relevance alone does not count as rating a's evidence: the coverage stays at 2.
    expect(header(view)).to.contain('based on 2 of 7 nodes rated');
    await expect(app).to.be.accessible();

    const clear = root.querySelector<HTMLButtonElement>('button.clear-relevance')!;
    await until(() => !clear.disabled);
    clear.click();
    await until(async () => (await mine(view, 'a')) === undefined, 'relevance not cleared');
    await until(() => header(view).includes('Thesis stands at 0.31'), header(view));
    expect(root.querySelector('ul[aria-label="Ratings by rater"]')).to.equal(null);

    // The thesis has nothing above it: no relevance question.
    root = await control(view, 't');
    expect(root.querySelector('fieldset.relevance')).to.equal(null);
    await expect(app).to.be.accessible();
  });
});
