// Issue 21, nothing lost: every keystroke of an open editor survives an abrupt close. The tab is
// "killed" by closing its database connection (no IndexedDB write lands after that, as when the
// process dies) and unmounting the app at once; a fresh app on the same database must find all
// of the typing, 0, 100 and 300 ms after the last key.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanupApps, deepActive, deepQuery, mountApp, row, uniqueDbName } from '../helpers/app.js';

const TYPED = ' for busy families';
const EXPECTED = `Mornings are simpler.${TYPED}`;

describe('an abrupt close loses no typing', () => {
  afterEach(cleanupApps);

  for (const delay of [0, 100, 300]) {
    it(`finds every character typed ${delay} ms before the tab died`, async () => {
      const name = uniqueDbName();
      const first = await mountApp({ db: name });
      row(first.view, 'b')!.focus();
      await sendKeys({ press: 'F2' });
      await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
      await sendKeys({ press: 'End' });
      await sendKeys({ type: TYPED });
      // Not an assertion on time: the gap between the last key and the crash being measured.
      if (delay) await new Promise((r) => setTimeout(r, delay));
      first.view.services!.db.close();
      fixtureCleanup();

      const again = await mountApp({ db: name });
      const editor = () => deepQuery(again.view.shadowRoot!, 'warrant-node-editor');
      await waitUntil(() => editor()?.shadowRoot?.querySelector('textarea'), 'the editor was not reopened', {
        timeout: 5000,
      });
      const area = editor()!.shadowRoot!.querySelector('textarea')!;
      const lost = EXPECTED.length - area.value.length;
      expect(area.value, `${lost} characters lost at ${delay} ms`).to.equal(EXPECTED);
      expect(again.view.shadowRoot!.querySelector('.notice')!.textContent).to.contain('brought back');
      // And it reaches the database again.
      await waitUntil(async () => (await again.view.services!.db.nodes.get('b'))?.text === EXPECTED, 'not saved', {
        timeout: 5000,
      });
    });
  }

  it('says when another tab changes the node being edited, and keeps the draft', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' mine' });
    const area = deepActive() as HTMLTextAreaElement;
    // Another tab's write, straight to the shared database (stamping the map, as every write does).
    const db = view.services!.db;
    await db.transaction('rw', db.nodes, db.maps, async () => {
      await db.nodes.update('b', { text: 'Changed elsewhere.' });
      await db.maps.update('small', { updatedAt: new Date().toISOString() });
    });
    await waitUntil(
      () => (view.shadowRoot!.querySelector('.notice')?.textContent ?? '').includes('changed in another tab'),
      'the outside change was not reported',
      { timeout: 5000 },
    );
    expect(area.value).to.equal('Mornings are simpler. mine');
  });
});
