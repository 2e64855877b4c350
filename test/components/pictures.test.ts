// The two pictures on their own: one wedge / box per node, arrows styled by relation, keyboard
// movement with one tab stop, events up, export, the big-branch cut, and axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/sunburst.js';
import '../../src/components/diagram.js';
import type { WarrantSunburst } from '../../src/components/sunburst.js';
import type { WarrantDiagram } from '../../src/components/diagram.js';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/evaluation/index.js';
import { importJson } from '../../src/formats/json.js';
import { subtreeIds } from '../../src/model/tree.js';
import { plainLine } from '../../src/model/text.js';
import type { MapBundle, Rating } from '../../src/model/types.js';
import { derive } from '../../src/state/derive.js';
import { pictureInput } from '../../src/state/picture-input.js';
import { parseExported } from '../helpers/trusted.js';
import { bigInput } from '../pictures/helpers.js';

let essay: MapBundle | undefined;
async function essayMap(): Promise<MapBundle> {
  if (!essay) {
    const result = importJson(await (await fetch('/claims/essay-map.json')).text());
    if (!result.ok) throw new Error('essay map does not import');
    essay = result.bundles[0]!;
  }
  return essay;
}

async function essayInput() {
  const bundle = await essayMap();
  return { bundle, input: pictureInput(derive({ bundle, settings: DEFAULT_EVALUATION_SETTINGS })) };
}

const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function mountSunburst() {
  const { bundle, input } = await essayInput();
  const el = await fixture<WarrantSunburst>(
    html`<warrant-sunburst
      style="height: 700px; width: 900px"
      .input=${input}
      .mapTitle=${bundle.map.title}
      .selectedId=${bundle.map.rootId}
    ></warrant-sunburst>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelectorAll('[role=treeitem]').length > 0, 'sunburst did not draw');
  return { el, bundle };
}

async function mountDiagram(rootId: string, input?: ReturnType<typeof pictureInput>) {
  const essay = await essayInput();
  const el = await fixture<WarrantDiagram>(
    html`<warrant-diagram
      style="height: 700px; width: 1100px"
      .input=${input ?? essay.input}
      .rootId=${rootId}
      .selectedId=${rootId}
      .mapTitle=${essay.bundle.map.title}
    ></warrant-diagram>`,
  );
  await el.updateComplete;
  return { el, ...essay };
}

describe('<warrant-sunburst>', () => {
  it('draws one wedge per node of the essay map, each announced with kind, text and standing', async () => {
    const { el, bundle } = await mountSunburst();
    const wedges = el.shadowRoot!.querySelectorAll('path[role=treeitem]');
    expect(wedges.length).to.equal(bundle.nodes.length);
    const ids = new Set([...wedges].map((w) => w.getAttribute('data-id')));
    for (const n of bundle.nodes) expect(ids.has(n.id), n.id).to.equal(true);
    const thesis = el.shadowRoot!.querySelector(`[data-id="${bundle.map.rootId}"]`)!;
    // Nothing in the essay map is rated, so under the class default the thesis has no standing yet.
    expect(thesis.getAttribute('aria-label')).to.match(/^Thesis: Had the United States .* No standing\. Unrated\.$/);
    expect(el.shadowRoot!.querySelector('svg title')!.textContent).to.contain(bundle.map.title);
    expect(el.shadowRoot!.querySelector('svg desc')!.textContent).to.contain(`${bundle.nodes.length} nodes`);
    // Opposition is hatched (a pattern fill), support is solid.
    const counter = [...wedges].find((w) => w.getAttribute('aria-label')!.startsWith('Counterpoint'))!;
    const claim = [...wedges].find((w) => w.getAttribute('aria-label')!.startsWith('Claim'))!;
    expect(counter.getAttribute('fill')).to.match(/^url\(#sb-hatch-/);
    expect(claim.getAttribute('fill')).to.match(/^#[0-9a-f]{6}$/);
  });

  it('asks to select a wedge when clicked, and to open it in the tree', async () => {
    const { el } = await mountSunburst();
    const picked: string[] = [];
    const opened: string[] = [];
    el.addEventListener('warrant-select-node', (e) => picked.push(e.detail.id));
    el.addEventListener('warrant-open-in-tree', (e) => opened.push(e.detail.id));
    const wedge = el.shadowRoot!.querySelector<SVGPathElement>('[data-id="c06-kosovo"]')!;
    wedge.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(picked).to.deep.equal(['c06-kosovo']);
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Open in tree')!.click();
    expect(opened).to.deep.equal(['c06-kosovo']);
  });

  it('moves between wedges with arrow keys from one tab stop, and zooms in and out', async () => {
    const { el, bundle } = await mountSunburst();
    const stops = el.shadowRoot!.querySelectorAll('[role=treeitem][tabindex="0"]');
    expect(stops).to.have.length(1);
    (stops[0] as SVGElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-id')).to.equal('c01-cold-war-cooperation');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-id')).to.equal('c02-assurance-1990');
    expect(el.shadowRoot!.querySelectorAll('[role=treeitem][tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-id')).to.equal(bundle.map.rootId);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: '+' });
    await el.updateComplete;
    expect(el.focusId).to.equal('c02-assurance-1990');
    // c02 and its ten descendants in the second edition of the essay map.
    expect(el.shadowRoot!.querySelectorAll('[role=treeitem]').length).to.equal(11);
    await sendKeys({ press: '-' });
    await el.updateComplete;
    expect(el.focusId).to.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('[role=treeitem]').length).to.equal(bundle.nodes.length);
  });

  it('exports an SVG that parses and names every node', async () => {
    const { el, bundle } = await mountSunburst();
    const text = el.svgText();
    const doc = parseExported(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.documentElement.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    const all = doc.documentElement.textContent!;
    // The spoken label drops a final stop or ellipsis before ". Standing ..." (x01 is cut at 600 characters).
    for (const n of bundle.nodes) expect(all.includes(plainLine(n.text, 600).replace(/…$/, '')), n.id).to.equal(true);
    expect(text).not.to.contain('style=');
  });

  it('shows an edit at once', async () => {
    const { el, bundle } = await mountSunburst();
    const nodes = bundle.nodes.map((n) => (n.id === 'c06-kosovo' ? { ...n, text: 'Kosovo, edited elsewhere' } : n));
    // Rated 3 with nothing rated below: class default, tau = 3/4 and no supporters or objections.
    const rating: Rating = {
      id: 'r-kosovo',
      mapId: bundle.map.id,
      nodeId: 'c06-kosovo',
      rater: 'Ana',
      value: 3,
      createdAt: bundle.map.createdAt,
      updatedAt: bundle.map.createdAt,
    };
    el.input = pictureInput(
      derive({ bundle: { ...bundle, nodes, ratings: [rating] }, settings: DEFAULT_EVALUATION_SETTINGS }),
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-id="c06-kosovo"]')!.getAttribute('aria-label')).to.match(
      /^Claim: Kosovo, edited elsewhere\. Standing 0\.75\./,
    );
  });

  it('card of an unrated wedge reads "no standing yet", not "standing no standing"', async () => {
    const { el, bundle } = await mountSunburst();
    const card = el.shadowRoot!.querySelector('.card')!;
    // The essay map is unrated: the thesis (the active wedge) has no standing under the class default.
    expect(card.textContent!.replace(/\s+/g, ' ')).to.match(/^ ?Thesis · no standing yet · (⚠ no source · )?☆ unrated/);
    expect(card.textContent).not.to.contain('standing no standing');
    expect(card.textContent).to.contain(bundle.nodes.find((n) => n.id === bundle.map.rootId)!.text.slice(0, 40));
  });

  it('is accessible', async () => {
    const { el } = await mountSunburst();
    await expect(el).to.be.accessible();
  });
});

describe('<warrant-diagram>', () => {
  it("draws one box per node of a claim's branch and one arrow per relation, styled by relation", async () => {
    const { el, bundle, input } = await mountDiagram('c12-ukraine-2014');
    const ids = subtreeIds(input.tree, 'c12-ukraine-2014');
    const boxes = el.shadowRoot!.querySelectorAll('g[role=treeitem]');
    expect([...boxes].map((b) => b.getAttribute('data-id')).sort()).to.deep.equal([...ids].sort());
    const edges = [...el.shadowRoot!.querySelectorAll<SVGPathElement>('path.edge')];
    expect(edges).to.have.length(ids.length - 1);
    for (const edge of edges) {
      const child = bundle.nodes.find((n) => n.id === edge.dataset['from'])!;
      expect(edge.dataset['to'], child.id).to.equal(child.parentId);
      if (child.relation === 'opposes') {
        expect(edge.getAttribute('stroke-dasharray')).to.equal('7 4');
        expect(edge.getAttribute('marker-end')).to.equal('url(#dg-arrow-opposes)');
        expect(edge.getAttribute('stroke')).to.equal('#b0261d');
      } else {
        expect(edge.getAttribute('stroke-dasharray')).to.equal('none');
        expect(edge.getAttribute('marker-end')).to.equal('url(#dg-arrow-supports)');
        expect(edge.getAttribute('stroke')).to.equal('#0a6b4c');
      }
    }
    expect(edges.some((e) => e.classList.contains('opposes'))).to.equal(true);
  });

  it("exports an SVG that parses and contains every node's text of the branch", async () => {
    const { el, bundle, input } = await mountDiagram('c12-ukraine-2014');
    const doc = parseExported(el.svgText(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const all = doc.documentElement.textContent!;
    for (const id of subtreeIds(input.tree, 'c12-ukraine-2014')) {
      const node = bundle.nodes.find((n) => n.id === id)!;
      expect(all.includes(plainLine(node.text, 600)), id).to.equal(true);
    }
    // Whole at full size, whatever the pan.
    expect(doc.documentElement.getAttribute('viewBox')).to.equal(`0 0 ${el.layout!.width} ${el.layout!.height}`);
    expect(doc.querySelector('.viewport')!.hasAttribute('transform')).to.equal(false);
  });

  it('draws a PNG of the export', async () => {
    const { el } = await mountDiagram('c06-kosovo');
    const { svgToPng } = await import('../../src/components/picture-export.js');
    const png = await svgToPng(el.svgText(), el.layout!.width, el.layout!.height, 1);
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.above(1000);
  });

  it('moves between boxes with the arrow keys and asks to select with Enter', async () => {
    const { el } = await mountDiagram('c12-ukraine-2014');
    const picked: string[] = [];
    el.addEventListener('warrant-select-node', (e) => picked.push(e.detail.id));
    el.shadowRoot!.querySelector<SVGElement>('[role=treeitem][tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const first = el.layout!.childIds.get('c12-ukraine-2014')![0]!;
    expect(deepActive()?.getAttribute('data-id')).to.equal(first);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const second = el.layout!.childIds.get('c12-ukraine-2014')![1]!;
    expect(deepActive()?.getAttribute('data-id')).to.equal(second);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-id')).to.equal('c12-ukraine-2014');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(picked).to.deep.equal([first]);
    expect(el.shadowRoot!.querySelectorAll('[role=treeitem][tabindex="0"]')).to.have.length(1);
    // + zooms in about the middle; 0 fits again.
    await sendKeys({ press: '0' });
    const before = el.shadowRoot!.querySelector<HTMLElement>('.canvas')!.style.transform;
    await sendKeys({ press: '+' });
    expect(el.shadowRoot!.querySelector<HTMLElement>('.canvas')!.style.transform).not.to.equal(before);
    await sendKeys({ press: '0' });
    expect(el.shadowRoot!.querySelector<HTMLElement>('.canvas')!.style.transform).to.equal(before);
  });

  it('shows an edit at once', async () => {
    const { el, bundle } = await mountDiagram('c06-kosovo');
    const nodes = bundle.nodes.map((n) => (n.id === 'c06-kosovo' ? { ...n, text: 'Kosovo, edited elsewhere' } : n));
    el.input = pictureInput(derive({ bundle: { ...bundle, nodes }, settings: DEFAULT_EVALUATION_SETTINGS }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-text-for="c06-kosovo"] tspan')!.textContent).to.equal(
      'Kosovo, edited elsewhere',
    );
  });

  it('says a 5,000-node branch is too large and draws its top levels', async () => {
    const { el } = await mountDiagram('n0', bigInput(5000));
    const notice = el.shadowRoot!.querySelector('.notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.match(/too large .*5000 nodes.*top\s+4 levels \(341 boxes\)/s);
    expect(el.shadowRoot!.querySelectorAll('g[role=treeitem]')).to.have.length(341);
  });

  it('prints on A4 landscape pages, split when large', async () => {
    // A nine-node branch (c06 grew to 17 nodes in the second edition and no longer fits one page).
    const { el } = await mountDiagram('c04-defence-industry');
    const small = el.preparePrint()!;
    expect(small.classList.contains('warrant-print')).to.equal(true);
    expect(small.querySelectorAll('section.page svg')).to.have.length(1);
    small.remove();
    el.rootId = undefined;
    await el.updateComplete;
    const big = el.preparePrint()!;
    expect(big.querySelectorAll('section.page svg').length).to.be.above(1);
    expect(big.querySelector('.page-head')!.textContent).to.match(/page 1 of \d+/);
    big.remove();
  });

  it('is accessible', async () => {
    const { el } = await mountDiagram('c12-ukraine-2014');
    await expect(el).to.be.accessible();
  });

  it('keeps its toolbar to two rows at 390 px wide, the ways to save behind a Save menu', async () => {
    const essay = await essayInput();
    const el = await fixture<WarrantDiagram>(
      html`<warrant-diagram
        style="height: 700px; width: 390px"
        .input=${essay.input}
        .rootId=${'c12-ukraine-2014'}
        .mapTitle=${essay.bundle.map.title}
      ></warrant-diagram>`,
    );
    await el.updateComplete;
    const toolbar = el.shadowRoot!.querySelector<HTMLElement>('.toolbar')!;
    const controls = [...toolbar.querySelectorAll(':scope > button, :scope > warrant-export-menu')];
    const rows = new Set(controls.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(rows.size, `toolbar rows at 390 px: ${[...rows].join(', ')}`).to.be.at.most(2);
    const menu = el.shadowRoot!.querySelector('warrant-export-menu')!;
    await menu.updateComplete;
    const trigger = menu.shadowRoot!.querySelector<HTMLButtonElement>('button.trigger')!;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    trigger.click();
    await menu.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const items = [...menu.shadowRoot!.querySelectorAll('ul button')].map((b) => b.textContent!.trim());
    expect(items).to.deep.equal(['SVG picture', 'PNG picture', 'Print…']);
    await waitUntil(() => deepActive()?.textContent?.trim() === 'SVG picture', 'focus did not move into the menu');
    await sendKeys({ press: 'Escape' });
    await menu.updateComplete;
    expect(menu.shadowRoot!.querySelector('ul')).to.equal(null);
    await waitUntil(() => deepActive() === trigger, 'Escape did not return focus to the Save button');
    await expect(el).to.be.accessible();
  });
});
