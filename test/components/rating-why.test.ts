// Issue 21: the "Why" field of a rating never loses typing when a rating is clicked or saved.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanupApps, deepQuery, mountApp, row } from '../helpers/app.js';

describe('the rating "Why" field keeps its typing', () => {
  afterEach(cleanupApps);

  it('keeps what was typed in Why across clicking a rating value and the save that follows', async () => {
    const { view } = await mountApp();
    const db = view.services!.db;
    row(view, 'b')!.click();
    await waitUntil(() => deepQuery(view.shadowRoot!, 'warrant-rating'));
    const rating = deepQuery(view.shadowRoot!, 'warrant-rating')!;
    const why = rating.shadowRoot!.querySelector<HTMLInputElement>('.why input')!;
    why.focus();
    await sendKeys({ type: 'Two sources agree' });
    const radios = rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    radios[3]!.click();
    // Typing on while the rating is being saved: the save's re-render must not reset the field.
    why.focus();
    await sendKeys({ type: ' on this' });
    await waitUntil(
      async () => (await db.ratings.filter((r) => r.rater === 'me' && r.nodeId === 'b').first())?.value === 3,
      'rating not saved',
    );
    await (rating as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(why.value).to.equal('Two sources agree on this');
    // A second click saves the whole line as the rationale.
    radios[2]!.click();
    await waitUntil(
      async () =>
        (await db.ratings.filter((r) => r.rater === 'me' && r.nodeId === 'b').first())?.rationale ===
        'Two sources agree on this',
      'the rationale saved is not what was typed',
    );
    expect(why.value).to.equal('Two sources agree on this');
    // Another node starts with its own (empty) Why.
    row(view, 'a')!.click();
    await waitUntil(
      () =>
        deepQuery(view.shadowRoot!, 'warrant-rating')?.shadowRoot?.querySelector<HTMLInputElement>('.why input')
          ?.value === '',
      'the Why of another node is not its own',
      { timeout: 5000 },
    );
  });
});
