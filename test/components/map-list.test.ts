// Several maps: create, rename, duplicate, delete (with undo) through the map list.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanupApps, deepQuery, mountApp } from '../helpers/app.js';
import type { WarrantApp } from '../../src/components/app.js';

async function openList(app: WarrantApp) {
  location.hash = '#/';
  await waitUntil(() => deepQuery(app.shadowRoot!, 'warrant-map-list')?.shadowRoot?.querySelector('li'), 'no list', {
    timeout: 5000,
  });
  return deepQuery(app.shadowRoot!, 'warrant-map-list')!.shadowRoot!;
}

describe('several maps', () => {
  afterEach(cleanupApps);

  it('creates a map with its thesis from the New map form, refusing a bad link first', async () => {
    const { app, view } = await mountApp();
    const list = await openList(app);
    list.querySelector<HTMLButtonElement>('button.primary')!.click();
    list.querySelector<HTMLInputElement>('#nm-title')!.focus();
    await sendKeys({ type: 'Phones in class' });
    list.querySelector<HTMLTextAreaElement>('#nm-thesis')!.focus();
    await sendKeys({ type: 'Phones should be banned in class.' });
    list.querySelector<HTMLInputElement>('#nm-dt')!.focus();
    await sendKeys({ type: 'An op-ed' });
    list.querySelector<HTMLInputElement>('#nm-du')!.focus();
    await sendKeys({ type: 'javascript:alert(1)' });
    list.querySelector<HTMLButtonElement>('#new-map button[type=submit]')!.click();
    // Refused at the link's own field (not at the top of the form), which says why and takes focus.
    await waitUntil(() => list.querySelector('#nm-du-error')!.textContent!.includes('not allowed'));
    expect(list.querySelector('#nm-du-error')!.textContent).to.equal(
      '"javascript:" links are not allowed: only http:// and https:// links are.',
    );
    expect(list.querySelector('#nm-du')!.getAttribute('aria-invalid')).to.equal('true');
    expect(list.activeElement?.id).to.equal('nm-du');
    // Typed without its scheme: taken as https, in the field itself and said under it.
    list.querySelector<HTMLInputElement>('#nm-du')!.value = '';
    await sendKeys({ type: 'example.org/op-ed' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => list.querySelector('#nm-du-hint')!.textContent!.includes('Taken as'));
    expect(list.querySelector<HTMLInputElement>('#nm-du')!.value).to.equal('https://example.org/op-ed');
    expect(list.querySelector('#nm-du-hint')!.textContent!.trim()).to.equal(
      'Taken as https://example.org/op-ed (https:// added).',
    );
    expect(list.querySelector('#nm-du-error')!.textContent).to.equal('');
    list.querySelector<HTMLButtonElement>('#new-map button[type=submit]')!.click();
    await waitUntil(
      () => location.hash.startsWith('#/map/') && !location.hash.endsWith('/small'),
      'did not open the new map',
    );
    const db = view.services!.db;
    const map = (await db.maps.toArray()).find((m) => m.title === 'Phones in class')!;
    expect(map.document).to.deep.equal({ title: 'An op-ed', url: 'https://example.org/op-ed' });
    expect((await db.nodes.get(map.rootId))!.text).to.equal('Phones should be banned in class.');
  });

  it('loads the essay when the map is created, refusing a file that is not text first', async () => {
    const { app, view } = await mountApp();
    const db = view.services!.db;
    const list = await openList(app);
    list.querySelector<HTMLButtonElement>('button.primary')!.click();
    expect(list.querySelector('label[for=nm-df]')!.textContent).to.contain('Load the essay');
    list.querySelector<HTMLInputElement>('#nm-title')!.value = 'Homework';
    list.querySelector<HTMLTextAreaElement>('#nm-thesis')!.value = 'Homework should be optional.';
    const file = list.querySelector<HTMLInputElement>('#nm-df')!;
    const give = (f: File): void => {
      const dt = new DataTransfer();
      dt.items.add(f);
      file.files = dt.files;
    };
    give(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2])], 'essay.pdf.txt'));
    list.querySelector<HTMLButtonElement>('#new-map button[type=submit]')!.click();
    await waitUntil(() => list.querySelector('#nm-df-error')!.textContent, 'no message at the file field');
    expect(list.querySelector('#nm-df-error')!.textContent).to.match(/^This is not a text file/);
    expect(await db.maps.count(), 'nothing created').to.equal(1);
    give(new File(['# Homework\n\nFirst paragraph.\n\nSecond paragraph.'], 'homework.md'));
    list.querySelector<HTMLButtonElement>('#new-map button[type=submit]')!.click();
    await waitUntil(async () => (await db.maps.count()) === 2, 'not created');
    const map = (await db.maps.toArray()).find((m) => m.title === 'Homework')!;
    await waitUntil(async () => (await db.documents.get(map.id))?.fileName === 'homework.md', 'essay not stored');
    const doc = (await db.documents.get(map.id))!;
    expect(doc.blocks.map((b) => [b.n ?? null, b.text])).to.deep.equal([
      [null, 'Homework'],
      [1, 'First paragraph.'],
      [2, 'Second paragraph.'],
    ]);
  });

  it('renames, duplicates, and deletes a map with Undo', async () => {
    const { app, view } = await mountApp();
    const db = view.services!.db;
    const list = await openList(app);
    list.querySelector<HTMLButtonElement>('button[aria-label="Duplicate “School uniforms”"]')!.click();
    await waitUntil(async () => (await db.maps.count()) === 2);
    const copy = (await db.maps.toArray()).find((m) => m.id !== 'small')!;
    expect(copy.title).to.equal('Copy of School uniforms');
    expect(await db.nodes.where('mapId').equals(copy.id).count()).to.equal(7);
    expect(await db.ratings.where('mapId').equals(copy.id).count()).to.equal(2);
    list.querySelector<HTMLButtonElement>('button[aria-label="Rename “School uniforms”"]')!.click();
    const input = list.querySelector<HTMLInputElement>('#rn-title')!;
    input.value = 'Uniforms (original)';
    list.querySelector<HTMLButtonElement>('#rename-map button[type=submit]')!.click();
    await waitUntil(async () => (await db.maps.get('small'))!.title === 'Uniforms (original)');
    await waitUntil(() => list.querySelector('button[aria-label="Delete “Uniforms (original)”"]'));
    list.querySelector<HTMLButtonElement>('button[aria-label="Delete “Uniforms (original)”"]')!.click();
    await waitUntil(async () => (await db.maps.count()) === 1);
    expect(await db.nodes.where('mapId').equals('small').count()).to.equal(0);
    await waitUntil(() => list.querySelector('.status button'));
    list.querySelector<HTMLButtonElement>('.status button')!.click();
    await waitUntil(async () => (await db.nodes.where('mapId').equals('small').count()) === 7);
    await expect(deepQuery(app.shadowRoot!, 'warrant-map-list')!).to.be.accessible();
  });

  it("keeps focus on the renamed map's buttons when the rename moves it to the top of the list", async () => {
    const { app, view } = await mountApp();
    const db = view.services!.db;
    const list = await openList(app);
    list.querySelector<HTMLButtonElement>('button[aria-label="Duplicate “School uniforms”"]')!.click();
    await waitUntil(() => list.querySelectorAll('li').length === 2, 'the copy is not listed');
    // Newest first: the copy is on top, the original below it.
    expect(list.querySelector('li .title')!.textContent).to.equal('Copy of School uniforms');
    const rename = list.querySelector<HTMLButtonElement>('button[aria-label="Rename “School uniforms”"]')!;
    rename.focus();
    rename.click();
    list.querySelector<HTMLInputElement>('#rn-title')!.value = 'Uniforms (original)';
    list.querySelector<HTMLButtonElement>('#rename-map button[type=submit]')!.click();
    await waitUntil(
      () => list.querySelector('li .title')!.textContent === 'Uniforms (original)',
      'not moved to the top',
    );
    expect((await db.maps.get('small'))!.title).to.equal('Uniforms (original)');
    // The dialog gives focus back to the button that opened it: the same map's, now in the first row.
    expect(list.activeElement?.getAttribute('aria-label')).to.equal('Rename “Uniforms (original)”');
    expect(list.activeElement?.closest('li')).to.equal(list.querySelector('li'));
  });
});
