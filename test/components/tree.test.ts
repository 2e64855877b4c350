import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/tree.js';
import type { WarrantTree } from '../../src/components/tree.js';
import { buildTree } from '../../src/model/tree.js';
import type { ArgNode } from '../../src/model/types.js';
import { fixtureBundles } from '../helpers/db.js';

/** Renders the tree and plays the parent's part: selection and expansion follow its events. */
async function mountTree(expanded: string[] = ['t', 'a']) {
  const [bundle] = await fixtureBundles();
  const tree = buildTree(bundle!.nodes);
  const el = await fixture<WarrantTree>(
    html`<warrant-tree
      style="height: 500px"
      .tree=${tree}
      .expanded=${new Set(expanded)}
      .selectedId=${'t'}
    ></warrant-tree>`,
  );
  const opened: string[] = [];
  el.addEventListener('warrant-select', (e) => (el.selectedId = e.detail.id));
  el.addEventListener('warrant-toggle', (e) => {
    const next = new Set(el.expanded);
    for (const id of e.detail.ids) {
      if (e.detail.expanded) next.add(id);
      else next.delete(id);
    }
    el.expanded = next;
  });
  el.addEventListener('warrant-open', (e) => opened.push(e.detail.id));
  await el.updateComplete;
  return { el, opened };
}

/** A thesis with 10,000 leaves under it, all shown. */
async function mountBigTree() {
  const nodes: ArgNode[] = [
    {
      id: 'r',
      parentId: null,
      relation: null,
      order: 'V',
      text: 'Root',
      mapId: 'm',
      origin: 'added',
      createdAt: '',
      updatedAt: '',
    },
  ];
  for (let i = 0; i < 10000; i++) {
    nodes.push({
      id: `n${i}`,
      parentId: 'r',
      relation: 'supports',
      order: `V${String(i).padStart(5, '0')}`,
      text: `Node ${i}`,
      mapId: 'm',
      origin: 'added',
      createdAt: '',
      updatedAt: '',
    });
  }
  const tree = buildTree(nodes);
  const el = await fixture<WarrantTree>(
    html`<warrant-tree
      style="height: 400px"
      .tree=${tree}
      .expanded=${new Set(['r'])}
      .selectedId=${'r'}
    ></warrant-tree>`,
  );
  el.addEventListener('warrant-select', (e) => (el.selectedId = e.detail.id));
  await el.updateComplete;
  return el;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const items = (el: WarrantTree) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=treeitem]')];
const focusedId = (el: WarrantTree) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
async function press(el: WarrantTree, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

describe('<warrant-tree>', () => {
  it('renders the WAI-ARIA tree pattern with levels, set sizes and positions', async () => {
    const { el } = await mountTree();
    const tree = el.shadowRoot!.querySelector('[role=tree]')!;
    expect(tree.getAttribute('aria-label')).to.equal('Argument tree');
    const rows = items(el).map((r) => [
      r.dataset.id,
      r.getAttribute('aria-level'),
      r.getAttribute('aria-setsize'),
      r.getAttribute('aria-posinset'),
      r.getAttribute('aria-expanded'),
      r.tabIndex,
    ]);
    expect(rows).to.deep.equal([
      ['t', '1', '1', '1', 'true', 0],
      ['a', '2', '3', '1', 'true', -1],
      ['a1', '3', '2', '1', null, -1],
      ['a2', '3', '2', '2', 'false', -1],
      ['b', '2', '3', '2', null, -1],
      ['c', '2', '3', '3', null, -1],
    ]);
  });

  it('shows kind by label and icon shape, not only colour', async () => {
    const { el } = await mountTree(['t', 'a', 'a2']);
    const badge = (id: string) => el.shadowRoot!.querySelector(`[data-id=${id}] .badge`)!;
    expect(badge('t').textContent!.trim()).to.equal('◆Thesis');
    expect(badge('a').textContent!.trim()).to.equal('⊕Claim');
    expect(badge('a1').textContent!.trim()).to.equal('⊕Premise');
    expect(badge('a2').textContent!.trim()).to.equal('⊟Counterpoint');
    expect(badge('a2r').textContent!.trim()).to.equal('⊟Rebuttal');
    // Shape differs too: pill for support, square dashed for opposition.
    expect(getComputedStyle(badge('a')).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(badge('a2')).borderTopStyle).to.equal('dashed');
  });

  it('moves with arrows, Home and End, keeping one tab stop', async () => {
    const { el } = await mountTree();
    items(el)[0]!.focus();
    await press(el, 'ArrowDown');
    expect(focusedId(el)).to.equal('a');
    expect(el.selectedId).to.equal('a');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(focusedId(el)).to.equal('a2');
    await press(el, 'End');
    expect(focusedId(el)).to.equal('c');
    await press(el, 'ArrowUp');
    expect(focusedId(el)).to.equal('b');
    await press(el, 'Home');
    expect(focusedId(el)).to.equal('t');
    expect(
      items(el)
        .filter((r) => r.tabIndex === 0)
        .map((r) => r.dataset.id),
    ).to.deep.equal(['t']);
  });

  it('expands and collapses with Right and Left, and Left goes to the parent', async () => {
    const { el } = await mountTree();
    items(el)[0]!.focus();
    await press(el, 'ArrowDown'); // a (expanded)
    await press(el, 'ArrowLeft'); // collapses a
    expect(el.expanded.has('a')).to.equal(false);
    expect(items(el).map((r) => r.dataset.id)).to.deep.equal(['t', 'a', 'b', 'c']);
    await press(el, 'ArrowRight'); // expands a
    expect(el.expanded.has('a')).to.equal(true);
    await press(el, 'ArrowRight'); // moves to first child
    expect(focusedId(el)).to.equal('a1');
    await press(el, 'ArrowLeft'); // leaf: to parent
    expect(focusedId(el)).to.equal('a');
  });

  it('expands all siblings with *, opens details with Enter', async () => {
    const { el, opened } = await mountTree(['t']);
    items(el)[0]!.focus();
    await press(el, 'ArrowDown'); // a
    await press(el, '*');
    expect([...el.expanded].sort()).to.deep.equal(['a', 't']);
    await press(el, 'Enter');
    expect(opened).to.deep.equal(['a']);
  });

  it('jumps by type-ahead to the next row starting with the typed letters', async () => {
    const { el } = await mountTree();
    items(el)[0]!.focus();
    await press(el, 'u');
    expect(focusedId(el)).to.equal('a'); // "Uniforms reduce…"
    await press(el, 'u');
    expect(focusedId(el)).to.equal('c'); // "Uniforms limit…": a repeated letter cycles
    await press(el, 'm');
    expect(focusedId(el)).to.equal('b'); // "Mornings…"
  });

  it('toggles with a click on the arrow and selects with a click on the row', async () => {
    const { el } = await mountTree();
    el.shadowRoot!.querySelector<HTMLElement>('[data-id=a] .toggle')!.click();
    await el.updateComplete;
    expect(el.expanded.has('a')).to.equal(false);
    el.shadowRoot!.querySelector<HTMLElement>('[data-id=c]')!.click();
    await el.updateComplete;
    expect(el.selectedId).to.equal('c');
    expect(focusedId(el)).to.equal('c');
  });

  it('a first click selects a row; only a second click on the selected row opens its details', async () => {
    // Regression: focusing a row selects it, so the click used to find it "already selected" and
    // open the details (moving focus away from the tree) on every first click.
    const { el, opened } = await mountTree();
    const r = el.shadowRoot!.querySelector<HTMLElement>('[data-id=b]')!;
    const box = r.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + 10)] });
    await el.updateComplete;
    expect(el.selectedId).to.equal('b');
    expect(opened).to.deep.equal([]);
    expect(focusedId(el)).to.equal('b');
    await new Promise((res) => setTimeout(res, 400)); // not a double click
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + 10)] });
    expect(opened).to.deep.equal(['b']);
  });

  it('renders only the rows on screen for a 10,000-node map, and keeps the focused row', async () => {
    const el = await mountBigTree();
    expect(el.visibleRows).to.have.length(10001);
    expect(items(el).length).to.be.below(40);
    items(el)[0]!.focus();
    await press(el, 'End');
    expect(focusedId(el)).to.equal('n9999');
    expect(
      items(el)
        .find((r) => r.dataset.id === 'n9999')!
        .getAttribute('aria-posinset'),
    ).to.equal('10000');
    expect(
      items(el)
        .find((r) => r.dataset.id === 'n9999')!
        .getAttribute('aria-setsize'),
    ).to.equal('10000');
  });

  it('reuses row elements as it scrolls, showing the right rows in order and keeping the focused row', async () => {
    const el = await mountBigTree();
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const rowH = scroller.scrollHeight / el.visibleRows.length;
    const scrollTo = async (top: number) => {
      scroller.scrollTop = top;
      await nextFrame();
      await el.updateComplete;
    };
    // Every rendered row shows its own node, in display order, with its own ARIA figures.
    const checkRows = () => {
      const rows = items(el);
      const positions = rows.map((r) => el.visibleRows.findIndex((v) => v.node.id === r.dataset.id));
      expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
      for (const r of rows) {
        const id = r.dataset.id!;
        expect(r.textContent).to.contain(id === 'r' ? 'Root' : `Node ${id.slice(1)}`);
        expect(r.getAttribute('aria-level')).to.equal(id === 'r' ? '1' : '2');
        if (id !== 'r') {
          expect(r.getAttribute('aria-posinset')).to.equal(String(Number(id.slice(1)) + 1));
          expect(r.hasAttribute('aria-expanded')).to.equal(false);
        }
        expect(r.style.top).to.equal(`${el.visibleRows.findIndex((v) => v.node.id === id) * rowH}px`);
      }
    };
    el.shadowRoot!.querySelector<HTMLElement>('[data-id=n3]')!.focus();
    await el.updateComplete;
    expect(el.selectedId).to.equal('n3');
    const focusedRow = el.shadowRoot!.activeElement;
    const before = new Set(items(el));
    checkRows();

    // A jump far down: the rows on screen are the old elements with new content, and the focused
    // row stays in the DOM, focused, where it was.
    await scrollTo(5000 * rowH);
    const far = items(el);
    expect(far.map((r) => r.dataset.id)).to.include('n5000');
    expect(far.every((r) => before.has(r))).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(focusedRow);
    expect(focusedId(el)).to.equal('n3');
    checkRows();

    // A few rows at a time, down and up.
    for (const top of [5003, 5010, 5008, 4990].map((i) => i * rowH)) {
      await scrollTo(top);
      checkRows();
      expect(el.shadowRoot!.activeElement).to.equal(focusedRow);
    }

    // Back at the top, the focused node still has the same element, and the keys still work.
    await scrollTo(0);
    checkRows();
    expect(el.shadowRoot!.querySelector('[data-id=n3]')).to.equal(focusedRow);
    expect(el.shadowRoot!.activeElement).to.equal(focusedRow);
    await press(el, 'ArrowDown');
    expect(focusedId(el)).to.equal('n4');
    expect(el.selectedId).to.equal('n4');
    expect(
      items(el)
        .filter((r) => r.tabIndex === 0)
        .map((r) => r.dataset.id),
    ).to.deep.equal(['n4']);
    checkRows();
  });

  it('passes an axe accessibility check', async () => {
    const { el } = await mountTree(['t', 'a', 'a2']);
    await expect(el).to.be.accessible();
  });
});

describe('<warrant-tree> link rows', () => {
  it('shows a link row by where it points, and Enter or Go jumps to the target, expanding the way', async () => {
    const { importKialo } = await import('../../src/formats/kialo.js');
    const r = importKialo(
      'Discussion Title: Pets\n\n1. Which pet?\n1.1. A cat.\n1.1.1. Pro: Cats are quiet.\n1.2. A dog.\n1.2.1. Con: -> See 1.1.1.\n1.2.2. Pro: -> See discussion #7: Are dogs loyal?\n',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const b = r.bundles[0]!;
    const tree = buildTree(b.nodes);
    const id = (text: string) => b.nodes.find((n) => n.text === text)!.id;
    const [cat, dog, quiet, link] = [id('A cat.'), id('A dog.'), id('Cats are quiet.'), id('-> See 1.1.1.')];
    const el = await fixture<WarrantTree>(
      html`<warrant-tree
        style="height: 500px"
        .tree=${tree}
        .links=${b.links}
        .expanded=${new Set([tree.root.id, dog])}
        .selectedId=${link}
      ></warrant-tree>`,
    );
    // The parent's part: selecting reveals the node (expands its ancestors).
    el.addEventListener('warrant-select', (e) => {
      el.selectedId = e.detail.id;
      el.expanded = new Set([...el.expanded, tree.root.id, cat]);
    });
    await el.updateComplete;
    const row = (nodeId: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-id="${nodeId}"]`);
    expect(row(link)!.textContent).to.contain('Link to: Cats are quiet.');
    expect(row(dog)!.querySelector('.badge.k-option')!.textContent).to.contain('Option');
    expect(row(id('-> See discussion #7: Are dogs loyal?'))!.textContent).to.contain('Link to another discussion: #7');
    await expect(el).to.be.accessible();
    row(link)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.selectedId).to.equal(quiet);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-id')).to.equal(quiet);
    // The Go button does the same from the mouse.
    el.selectedId = link;
    await el.updateComplete;
    row(link)!.querySelector<HTMLButtonElement>('button.go')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.selectedId).to.equal(quiet);
  });
});
