// The parts of the map view that load on first use (issue 16/19: the first paint loads only the
// tree and its details): the essay pane, the class panel, the pictures and "Who are you?" are not
// defined when the map first shows, and each still opens by click and by keyboard. This file
// imports none of them, and web-test-runner gives each test file a page of its own.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, deepQuery, mountApp } from '../helpers/app.js';

const LAZY = ['warrant-reading-pane', 'warrant-class-panel', 'warrant-map-pictures', 'warrant-who'];

function button(view: WarrantMapView, selector: string): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

/** Waits until `tag` is defined and an element of it in the view has rendered something. */
async function rendered(view: WarrantMapView, tag: string): Promise<HTMLElement> {
  await waitUntil(
    () => customElements.get(tag) && deepQuery(view.shadowRoot!, tag)?.shadowRoot?.childElementCount,
    `${tag} did not load and render`,
    { timeout: 10000 },
  );
  return deepQuery<HTMLElement>(view.shadowRoot!, tag)!;
}

describe('parts of the map view loaded on first use', () => {
  afterEach(cleanupApps);

  it('leaves the essay pane, the class panel, the pictures and the name dialog out of the first paint', async () => {
    await mountApp();
    for (const tag of LAZY) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('opens the essay pane by click on Essay, and closes and reopens it from the keyboard', async () => {
    const { view } = await mountApp();
    button(view, 'button.essay-toggle').click();
    const pane = await rendered(view, 'warrant-reading-pane');
    expect(pane.id).to.equal('essay-pane');
    expect(button(view, 'button.essay-toggle').getAttribute('aria-pressed')).to.equal('true');
    button(view, 'button.essay-toggle').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !deepQuery(view.shadowRoot!, 'warrant-reading-pane'), 'the pane did not close');
    await sendKeys({ press: 'Enter' });
    await rendered(view, 'warrant-reading-pane');
  });

  it('opens the class panel from the panel tabs with the arrow keys, and by click', async () => {
    const { view } = await mountApp();
    button(view, '#tab-node').focus();
    // The tabs wrap around: left of the first is the last, the class panel.
    await sendKeys({ press: 'ArrowLeft' });
    await rendered(view, 'warrant-class-panel');
    expect(button(view, '#tab-class').getAttribute('aria-selected')).to.equal('true');
    button(view, '#tab-node').click();
    await waitUntil(() => !deepQuery(view.shadowRoot!, 'warrant-class-panel'), 'the class panel stayed');
    button(view, '#tab-class').click();
    await rendered(view, 'warrant-class-panel');
  });

  it('shows a picture from the view tabs by keyboard', async () => {
    const { view } = await mountApp();
    button(view, '#view-tab-tree').focus();
    await sendKeys({ press: 'ArrowRight' });
    const pictures = await rendered(view, 'warrant-map-pictures');
    expect(pictures.getAttribute('aria-labelledby')).to.equal('view-tab-sunburst');
  });

  it('asks "Who are you?" on the first edit when no name is kept, loading the dialog then', async () => {
    const { app, view } = await mountApp({ name: null });
    expect(customElements.get('warrant-who')).to.equal(undefined);
    view.treeElement!.focusSelected();
    await view.treeElement!.updateComplete;
    // "-": a new objection under the selected node; work is filed under a name, so it asks first.
    await sendKeys({ press: '-' });
    await waitUntil(
      () => deepQuery(app.shadowRoot!, 'warrant-who')?.shadowRoot?.querySelector('dialog[open]'),
      'the name dialog did not open',
      { timeout: 10000 },
    );
  });
});
