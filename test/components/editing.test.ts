// Editing through the real UI with keys and clicks, on a real database.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { childrenOf, buildTree } from '../../src/model/tree.js';
import { cleanupApps, combo, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantMapView } from '../../src/components/map-view.js';

const focusedRowId = () => (deepActive() as HTMLElement | null)?.dataset?.id;
const notice = (view: WarrantMapView) => view.shadowRoot!.querySelector('.notice')!.textContent!.trim();
const settle = () => new Promise((r) => setTimeout(r, 60));
async function children(view: WarrantMapView, parentId: string) {
  const db = view.services!.db;
  const nodes = await db.nodes.where('mapId').equals(view.mapId).toArray();
  return childrenOf(buildTree(nodes), parentId).map((n) => n.id);
}

describe('editing the tree', () => {
  afterEach(cleanupApps);

  it('keyboard only: add a counterpoint under the third claim, write it, move it, undo the move', async () => {
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    const db = view.services!.db;
    const claims = (await children(view, 'thesis')).slice(0, 3);
    row(view, 'thesis')!.focus();
    // Collapse the first two claims, so the third is three rows down.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowDown' });
    await settle();
    expect(focusedRowId()).to.equal(claims[2]);
    await sendKeys({ press: '-' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'the editor did not take focus');
    await sendKeys({ type: 'The assurance was never written down.' });
    await sendKeys({ press: 'Enter' });
    const findAdded = async () =>
      (await db.nodes.where('parentId').equals(claims[2]!).toArray()).find(
        (n) => n.text === 'The assurance was never written down.',
      );
    await waitUntil(findAdded, 'the counterpoint was not saved');
    const added = (await findAdded())!;
    expect(added.relation).to.equal('opposes');
    expect(added.origin).to.equal('added');
    await waitUntil(() => focusedRowId() === added.id, 'focus did not return to the new row');
    const siblingsBefore = await children(view, claims[2]!);
    expect(siblingsBefore[siblingsBefore.length - 1]).to.equal(added.id);
    await combo(['Alt'], 'ArrowUp');
    await waitUntil(async () => (await children(view, claims[2]!)).indexOf(added.id) === siblingsBefore.length - 2);
    await waitUntil(() => focusedRowId() === added.id, 'focus lost after the move');
    await combo(['Control'], 'z');
    await waitUntil(async () => (await children(view, claims[2]!)).indexOf(added.id) === siblingsBefore.length - 1);
    expect(notice(view)).to.equal('Undone: move up.');
    await waitUntil(() => focusedRowId() === added.id, 'focus lost after undo');
  });

  it('refuses empty text with a message, and discards the new node on Escape', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await sendKeys({ press: '+' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepQuery(view.shadowRoot!, '#problem')?.textContent?.trim(), 'no message shown');
    expect(deepQuery(view.shadowRoot!, '#problem')!.textContent).to.equal(
      'The text is empty: write the statement, or press Escape to discard it.',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedRowId() === 'b', 'focus did not return to the parent');
    expect(await view.services!.db.nodes.count()).to.equal(7);
    expect(view.treeElement!.visibleRows.length).to.equal(7);
  });

  it("shows another node's details from their top, not where the last node's were scrolled to", async () => {
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    const claims = await children(view, 'thesis');
    row(view, claims[0]!)!.click();
    const panel = view.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    await waitUntil(() => panel.scrollHeight > panel.clientHeight + 100, 'the details are not taller than the panel');
    panel.scrollTop = 400;
    expect(panel.scrollTop).to.be.greaterThan(0);
    row(view, claims[1]!)!.click();
    await waitUntil(() => panel.scrollTop === 0, 'the panel kept its scroll position');
  });

  it('edits notes with Shift+F2: the notes editor opens, saves on Enter and shows the notes', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await combo(['Shift'], 'F2');
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'the notes editor did not open');
    const editor = deepQuery(view.shadowRoot!, 'warrant-node-editor')!;
    expect(editor.shadowRoot!.textContent).to.include('Notes');
    await sendKeys({ type: 'Ask the *parents* too.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => (await view.services!.db.nodes.get('b'))!.notes === 'Ask the *parents* too.',
      'the notes were not saved',
    );
    await waitUntil(() => focusedRowId() === 'b', 'focus did not return to the row');
    const detail = deepQuery(view.shadowRoot!, 'warrant-node-detail')!;
    await waitUntil(
      () => deepQuery(detail.shadowRoot!, '.prose em')?.textContent === 'parents',
      'the notes are not shown as Markdown',
    );
  });

  it('saves a draft when the page is hidden mid-sentence', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' for busy famil' });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await waitUntil(
      async () => (await view.services!.db.nodes.get('b'))!.text === 'Mornings are simpler. for busy famil',
      'draft not saved',
      { timeout: 2000 },
    );
  });

  it('saves while typing, marks a reworded essay node as edited, and keeps its quote', async () => {
    const { view } = await mountApp();
    row(view, 't')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Always.' });
    // Debounced: saved within a second without leaving the field.
    await waitUntil(
      async () => (await view.services!.db.nodes.get('t'))!.text.endsWith('Always.'),
      'not saved while typing',
      { timeout: 1500 },
    );
    const t = (await view.services!.db.nodes.get('t'))!;
    expect(t.edited).to.equal(true);
    expect(t.quote).to.deep.equal({ text: 'Uniforms help.', paragraph: 1 });
    await waitUntil(
      () =>
        deepQuery(view.shadowRoot!, 'warrant-node-editor')?.shadowRoot?.querySelector('.status')?.textContent ===
        'Saved',
    );
  });

  it('deletes with the Delete key, moves focus to a neighbour, and Undo brings the subtree back', async () => {
    const { view } = await mountApp();
    const db = view.services!.db;
    row(view, 'a')!.focus();
    await sendKeys({ press: 'Delete' });
    await waitUntil(async () => (await db.nodes.count()) === 3);
    await waitUntil(() => focusedRowId() === 'b', 'focus did not go to the next sibling');
    expect(notice(view)).to.contain('Deleted the claim and 3 nodes under it.');
    // The notice offers Undo by mouse too.
    view.shadowRoot!.querySelector<HTMLButtonElement>('.notice button')!.click();
    await waitUntil(async () => (await db.nodes.count()) === 7);
    expect(await db.ratings.count()).to.equal(2);
    await waitUntil(() => focusedRowId() === 'a');
  });

  it('refuses to paste a node under its own descendant, saying why', async () => {
    const { view } = await mountApp();
    row(view, 'a')!.focus();
    await combo(['Control'], 'x');
    await settle();
    await sendKeys({ press: 'ArrowDown' }); // a1, a child of a
    await combo(['Control'], 'v');
    await waitUntil(() => notice(view) === 'A node cannot be moved under one of its own descendants.');
    expect((await view.services!.db.nodes.get('a'))!.parentId).to.equal('t');
    // Pasting elsewhere works.
    await sendKeys({ press: 'End' });
    await combo(['Control'], 'v');
    await waitUntil(async () => (await view.services!.db.nodes.get('a'))!.parentId === 'c');
  });

  it('switches supports and opposes with Alt+R', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await combo(['Alt'], 'r');
    await waitUntil(async () => (await view.services!.db.nodes.get('b'))!.relation === 'opposes');
    await waitUntil(() => row(view, 'b')?.querySelector('.badge')?.textContent?.includes('Counterpoint'));
  });

  it('moves by drag and drop onto a node, as an objection to it', async () => {
    const { view } = await mountApp();
    const from = row(view, 'b')!;
    const to = row(view, 'a1')!;
    const data = new DataTransfer();
    from.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true, composed: true }));
    const box = to.getBoundingClientRect();
    const at = { clientX: box.left + box.width * 0.75, clientY: box.top + box.height / 2 };
    to.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, composed: true, cancelable: true, ...at }),
    );
    await view.treeElement!.updateComplete;
    expect(to.classList.contains('drop-opposes')).to.equal(true);
    to.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true, ...at }),
    );
    await waitUntil(async () => (await view.services!.db.nodes.get('b'))!.parentId === 'a1');
    expect((await view.services!.db.nodes.get('b'))!.relation).to.equal('opposes');
  });

  it('lists the shortcuts on ?, and opens a menu of actions with Shift+F10', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await sendKeys({ press: '?' });
    await waitUntil(() => deepQuery<HTMLDialogElement>(view.shadowRoot!, 'dialog')?.open, 'the dialog did not open');
    expect(deepQuery(view.shadowRoot!, 'dialog')!.textContent).to.contain('Move under the sibling above');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedRowId() === 'b', 'focus did not return from the dialog');
    await combo(['Shift'], 'F10');
    await waitUntil(() => deepActive()?.getAttribute('role') === 'menuitem', 'menu did not take focus');
    expect(deepActive()!.textContent).to.contain('Add premise');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()!.textContent).to.contain('Add counterpoint');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'the menu command did not open the editor');
  });

  it('handles 100 KB of text and pasted HTML without breaking layout or running anything', async () => {
    const { view } = await mountApp();
    const w = window as unknown as { __pwned?: number };
    const big = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> ' + 'word '.repeat(20_000);
    row(view, 'b')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    const textarea = deepActive() as HTMLTextAreaElement;
    textarea.value = big;
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await view.services!.db.nodes.get('b'))!.text.length === big.length);
    await waitUntil(() => focusedRowId() === 'b');
    const r = row(view, 'b')!;
    expect(r.offsetHeight).to.equal(row(view, 'a')!.offsetHeight);
    expect(r.querySelector('img, script')).to.equal(null);
    await new Promise((res) => setTimeout(res, 100));
    expect(w.__pwned).to.equal(undefined);
  });

  it('passes axe with the editor open', async () => {
    const { app, view } = await mountApp();
    row(view, 'a')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ type: 'Some **bold** words' });
    await expect(app).to.be.accessible();
  });

  it("two app instances on one database see each other's changes within a second", async () => {
    const first = await mountApp();
    const secondApp = await fixture<WarrantApp>(
      html`<warrant-app db-name=${first.db} sample-path="test/fixtures/small-map.json"></warrant-app>`,
    );
    await waitUntil(() => deepQuery(secondApp.shadowRoot!, '[role=treeitem][data-id=b]'), 'second app did not render', {
      timeout: 8000,
    });
    const second = deepQuery<WarrantMapView>(secondApp.shadowRoot!, 'warrant-map-view')!;
    // Different fields of the same node, from both sides at once: neither overwrites the other.
    await Promise.all([
      first.view.editor!.saveFields('b', { text: 'Edited in tab one.' }),
      second.editor!.saveFields('b', { notes: 'A note from tab two.' }),
    ]);
    const t0 = performance.now();
    await waitUntil(
      () => row(second, 'b')?.textContent?.includes('Edited in tab one.'),
      'tab two did not see the edit',
      { timeout: 5000 },
    );
    // A figure to read, not a pass mark (timings belong in the bench).
    console.log(`tab two showed tab one's edit after ${Math.round(performance.now() - t0)} ms`);
    const b = (await first.view.services!.db.nodes.get('b'))!;
    expect(b.text).to.equal('Edited in tab one.');
    expect(b.notes).to.equal('A note from tab two.');
  });
});
