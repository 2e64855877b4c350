// Issues 21 and 15: every screen a newcomer meets passes axe at a laptop size and a phone size,
// through the whole app on the essay map: the map, search results, the Export dialog, a message
// (which clears itself once read), and the essay open beside the map (three columns, or tabs).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/app.js';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import type { WarrantReadingPane } from '../../src/components/reading-pane.js';
import { WarrantDB } from '../../src/db/database.js';
import { cleanupApps, deepQuery, uniqueDbName } from '../helpers/app.js';

async function mountFull(): Promise<{ app: WarrantApp; view: WarrantMapView }> {
  history.replaceState(null, '', location.pathname + location.search);
  const name = uniqueDbName();
  const db = new WarrantDB(name);
  await db.settings.put({ key: 'author-name', value: 'me' });
  db.close();
  const box = await fixture<HTMLDivElement>(
    html`<div style="position: fixed; inset: 0; display: flex; flex-direction: column">
      <warrant-app db-name=${name} sample-path="claims/essay-map.json"></warrant-app>
    </div>`,
  );
  const app = box.querySelector('warrant-app') as WarrantApp;
  await waitUntil(() => deepQuery(app.shadowRoot!, '[role=treeitem][aria-level="2"]'), 'no tree', {
    timeout: 10000,
  });
  return { app, view: deepQuery<WarrantMapView>(app.shadowRoot!, 'warrant-map-view')! };
}

const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A header action, through the phone's Actions menu when the header folds them. */
function action(view: WarrantMapView, name: string): HTMLButtonElement {
  const root = view.shadowRoot!;
  const toggle = root.querySelector<HTMLButtonElement>('.tools-toggle')!;
  if (toggle.getBoundingClientRect().width && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  return [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => label(b) === name)!;
}

for (const [width, height] of [
  [1366, 768],
  [390, 844],
] as const) {
  describe(`screens at ${width}x${height} pass axe`, () => {
    before(() => setViewport({ width, height }));
    after(() => setViewport({ width: 800, height: 600 }));
    afterEach(cleanupApps);

    it('the map, and the search results', async () => {
      const { app, view } = await mountFull();
      await expect(app).to.be.accessible();
      const search = view.shadowRoot!.querySelector('warrant-search')!;
      search.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!.focus();
      await sendKeys({ type: 'Gorbachov NATO' });
      await waitUntil(() => search.shadowRoot!.querySelector('[role=option]'), 'no results', { timeout: 10000 });
      await expect(app).to.be.accessible();
    });

    it('the Export dialog', async () => {
      const { view } = await mountFull();
      await view.updateComplete;
      const exportButton = action(view, 'Export…');
      await view.updateComplete;
      // Reachable by pointer too: nothing (the search bar once did, on a phone) covers the menu.
      const box = exportButton.getBoundingClientRect();
      const hit = view.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(hit === exportButton || exportButton.contains(hit), 'Export… is covered').to.equal(true);
      exportButton.click();
      const dialog = () => view.shadowRoot!.querySelector('warrant-export-dialog');
      await waitUntil(() => dialog()?.shadowRoot?.querySelector('dialog[open]'), 'no dialog', { timeout: 10000 });
      await expect(dialog()!).to.be.accessible();
    });

    it('a message, which clears itself', async () => {
      const { app, view } = await mountFull();
      const rowEl = view.treeElement!.shadowRoot!.querySelector<HTMLElement>('[role=treeitem][aria-level="2"]')!;
      rowEl.focus();
      await sendKeys({ press: '2' });
      const text = () => view.shadowRoot!.querySelector('.notice')!.textContent!.trim();
      await waitUntil(() => text() !== '', 'no message');
      await expect(app).to.be.accessible();
      // Not a timed assertion: the outcome goes away by itself, with nothing pressed.
      await waitUntil(() => text() === '', 'the message stayed', { timeout: 15000 });
    });

    it('the essay open beside the map', async () => {
      const { app, view } = await mountFull();
      await view.updateComplete;
      action(view, 'Load the essay').click();
      await waitUntil(() => view.shadowRoot!.querySelector('warrant-reading-pane'), 'pane did not open');
      const pane = view.shadowRoot!.querySelector<WarrantReadingPane>('warrant-reading-pane')!;
      await waitUntil(() => pane.shadowRoot?.querySelector('.load input[type=file]'), 'no load form');
      await expect(app).to.be.accessible();
      const input = pane.shadowRoot!.querySelector<HTMLInputElement>('.load input[type=file]')!;
      const dt = new DataTransfer();
      dt.items.add(new File([await (await fetch('/__shared__/essay.md')).text()], 'essay.md'));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => pane.shadowRoot!.querySelector('.doc mark'), 'no highlights', { timeout: 10000 });
      const tabs = view.shadowRoot!.querySelector('.reading-tabs')!;
      // Three columns on a laptop; Essay | Map tabs on a phone.
      expect(tabs.getBoundingClientRect().width > 0).to.equal(width < 700);
      await expect(app).to.be.accessible();
    });
  });
}
