// Export and import dialogs and the print outline, driven as a user would (keyboard, file
// input, paste), on a real IndexedDB.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/export-dialog.js';
import type { WarrantExportDialog } from '../../src/components/export-dialog.js';
import '../../src/components/import-dialog.js';
import type { ImportedDetail, WarrantImportDialog } from '../../src/components/import-dialog.js';
import '../../src/components/print-outline.js';
import { whenMarkdownReady } from '../../src/components/markdown.js';
import type { WarrantPrintOutline } from '../../src/components/print-outline.js';
import type { WarrantDB } from '../../src/db/database.js';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/evaluation/index.js';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { exportMapJson, exportMarkdown } from '../../src/formats/index.js';
import { randomMap, smallMap } from '../formats/helpers.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';
import { AnonymousView } from '../../src/state/anonymous-view.js';
import { decodeShareFragment } from '../../src/state/share-link.js';
import { importJson } from '../../src/formats/json.js';
import type { MapBundle } from '../../src/model/types.js';

/** A map file's bundle, as the app reads it. */
function importJsonOk(text: string): MapBundle {
  const r = importJson(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.bundles[0]!;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function button(root: ShadowRoot, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b).startsWith(label));
  if (!found) throw new Error(`no "${label}" button`);
  return found;
}

async function dump(db: WarrantDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** Presses Tab until `predicate` holds for the focused element (at most 30 times). */
async function tabTo(predicate: (el: Element) => boolean, what: string): Promise<Element> {
  for (let i = 0; i < 30; i++) {
    const a = deepActive();
    if (a && predicate(a)) return a;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const isButton = (label: string) => (el: Element) => el.tagName === 'BUTTON' && text(el).startsWith(label);
const isCheckbox = (name: string) => (el: Element) =>
  el instanceof HTMLInputElement && el.type === 'checkbox' && el.name === name;

/** Captures downloads: the Blob given to URL.createObjectURL and the file name clicked. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob) blobs.push(obj);
    return original.call(URL, obj);
  };
  const onClick = (e: Event) => {
    const a = e.target;
    if (a instanceof HTMLAnchorElement && a.download) {
      names.push(a.download);
      e.preventDefault();
    }
  };
  document.addEventListener('click', onClick, true);
  return {
    blobs,
    names,
    restore: () => {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    },
  };
}

function stubClipboard(writeText: (t: string) => Promise<void>): () => void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return () => delete (navigator as { clipboard?: unknown }).clipboard;
}

describe('export dialog', () => {
  afterEach(() => fixtureCleanup());

  async function mount() {
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <button id="opener">Export…</button>
        <warrant-export-dialog .bundle=${smallMap()}></warrant-export-dialog>
      </div>`,
    );
    const dialog = box.querySelector('warrant-export-dialog') as WarrantExportDialog;
    const opener = box.querySelector<HTMLButtonElement>('#opener')!;
    opener.addEventListener('click', () => void dialog.open());
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')!.open, 'dialog did not open');
    return { dialog, opener, root: dialog.shadowRoot! };
  }

  it('copies a link carrying the whole map, which reads back the same, record by record', async () => {
    const { root } = await mount();
    const copied: string[] = [];
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (t: string) => void copied.push(t);
    try {
      button(root, 'Copy map link').click();
      await waitUntil(() => copied.length === 1, 'no link copied');
    } finally {
      navigator.clipboard.writeText = original;
    }
    await waitUntil(() => text(root.querySelector('[role=status]')).startsWith('Link copied'));
    expect(text(root.querySelector('[role=status]'))).to.equal(
      'Link copied: it carries the whole map, and no server sees it.',
    );
    const d = await decodeShareFragment(new URL(copied[0]!).hash);
    if (!d.ok) throw new Error(d.message);
    const back = importJson(d.text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.bundles[0]).to.deep.equal(importJsonOk(exportMapJson(smallMap())));
  });

  it('is used by keyboard: choose Markdown, a preset, an option, then download and copy', async () => {
    const { dialog, opener, root } = await mount();
    const pre = () => root.querySelector('pre')!.textContent!;
    // Focus starts on the chosen format; arrows move between formats.
    expect((deepActive() as HTMLInputElement).value).to.equal('markdown');
    await sendKeys({ press: 'ArrowDown' });
    await dialog.updateComplete;
    expect(pre().startsWith('{\n  "format": "warrant-map"')).to.equal(true);
    expect(text(button(root, 'Download'))).to.equal('Download .json');
    await sendKeys({ press: 'ArrowUp' });
    await dialog.updateComplete;
    expect(text(button(root, 'Download'))).to.equal('Download .md');
    // The student hand-in is the default: no ids, ratings or notes.
    expect(pre()).to.not.contain('<!-- warrant {');
    expect(pre()).to.not.contain('*Notes:*');
    await tabTo(isButton('Teacher’s full record'), 'the full-record preset');
    await sendKeys({ press: 'Enter' });
    await dialog.updateComplete;
    expect(button(root, 'Teacher’s full record').getAttribute('aria-pressed')).to.equal('true');
    expect(pre()).to.contain('<!-- warrant {"id":"c1"');
    expect(pre()).to.contain('*Notes:* Check the INF treaty date.');
    expect(pre()).to.contain('*Rating:* 2.5 of 4 (2 ratings) · *Standing:* ');
    expect(pre()).to.contain('computed with Class standing with base scores r/4.');
    expect(text(root.querySelector('#semantics'))).to.equal(
      'Standings are computed with Class standing with base scores r/4 (the mean of everyone’s ratings).',
    );
    // Toggle Notes off with the keyboard.
    await tabTo(isCheckbox('notes'), 'the Notes checkbox');
    await sendKeys({ press: 'Space' });
    await dialog.updateComplete;
    expect(pre()).to.not.contain('*Notes:*');
    expect(button(root, 'Teacher’s full record').getAttribute('aria-pressed')).to.equal('false');

    const downloads = captureDownloads();
    try {
      await tabTo(isButton('Download .md'), 'Download');
      await sendKeys({ press: 'Enter' });
      await dialog.updateComplete;
      expect(downloads.names).to.deep.equal(['was-the-partnership-doomed.md']);
      expect(downloads.blobs).to.have.length(1);
      expect(downloads.blobs[0]!.type).to.equal('text/markdown;charset=utf-8');
      expect(await downloads.blobs[0]!.text()).to.equal(dialog.exportedText);
      expect(text(root.querySelector('.status'))).to.equal('Downloaded was-the-partnership-doomed.md.');
    } finally {
      downloads.restore();
    }

    const copied: string[] = [];
    let restore = stubClipboard(async (t) => void copied.push(t));
    try {
      await tabTo(isButton('Copy to clipboard'), 'Copy');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(root.querySelector('.status')).startsWith('Copied'));
      expect(copied).to.deep.equal([dialog.exportedText]);
      const lines = dialog.exportedText.split('\n').length - 1;
      expect(text(root.querySelector('.status'))).to.equal(`Copied ${lines} lines to the clipboard.`);
    } finally {
      restore();
    }
    restore = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(root.querySelector('.status')).startsWith('The browser did not allow copying'));
    } finally {
      restore();
    }

    // Escape closes, and focus goes back to where it was.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root.querySelector('dialog')!.open, 'Escape did not close');
    expect(deepActive()).to.equal(opener);
  });

  it('lists what Kialo leaves out, and previews the first 200 lines of a large export as text', async () => {
    const { dialog, root } = await mount();
    root.querySelector<HTMLInputElement>('input[value="kialo"]')!.click();
    await dialog.updateComplete;
    expect([...root.querySelectorAll('.losses li')].map(text)).to.deep.equal([
      '2 essay quotes (Kialo has no quotes)',
      '2 sources and their citations (Kialo keeps sources only as links inside the text)',
      "3 ratings (Kialo's export has no votes)",
      '1 note',
      'the map description and source document',
    ]);
    expect(
      root.querySelector('pre')!.textContent!.startsWith('Discussion Title: Was the partnership doomed?'),
    ).to.equal(true);
    const big = randomMap(9, { nodes: 400 });
    big.nodes[1]!.text = '<img src=x onerror="window.__exportPwned = 1">';
    dialog.bundle = big;
    root.querySelector<HTMLInputElement>('input[value="markdown"]')!.click();
    await dialog.updateComplete;
    const pre = root.querySelector('pre')!;
    expect(pre.textContent!.split('\n')).to.have.length(201);
    expect(pre.children, 'the preview is text, never HTML').to.have.length(0);
    expect(text(root.querySelector('.preview-head .muted'))).to.match(/^first 200 of [\d,]+ lines$/);
    expect((window as { __exportPwned?: number }).__exportPwned).to.equal(undefined);
  });

  it('passes axe while open', async () => {
    const { dialog } = await mount();
    await expect(dialog).to.be.accessible();
  });
});

describe('import dialog', () => {
  afterEach(async () => {
    fixtureCleanup();
    await deleteTestDbs();
  });

  async function mount(db: WarrantDB, currentMapId?: string) {
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <button id="opener">Import…</button>
        <warrant-import-dialog .db=${db} .currentMapId=${currentMapId}></warrant-import-dialog>
      </div>`,
    );
    const dialog = box.querySelector('warrant-import-dialog') as WarrantImportDialog;
    const opener = box.querySelector<HTMLButtonElement>('#opener')!;
    opener.addEventListener('click', () => void dialog.open());
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')!.open, 'dialog did not open');
    const events: ImportedDetail[] = [];
    document.addEventListener('warrant-imported', (e) => events.push((e as CustomEvent<ImportedDetail>).detail));
    return { dialog, opener, root: dialog.shadowRoot!, events };
  }

  /** Pastes `value` into the text box and presses "Read pasted text" by keyboard. */
  async function paste(root: ShadowRoot, value: string): Promise<void> {
    const area = root.querySelector<HTMLTextAreaElement>('#import-text')!;
    area.focus();
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tabTo(isButton('Read pasted text'), 'Read pasted text');
    await sendKeys({ press: 'Enter' });
  }

  function chooseFile(root: ShadowRoot, file: File): void {
    const input = root.querySelector<HTMLInputElement>('#import-file')!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('imports a pasted Kialo discussion as a new map', async () => {
    const db = freshDb();
    const { root, events, dialog, opener } = await mount(db);
    expect(deepActive()?.id, 'focus starts on the file input').to.equal('import-file');
    const kialo = await (await fetch('/test/fixtures/formats/kialo-phones.txt')).text();
    await paste(root, kialo);
    await waitUntil(() => root.querySelector('.result'), 'nothing read');
    expect(text(root.querySelector('.result p'))).to.equal('Detected format: Kialo text.');
    expect(await db.maps.count(), 'reading writes nothing').to.equal(0);
    expect(root.querySelector('button')?.textContent).to.not.contain('Merge');
    const importButton = button(root, 'Import as a new map');
    importButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'no warrant-imported event');
    const [mapId] = events[0]!.mapIds;
    expect(events[0]!.merged).to.equal(false);
    const bundle = (await loadBundle(db, mapId!))!;
    expect(bundle.map.title).to.equal('Should Schools Ban Phones (in Class)?');
    const summary = text(root.querySelector('.result'));
    expect(summary).to.contain(`Imported 1 map: ${bundle.nodes.length} nodes, 0 sources, 0 ratings.`);
    expect(root.querySelector<HTMLAnchorElement>('.result a')!.getAttribute('href')).to.equal(`#/map/${mapId}`);
    expect(deepActive(), 'focus moves to the result').to.equal(root.querySelector('.result'));
    await expect(dialog).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === opener, 'focus did not return');
  });

  it('lists the errors of an invalid paste with their lines and writes nothing', async () => {
    const db = freshDb();
    await putBundles(db, await fixtureBundles());
    const before = await dump(db);
    const { root, events, dialog } = await mount(db, 'small');
    const broken = JSON.parse(exportMapJson(smallMap())) as { nodes: Array<Record<string, unknown>> };
    for (let i = 0; i < 6; i++) broken.nodes[i]!.text = '';
    broken.nodes[2]!.parentId = 'nowhere';
    await paste(root, JSON.stringify(broken, null, 2));
    await waitUntil(() => root.querySelector('.result.bad'), 'no error list');
    const items = [...root.querySelectorAll('.result.bad li')].map(text);
    expect(items[0]).to.equal('nodes[0] (id "T").text: must not be empty');
    expect(items).to.include('nodes[2] (id "k2"): parent "nowhere" does not exist');
    expect(text(root.querySelector('.result.bad'))).to.contain('Nothing was imported; your maps are unchanged.');
    expect(text(root.querySelector('.result.bad p'))).to.match(
      /^The pasted text cannot be imported \(read as Warrant JSON\): \d+ problems\.$/,
    );
    await expect(dialog).to.be.accessible();
    // Broken Markdown-like text names its line.
    await paste(root, '{\n  "format": "warrant-map",\n  "version": 1,\n  "map": {');
    await waitUntil(() => text(root.querySelector('.result.bad li')).startsWith('line 4'));
    expect(text(root.querySelector('.result.bad li'))).to.equal('line 4: The file ends too early: it looks truncated.');
    expect(events).to.deep.equal([]);
    expect(await dump(db)).to.equal(before);
  });

  it('shows at most 20 errors and counts the rest', async () => {
    const db = freshDb();
    const { root } = await mount(db);
    const broken = JSON.parse(exportMapJson(randomMap(3, { nodes: 40, rich: false }))) as {
      nodes: Array<Record<string, unknown>>;
    };
    for (const n of broken.nodes) n.text = '';
    await paste(root, JSON.stringify(broken));
    await waitUntil(() => root.querySelector('.result.bad'));
    expect(root.querySelectorAll('.result.bad li')).to.have.length(20);
    expect(text(root.querySelector('.result.bad'))).to.contain('… and 20 more problems.');
  });

  it('merges a JSON file into the open map and lists the conflicts', async () => {
    const db = freshDb();
    await putBundles(db, await fixtureBundles());
    const { root, events } = await mount(db, 'small');
    const file = (await (await fetch('/test/fixtures/small-map.json')).json()) as {
      nodes: Array<Record<string, unknown>>;
    };
    file.nodes.push({ id: 'new1', parentId: 'b', relation: 'opposes', text: 'Not for everyone.', origin: 'added' });
    file.nodes[5]!.text = 'Mornings are easier.';
    chooseFile(root, new File([JSON.stringify(file)], 'student.json', { type: 'application/json' }));
    await waitUntil(() => root.querySelector('.result'), 'file not read');
    button(root, 'Merge into this map').click();
    await waitUntil(() => events.length === 1, 'no warrant-imported event');
    expect(events[0]).to.deep.equal({ mapIds: ['small'], merged: true });
    expect(text(root.querySelector('.result'))).to.contain(
      'Merged into “School uniforms”: added 1 node, 0 sources, 0 citations and 0 ratings',
    );
    expect([...root.querySelectorAll('.result li')].map(text)).to.deep.equal([
      'node “b” (text): kept this map\'s text; the file says "Mornings are easier."',
    ]);
    expect(await db.nodes.get('new1')).to.include({ mapId: 'small', parentId: 'b' });
  });

  it('shows progress for a big file and cancels it, leaving the database unchanged', async () => {
    const db = freshDb();
    await putBundles(db, await fixtureBundles());
    const before = await dump(db);
    const { root, events } = await mount(db);
    const big = exportMarkdown(randomMap(77, { nodes: 6000 }));
    expect(big.length).to.be.greaterThan(1024 * 1024);
    chooseFile(root, new File([big], 'big.md', { type: 'text/markdown' }));
    await waitUntil(() => root.querySelector('progress'), 'no progress bar');
    const label = () => text(root.querySelector('.progress label'));
    await waitUntil(() => label() === 'Checking every line of the file…', 'never got to parsing', { timeout: 10000 });
    expect(root.querySelector('progress')!.hasAttribute('value'), 'parsing is indeterminate').to.equal(false);
    const cancel = button(root, 'Cancel');
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root.querySelector('.result')).startsWith('Import cancelled.'));
    expect(text(root.querySelector('.result'))).to.equal(
      'Import cancelled. Nothing was imported; your maps are unchanged.',
    );
    expect(root.querySelector('progress')).to.equal(null);
    expect(events).to.deep.equal([]);
    expect(await dump(db)).to.equal(before);
  });

  it('imports a big file read in the worker, with a progress bar while it works', async function () {
    this.timeout(60000);
    const db = freshDb();
    const { root, events } = await mount(db);
    const big = exportMapJson(randomMap(78, { nodes: 4000 }));
    const labels = new Set<string>();
    const observer = new MutationObserver(() => {
      const l = root.querySelector('.progress label');
      if (l) labels.add(text(l));
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    chooseFile(root, new File([big], 'big.json', { type: 'application/json' }));
    await waitUntil(() => root.querySelector('.result'), 'file not read', { timeout: 30000 });
    button(root, 'Import as a new map').click();
    await waitUntil(() => events.length === 1, 'not imported', { timeout: 30000 });
    observer.disconnect();
    expect(labels.has('Checking every line of the file…')).to.equal(true);
    expect(labels.has('Saving the maps…')).to.equal(true);
    expect([...labels].some((l) => /^Reading the file… \d+%$/.test(l))).to.equal(true);
    expect(await db.nodes.count()).to.equal(4000);
  });
});

describe('print outline', () => {
  let link: HTMLLinkElement;
  before(async () => {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/src/assets/app.css';
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
    document.head.append(link);
    await loaded;
  });
  after(async () => {
    link.remove();
    await emulateMedia({ media: 'screen' });
  });
  afterEach(() => fixtureCleanup());

  it('builds the whole map as an outline before printing, shown only in print, and removes it after', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div id="app-stand-in">
        <warrant-print-outline
          .bundle=${smallMap()}
          .standings=${new Map([['T', 0.55]])}
          .semanticsLabel=${'Quadratic Energy (QE)'}
        ></warrant-print-outline>
      </div>`,
    );
    expect(document.querySelector('.warrant-print')).to.equal(null);
    // Connecting the outline starts loading the Markdown renderer, which is there long before anyone prints.
    await whenMarkdownReady();
    window.dispatchEvent(new Event('beforeprint'));
    const outline = document.querySelector<HTMLElement>('body > .warrant-print')!;
    expect(outline).to.not.equal(null);
    expect(text(outline.querySelector('h1'))).to.equal('Was the partnership doomed?');
    expect(text(outline.querySelector('section.thesis .statement'))).to.equal(
      '◆ Thesis: Russia and America could have been partners.',
    );
    expect(text(outline.querySelector('section.thesis .facts'))).to.equal('Sources: [1] · Standing: 0.55');
    const items = [...outline.querySelectorAll('ol.tree li.node')].map((li) =>
      text(li.querySelector(':scope > .statement')),
    );
    expect(items).to.deep.equal([
      '1 ⊕ Claim (supports, reworded by the class): The summits worked: both sides cut arsenals.',
      '1.1 ⊕ Premise (supports, added by the class): The INF Treaty was signed in 1987.',
      '1.2 ⊟ Counterpoint (opposes, added by the class): Arms cuts are not friendship.',
      '1.2.1 ⊟ Rebuttal (opposes): They are a start, though.',
      '2 ⊟ Counterpoint (opposes): Distrust never went away.',
    ]);
    const claim = outline.querySelector('ol.tree > li.node')!;
    expect(text(claim.querySelector(':scope > blockquote'))).to.equal(
      '“the summit ended with Reagan and Gorbachev agreeing” (¶3)',
    );
    expect(text(claim.querySelector(':scope > .facts'))).to.equal(
      'Sources: [1]; [2] p. 12 · Rating: 2.5 of 4 (2 ratings)',
    );
    expect([...outline.querySelectorAll('.sources li')].map(text)).to.deep.equal([
      'INF Treaty text · official · reliability A (completely reliable) · primary text · https://www.state.gov/inf',
      'Reagan and Gorbachev · J. Matlock · Random House · 2004 · book · reliability B (usually reliable)',
    ]);
    // On screen the outline is hidden; in print it is all there is.
    expect(getComputedStyle(outline).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(outline).display).to.equal('block');
    // The app (here the fixture's container, a child of <body> like <warrant-app>) is hidden.
    const app = box.closest('body > *')!;
    expect(getComputedStyle(app).display).to.equal('none');
    await emulateMedia({ media: 'screen' });
    expect(getComputedStyle(app).display).to.equal('block');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector('.warrant-print')).to.equal(null);
  });

  it('says who added each node: the author, or Student A ... in anonymous mode', async () => {
    const map = smallMap();
    const premise = map.nodes.find((n) => n.text.startsWith('The INF'))!;
    premise.author = 'Maya';
    const items = async (bundle: MapBundle) => {
      const el = await fixture<WarrantPrintOutline>(
        html`<warrant-print-outline .bundle=${bundle}></warrant-print-outline>`,
      );
      const outline = el.prepare()!;
      const rows = [...outline.querySelectorAll('ol.tree li.node')].map((li) =>
        text(li.querySelector(':scope > .statement')),
      );
      el.remove();
      return rows;
    };
    const named = await items(map);
    expect(named[1]).to.equal('1.1 ⊕ Premise (supports, added by Maya): The INF Treaty was signed in 1987.');
    expect(named[2]).to.equal('1.2 ⊟ Counterpoint (opposes, added by the class): Arms cuts are not friendship.');
    const anonymous = new AnonymousView().of(map, true)!.shown;
    const shown = await items(anonymous);
    // The map's people are ana and ben (raters) and Maya: Maya is the third.
    expect(shown[1]).to.equal('1.1 ⊕ Premise (supports, added by Student C): The INF Treaty was signed in 1987.');
    expect(shown.join(' ')).not.to.contain('Maya');
  });

  it('computes and prints standings from the evaluation settings when the map is rated', async () => {
    const el = await fixture<WarrantPrintOutline>(
      html`<warrant-print-outline
        .bundle=${smallMap()}
        .evaluationSettings=${DEFAULT_EVALUATION_SETTINGS}
        .perspective=${'ana'}
      ></warrant-print-outline>`,
    );
    const outline = el.prepare()!;
    expect(text(outline.querySelector('.legend'))).to.contain(
      "computed with Class standing with base scores r/4, from ana's ratings only.",
    );
    const claim = outline.querySelector('ol.tree > li.node')!;
    expect(text(claim.querySelector(':scope > .facts'))).to.match(
      /^Sources: \[1\]; \[2\] p\. 12 · Rating: 2\.5 of 4 \(2 ratings\) · Standing: 0\.\d\d$/,
    );
    el.remove();
  });

  it('prepares a 10,000-node map, however deep, quickly enough to print', async function () {
    this.timeout(60000);
    const el = await fixture<WarrantPrintOutline>(
      html`<warrant-print-outline
        .bundle=${randomMap(5, { nodes: 8000, depth: 2000, rich: false })}
      ></warrant-print-outline>`,
    );
    const t0 = performance.now();
    const outline = el.prepare()!;
    const ms = performance.now() - t0;
    expect(outline.querySelectorAll('li.node')).to.have.length(9999);
    console.log(`print outline of 10,000 nodes (2,000 deep): ${Math.round(ms)} ms`);
    el.remove();
    expect(document.querySelector('.warrant-print')).to.equal(null);
  });
});
