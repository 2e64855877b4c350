// Searching the essay map through the real UI, by keyboard.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantMapView } from '../../src/components/map-view.js';
import type { SearchChangeDetail, WarrantSearch } from '../../src/components/search-box.js';
import type { ArgNode, MapBundle } from '../../src/model/types.js';
import { cleanupApps, combo, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';

const search = (view: WarrantMapView) => deepQuery(view.shadowRoot!, 'warrant-search')!.shadowRoot!;
/** Waits until the results shown answer `query` (they come from a worker, after the keys). */
const answered = (view: WarrantMapView, query: string) =>
  waitUntil(
    () => deepQuery<WarrantSearch>(view.shadowRoot!, 'warrant-search')!.resultsFor === query,
    `no results for ${query}`,
  );
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
    // Results of a query typed only part way ("Gorbac") may show first: wait for the whole one's.
    // The typo still lights up the word it matched.
    const marked = () => search(view).querySelector('[role=option] mark')?.textContent?.toLowerCase() ?? '';
    await waitUntil(() => marked().includes('gorbach'), `no results lighting up "gorbach" (${marked()})`);
    const status = search(view).querySelector('[role=status]')!.textContent!;
    expect(status).to.match(/^\d+ results?/);
    const first = search(view).querySelector('[role=option]')!;
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
  it('finds every node that mentions each word of "Gorbachov NATO expantion", typos and all', async () => {
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    const map = (await (await fetch('/claims/essay-map.json')).json()) as MapBundle;
    // Independently of the index: everything searchable of a node, lower-cased.
    const searchable = (n: ArgNode) => {
      const cites = map.citations.filter((c) => c.nodeId === n.id);
      const sources = map.sources.filter((s) => cites.some((c) => c.sourceId === s.id));
      return [
        n.text,
        n.quote?.text,
        n.notes,
        ...cites.map((c) => c.pinpoint),
        ...sources.flatMap((s) => [s.title, s.authors]),
      ]
        .join(' ')
        .toLowerCase();
    };
    const holdsAll = (t: string) => t.includes('gorbachev') && t.includes('nato') && t.includes('expan');
    // The nodes whose own text, quote or notes name all three must all be found.
    const mentions = map.nodes
      .filter((n) => holdsAll([n.text, n.quote?.text ?? '', n.notes ?? ''].join(' ').toLowerCase()))
      .map((n) => n.id);
    expect(mentions.length).to.be.greaterThan(2);
    let found: readonly string[] | undefined;
    view.addEventListener('warrant-search-change', (e: CustomEvent<SearchChangeDetail>) => (found = e.detail.ids));
    row(view, 'thesis')!.focus();
    await sendKeys({ press: '/' });
    await waitUntil(() => deepActive()?.getAttribute('role') === 'combobox', 'search box not focused');
    await sendKeys({ type: 'Gorbachov NATO expantion' });
    await answered(view, 'Gorbachov NATO expantion');
    await waitUntil(() => found !== undefined && mentions.every((id) => found!.includes(id)), `found ${found}`);
    expect(search(view).querySelector('[role=status]')!.textContent).to.match(/^\d+ results?/);
    // Everything found holds each word somewhere (in a source's title, maybe), and the words are highlighted.
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    for (const id of found!) expect(holdsAll(searchable(byId.get(id)!)), id).to.equal(true);
    const marks = [...search(view).querySelectorAll('[role=option] mark')].map((m) => m.textContent!.toLowerCase());
    expect(marks).to.include.members(['gorbachev', 'nato', 'expansion']);
  });

  it('offers "did you mean" from the map\'s words when nothing matches, runs it from the keyboard, and passes axe', async () => {
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    row(view, 'thesis')!.focus();
    await sendKeys({ press: '/' });
    await waitUntil(() => deepActive()?.getAttribute('role') === 'combobox', 'search box not focused');
    // "Yelstin" is two edits from "Yeltsin" (one allowed at seven letters); "Kosova" matches
    // "Kosovo" but never beside Yelstin.
    await sendKeys({ type: 'Yelstin Kosova' });
    await answered(view, 'Yelstin Kosova');
    const status = () => search(view).querySelector('[role=status]')!.textContent!.trim();
    await waitUntil(() => status().startsWith('No results.'), 'expected no results');
    const offer = () => search(view).querySelector<HTMLButtonElement>('.suggest button');
    await waitUntil(() => offer(), 'no suggestion');
    expect(offer()!.textContent!.trim()).to.equal('yeltsin kosovo');
    // The live region says it too, for a screen reader.
    expect(status()).to.equal('No results. Did you mean “yeltsin kosovo”?');
    await expect(deepQuery(view.shadowRoot!, 'warrant-search')!).to.be.accessible();
    // Reached with Tab from the search box.
    for (let i = 0; i < 6 && deepActive() !== offer(); i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(offer());
    await sendKeys({ press: 'Enter' });
    const input = search(view).querySelector<HTMLInputElement>('input[type=search]')!;
    await waitUntil(() => input.value === 'yeltsin kosovo', 'the suggestion was not taken');
    await answered(view, 'yeltsin kosovo');
    await waitUntil(() => /^\d+ results?/.test(status()), `no results for the suggestion: ${status()}`);
    expect(offer()).to.equal(null);
    expect(deepActive()).to.equal(input);
    const first = search(view).querySelector('[role=option]')!.textContent!.toLowerCase();
    expect(first).to.contain('yeltsin');
    expect(first).to.contain('kosovo');
  });
});
