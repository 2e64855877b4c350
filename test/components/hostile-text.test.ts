// Issue 21, hostile text: control characters, lone surrogates and bidi overrides are stripped on
// import (with a warning naming the field) and on typing (with a notice in the live region), and a
// 500-character title or a 3,000-character word never pushes the header or the map cards off-screen.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/import-dialog.js';
import type { ImportedDetail, WarrantImportDialog } from '../../src/components/import-dialog.js';
import { loadBundle } from '../../src/db/maps-repo.js';
import { exportMapJson } from '../../src/formats/index.js';
import { smallMap } from '../formats/helpers.js';
import { deleteTestDbs, freshDb } from '../helpers/db.js';
import { cleanupApps, deepActive, deepQuery, mountApp, row } from '../helpers/app.js';

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const RLO = '\u202E';

describe('hostile text on import', () => {
  afterEach(async () => {
    fixtureCleanup();
    await deleteTestDbs();
  });

  it('strips a bidi override, a NUL and a lone surrogate from a pasted file and names each field', async () => {
    const db = freshDb();
    const dialog = await fixture<WarrantImportDialog>(html`<warrant-import-dialog .db=${db}></warrant-import-dialog>`);
    await dialog.open();
    const root = dialog.shadowRoot!;
    const file = JSON.parse(exportMapJson(smallMap())) as {
      map: { title: string };
      nodes: Array<{ id: string; text: string }>;
    };
    file.map.title = `Uniforms ${RLO}evil`;
    file.nodes[1]!.text = `Bad\u0000text \uD800here`;
    const area = root.querySelector<HTMLTextAreaElement>('#import-text')!;
    area.value = JSON.stringify(file);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const read = [...root.querySelectorAll('button')].find((b) => text(b).startsWith('Read pasted text'))!;
    read.click();
    await waitUntil(() => root.querySelector('.result li'), 'no warnings listed');
    const notes = [...root.querySelectorAll('.result li')].map(text);
    expect(notes).to.include('map.title: Removed 1 text-direction override that could hide or reorder text.');
    expect(notes).to.include(
      'nodes[1].text: Removed 1 control character, 1 broken character that could hide or reorder text.',
    );
    const events: ImportedDetail[] = [];
    document.addEventListener('warrant-imported', (e) => events.push((e as CustomEvent<ImportedDetail>).detail), {
      once: true,
    });
    [...root.querySelectorAll('button')].find((b) => text(b).startsWith('Import as a new map'))!.click();
    await waitUntil(() => events.length === 1, 'not imported');
    const bundle = (await loadBundle(db, events[0]!.mapIds[0]!))!;
    expect(bundle.map.title).to.equal('Uniforms evil');
    expect(bundle.nodes.find((n) => n.id === file.nodes[1]!.id)!.text).to.equal('Badtext here');
  });
});

describe('hostile text typed, and long text on screen', () => {
  afterEach(cleanupApps);

  it('strips a bidi override typed into the node editor and says so in the live region', async () => {
    const { view } = await mountApp();
    row(view, 'b')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ` x${RLO}y` });
    const area = deepActive() as HTMLTextAreaElement;
    expect(area.value).to.equal('Mornings are simpler. xy');
    expect(area.selectionStart, 'the caret stays after what was typed').to.equal(area.value.length);
    await waitUntil(() => text(view.shadowRoot!.querySelector('.notice')).includes('text-direction override'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await view.services!.db.nodes.get('b'))!.text === 'Mornings are simpler. xy');
  });

  it('keeps a 500-character title and a 3,000-character word inside the screen, full title on hover', async () => {
    const { app, view } = await mountApp({ sample: 'test/fixtures/hostile-map.json' });
    const box = app.parentElement!.getBoundingClientRect();
    const h1 = view.shadowRoot!.querySelector('h1')!;
    expect(h1.title.length).to.equal(500);
    const r = h1.getBoundingClientRect();
    expect(r.right).to.be.at.most(box.right + 0.5);
    expect(r.height, 'the title stops after two lines').to.be.below(60);
    const header = view.shadowRoot!.querySelector('header')!.getBoundingClientRect();
    expect(header.right).to.be.at.most(box.right + 0.5);
    const longRow = row(view, 'b')!.getBoundingClientRect();
    expect(longRow.right, 'the long word wraps in its row').to.be.at.most(box.right + 0.5);
    // The Maps page: the card wraps and clamps, and carries the full title.
    location.hash = '#/';
    await waitUntil(() => deepQuery(app.shadowRoot!, 'warrant-map-list')?.shadowRoot?.querySelector('li a'));
    const list = deepQuery(app.shadowRoot!, 'warrant-map-list')!.shadowRoot!;
    const card = list.querySelector<HTMLAnchorElement>('li a')!;
    expect(card.title.length).to.equal(500);
    const c = card.getBoundingClientRect();
    expect(c.right).to.be.at.most(box.right + 0.5);
    expect(card.querySelector('.title')!.getBoundingClientRect().height).to.be.below(80);
  });
});
