// Issue 21, keyboard: a skip link is the first Tab stop and lands in the tree, the header's
// actions are one Tab stop (a WAI-ARIA toolbar moved through with the arrow keys), and Enter that
// saves an editor never presses a header button.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanupApps, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';
import type { WarrantMapView } from '../../src/components/map-view.js';

const label = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function anyDialogOpen(root: ShadowRoot): boolean {
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLDialogElement && el.open) return true;
    if (el.shadowRoot && anyDialogOpen(el.shadowRoot)) return true;
  }
  return false;
}

describe('keyboard for a newcomer', () => {
  afterEach(cleanupApps);

  /** The map without an essay offers to load one; the label settles once that is known. */
  const essayOffered = (view: WarrantMapView) =>
    waitUntil(() => label(view.shadowRoot!.querySelector('button.essay-toggle')) === 'Load the essay', 'no offer');

  it('the first Tab stop skips to the map, and the header takes few Tab stops', async () => {
    const { app, view } = await mountApp();
    await essayOffered(view);
    (deepActive() as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(label(deepActive())).to.equal('Skip to the map');
    const skip = deepActive() as HTMLElement;
    const r = skip.getBoundingClientRect();
    expect(r.top, 'visible while focused').to.be.at.least(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.getAttribute('role') === 'treeitem', 'the skip link did not reach the tree');
    expect(location.hash, 'the skip link does not navigate').to.equal('#/map/small');
    // Without the skip link: Tab stops from the first after it to the search box.
    skip.focus();
    const stops: string[] = [];
    for (let i = 0; i < 15; i++) {
      await sendKeys({ press: 'Tab' });
      const a = deepActive();
      if (!a || a.tagName === 'INPUT' || a.getAttribute('role') === 'treeitem') break;
      stops.push(a.tagName === 'SELECT' ? 'select' : label(a));
    }
    // The header: two links, the perspective, the toolbar (one stop); then what the body has first.
    expect(stops.slice(0, 4)).to.deep.equal(['Maps', 'Settings', 'select', 'Load the essay']);
    expect(stops.length, stops.join(', ')).to.be.at.most(6);
    expect(app.shadowRoot).to.not.equal(null);
    expect(view).to.not.equal(null);
  });

  it('moves through the toolbar with the arrow keys, Home and End', async () => {
    const { view } = await mountApp();
    await essayOffered(view);
    const tools = view.shadowRoot!.querySelector<HTMLElement>('[role=toolbar]')!;
    const exportButton = [...tools.querySelectorAll('button')].find((b) => label(b) === 'Export…')!;
    exportButton.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(label(deepActive())).to.equal('Import…');
    await sendKeys({ press: 'ArrowRight' });
    expect(label(deepActive())).to.equal('Print');
    await sendKeys({ press: 'End' });
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Keyboard shortcuts');
    await sendKeys({ press: 'ArrowRight' });
    expect(label(deepActive()), 'wraps round (Undo and Redo are disabled)').to.equal('Load the essay');
    await sendKeys({ press: 'ArrowLeft' });
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Keyboard shortcuts');
    await sendKeys({ press: 'Home' });
    expect(label(deepActive())).to.equal('Load the essay');
    const tabbable = [...tools.querySelectorAll('button')].filter((b) => b.tabIndex === 0);
    expect(tabbable.map(label)).to.deep.equal(['Load the essay']);
    await expect(view).to.be.accessible();
  });

  it('Enter saves the editor, opens no dialog and gives focus back to the row', async () => {
    const { app, view } = await mountApp();
    // The last header button used keeps the toolbar's Tab stop: the old bug opened Import here.
    const importButton = [...view.shadowRoot!.querySelectorAll('[role=toolbar] button')].find(
      (b) => label(b) === 'Import…',
    ) as HTMLButtonElement;
    importButton.focus();
    row(view, 'b')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Really.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === row(view, 'b'), 'focus did not return to the row');
    expect(anyDialogOpen(app.shadowRoot!), 'a dialog opened').to.equal(false);
    expect(deepQuery(view.shadowRoot!, 'warrant-node-editor')).to.equal(null);
    await waitUntil(async () => (await view.services!.db.nodes.get('b'))!.text === 'Mornings are simpler. Really.');
    expect(anyDialogOpen(app.shadowRoot!)).to.equal(false);
  });
});
