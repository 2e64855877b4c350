import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { WarrantReadingPane } from '../../src/components/reading-pane.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { LIMITS } from '../../src/model/limits.js';
import { cleanupApps, combo, deepActive, mountApp } from '../helpers/app.js';

interface MapFile {
  map: { id: string };
  nodes: { id: string; quote?: { text: string; paragraph: number } }[];
}

const get = async (url: string): Promise<string> => (await fetch(url)).text();

async function openPane(view: WarrantMapView): Promise<WarrantReadingPane> {
  view.shadowRoot!.querySelector<HTMLButtonElement>('button.essay-toggle')!.click();
  await waitUntil(() => view.shadowRoot!.querySelector('warrant-reading-pane'), 'pane did not open');
  const pane = view.shadowRoot!.querySelector<WarrantReadingPane>('warrant-reading-pane')!;
  await waitUntil(() => pane.shadowRoot?.querySelector('.load input[type=file], .doc'), 'pane did not render');
  return pane;
}

async function loadFile(pane: WarrantReadingPane, file: File): Promise<void> {
  const input = pane.shadowRoot!.querySelector<HTMLInputElement>('.load input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

const $ = <T extends Element = HTMLElement>(pane: WarrantReadingPane, sel: string): T | null =>
  pane.shadowRoot!.querySelector<T>(sel);

/** The screen point of character `offset` in block `b` of the pane. */
function pointAt(pane: WarrantReadingPane, b: number, offset: number): { x: number; y: number } {
  const t = $(pane, `[data-b="${b}"] .t`)!;
  const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left < n.data.length) {
      const r = document.createRange();
      r.setStart(n, left);
      r.setEnd(n, left + 1);
      const box = r.getBoundingClientRect();
      return { x: Math.round(box.left + 1), y: Math.round(box.top + box.height / 2) };
    }
    left -= n.data.length;
  }
  throw new Error('offset past the block');
}

describe('the essay beside the map (reading pane)', () => {
  afterEach(cleanupApps);

  async function withEssay() {
    const { view } = await mountApp({ sample: 'claims/essay-map.json' });
    // The app's own connection: a second one would hold up deleting the database after the test.
    const db = view.services!.db;
    const map = JSON.parse(await get('/claims/essay-map.json')) as MapFile;
    const quotes = map.nodes.filter((n) => n.quote);
    const pane = await openPane(view);
    await loadFile(pane, new File([await get('/__shared__/essay.md')], 'essay.md'));
    await waitUntil(() => $(pane, '.doc mark'), 'highlights did not render', { timeout: 8000 });
    return { view, db, pane, map, quotes };
  }

  it('loads the essay, highlights every quote, counts coverage exactly, and passes axe', async () => {
    const { view, pane, quotes } = await withEssay();
    const cited = new Set(quotes.map((q) => q.quote!.paragraph));
    expect($(pane, '#coverage')!.textContent).to.equal(`${cited.size} of 43 paragraphs mapped`);
    const first = [...pane.shadowRoot!.querySelectorAll<HTMLElement>('mark[tabindex="0"]')].map((m) => m.dataset.id);
    expect(new Set(first)).to.deep.equal(new Set(quotes.map((q) => q.id)));
    expect($(pane, '.orphans')).to.equal(null);
    // Unquoted paragraphs are marked as such, and only those.
    const unmapped = [...pane.shadowRoot!.querySelectorAll('.block.unmapped .pn')].map((p) =>
      Number(p.textContent!.slice(1)),
    );
    expect(unmapped).to.deep.equal(Array.from({ length: 43 }, (_, i) => i + 1).filter((n) => !cited.has(n)));
    // Support kinds underline solid, opposition kinds wavy or dashed.
    const styleOf = (kind: string) => {
      const m = $(pane, `mark.k-${kind}`);
      return m ? getComputedStyle(m).textDecorationStyle : undefined;
    };
    expect(styleOf('claim')).to.equal('solid');
    expect(['wavy', undefined]).to.include(styleOf('counterpoint'));
    await expect(view).to.be.accessible();
  });

  it('selects a node from its highlight (click and Enter), and scrolls to the passage of a selected node', async () => {
    const { view, pane, quotes } = await withEssay();
    const target = quotes[5]!;
    const mark = $(pane, `mark[tabindex="0"][data-id="${target.id}"]`)!;
    mark.click();
    await waitUntil(() => view.treeElement?.selectedId === target.id, 'click did not select');
    const other = quotes[9]!;
    $(pane, `mark[tabindex="0"][data-id="${other.id}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => view.treeElement?.selectedId === other.id, 'Enter did not select');
    // Selecting in the tree: the passage is marked and brought on screen.
    const last = quotes[quotes.length - 1]!;
    view.treeElement!.dispatchEvent(
      new CustomEvent('warrant-select', { detail: { id: last.id }, bubbles: true, composed: true }),
    );
    await waitUntil(() => $(pane, `mark.sel[data-id="${last.id}"]`), 'selected passage not marked');
    // The scroll lands a frame after the mark (once the layout has settled): wait for the whole
    // passage to be inside the document's box.
    const onScreen = (): boolean => {
      const box = $(pane, `mark.sel[data-id="${last.id}"]`)!.getBoundingClientRect();
      const doc = $(pane, '.doc')!.getBoundingClientRect();
      return box.top >= doc.top && box.bottom <= doc.bottom;
    };
    await waitUntil(onScreen, 'passage on screen', { timeout: 3000 });
  });

  it('makes a claim from a passage selected with the mouse: verbatim quote, right ¶, editor focused', async () => {
    const { view, db, pane, map } = await withEssay();
    // An unquoted paragraph if the map leaves one; the second edition quotes every paragraph, so
    // otherwise the first numbered one (a passage may be quoted by more than one node).
    const numbered = [...pane.shadowRoot!.querySelectorAll<HTMLElement>('.block')].filter(
      (b) => b.querySelector('.pn') && b.querySelector('.t'),
    );
    const chosen = numbered.find((b) => b.classList.contains('unmapped')) ?? numbered[0];
    const block = Number(chosen!.dataset.b);
    const text = $(pane, `[data-b="${block}"] .t`)!.textContent!;
    const n = Number($(pane, `[data-b="${block}"] .pn`)!.textContent!.slice(1));
    $(pane, `[data-b="${block}"]`)!.scrollIntoView({ block: 'center' });
    const end = text.indexOf(' ', 30);
    const a = pointAt(pane, block, 0);
    const z = pointAt(pane, block, end - 1);
    await sendMouse({ type: 'move', position: [a.x, a.y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [z.x + 4, z.y] });
    await sendMouse({ type: 'up' });
    await waitUntil(() => $(pane, '.bar button'), 'no choice offered');
    expect($(pane, '.bar')!.textContent).to.contain(`(¶${n}) becomes:`);
    $(pane, '.bar button')!.click(); // a claim under the thesis
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
    await sendKeys({ type: 'A claim from the text' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => (await db.nodes.where('mapId').equals(map.map.id).count()) === map.nodes.length + 1,
      'not stored',
      { timeout: 5000 },
    );
    const made = (await db.nodes.where('mapId').equals(map.map.id).toArray()).find(
      (x) => x.text === 'A claim from the text',
    )!;
    expect(made.quote).to.deep.equal({ text: text.slice(0, end), paragraph: n });
    expect(made.parentId).to.equal('thesis');
    expect(made.origin).to.equal('essay');
    void view;
  });

  it('makes a counterpoint from a passage selected by keyboard (reading mode, Shift+arrows)', async () => {
    const { view, db, pane, map } = await withEssay();
    const target = map.nodes.find((x) => x.id !== 'thesis' && x.quote)!;
    $(pane, `mark[tabindex="0"][data-id="${target.id}"]`)!.click();
    await waitUntil(() => view.treeElement?.selectedId === target.id, 'not selected');
    const doc = $(pane, '.doc')!;
    doc.focus();
    await waitUntil(() => $(pane, '.block.caret'), 'no caret paragraph');
    await sendKeys({ press: 'ArrowDown' });
    const block = Number($(pane, '.block.caret')!.dataset.b);
    const text = $(pane, `[data-b="${block}"] .t`)!.textContent!;
    const n = Number($(pane, `[data-b="${block}"] .pn`)!.textContent!.slice(1));
    for (let i = 0; i < 4; i++) await combo(['Shift'], 'ArrowRight');
    await waitUntil(() => $(pane, '.bar button'), 'no choice offered');
    const words = text.split(' ').slice(0, 4).join(' ');
    expect($(pane, '.bar')!.textContent).to.contain(`(¶${n}) becomes:`);
    await sendKeys({ press: 'Enter' });
    await combo([], 'Tab');
    await combo([], 'Tab');
    expect(deepActive()?.textContent).to.match(/^\s*A counterpoint to/);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
    await sendKeys({ type: 'Objection' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => (await db.nodes.where('mapId').equals(map.map.id).count()) === map.nodes.length + 1,
      'not stored',
      { timeout: 5000 },
    );
    const made = (await db.nodes.where('mapId').equals(map.map.id).toArray()).find((x) => x.text === 'Objection')!;
    expect(made.quote).to.deep.equal({ text: words, paragraph: n });
    expect([made.parentId, made.relation]).to.deep.equal([target.id, 'opposes']);
  });

  it('refuses a passage longer than the quote limit, lists orphans, and drops an orphaned quote', async () => {
    const { view, db, pane, map } = await withEssay();
    // A new version: the essay without the first quote's passage, and one very long paragraph.
    const first = map.nodes.find((x) => x.quote)!;
    const essay = (await get('/__shared__/essay.md')).replace(first.quote!.text, '');
    const long = 'word '.repeat(LIMITS.quote / 4);
    $(pane, '.head button')!.click();
    await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form');
    await loadFile(pane, new File([`${essay}\n\n[¶44] ${long}`], 'essay-v2.md'));
    await waitUntil(() => $(pane, '.orphans'), 'no orphans listed', { timeout: 8000 });
    const items = [...pane.shadowRoot!.querySelectorAll('.orphans li')];
    expect(items.length).to.equal(1);
    expect(items[0]!.textContent).to.contain(first.quote!.text.slice(0, 30));
    const block = Number(
      [...pane.shadowRoot!.querySelectorAll<HTMLElement>('.block')].find((b) => b.textContent!.includes('word word'))!
        .dataset.b,
    );
    const t = $(pane, `[data-b="${block}"] .t`)!;
    document.getSelection()!.setBaseAndExtent(t, 0, t, t.childNodes.length);
    $(pane, '.doc')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await waitUntil(() => $(pane, '.bar .problem'), 'long passage not refused');
    expect($(pane, '.bar .problem')!.textContent).to.match(/a quote holds at most 2,000/);
    expect($(pane, '.bar button')).to.equal(null);
    // Drop the orphaned quote: the node keeps its text, loses the quote, and the list empties.
    [...items[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Drop the quote')!.click();
    await waitUntil(async () => (await db.nodes.get(first.id))?.quote === undefined, 'quote not dropped', {
      timeout: 5000,
    });
    await waitUntil(() => !$(pane, '.orphans'), 'orphan still listed', { timeout: 5000 });
    // Dropping was a mistake: Undo in the notice puts the quote back, and it is an orphan again.
    const undo = view.shadowRoot!.querySelector<HTMLButtonElement>('.notice button')!;
    expect(undo.textContent).to.equal('Undo');
    undo.click();
    await waitUntil(async () => (await db.nodes.get(first.id))?.quote?.text === first.quote!.text, 'quote not back', {
      timeout: 5000,
    });
    await waitUntil(() => $(pane, '.orphans'), 'orphan not listed again', { timeout: 5000 });
  });

  it('re-selects an orphan’s passage, and Undo gives the node its old quote back', async () => {
    const { view, db, pane, map } = await withEssay();
    const first = map.nodes.find((x) => x.quote)!;
    const essay = (await get('/__shared__/essay.md')).replace(first.quote!.text, '');
    $(pane, '.head button')!.click();
    await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form');
    await loadFile(pane, new File([essay], 'essay-v2.md'));
    await waitUntil(() => $(pane, '.orphans li'), 'no orphan', { timeout: 8000 });
    [...pane.shadowRoot!.querySelectorAll('.orphans li button')]
      .find((b) => b.textContent === 'Re-select the passage')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await waitUntil(() => $(pane, '.bar')!.textContent!.includes('Select the passage'), 'not fixing');
    const block = Number($(pane, '.block .pn')!.closest<HTMLElement>('.block')!.dataset.b);
    const t = $(pane, `[data-b="${block}"] .t`)!;
    const words = t.textContent!.split(' ').slice(0, 3).join(' ');
    const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
    const firstText = walker.nextNode() as Text;
    document.getSelection()!.setBaseAndExtent(firstText, 0, firstText, Math.min(words.length, firstText.data.length));
    const picked = firstText.data.slice(0, Math.min(words.length, firstText.data.length)).trim();
    $(pane, '.doc')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await waitUntil(() =>
      [...pane.shadowRoot!.querySelectorAll('.bar button')].some((b) => b.textContent!.includes('Use as the quote')),
    );
    [...pane.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bar button')]
      .find((b) => b.textContent!.includes('Use as the quote'))!
      .click();
    await waitUntil(async () => (await db.nodes.get(first.id))?.quote?.text === picked, 'not re-selected', {
      timeout: 5000,
    });
    await waitUntil(() => view.shadowRoot!.querySelector('.notice button'), 'no Undo offered');
    view.shadowRoot!.querySelector<HTMLButtonElement>('.notice button')!.click();
    await waitUntil(async () => (await db.nodes.get(first.id))?.quote?.text === first.quote!.text, 'not undone', {
      timeout: 5000,
    });
  });

  it('replaces and removes the essay, each undone from the notice', async () => {
    const { view, db, pane, map } = await withEssay();
    const toggle = view.shadowRoot!.querySelector<HTMLButtonElement>('button.essay-toggle')!;
    expect(toggle.textContent!.trim()).to.equal('Essay');
    $(pane, '.head button')!.click();
    await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form');
    await loadFile(pane, new File(['# Another text\n\nOne paragraph only.'], 'other.md'));
    await waitUntil(() => $(pane, '#essay-title')?.textContent === 'Another text', 'not replaced', { timeout: 8000 });
    await waitUntil(() => view.shadowRoot!.querySelector('.notice button'), 'no Undo offered');
    view.shadowRoot!.querySelector<HTMLButtonElement>('.notice button')!.click();
    await waitUntil(
      () => $(pane, '#essay-title')?.textContent !== 'Another text' && $(pane, '.doc mark'),
      'not undone',
      {
        timeout: 8000,
      },
    );
    expect((await db.documents.get(map.map.id))!.fileName).to.equal('essay.md');
    // Remove: the pane offers to load it again, the header says "Load the essay"; Undo brings it back.
    $<HTMLButtonElement>(pane, 'button[aria-label="Remove the essay from this map"]')!.click();
    await waitUntil(async () => (await db.documents.get(map.map.id)) === undefined, 'not removed', { timeout: 5000 });
    await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form after removal');
    await waitUntil(() => toggle.textContent!.trim() === 'Load the essay', 'header does not offer to load it');
    expect((await db.nodes.get(map.nodes.find((x) => x.quote)!.id))!.quote, 'quotes stay').to.not.equal(undefined);
    await waitUntil(() => view.shadowRoot!.querySelector('.notice button'), 'no Undo offered');
    view.shadowRoot!.querySelector<HTMLButtonElement>('.notice button')!.click();
    await waitUntil(() => $(pane, '.doc mark'), 'essay not back', { timeout: 8000 });
    await waitUntil(() => toggle.textContent!.trim() === 'Essay', 'header did not follow');
  });

  it('offers "Load the essay" on a map that has none', async () => {
    const { view } = await mountApp();
    const toggle = view.shadowRoot!.querySelector<HTMLButtonElement>('button.essay-toggle')!;
    await waitUntil(() => toggle.textContent!.trim() === 'Load the essay', 'not offered');
    const pane = await openPane(view);
    expect($(pane, '.load h2')!.textContent).to.equal('Load the essay');
    await loadFile(pane, new File(['One paragraph.\n\nAnother.'], 'short.txt'));
    await waitUntil(() => toggle.textContent!.trim() === 'Essay', 'still offered after loading');
  });

  it('bad input through the pane: a clear message for each, and the loaded essay stays', async () => {
    const { pane, db, map } = await withEssay();
    const tries: [File, RegExp][] = [
      [new File([], 'empty.txt'), /^The file is empty/],
      [new File([new Uint8Array(50 * 1024 * 1024)], 'huge.txt'), /^The file is too large for a document \(50\.0 MB/],
      // "Café, déjà vu" in Windows-1252: not UTF-8.
      [
        new File([new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x20, 0x64, 0xe9, 0x6a, 0xe0])], 'latin.txt'),
        /^The file is not in UTF-8.*Windows-1252/,
      ],
      [new File(['<p> </p><script>window.__paneScriptRan = true</script>'], 'blank.html'), /^No paragraphs/],
    ];
    for (const [file, message] of tries) {
      $(pane, '.head button')!.click();
      await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form');
      await loadFile(pane, file);
      await waitUntil(() => $(pane, '.load .error')?.textContent, `no message for ${file.name}`);
      expect($(pane, '.load .error')!.textContent, file.name).to.match(message);
      [...pane.shadowRoot!.querySelectorAll<HTMLButtonElement>('.load button')]
        .find((b) => b.textContent === 'Cancel')!
        .click();
      await waitUntil(() => $(pane, '.doc mark'), `essay lost after ${file.name}`);
      expect((await db.documents.get(map.map.id))!.fileName).to.equal('essay.md');
    }
  });

  it('reads UTF-16 with a byte-order mark, and HTML whose scripts and handlers never run nor reach the page', async () => {
    const { view } = await mountApp();
    const pane = await openPane(view);
    const text = 'Café au lait.\n\nSecond paragraph, déjà vu.';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    await loadFile(pane, new File([utf16], 'utf16.txt'));
    await waitUntil(() => $(pane, '.doc'), 'UTF-16 not loaded', { timeout: 8000 });
    expect([...pane.shadowRoot!.querySelectorAll('.block .t')].map((t) => t.textContent)).to.deep.equal([
      'Café au lait.',
      'Second paragraph, déjà vu.',
    ]);
    const hostile = `<h1 onclick="window.__paneScriptRan = true">Hostile</h1>
      <p onmouseover="window.__paneScriptRan = true">One <img src=x onerror="window.__paneScriptRan = true">two.</p>
      <script>window.__paneScriptRan = true</script><iframe srcdoc="<script>parent.__paneScriptRan = true</script>"></iframe>
      <p><a href="javascript:window.__paneScriptRan = true">Three</a></p>`;
    $(pane, '.head button')!.click();
    await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form');
    await loadFile(pane, new File([hostile], 'hostile.html'));
    await waitUntil(() => $(pane, '#essay-title')?.textContent === 'Hostile', 'HTML not loaded', { timeout: 8000 });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    expect((window as unknown as { __paneScriptRan?: boolean }).__paneScriptRan).to.equal(undefined);
    const doc = $(pane, '.doc')!;
    expect(doc.querySelector('script, img, iframe, a, [onclick], [onerror], [onmouseover]')).to.equal(null);
    expect([...doc.querySelectorAll('.block .t')].map((t) => t.textContent)).to.deep.equal([
      'Hostile',
      'One two.',
      'Three',
    ]);
    await expect(view).to.be.accessible();
  });

  it('shows a clear message for a file that is not text, and keeps the current document', async () => {
    const { pane } = await withEssay();
    $(pane, '.head button')!.click();
    await waitUntil(() => $(pane, '.load input[type=file]'), 'no load form');
    await loadFile(pane, new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])], 'essay.txt'));
    await waitUntil(() => $(pane, '.load .error')?.textContent, 'no message');
    expect($(pane, '.load .error')!.textContent).to.match(/^This is not a text file/);
    $<HTMLButtonElement>(pane, '.load button:nth-of-type(2)')!.click();
    await waitUntil(() => $(pane, '.doc mark'), 'document lost');
  });

  it('moves the splitters with the keyboard', async () => {
    const { view } = await withEssay();
    const bar = view.shadowRoot!.querySelector<HTMLElement>('[role=separator].essay')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('36');
    bar.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => bar.getAttribute('aria-valuenow') === '38', 'did not move');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => bar.getAttribute('aria-valuenow') === '20', 'Home did not move');
    expect(view.style.getPropertyValue('--essay-w')).to.equal('20%');
  });
});
