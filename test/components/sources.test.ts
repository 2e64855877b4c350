// Sources and citations through the real components, on a real IndexedDB: the node's Sources
// section (<warrant-citations>), the source form and the map-wide Sources panel.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantSourceForm } from '../../src/components/source-form.js';
import '../../src/components/source-form.js';
import type { SourceSubmitDetail } from '../../src/components/source-form.js';
import { deleteTestDbs } from '../helpers/db.js';
import { deepActive, mountSources, type TestSourcesHost } from '../helpers/sources-host.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element | null | undefined, selector: string): T | null =>
  el?.shadowRoot?.querySelector<T>(selector) ?? null;
const $$ = (el: Element | null | undefined, selector: string): HTMLElement[] => [
  ...(el?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cites = (host: TestSourcesHost) => host.citationsEl!;
const panel = (host: TestSourcesHost) => host.panelEl!;
const card = (host: TestSourcesHost, citationId: string) => $(cites(host), `[data-cid="${citationId}"]`);
const button = (root: Element | null, label: string): HTMLButtonElement => {
  const found = [...(root?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => text(b).startsWith(label));
  if (!found) throw new Error(`no "${label}" button`);
  return found;
};
/** The warning line's words (its ⚠ sign is hidden from screen readers). */
const warning = (host: TestSourcesHost) => text($(cites(host), '.warning')).replace(/^⚠ /, '');
const lastAnnounced = (host: TestSourcesHost) => host.announcements[host.announcements.length - 1];

/** Types into a field of a source form as a user would (the input event included). */
async function fill(form: WarrantSourceForm, field: string, value: string): Promise<void> {
  const el = $<HTMLInputElement | HTMLSelectElement>(form, `#f-${field}`)!;
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  await form.updateComplete;
}
const submit = (form: WarrantSourceForm) => $(form, 'button[type=submit]')!.click();

/** Opens "Cite a source" then "New source…" on the host's node; returns the form. */
async function openNewForm(host: TestSourcesHost): Promise<WarrantSourceForm> {
  $(cites(host), '#cite-toggle')!.click();
  await cites(host).updateComplete;
  $(cites(host), '#new-source')!.click();
  await cites(host).updateComplete;
  const form = $<WarrantSourceForm>(cites(host), '#new-form')!;
  await form.updateComplete;
  return form;
}

const MEMOIRS = {
  title: 'Memoirs',
  authors: 'Mikhail Gorbachev',
  publisher: 'Doubleday',
  date: '1996',
  type: 'book',
} as const;
const PLOKHY = { title: 'The Last Empire', authors: 'Serhii Plokhy', date: '2014-05-13', type: 'scholarly' } as const;

describe('sources and citations (components, real IndexedDB)', () => {
  afterEach(async () => {
    // Unmount first: a live query on a database being deleted would block the delete.
    fixtureCleanup();
    // ...and let a live query still running finish before its database closes.
    await new Promise((r) => setTimeout(r, 50));
    await deleteTestDbs();
  });

  it('adds a new source with a citation to an unsupported claim; undo removes both', async () => {
    const { db, undo, host } = await mountSources({ nodeId: 'b' });
    expect(warning(host)).to.equal('No source cited yet: a claim without a source is unsupported.');
    const form = await openNewForm(host);
    await waitUntil(() => deepActive() === $(form, '#f-title'), 'focus did not go to the title');
    await sendKeys({ type: 'Uniform policy review' });
    await fill(form, 'url', 'https://example.org/review');
    await fill(form, 'authors', 'J. Smith');
    await fill(form, 'publisher', 'Education Board');
    await fill(form, 'date', '2022');
    await fill(form, 'type', 'official');
    await fill(form, 'reliability', 'B');
    await fill(form, 'reliabilityNote', 'Official, but argues its own case');
    await fill(form, 'pinpoint', 'section 2');
    submit(form);

    const findCitation = async () => (await db.citations.where('nodeId').equals('b').toArray())[0];
    await waitUntil(findCitation, 'no citation was stored');
    const citation = (await findCitation())!;
    expect(citation.pinpoint).to.equal('section 2');
    const source = (await db.sources.get(citation.sourceId))!;
    expect(source).to.include({
      title: 'Uniform policy review',
      url: 'https://example.org/review',
      authors: 'J. Smith',
      publisher: 'Education Board',
      date: '2022',
      type: 'official',
      reliability: 'B',
      reliabilityNote: 'Official, but argues its own case',
    });
    expect(lastAnnounced(host)).to.deep.equal({ text: 'Added the source “Uniform policy review”.', error: false });
    await waitUntil(() => card(host, citation.id), 'the card did not appear');
    const c = card(host, citation.id)!;
    const link = c.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/review');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(text(c.querySelector('.src-meta'))).to.equal('J. Smith · Education Board · 2022 Official statement');
    expect(text(c.querySelector('.src-reliability'))).to.equal(
      'BReliability B: usually reliable · Official, but argues its own case',
    );
    expect(c.querySelector('.grade')!.getAttribute('title')).to.equal('B: usually reliable');
    expect(c.querySelector('.grade [aria-hidden=true]')!.textContent).to.equal('B');
    expect(text(c.querySelector('.pinpoint'))).to.equal('Pinpoint: section 2');
    expect($(cites(host), '.warning')).to.equal(null);
    expect(text($(cites(host), 'h3'))).to.equal('Sources (1)');
    // Focus went back to "Cite a source", and the panel closed.
    expect(deepActive()).to.equal($(cites(host), '#cite-toggle'));
    expect($(cites(host), '#cite-panel')).to.equal(null);

    expect(undo.undoLabel).to.equal('add source');
    await undo.undo();
    expect(await db.citations.where('nodeId').equals('b').count()).to.equal(0);
    expect(await db.sources.get(citation.sourceId)).to.equal(undefined);
    await waitUntil(() => $(cites(host), '.warning'), 'the warning did not come back after undo');
    expect(card(host, citation.id)).to.equal(null);
  });

  it('keyboard only: finds an existing source by a misspelt author ("gorbachov") and cites it', async () => {
    const { db, host } = await mountSources({
      nodeId: 'b',
      prepare: async (editor) => {
        await editor.citeNew('a', { ...MEMOIRS });
        await editor.citeNew('c', { ...PLOKHY });
      },
    });
    const memoirs = (await db.sources.filter((s) => s.title === 'Memoirs').first())!;
    const toggle = $(cites(host), '#cite-toggle')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    const search = () => $<HTMLInputElement>(cites(host), '#cite-search');
    await waitUntil(() => deepActive() === search(), 'focus did not go to the search box');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(search()!.getAttribute('role')).to.equal('combobox');
    // With no query, every source of the map is listed.
    expect($$(cites(host), '[role=option]').length).to.equal(3);

    await sendKeys({ type: 'gorbachov' });
    // fuse.js loads on the way to the panel (focus on the button, or opening it): typos are found once it is there.
    await waitUntil(() => $$(cites(host), '[role=option]').length === 1, 'the misspelt author was not found');
    const options = $$(cites(host), '[role=option]');
    expect(options.length).to.equal(1);
    expect(text(options[0])).to.contain('Memoirs');
    expect(search()!.getAttribute('aria-expanded')).to.equal('true');
    expect(search()!.getAttribute('aria-controls')).to.equal('cite-options');
    expect($(cites(host), '#cite-options')!.getAttribute('role')).to.equal('listbox');

    await sendKeys({ press: 'ArrowDown' });
    await cites(host).updateComplete;
    expect(search()!.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect($(cites(host), `#${options[0]!.id}`)!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await cites(host).updateComplete;
    expect(search()!.value).to.equal('Memoirs');
    expect(deepActive()).to.equal(search());

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(cites(host), '#cite-pinpoint'));
    await sendKeys({ type: 'ch. 3' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(cites(host), '#cite-submit'));
    await sendKeys({ press: 'Enter' });

    const cited = async () => (await db.citations.where('nodeId').equals('b').toArray())[0];
    await waitUntil(cited, 'the source was not cited');
    expect(await cited()).to.include({ sourceId: memoirs.id, pinpoint: 'ch. 3' });
    expect(await db.sources.count()).to.equal(3);
    expect(lastAnnounced(host)).to.deep.equal({ text: 'Source cited.', error: false });
    await waitUntil(() => text($(cites(host), 'ul.cited')).includes('Memoirs'), 'the card did not appear');
    expect(text($(cites(host), 'ul.cited'))).to.contain('Cited by 2 nodes in this map.');
    expect(deepActive()).to.equal($(cites(host), '#cite-toggle'));

    // Citing it again is refused, with the reason next to the control and announced.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === search());
    await sendKeys({ type: 'memoirs' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(cites(host), '#cite-error')), 'no error shown');
    expect(text($(cites(host), '#cite-error'))).to.equal(
      'This node already cites that source: edit its pinpoint instead.',
    );
    expect(lastAnnounced(host)!.error).to.equal(true);
    expect(await db.citations.where('nodeId').equals('b').count()).to.equal(1);
    // Escape closes the panel and returns to its button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === $(cites(host), '#cite-toggle'));
    expect($(cites(host), '#cite-panel')).to.equal(null);
  });

  it('editing a source card updates it on every node and in the Sources panel', async () => {
    const { db, undo, editor, host } = await mountSources({
      nodeId: 'a1',
      panel: true,
      prepare: async (editor) => void (await editor.citeExisting('b', 's1', undefined, [])),
    });
    const citation = (await db.citations.where('nodeId').equals('a1').first())!;
    const edit = button(card(host, citation.id), 'Edit source');
    expect(text(card(host, citation.id))).to.contain('Cited by 2 nodes in this map.');
    edit.click();
    await cites(host).updateComplete;
    const form = card(host, citation.id)!.querySelector('warrant-source-form')!;
    await form.updateComplete;
    expect($<HTMLInputElement>(form, '#f-title')!.value).to.equal('District survey 2023');
    expect($<HTMLInputElement>(form, '#f-url')!.value).to.equal('https://example.org/survey');
    expect($<HTMLSelectElement>(form, '#f-type')!.value).to.equal('dataset');
    expect(text($(form, '#note'))).to.equal('Changes show on all 2 nodes that cite it.');
    expect($(form, '#f-pinpoint')).to.equal(null);
    await waitUntil(() => deepActive() === $(form, '#f-title'), 'focus did not go into the form');
    await fill(form, 'title', 'District survey 2023 (revised)');
    await fill(form, 'reliability', 'C');
    await fill(form, 'reliabilityNote', 'Self-reported incidents');
    submit(form);

    await waitUntil(async () => (await db.sources.get('s1'))!.title === 'District survey 2023 (revised)');
    expect(await db.sources.get('s1')).to.include({ reliability: 'C', reliabilityNote: 'Self-reported incidents' });
    await waitUntil(() => text(card(host, citation.id)).includes('(revised)'), 'the node card did not change');
    await waitUntil(() => text($(panel(host), '[data-sid="s1"]')).includes('(revised)'), 'the panel did not change');
    expect(text($(panel(host), '[data-sid="s1"] .src-reliability'))).to.equal(
      'CReliability C: fairly reliable · Self-reported incidents',
    );
    expect(deepActive()).to.equal(button(card(host, citation.id), 'Edit source'));
    expect(lastAnnounced(host)).to.deep.equal({ text: 'Source saved.', error: false });

    await undo.undo();
    await waitUntil(() => !text(card(host, citation.id)).includes('(revised)'), 'undo did not restore the card');
    expect(editor.undo.canUndo).to.equal(true);
  });

  it('edits a pinpoint inline: Enter saves, Escape cancels', async () => {
    const { db, undo, host } = await mountSources({ nodeId: 'a1' });
    const citation = (await db.citations.where('nodeId').equals('a1').first())!;
    expect(text(card(host, citation.id)!.querySelector('.pinpoint'))).to.equal('Pinpoint: p. 4');
    button(card(host, citation.id), 'Edit pinpoint').focus();
    await sendKeys({ press: 'Enter' });
    const input = () => card(host, citation.id)!.querySelector<HTMLInputElement>('input');
    await waitUntil(() => deepActive() === input(), 'the pinpoint field did not take focus');
    expect(input()!.value).to.equal('p. 4');
    input()!.select();
    await sendKeys({ type: 'pp. 4-5, table 2' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await db.citations.get(citation.id))!.pinpoint === 'pp. 4-5, table 2');
    await waitUntil(() => text(card(host, citation.id)!.querySelector('.pinpoint')) === 'Pinpoint: pp. 4-5, table 2');
    expect(deepActive()).to.equal(button(card(host, citation.id), 'Edit pinpoint'));
    expect(undo.undoLabel).to.equal('edit pinpoint');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === input());
    await sendKeys({ type: ' and more' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === button(card(host, citation.id), 'Edit pinpoint'), 'Escape lost focus');
    expect((await db.citations.get(citation.id))!.pinpoint).to.equal('pp. 4-5, table 2');
  });

  it('removes a citation, moves focus to the next one, and undo brings it back', async () => {
    const { db, undo, host } = await mountSources({
      nodeId: 'a1',
      prepare: async (editor) => void (await editor.citeNew('a1', { ...MEMOIRS }, 'p. 1')),
    });
    const [first, second] = await db.citations.where('nodeId').equals('a1').sortBy('createdAt');
    await waitUntil(() => card(host, second!.id));
    const ids = () => $$(cites(host), 'ul.cited > li').map((li) => li.dataset.cid);
    expect(ids()).to.deep.equal([first!.id, second!.id]);
    button(card(host, first!.id), 'Remove').click();
    await waitUntil(async () => !(await db.citations.get(first!.id)), 'the citation was not removed');
    expect(await db.sources.get('s1')).to.not.equal(undefined);
    await waitUntil(() => !card(host, first!.id), 'the card did not go');
    expect(deepActive()).to.equal(button(card(host, second!.id), 'Remove'));
    expect(lastAnnounced(host)).to.deep.equal({ text: 'Citation removed.', error: false, undo: true });

    expect(undo.undoLabel).to.equal('remove citation');
    await undo.undo();
    await waitUntil(() => card(host, first!.id), 'undo did not restore the citation');
    expect((await db.citations.get(first!.id))!.pinpoint).to.equal('p. 4');

    // Removing the last citation of a premise shows the warning; focus returns to "Cite a source".
    button(card(host, first!.id), 'Remove').click();
    await waitUntil(() => !card(host, first!.id));
    button(card(host, second!.id), 'Remove').click();
    await waitUntil(() => $(cites(host), '.warning'), 'no warning on the unsupported premise');
    expect(warning(host)).to.equal('No source cited yet: a premise without a source is unsupported.');
    expect(deepActive()).to.equal($(cites(host), '#cite-toggle'));
  });

  it('deleting a source cited by several nodes asks first; undo restores the source and its citations', async () => {
    const { db, undo, host } = await mountSources({
      panel: true,
      prepare: async (editor) => {
        await editor.citeExisting('b', 's1', undefined, []);
        await editor.citeExisting('c', 's1', 'fig. 2', []);
        await editor.citeNew('a', { ...MEMOIRS });
      },
    });
    const p = panel(host);
    expect(text($(p, 'h2'))).to.equal('Sources (2)');
    const s1 = () => $(p, '[data-sid="s1"]');
    expect(text(s1()!.querySelector('.citers-label'))).to.equal('Cited by 3 nodes:');
    const citers = [...s1()!.querySelectorAll<HTMLButtonElement>('ul.citers button')];
    expect(citers.map((b) => b.dataset.node).sort()).to.deep.equal(['a1', 'b', 'c']);
    const toB = s1()!.querySelector<HTMLButtonElement>('ul.citers button[data-node=b]')!;
    expect(text(toB)).to.equal('Go to: Mornings are simpler.');
    expect(text(s1()!.querySelector('ul.citers button[data-node=c]')!.parentElement)).to.contain('(fig. 2)');
    toB.click();
    expect(host.selected).to.deep.equal(['b']);

    button(s1(), 'Delete').click();
    await p.updateComplete;
    expect(text(s1()!.querySelector('.confirm p'))).to.equal('Cited by 3 nodes. Delete it and its 3 citations?');
    const confirm = s1()!.querySelector<HTMLButtonElement>('[data-action=confirm]')!;
    expect(deepActive()).to.equal(confirm);
    expect(await db.sources.get('s1')).to.not.equal(undefined);
    // Escape (or Cancel) keeps it.
    await sendKeys({ press: 'Escape' });
    await p.updateComplete;
    expect(s1()!.querySelector('.confirm')).to.equal(null);
    expect(deepActive()).to.equal(button(s1(), 'Delete'));

    await sendKeys({ press: 'Enter' });
    await p.updateComplete;
    expect(deepActive()).to.equal(s1()!.querySelector('[data-action=confirm]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => !(await db.sources.get('s1')), 'the source was not deleted');
    expect(await db.citations.where('sourceId').equals('s1').count()).to.equal(0);
    await waitUntil(() => !s1(), 'the card did not go');
    expect(text($(p, 'h2'))).to.equal('Sources (1)');
    expect(lastAnnounced(host)).to.deep.equal({
      text: 'Deleted the source and its 3 citations.',
      error: false,
      undo: true,
    });
    // Focus moved to the remaining card's Delete button.
    expect(deepActive()).to.equal(button($(p, 'ul.cards > li'), 'Delete'));

    expect(undo.undoLabel).to.equal('delete source');
    await undo.undo();
    await waitUntil(() => s1(), 'undo did not restore the card');
    expect(await db.citations.where('sourceId').equals('s1').count()).to.equal(3);
    expect((await db.citations.where('nodeId').equals('c').first())!.pinpoint).to.equal('fig. 2');
    expect(text($(p, 'h2'))).to.equal('Sources (2)');

    // A source cited by one node goes at once (still undoable).
    const memoirs = (await db.sources.filter((s) => s.title === 'Memoirs').first())!;
    button($(p, `[data-sid="${memoirs.id}"]`), 'Delete').click();
    await waitUntil(async () => !(await db.sources.get(memoirs.id)), 'the single-use source was not deleted');
  });

  it('the Sources panel filters without regard to case or accents, sorts, and has an empty state', async () => {
    const { undo, host } = await mountSources({
      panel: true,
      prepare: async (editor) => {
        await editor.citeNew('a', { ...MEMOIRS, title: 'Mémoires', reliability: 'C' });
        await editor.citeNew('b', { ...PLOKHY, reliability: 'A' });
        await editor.citeExisting('c', 's1', undefined, []);
        await editor.citeExisting('a2', 's1', undefined, []);
      },
    });
    const p = panel(host);
    const titles = () => $$(p, 'ul.cards > li .src-title').map((el) => text(el).replace(' (opens in a new tab)', ''));
    expect(titles()).to.deep.equal(['District survey 2023', 'Mémoires', 'The Last Empire']);
    const sort = async (value: string) => {
      const select = $<HTMLSelectElement>(p, '#sort')!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await p.updateComplete;
    };
    await sort('cited');
    expect(titles()).to.deep.equal(['District survey 2023', 'Mémoires', 'The Last Empire']);
    await sort('date');
    expect(titles()).to.deep.equal(['District survey 2023', 'The Last Empire', 'Mémoires']);
    await sort('reliability');
    expect(titles()).to.deep.equal(['The Last Empire', 'Mémoires', 'District survey 2023']);
    await sort('title');

    const filter = $<HTMLInputElement>(p, '#filter')!;
    filter.focus();
    await sendKeys({ type: 'MEMOIRES' });
    await p.updateComplete;
    expect(titles()).to.deep.equal(['Mémoires']);
    expect(text($(p, '#filter-status'))).to.equal('Showing 1 of 3 sources.');
    filter.select();
    await sendKeys({ type: 'example.org' });
    await p.updateComplete;
    expect(titles()).to.deep.equal(['District survey 2023']);
    filter.select();
    await sendKeys({ type: 'plokhy' });
    await p.updateComplete;
    expect(titles()).to.deep.equal(['The Last Empire']);
    filter.select();
    await sendKeys({ type: 'zzz' });
    await p.updateComplete;
    expect(titles()).to.deep.equal([]);
    expect(text($(p, '#filter-status'))).to.equal('No source matches “zzz”.');

    for (const s of host.bundle!.sources) await host.editor!.removeSource(s.id);
    await waitUntil(() => $(p, '.empty'), 'no empty state');
    expect(text($(p, 'h2'))).to.equal('Sources (0)');
    expect(undo.canUndo).to.equal(true);
  });

  describe('the source form', () => {
    async function mountForm(withPinpoint = false) {
      const form = await fixture<WarrantSourceForm>(
        withPinpoint
          ? html`<warrant-source-form with-pinpoint label="New source"></warrant-source-form>`
          : html`<warrant-source-form label="New source"></warrant-source-form>`,
      );
      const submitted: SourceSubmitDetail[] = [];
      form.addEventListener('warrant-source-submit', (e) => submitted.push(e.detail));
      return { form, submitted };
    }

    it('refuses javascript:, data:, relative and malformed URLs with the reason; keeps http(s)', async () => {
      const { form, submitted } = await mountForm();
      await fill(form, 'title', 'A page');
      const url = $<HTMLInputElement>(form, '#f-url')!;
      const refused: Record<string, string> = {
        'javascript:alert(1)': '"javascript:" links are not allowed: only http:// and https:// links are.',
        'data:text/html,x': '"data:" links are not allowed: only http:// and https:// links are.',
        '/relative': 'The URL must start with http:// or https://.',
        notaurl: 'The URL must start with http:// or https://.',
      };
      for (const [bad, reason] of Object.entries(refused)) {
        await fill(form, 'url', bad);
        // Shown as soon as the field is left...
        expect(text($(form, '#e-url')), bad).to.equal(reason);
        expect(url.getAttribute('aria-invalid')).to.equal('true');
        expect(url.getAttribute('aria-describedby')!.split(' ')).to.include('e-url');
        // ...and a submit is refused.
        submit(form);
        await form.updateComplete;
        expect(submitted, bad).to.deep.equal([]);
        expect(text($(form, '#e-url'))).to.equal(reason);
      }
      for (const good of ['http://x.org', 'https://x.org/a']) {
        await fill(form, 'url', good);
        expect(url.getAttribute('aria-invalid')).to.equal('false');
        expect(text($(form, '#e-url'))).to.equal('');
        submit(form);
      }
      expect(submitted.map((d) => d.fields.url)).to.deep.equal(['http://x.org/', 'https://x.org/a']);
      expect(submitted[0]!.fields).to.deep.equal({ title: 'A page', type: 'other', url: 'http://x.org/' });
    });

    it('takes a link typed without its scheme as https and says so at the field (typed key by key)', async () => {
      const { form, submitted } = await mountForm();
      await fill(form, 'title', 'A briefing book');
      const url = $<HTMLInputElement>(form, '#f-url')!;
      url.focus();
      await sendKeys({ type: 'nsarchive.gwu.edu/briefing-book/russia-programs/2017-12-12' });
      await sendKeys({ press: 'Enter' });
      await form.updateComplete;
      expect(submitted.map((d) => d.fields.url)).to.deep.equal([
        'https://nsarchive.gwu.edu/briefing-book/russia-programs/2017-12-12',
      ]);
      expect(url.value).to.equal('https://nsarchive.gwu.edu/briefing-book/russia-programs/2017-12-12');
      expect(text($(form, '#h-url'))).to.equal(
        'Taken as https://nsarchive.gwu.edu/briefing-book/russia-programs/2017-12-12 (https:// added).',
      );
      // Typing again clears the note; a plain word is not taken for a host.
      await fill(form, 'url', 'notaurl');
      expect(url.value).to.equal('notaurl');
      expect(text($(form, '#e-url'))).to.equal('The URL must start with http:// or https://.');
      expect(text($(form, '#h-url'))).to.not.contain('Taken as');
    });

    it('requires a title and refuses an over-long one with a clear message', async () => {
      const { form, submitted } = await mountForm(true);
      submit(form);
      await form.updateComplete;
      expect(text($(form, '#e-title'))).to.equal('Title is required.');
      expect(deepActive()).to.equal($(form, '#f-title'));
      await fill(form, 'title', 'x'.repeat(501));
      await fill(form, 'pinpoint', 'p'.repeat(5001));
      submit(form);
      await form.updateComplete;
      expect(submitted).to.deep.equal([]);
      expect(text($(form, '#e-title'))).to.equal('Title is too long (501 characters; at most 500).');
      expect(text($(form, '#e-pinpoint'))).to.equal('Pinpoint is too long (5001 characters; at most 5000).');
      expect($(form, '#f-title')!.getAttribute('aria-invalid')).to.equal('true');
      expect(form.fieldErrors.length).to.equal(2);
      // Labels are tied to their fields.
      for (const input of $$(form, 'input, select')) {
        expect($(form, `label[for="${input.id}"]`), input.id).to.not.equal(null);
      }
      await fill(form, 'title', 'x'.repeat(500));
      await fill(form, 'pinpoint', 'p. 1');
      submit(form);
      expect(submitted.length).to.equal(1);
      expect(submitted[0]!.pinpoint).to.equal('p. 1');
    });

    it('Escape cancels', async () => {
      const { form } = await mountForm();
      let cancelled = 0;
      form.addEventListener('warrant-source-cancel', () => cancelled++);
      $(form, '#f-publisher')!.focus();
      await sendKeys({ press: 'Escape' });
      expect(cancelled).to.equal(1);
    });
  });

  it('keeps pasted HTML in a title as plain text: stored verbatim, never rendered', async () => {
    const { db, host } = await mountSources({ nodeId: 'b', panel: true });
    const w = window as unknown as { __pwned?: number };
    const evil = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';
    const form = await openNewForm(host);
    await waitUntil(() => deepActive() === $(form, '#f-title'));
    await sendKeys({ type: evil });
    submit(form);
    await waitUntil(
      async () => (await db.sources.filter((s) => s.title === evil).count()) === 1,
      'not stored verbatim',
    );
    await waitUntil(() => text($(cites(host), 'ul.cited')).includes(evil), 'not shown as text');
    await waitUntil(() => text($(panel(host), 'ul.cards')).includes(evil), 'not shown as text in the panel');
    for (const el of [cites(host), panel(host)]) {
      expect(el.shadowRoot!.querySelector('img, b, script')).to.equal(null);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(w.__pwned).to.equal(undefined);
  });

  it('offers the existing source instead of creating a duplicate with the same link', async () => {
    const { db, host } = await mountSources({
      nodeId: 'b',
      prepare: async (editor) => void (await editor.citeNew('a', { ...MEMOIRS })),
    });
    const form = await openNewForm(host);
    await fill(form, 'title', 'Survey of the district');
    await fill(form, 'url', 'http://www.example.org/survey/');
    await fill(form, 'pinpoint', 'p. 9');
    submit(form);
    await waitUntil(() => $(cites(host), '#cite-dup'), 'no duplicate offered');
    expect(text($(cites(host), '#dup-message'))).to.equal(
      'A source with this link is already in the map: “District survey 2023”.',
    );
    expect(deepActive()).to.equal($(cites(host), '#cite-dup'));
    expect(lastAnnounced(host)!.error).to.equal(true);
    expect(await db.sources.count()).to.equal(2);
    await sendKeys({ press: 'Enter' });
    const cited = async () => (await db.citations.where('nodeId').equals('b').toArray())[0];
    await waitUntil(cited, 'the existing source was not cited');
    expect(await cited()).to.include({ sourceId: 's1', pinpoint: 'p. 9' });
    expect(await db.sources.count()).to.equal(2);
    await waitUntil(() => deepActive() === $(cites(host), '#cite-toggle'));

    // Without a URL, the same title (any case) as a card without a URL is the duplicate.
    const again = await openNewForm(host);
    await fill(again, 'title', 'MEMOIRS');
    submit(again);
    await waitUntil(() => $(cites(host), '#cite-dup'));
    expect(text($(cites(host), '#dup-message'))).to.equal('A source with this title is already in the map: “Memoirs”.');
    expect(await db.sources.count()).to.equal(2);
  });

  it('passes axe with the cite panel open (search and new-source form)', async () => {
    const { host } = await mountSources({
      nodeId: 'a1',
      prepare: async (editor) => void (await editor.citeNew('a', { ...MEMOIRS, reliability: 'B' })),
    });
    $(cites(host), '#cite-toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === $(cites(host), '#cite-search'));
    await sendKeys({ type: 'mem' });
    await sendKeys({ press: 'ArrowDown' });
    await cites(host).updateComplete;
    await expect(host).to.be.accessible();
    $(cites(host), '#new-source')!.click();
    await cites(host).updateComplete;
    const form = $<WarrantSourceForm>(cites(host), '#new-form')!;
    await form.updateComplete;
    submit(form);
    await form.updateComplete;
    await expect(host).to.be.accessible();
  });

  it('passes axe with the Sources panel open (a card being edited, another asking to delete)', async () => {
    const { host } = await mountSources({
      panel: true,
      prepare: async (editor) => {
        await editor.citeNew('a', { ...MEMOIRS, reliability: 'E', reliabilityNote: 'Self-serving' });
        await editor.citeExisting('b', 's1', undefined, []);
      },
    });
    const p = panel(host);
    await expect(host).to.be.accessible();
    button($(p, '[data-sid="s1"]'), 'Delete').click();
    await p.updateComplete;
    const memoirs = host.bundle!.sources.find((s) => s.title === 'Memoirs')!;
    button($(p, `[data-sid="${memoirs.id}"]`), 'Edit').click();
    await p.updateComplete;
    expect($(p, '[data-sid="s1"] .confirm')).to.not.equal(null);
    expect($(p, `[data-sid="${memoirs.id}"] warrant-source-form`)).to.not.equal(null);
    await expect(host).to.be.accessible();
  });
});
