// Issue 21: shortcuts work anywhere in the map view (not only in the tree), digits rate the selected
// node, and messages float in one polite live region that clears itself (errors wait to be dismissed).
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanupApps, combo, deepActive, mountApp, row } from '../helpers/app.js';
import type { WarrantMapView } from '../../src/components/map-view.js';

const $ = <T extends Element>(view: WarrantMapView, sel: string) => view.shadowRoot!.querySelector<T>(sel);
const noticeText = (view: WarrantMapView) => $(view, '.notice')!.textContent!.trim();

describe('keys anywhere in the map view, and messages that do not move the page', () => {
  afterEach(cleanupApps);

  it('/ from a header button focuses the search box; Ctrl+K from the page body too', async () => {
    const { view } = await mountApp();
    $<HTMLButtonElement>(view, 'header button')!.focus();
    await sendKeys({ press: '/' });
    await waitUntil(() => deepActive()?.tagName === 'INPUT', 'the search box did not take focus from the header');
    (deepActive() as HTMLElement).blur();
    expect(deepActive() === document.body || deepActive() === null).to.equal(true);
    await combo(['Control'], 'k');
    await waitUntil(() => deepActive()?.tagName === 'INPUT', 'Ctrl+K with nothing focused did nothing');
    // Typed into the field, "/" is a character, not a shortcut.
    await sendKeys({ type: 'a/b' });
    expect((deepActive() as HTMLInputElement).value).to.equal('a/b');
  });

  it('Ctrl+Z from a header button undoes; digits on a tree row rate the selected node', async () => {
    const { view } = await mountApp();
    const db = view.services!.db;
    row(view, 'b')!.focus();
    await sendKeys({ press: '3' });
    await waitUntil(async () => (await db.ratings.where('nodeId').equals('b').toArray()).some((r) => r.value === 3));
    expect(noticeText(view)).to.contain('3');
    await sendKeys({ press: '1' });
    await waitUntil(async () => (await db.ratings.where('nodeId').equals('b').toArray()).some((r) => r.value === 1));
    expect(await db.ratings.where('nodeId').equals('b').count(), 'one rating per rater, replaced').to.equal(1);
    // Undo from a header button, where focus used to swallow the shortcut.
    $<HTMLButtonElement>(view, 'header button')!.focus();
    await combo(['Control'], 'z');
    await waitUntil(async () => (await db.ratings.where('nodeId').equals('b').toArray()).some((r) => r.value === 3));
  });

  it('keeps shortcuts out of text fields: digits typed in the search box are text', async () => {
    const { view } = await mountApp();
    const db = view.services!.db;
    row(view, 'b')!.focus();
    await sendKeys({ press: '/' });
    await waitUntil(() => deepActive()?.tagName === 'INPUT');
    const before = await db.ratings.count();
    await sendKeys({ type: '1999' });
    expect((deepActive() as HTMLInputElement).value).to.equal('1999');
    expect(await db.ratings.count()).to.equal(before);
  });

  it('shows a message over the page without moving the tree, and an error stays until dismissed', async () => {
    const { view } = await mountApp();
    const tree = $<HTMLElement>(view, 'warrant-tree')!;
    const top = tree.getBoundingClientRect().top;
    row(view, 'b')!.focus();
    await sendKeys({ press: '2' });
    await waitUntil(() => noticeText(view) !== '', 'no message shown');
    expect(tree.getBoundingClientRect().top, 'the message moved the tree').to.equal(top);
    const region = $<HTMLElement>(view, '.notice-region')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(getComputedStyle(region).position).to.equal('fixed');
    // An error (nothing to redo) waits for the student and has a Dismiss button.
    row(view, 'b')!.focus();
    await combo(['Control', 'Shift'], 'z');
    await waitUntil(() => noticeText(view).includes('Nothing to redo'));
    $<HTMLButtonElement>(view, '.notice-region button.dismiss')!.click();
    await view.updateComplete;
    expect(noticeText(view)).to.equal('');
    expect(deepActive()).to.not.equal(null);
  });
});
