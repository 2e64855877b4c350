// The pictures inside the map view: the view switcher, selection both ways, "open in tree", and
// an edit made in the details showing in both pictures without a reload.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantDiagram } from '../../src/components/diagram.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import type { WarrantSunburst } from '../../src/components/sunburst.js';
import { importJson } from '../../src/formats/json.js';
import { cleanupApps, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';

const ESSAY = 'claims/essay-map.json';

function viewTab(view: WarrantMapView, mode: string): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>(`#view-tab-${mode}`)!;
}

async function showPicture<T extends HTMLElement>(view: WarrantMapView, mode: 'sunburst' | 'diagram'): Promise<T> {
  viewTab(view, mode).click();
  const tag = mode === 'sunburst' ? 'warrant-sunburst' : 'warrant-diagram';
  await waitUntil(
    () => deepQuery(view.shadowRoot!, `${tag}`)?.shadowRoot?.querySelector('[role=treeitem]'),
    `${mode} did not draw`,
    {
      timeout: 15000,
    },
  );
  return deepQuery<T>(view.shadowRoot!, tag)!;
}

describe('pictures in the map view', () => {
  afterEach(cleanupApps);

  it('draws one wedge per node of the essay map; clicking one selects it in the tree and details', async () => {
    const { view } = await mountApp({ sample: ESSAY });
    const sunburst = await showPicture<WarrantSunburst>(view, 'sunburst');
    const file = importJson(await (await fetch('/claims/essay-map.json')).text());
    if (!file.ok) throw new Error('the essay map does not import');
    const nodes = file.bundles[0]!.nodes.length;
    expect(sunburst.shadowRoot!.querySelectorAll('path[role=treeitem]').length).to.equal(nodes);
    expect(viewTab(view, 'sunburst').getAttribute('aria-selected')).to.equal('true');
    sunburst
      .shadowRoot!.querySelector('[data-id="c06-kosovo"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(
      () => deepQuery(view.shadowRoot!, 'warrant-node-detail')?.shadowRoot?.textContent?.includes('Pristina airport'),
      'the details do not show the picked node',
    );
    expect(sunburst.shadowRoot!.querySelector('[data-id="c06-kosovo"]')!.getAttribute('aria-selected')).to.equal(
      'true',
    );
    // Back in the tree, the row is selected.
    viewTab(view, 'tree').click();
    await waitUntil(() => row(view, 'c06-kosovo')?.getAttribute('aria-selected') === 'true', 'row not selected');
  });

  it('switches views from the keyboard and opens a picked node in the tree', async () => {
    const { view } = await mountApp({ sample: ESSAY });
    viewTab(view, 'tree').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const diagram = await showPicture<WarrantDiagram>(view, 'diagram');
    expect(deepActive()?.id).to.equal('view-tab-diagram');
    const opened = diagram.shadowRoot!.querySelector<SVGElement>('[role=treeitem][tabindex="0"]')!;
    opened.focus();
    await sendKeys({ press: 'ArrowDown' });
    await diagram.updateComplete;
    const id = deepActive()!.getAttribute('data-id')!;
    [...diagram.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Open in tree')!.click();
    await waitUntil(() => row(view, id)?.getAttribute('aria-selected') === 'true', 'not opened in the tree');
    expect(viewTab(view, 'tree').getAttribute('aria-selected')).to.equal('true');
    // Editing keys on a picture's wedge do nothing to the map (they belong to the tree).
    const sunburst = await showPicture<WarrantSunburst>(view, 'sunburst');
    sunburst.shadowRoot!.querySelector<SVGElement>('[role=treeitem][tabindex="0"]')!.focus();
    const before = sunburst.shadowRoot!.querySelectorAll('path[role=treeitem]').length;
    await sendKeys({ press: 'Delete' });
    await new Promise((r) => setTimeout(r, 300));
    expect(sunburst.shadowRoot!.querySelectorAll('path[role=treeitem]').length).to.equal(before);
  });

  it('shows an edit in both pictures at once, without a reload', async () => {
    const { view } = await mountApp({ sample: ESSAY });
    const sunburst = await showPicture<WarrantSunburst>(view, 'sunburst');
    // An edit made elsewhere in the app (the details' editor) shows in the open picture.
    await view.editor!.saveFields('c06-kosovo', { text: 'Kosovo, as the class rewrote it' });
    await waitUntil(
      () =>
        sunburst
          .shadowRoot!.querySelector('[data-id="c06-kosovo"]')
          ?.getAttribute('aria-label')
          ?.startsWith('Claim: Kosovo, as the class rewrote it.'),
      'the sunburst did not follow the edit',
    );
    const diagram = await showPicture<WarrantDiagram>(view, 'diagram');
    await waitUntil(
      () =>
        diagram.shadowRoot!.querySelector('[data-text-for="c06-kosovo"] tspan')?.textContent?.startsWith('Kosovo, as'),
      'the diagram did not follow the edit',
    );
  });
});
