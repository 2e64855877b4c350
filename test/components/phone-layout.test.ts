// Issue 21, phone: at 390x844 the header is small, the search bar and its results stay on screen,
// Print is reachable, and the Export dialog's Download button is visible without scrolling (also
// at 1366x768). Checked by element boxes against the viewport.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/app.js';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, deepActive, deepQuery, uniqueDbName } from '../helpers/app.js';

async function mountFull(): Promise<{ app: WarrantApp; view: WarrantMapView }> {
  history.replaceState(null, '', location.pathname + location.search);
  const box = await fixture<HTMLDivElement>(
    html`<div style="position: fixed; inset: 0; display: flex; flex-direction: column">
      <warrant-app db-name=${uniqueDbName()} sample-path="claims/essay-map.json"></warrant-app>
    </div>`,
  );
  const app = box.querySelector('warrant-app') as WarrantApp;
  await waitUntil(() => deepQuery(app.shadowRoot!, '[role=treeitem][aria-level="2"]'), 'no tree', {
    timeout: 10000,
  });
  return { app, view: deepQuery<WarrantMapView>(app.shadowRoot!, 'warrant-map-view')! };
}

function inside(el: Element, what: string): void {
  const r = el.getBoundingClientRect();
  expect(r.width, `${what} is shown`).to.be.above(0);
  expect(r.left, `${what} left`).to.be.at.least(-0.5);
  expect(r.top, `${what} top`).to.be.at.least(-0.5);
  expect(r.right, `${what} right`).to.be.at.most(innerWidth + 0.5);
  expect(r.bottom, `${what} bottom`).to.be.at.most(innerHeight + 0.5);
}

const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('phone and laptop layout', () => {
  afterEach(async () => {
    await cleanupApps();
    await setViewport({ width: 800, height: 600 });
  });

  it('at 390x844: a small header, the search bar and results on screen, Print in the Actions menu', async () => {
    await setViewport({ width: 390, height: 844 });
    const { view } = await mountFull();
    const root = view.shadowRoot!;
    const header = root.querySelector('header')!.getBoundingClientRect();
    expect(header.bottom, 'app bar and map header').to.be.at.most(120);
    // Search with results: every control of the bar and the list inside the screen.
    const search = root.querySelector('warrant-search')!;
    const input = search.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: 'Gorbachev' });
    await waitUntil(() => search.shadowRoot!.querySelector('[role=option]'), 'no results', { timeout: 10000 });
    for (const el of search.shadowRoot!.querySelectorAll('.bar > *'))
      if (el.getBoundingClientRect().width) inside(el, `search bar ${el.tagName} ${label(el)}`);
    inside(search.shadowRoot!.querySelector('[role=listbox], .results')!, 'results');
    for (const opt of [...search.shadowRoot!.querySelectorAll('[role=option]')].slice(0, 3)) inside(opt, 'a result');
    // Print: in the Actions menu.
    const toggle = root.querySelector<HTMLButtonElement>('.tools-toggle')!;
    inside(toggle, 'Actions');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    const print = [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => label(b) === 'Print')!;
    await waitUntil(() => print.getBoundingClientRect().width > 0, 'the menu did not open');
    inside(print, 'Print');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === toggle, 'Escape did not close the menu back to its button');
    expect(print.getBoundingClientRect().width).to.equal(0);
    await expect(view).to.be.accessible();
  });

  for (const [width, height] of [
    [390, 844],
    [1366, 768],
  ] as const) {
    it(`at ${width}x${height}: the Export dialog's Download button is on screen without scrolling`, async () => {
      await setViewport({ width, height });
      const { view } = await mountFull();
      const root = view.shadowRoot!;
      const toggle = root.querySelector<HTMLButtonElement>('.tools-toggle')!;
      if (toggle.getBoundingClientRect().width) toggle.click();
      [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => label(b) === 'Export…')!.click();
      await waitUntil(
        () => root.querySelector('warrant-export-dialog')?.shadowRoot?.querySelector('dialog[open]'),
        '',
        {
          timeout: 10000,
        },
      );
      const dialog = root.querySelector('warrant-export-dialog')!;
      const download = [...dialog.shadowRoot!.querySelectorAll('button')].find((b) => label(b).startsWith('Download'))!;
      await waitUntil(() => !download.disabled, 'nothing to download', { timeout: 10000 });
      inside(download, 'Download');
      const box = download.getBoundingClientRect();
      const hit = dialog.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(hit === download || download.contains(hit), 'Download is not covered').to.equal(true);
      await expect(dialog).to.be.accessible();
    });
  }
});
