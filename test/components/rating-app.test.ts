// Ratings and standing through the whole app: rate by keyboard, perspectives, explanation.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';

const standingOf = (view: WarrantMapView, id: string) =>
  row(view, id)?.querySelector('.standing .num')?.textContent?.trim();
const thesisText = (view: WarrantMapView) =>
  view.shadowRoot!.querySelector('.thesis-standing .big')!.textContent!.replace(/\s+/g, ' ').trim();

describe('rating and standing in the app', () => {
  afterEach(cleanupApps);

  it('rating a premise by keyboard moves its claim and the thesis at once, and the explanation says why', async () => {
    const { view } = await mountApp();
    // Fixture ratings: a1 rated 3 (Ana) and 2 (Ben): mean 2.5, tau 0.625.
    // Class default: a2 and its rebuttal a2r are unrated, so absent; a (unrated) stands as its
    // one informed supporter a1: 0.625.
    expect(standingOf(view, 'a')).to.equal('0.63');
    row(view, 'a1')!.focus();
    await waitUntil(() => deepQuery(view.shadowRoot!, 'warrant-rating'));
    const rating = deepQuery(view.shadowRoot!, 'warrant-rating')!;
    rating.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    // Arrow keys in the radio group choose a value; as "me", from 0 upwards to 4 (decisive).
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(
      async () => (await view.services!.db.ratings.filter((r) => r.rater === 'me').first())?.value === 4,
      'rating not saved',
    );
    // Mean of 3, 2, 4 = 3 -> tau 0.75: a1 0.75, so a = 0.75.
    await waitUntil(() => standingOf(view, 'a') === '0.75', 'claim standing did not move');
    expect(thesisText(view)).to.contain('Thesis stands at');
    // The explanation of the claim names the premise and its share.
    row(view, 'a')!.click();
    const explained = () => deepQuery(view.shadowRoot!, 'warrant-explanation')?.shadowRoot?.textContent ?? '';
    await waitUntil(() => explained().includes('Why it stands at 0.75'), 'no explanation');
    expect(explained()).to.contain('Premise');
    expect(deepActive()).to.not.equal(null);
  });

  it('switches perspective between everyone and one rater', async () => {
    const { view } = await mountApp();
    const select = view.shadowRoot!.querySelector<HTMLSelectElement>('.thesis-standing select')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['everyone (mean)', 'Ana', 'Ben']);
    expect(row(view, 'a1')!.querySelector('.rating')!.textContent).to.contain('2.5');
    select.value = 'Ben';
    select.dispatchEvent(new Event('change'));
    // Not includes('2'): the mean, 2.5, already contains it (a wait that would pass on stale text).
    const shownRating = () => row(view, 'a1')!.querySelector('.rating')!.textContent!.replace(/\s+/g, '');
    await waitUntil(() => shownRating() === '★2rating', `Ben's rating did not show (${shownRating()})`);
    // Ben rated only a1: every other node is unrated from his perspective.
    expect(row(view, 'b')!.querySelector('.rating')!.textContent!.trim()).to.equal('☆unrated');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => row(view, 'a1')!.querySelector('.rating')!.textContent!.includes('2.5'));
  });

  it('clears a rating, after which the node is unrated again (not 0)', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.click();
    const rating = await waitUntil(() => deepQuery(view.shadowRoot!, 'warrant-rating')).then(() =>
      deepQuery(view.shadowRoot!, 'warrant-rating')!,
    );
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[0]!.click();
    await waitUntil(async () => (await view.services!.db.ratings.where('nodeId').equals('b').count()) === 1);
    await waitUntil(() => row(view, 'b')!.querySelector('.rating')!.textContent!.includes('0'));
    await waitUntil(() => !rating.shadowRoot!.querySelector<HTMLButtonElement>('.why button')!.disabled);
    rating.shadowRoot!.querySelector<HTMLButtonElement>('.why button')!.click();
    await waitUntil(async () => (await view.services!.db.ratings.where('nodeId').equals('b').count()) === 0);
    await waitUntil(() => row(view, 'b')!.querySelector('.rating')!.textContent!.includes('unrated'));
  });

  it('shows the evidence gaps panel and jumps to a node from it; axe passes with panels open', async () => {
    const { app, view } = await mountApp();
    view.shadowRoot!.querySelector<HTMLButtonElement>('#tab-gaps')!.click();
    const report = await waitUntil(() => deepQuery(view.shadowRoot!, 'warrant-gap-report')).then(() =>
      deepQuery(view.shadowRoot!, 'warrant-gap-report')!,
    );
    await expect(app).to.be.accessible();
    const entry = report.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="b"]')!;
    entry.click();
    await waitUntil(() => view.shadowRoot!.querySelector('#tab-node')!.getAttribute('aria-selected') === 'true');
    await waitUntil(() => (deepActive() as HTMLElement | null)?.dataset?.id === 'b', 'focus did not jump to the node');
    await expect(app).to.be.accessible();
  });
});
