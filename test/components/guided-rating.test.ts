// "Rate next" (guided rating) through the whole app, by keyboard: digits rate, Enter moves from
// evidence to relevance to the next point, the thesis's move is shown in a polite live region,
// Escape ends the walk and gives focus back. On the small fixture map, as "me" (who rated nothing).
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, combo, deepActive, mountApp, row } from '../helpers/app.js';

/** waitUntil with room for a machine shared by many test runs (a write, then a re-evaluation). */
const until = (predicate: () => unknown, message?: string | (() => string)) =>
  waitUntil(predicate, typeof message === 'function' ? undefined : message, { timeout: 5000 }).catch((e: Error) => {
    throw new Error(`${e.message}${typeof message === 'function' ? `: ${message()}` : ''}`);
  });

const flat = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function guided(view: WarrantMapView) {
  const el = view.shadowRoot!.querySelector('warrant-guided-rating')!;
  const root = el.shadowRoot!;
  return {
    dialog: root.querySelector('dialog')!,
    status: () => root.querySelector('[role=status]')!,
    progress: () => flat(root.querySelector('.progress')),
    text: () => flat(root.querySelector('#point-text')),
    button: (label: string) => [...root.querySelectorAll('button')].find((b) => flat(b) === label)!,
  };
}

async function mine(view: WarrantMapView, nodeId: string) {
  return view.services!.db.ratings.where('[nodeId+rater]').equals([nodeId, 'me']).first();
}

const focusedRadio = () => {
  const a = deepActive();
  return a instanceof HTMLInputElement && a.type === 'radio' ? a.name : '';
};

describe('"Rate next": guided rating from the keyboard', () => {
  afterEach(cleanupApps);

  it('walks claims first, rates evidence then relevance by digits and Enter, and says how the thesis moved', async () => {
    const { app, view } = await mountApp();
    const g = guided(view);
    const opener = view.shadowRoot!.querySelector<HTMLButtonElement>('[role=toolbar] .rate-next')!;
    expect(flat(opener)).to.equal('Rate next');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => g.dialog.open, 'the walk did not open');
    // Claims first (a, b, c), then their points, the thesis last: 7 points "me" has not rated.
    expect(g.progress()).to.equal('Point 1 of 7 you have not rated');
    expect(g.text()).to.equal('Uniforms reduce bullying about clothes.');
    await until(() => focusedRadio() === 'guided-value', 'focus is not on the evidence question');
    // Only a1 is rated (3 and 2): a stands as a1 does, 0.625, and so does the thesis.
    expect(flat(g.status())).to.equal('Thesis stands at 0.63.');
    expect(g.status().getAttribute('aria-live')).to.equal('polite');
    await expect(app).to.be.accessible();

    // 4: a's own evidence is decisive: a = (1 + 0.625) / 2 = 0.8125, and the thesis with it.
    await sendKeys({ press: '4' });
    await until(async () => (await mine(view, 'a'))?.value === 4, 'evidence not saved');
    await until(
      () => flat(g.status()) === 'Thesis stands at 0.81, up 0.19.',
      () => flat(g.status()),
    );
    // Enter: on to relevance; 3 ("much") is saved in the same record.
    await sendKeys({ press: 'Enter' });
    await until(() => focusedRadio() === 'guided-relevance', 'Enter did not move to relevance');
    await sendKeys({ press: '3' });
    await until(async () => (await mine(view, 'a'))?.relevance === 3, 'relevance not saved');
    expect((await mine(view, 'a'))?.value).to.equal(4);

    // Enter: the next claim, selected in the tree behind.
    await sendKeys({ press: 'Enter' });
    await until(() => g.progress() === 'Point 2 of 7 you have not rated', g.progress());
    expect(g.text()).to.equal('Mornings are simpler.');
    await until(() => row(view, 'b')!.getAttribute('aria-selected') === 'true', 'the tree did not follow');
    await until(() => focusedRadio() === 'guided-value');
    // 0 for b (relevance unrated: weight 1; a's weight 1.5): (1.5 * 0.8125 + 0) / 2.5 = 0.4875.
    await sendKeys({ press: '0' });
    await until(
      () => flat(g.status()) === 'Thesis stands at 0.49, down 0.33.',
      () => flat(g.status()),
    );
    expect((await mine(view, 'b'))?.value).to.equal(0);
    // Tab moves to the relevance question too; Shift+Tab back.
    await sendKeys({ press: 'Tab' });
    expect(focusedRadio()).to.equal('guided-relevance');
    await combo(['Shift'], 'Tab');
    expect(focusedRadio()).to.equal('guided-value');
    await expect(app).to.be.accessible();

    // Escape ends the walk; focus goes back to "Rate next". The header agrees with the walk.
    await sendKeys({ press: 'Escape' });
    await until(() => !g.dialog.open, 'Escape did not close the walk');
    expect(deepActive()).to.equal(opener);
    expect(flat(view.shadowRoot!.querySelector('.thesis-standing .big'))).to.equal('Thesis stands at 0.49');

    // A new walk starts at what is still unrated: c, then the points below the claims.
    await sendKeys({ press: 'Enter' });
    await until(() => g.dialog.open);
    expect(g.progress()).to.equal('Point 1 of 5 you have not rated');
    expect(g.text()).to.equal('Uniforms limit self-expression.');
    g.button('Next point').click();
    await until(() => g.text() === 'A district survey found fewer incidents.', g.text());
    g.button('Previous').click();
    await until(() => g.text() === 'Uniforms limit self-expression.', g.text());
    for (let i = 0; i < 5; i++) g.button('Next point').click();
    await until(() => g.progress() === 'That was the last point you had not rated.', g.progress());
    await until(() => (deepActive() as HTMLElement | null)?.classList.contains('done') === true);
    await sendKeys({ press: 'Enter' });
    await until(() => !g.dialog.open);
  });

  it('asks for the thesis’s own evidence without a relevance question, and rates it from the keyboard', async () => {
    const { view } = await mountApp();
    const g = guided(view);
    view.shadowRoot!.querySelector<HTMLButtonElement>('[role=toolbar] .rate-next')!.click();
    await until(() => g.dialog.open);
    for (let i = 0; i < 6; i++) g.button('Next point').click();
    await until(() => g.text() === 'Schools should require uniforms.', g.text());
    expect(
      view.shadowRoot!.querySelector('warrant-guided-rating')!.shadowRoot!.querySelector('[data-field=relevance]'),
    ).to.equal(null);
    await until(() => focusedRadio() === 'guided-value');
    await sendKeys({ press: '2' });
    await until(async () => (await mine(view, 't'))?.value === 2, 'thesis evidence not saved');
    // The thesis's own 0.5 counts like one more supporter: (0.5 + 0.625) / 2 = 0.5625.
    await until(
      () => flat(g.status()) === 'Thesis stands at 0.56, down 0.06.',
      () => flat(g.status()),
    );
    // Enter after the last question of the last point ends on "Done".
    await sendKeys({ press: 'Enter' });
    await until(() => g.progress() === 'That was the last point you had not rated.');
  });
});
