import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/app.js';
import type { WarrantApp } from '../../src/components/app.js';
import { WarrantDB } from '../../src/db/database.js';

const names: string[] = [];
function uniqueName(): string {
  const name = `warrant-app-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

/** Finds an element through nested shadow roots. */
function deepQuery(root: Element | ShadowRoot | Document, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

describe('<warrant-app>', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname + location.search));
  afterEach(async () => {
    for (const name of names.splice(0)) await new WarrantDB(name).delete();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('loads the sample into a fresh database and opens it as a tree', async () => {
    const el = await fixture<WarrantApp>(
      html`<warrant-app db-name=${uniqueName()} sample-path="test/fixtures/small-map.json"></warrant-app>`,
    );
    await waitUntil(() => deepQuery(el.shadowRoot!, '[role=treeitem][data-id=a1]'), 'tree did not render', {
      timeout: 5000,
    });
    expect(location.hash).to.equal('#/map/small');
    expect(deepQuery(el.shadowRoot!, 'h1')!.textContent).to.equal('School uniforms');
    const detail = deepQuery(el.shadowRoot!, 'warrant-node-detail')!;
    await waitUntil(() => detail.shadowRoot!.textContent!.includes('Uniforms help.'), 'detail did not show the quote');
    expect(detail.shadowRoot!.querySelector('figcaption')!.textContent).to.contain('paragraph 1');
    // The Markdown renderer loads on first use: the text shows as plain text until it is there.
    await waitUntil(() => detail.shadowRoot!.querySelector('.text strong'), 'text not rendered as Markdown');
    expect(detail.shadowRoot!.querySelector('.text strong')!.textContent).to.equal('uniforms');
  });

  it('shows a clear message instead of a blank page when storage cannot be opened', async () => {
    const name = uniqueName();
    // A database already at a far higher version than the app's makes opening it fail for real.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 5000);
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const el = await fixture<WarrantApp>(
      html`<warrant-app db-name=${name} sample-path="test/fixtures/small-map.json"></warrant-app>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no error shown', { timeout: 5000 });
    const text = el.shadowRoot!.querySelector('[role=alert]')!.textContent!;
    expect(text).to.contain('Warrant cannot open its storage');
    expect(text).to.contain('saved by a newer version of Warrant');
  });

  it('keeps working and says what is wrong when the sample file is damaged', async () => {
    const el = await fixture<WarrantApp>(
      html`<warrant-app db-name=${uniqueName()} sample-path="test/fixtures/damaged-map.json"></warrant-app>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.notice'), 'no notice shown', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.contain(
      'nodes[1] (id "a").text: must not be empty',
    );
    await waitUntil(() => deepQuery(el.shadowRoot!, 'warrant-map-list'), 'map list not shown');
  });

  it('keeps the sample and the tree state across a reload', async () => {
    const name = uniqueName();
    const first = await fixture<WarrantApp>(
      html`<warrant-app db-name=${name} sample-path="test/fixtures/small-map.json"></warrant-app>`,
    );
    await waitUntil(() => deepQuery(first.shadowRoot!, '[role=treeitem][data-id=a2]'), 'tree did not render', {
      timeout: 5000,
    });
    // Collapse claim "a" by clicking its arrow, then "reload" (a new app on the same database).
    (deepQuery(first.shadowRoot!, '[data-id=a] .toggle') as HTMLElement).click();
    await waitUntil(() => !deepQuery(first.shadowRoot!, '[role=treeitem][data-id=a2]'));
    await new Promise((r) => setTimeout(r, 600)); // UI state is saved after a short pause
    first.remove();
    const second = await fixture<WarrantApp>(
      html`<warrant-app db-name=${name} sample-path="test/fixtures/small-map.json"></warrant-app>`,
    );
    await waitUntil(() => deepQuery(second.shadowRoot!, '[role=treeitem][data-id=b]'), 'tree did not render', {
      timeout: 5000,
    });
    expect(deepQuery(second.shadowRoot!, '[role=treeitem][data-id=a2]')).to.equal(null);
    expect(await second.database!.maps.count()).to.equal(1);
  });

  it('passes an axe check on the map view', async () => {
    const el = await fixture<WarrantApp>(
      html`<warrant-app db-name=${uniqueName()} sample-path="test/fixtures/small-map.json"></warrant-app>`,
    );
    await waitUntil(() => deepQuery(el.shadowRoot!, '[role=treeitem][data-id=a1]'), 'tree did not render', {
      timeout: 5000,
    });
    await expect(el).to.be.accessible();
  });
});
