// Searching the essay map through the real UI, by keyboard.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { cleanupApps, combo, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';

const search = (view: WarrantMapView) => deepQuery(view.shadowRoot!, 'warrant-search')!.shadowRoot!;
const focusedRowId = () => (deepActive() as HTMLElement | null)?.dataset?.id;

describe('search in the app', () => {
  afterEach(cleanupApps);

  it('finds "Gorbachov" by typo, announces the count, and Enter jumps to the node (expanding and focusing it)', async () => {
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    // Collapse everything first: the jump must expand the ancestors itself.
    row(view, 'thesis')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => view.treeElement!.visibleRows.length === 1);
    await sendKeys({ press: '/' });
    await waitUntil(() => deepActive()?.getAttribute('role') === 'combobox', 'search box not focused');
    await sendKeys({ type: 'Gorbachov' });
    await waitUntil(() => search(view).querySelectorAll('[role=option]').length > 0, 'no results');
    const status = search(view).querySelector('[role=status]')!.textContent!;
    expect(status).to.match(/^\d+ results?/);
    const first = search(view).querySelector('[role=option]')!;
    // The typo still lights up the word it matched.
    expect(first.querySelector('mark')!.textContent!.toLowerCase()).to.contain('gorbach');
    expect(first.querySelector('.path')!.textContent).to.match(/^Thesis/);
    await sendKeys({ press: 'ArrowDown' });
    const chosen = search(view).querySelector('[role=option][aria-selected=true]')!;
    expect(chosen.id).to.equal('opt-1');
    const text = chosen.textContent!;
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        focusedRowId() !== undefined && row(view, focusedRowId()!)?.textContent?.includes(text.slice(20, 50).trim()),
      'did not jump',
    );
    const id = focusedRowId()!;
    expect(row(view, id)!.getAttribute('aria-selected')).to.equal('true');
  });

  it('Escape returns focus where it was', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await combo(['Control'], 'k');
    await waitUntil(() => deepActive()?.getAttribute('role') === 'combobox');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedRowId() === 'b', 'focus did not return to the row');
  });

  it('filters by kind without a query, dims non-matches, and can show only matches with their ancestors', async () => {
    const { app, view } = await mountApp();
    search(view).querySelector<HTMLButtonElement>('button[aria-controls=filters]')!.click();
    await waitUntil(() => search(view).querySelector('#filters'));
    const counterpoint = [...search(view).querySelectorAll('label')].find(
      (l) => l.textContent!.trim() === 'Counterpoint',
    )!;
    counterpoint.querySelector('input')!.click();
    await waitUntil(() => search(view).querySelector('[role=status]')!.textContent === '2 results.');
    // a2 and c are counterpoints; the others are dimmed in the tree.
    expect(row(view, 'a1')!.classList.contains('dim')).to.equal(true);
    expect(row(view, 'c')!.classList.contains('dim')).to.equal(false);
    const only = [...search(view).querySelectorAll('label')].find((l) => l.textContent!.includes('Show only matches'))!;
    only.querySelector('input')!.click();
    await waitUntil(() => view.treeElement!.visibleRows.length === 4);
    expect(view.treeElement!.visibleRows.map((r) => r.node.id)).to.deep.equal(['t', 'a', 'a2', 'c']);
    await expect(app).to.be.accessible();
  });

  it('keeps results in step with edits (the index is updated, not rebuilt)', async () => {
    const { view } = await mountApp();
    search(view).querySelector<HTMLInputElement>('input[type=search]')!.focus();
    await sendKeys({ type: 'bullying' });
    await waitUntil(() => search(view).querySelector('[role=status]')!.textContent === '3 results.');
    await view.editor!.saveFields('b', { text: 'Mornings are simpler, and there is less bullying.' });
    await waitUntil(
      () => search(view).querySelector('[role=status]')!.textContent === '4 results.',
      'results did not follow the edit',
    );
  });
});
