// A class through the app: a teacher makes an assignment from the essay map and hands it out as
// a link; two students (each their own database and name) open it, add a counterpoint with a
// source, rate three nodes and hand in Markdown; the teacher collects both in one drop, reads the
// class table, goes anonymous, and returns feedback that lands on the student's own node.
import { expect, fixture, fixtureCleanup, html, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantClassPanel } from '../../src/components/class-panel.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { addSourceAndCitation } from '../../src/db/sources-repo.js';
import { WarrantDB } from '../../src/db/database.js';
import { loadBundle } from '../../src/db/maps-repo.js';
import { checklist } from '../../src/model/assignment.js';
import { deepQuery, row, uniqueDbName } from '../helpers/app.js';

const MAP = 'klusmann-2025-alliance';
const SAMPLE = 'claims/essay-map.json';
const made: string[] = [];

/** waitUntil with room for a loaded machine (opening apps and databases, not timing anything). */
function waitUntil<T>(check: () => T, message?: string, _opts?: unknown): Promise<void> {
  return waitFor(check as () => boolean, message, { timeout: 15000 });
}

/** Captures downloads (file name and text) until restored. */
function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  const original = URL.createObjectURL;
  let last: Blob | undefined;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob) last = obj;
    return original.call(URL, obj);
  };
  const onClick = (e: Event) => {
    const a = e.target;
    if (a instanceof HTMLAnchorElement && a.download && last) {
      files.push({ name: a.download, blob: last });
      e.preventDefault();
    }
  };
  document.addEventListener('click', onClick, true);
  return {
    files,
    restore: () => {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    },
  };
}

/** Mounts the app on `db` at `hash` (a share link or a map) and waits for what `ready` finds. */
async function mount(db: string, hash: string, name?: string) {
  if (name !== undefined) {
    const w = new WarrantDB(db);
    await w.settings.put({ key: 'author-name', value: name });
    w.close();
  }
  history.replaceState(null, '', location.pathname + location.search + hash);
  const box = await fixture<HTMLDivElement>(
    html`<div style="height: 760px; width: 1280px; display: flex; flex-direction: column">
      <warrant-app db-name=${db} sample-path=${SAMPLE}></warrant-app>
    </div>`,
  );
  return box.querySelector('warrant-app') as WarrantApp;
}

async function mapView(app: WarrantApp): Promise<WarrantMapView> {
  await waitUntil(() => deepQuery(app.shadowRoot!, '[role=treeitem][aria-level="2"]'), 'tree did not render', {
    timeout: 10000,
  });
  return deepQuery<WarrantMapView>(app.shadowRoot!, 'warrant-map-view')!;
}

/** Opens the Class panel of the map view and waits for the class state. */
async function classPanel(view: WarrantMapView): Promise<WarrantClassPanel> {
  view.shadowRoot!.querySelector<HTMLButtonElement>('#tab-class')!.click();
  await waitUntil(
    () => deepQuery<WarrantClassPanel>(view.shadowRoot!, 'warrant-class-panel')?.classState,
    'no class panel',
  );
  return deepQuery<WarrantClassPanel>(view.shadowRoot!, 'warrant-class-panel')!;
}

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith(text))!;

/** All text on screen, through every shadow root. */
function screenText(root: Element | ShadowRoot): string {
  let text = '';
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof HTMLElement) {
      if (node.shadowRoot) text += screenText(node.shadowRoot);
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) text += ` ${node.value} `;
      if (node instanceof HTMLOptionElement) text += ` ${node.textContent} `;
      text += screenText(node);
    }
  }
  return text;
}

/** A student opens the link, names themself, adds a counterpoint with a source, rates three nodes, hands in. */
async function studentWork(
  link: string,
  name: string,
  target: string,
  rated: string[],
): Promise<{ db: string; md: File }> {
  const db = uniqueDbName();
  made.push(db);
  const app = await mount(db, new URL(link).hash);
  await waitUntil(() => deepQuery(app.shadowRoot!, 'warrant-share-open')?.shadowRoot?.querySelector('button.primary'));
  const open = deepQuery(app.shadowRoot!, 'warrant-share-open')!;
  expect(open.shadowRoot!.textContent).to.contain('An assignment: Counterpoints with sources');
  open.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
  const view = await mapView(app);
  // The first edit asks "Who are you?".
  row(view, target)!.focus();
  await sendKeys({ press: '-' });
  const who = await waitUntil(
    () => deepQuery<HTMLDialogElement>(app.shadowRoot!, 'warrant-who')?.shadowRoot?.querySelector('dialog[open]'),
    'no "Who are you?"',
  ).then(() => deepQuery(app.shadowRoot!, 'warrant-who')!);
  q<HTMLInputElement>(who, 'input').value = name;
  q<HTMLButtonElement>(who, 'button[type=submit]').click();
  await waitUntil(() => deepQuery<HTMLTextAreaElement>(view.shadowRoot!, 'textarea'), 'no editor');
  const textarea = deepQuery<HTMLTextAreaElement>(view.shadowRoot!, 'textarea')!;
  textarea.focus();
  textarea.value = 'The record of the talks says otherwise.';
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await sendKeys({ press: 'Enter' });
  const w = view.services!.db;
  const mine = await waitUntil(
    async () =>
      (await w.nodes.where('mapId').equals(MAP).toArray()).find(
        (n) => n.author === name && n.text.startsWith('The record'),
      ),
    'counterpoint not saved',
    { timeout: 5000 },
  ).then(async () => (await w.nodes.where('mapId').equals(MAP).toArray()).find((n) => n.author === name)!);
  // The source, as the cite panel would write it (its form is tested in sources.test.ts).
  const at = new Date().toISOString();
  const sourceId = `src-${name}`;
  await addSourceAndCitation(
    w,
    {
      id: sourceId,
      mapId: MAP,
      title: 'Records of the 1990 talks',
      url: `https://example.org/${name}`,
      type: 'primary',
      author: name,
      createdAt: at,
      updatedAt: at,
    },
    { id: `${mine.id}>${sourceId}`, mapId: MAP, nodeId: mine.id, sourceId, author: name, createdAt: at },
    at,
  );
  // Rate three nodes with the rating control.
  for (const id of rated) {
    // As the gap report jumps to a node: the tree reveals it and the details show it.
    view
      .shadowRoot!.querySelector('#tab-node')!
      .dispatchEvent(new CustomEvent('warrant-select', { detail: { id }, bubbles: true, composed: true }));
    await waitUntil(
      () => deepQuery(view.shadowRoot!, 'warrant-node-detail')?.shadowRoot?.textContent?.includes(id) !== undefined,
    );
    await waitUntil(() =>
      deepQuery(view.shadowRoot!, 'warrant-rating')?.shadowRoot?.querySelector('input[type=radio]'),
    );
    const radios = deepQuery(view.shadowRoot!, 'warrant-rating')!.shadowRoot!.querySelectorAll<HTMLInputElement>(
      'input[type=radio]',
    );
    radios[3]!.click();
    await waitUntil(
      async () => (await w.ratings.where('nodeId').equals(id).toArray()).some((r) => r.rater === name),
      `rating of ${id}`,
    );
  }
  const panel = await classPanel(view);
  await waitUntil(
    () => panel.shadowRoot!.querySelectorAll('ul.checklist li.done').length === 2,
    'checklist did not tick',
  );
  expect(panel.shadowRoot!.textContent).to.contain(`Checklist for ${name}`);
  const downloads = captureDownloads();
  try {
    button(panel.shadowRoot!, 'Hand in').click();
    await waitUntil(() => downloads.files.length === 2, 'no hand-in files');
  } finally {
    downloads.restore();
  }
  const md = downloads.files.find((f) => f.name.endsWith('.md'))!;
  expect(md.name).to.equal(`${name.toLowerCase()}-counterpoints-with-sources.md`);
  fixtureCleanup();
  return { db, md: new File([md.blob], md.name, { type: 'text/markdown' }) };
}

describe('a class through the app', () => {
  afterEach(async () => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname + location.search);
    for (const name of made.splice(0)) await new WarrantDB(name).delete();
  });

  it('assignment, two hand-ins, one drop, the class table, anonymous mode, feedback', async function () {
    this.timeout(120000);
    // The teacher makes the assignment and copies its link.
    const teacherDb = uniqueDbName();
    made.push(teacherDb);
    let app = await mount(teacherDb, `#/map/${MAP}`, 'Ms Lee');
    let view = await mapView(app);
    let panel = await classPanel(view);
    button(panel.shadowRoot!, 'Make assignment').click();
    await panel.updateComplete;
    q<HTMLInputElement>(panel, '#a-title').value = 'Counterpoints with sources';
    q<HTMLTextAreaElement>(panel, '#a-instructions').value = 'Object to one claim with a source; rate three nodes.';
    q<HTMLInputElement>(panel, '#count-counterpoints').value = '1';
    q<HTMLInputElement>(panel, '#source-counterpoints').checked = true;
    q<HTMLInputElement>(panel, '#count-ratings').value = '3';
    await expect(panel).to.be.accessible();
    button(panel.shadowRoot!, 'Make assignment').click();
    await waitUntil(
      () => panel.shadowRoot!.textContent!.includes('Assignment: Counterpoints with sources'),
      'not made',
    );
    const copied: string[] = [];
    const clipboard = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (t: string) => void copied.push(t);
    try {
      button(panel.shadowRoot!, 'Copy assignment link').click();
      await waitUntil(() => copied.length === 1, 'no link');
    } finally {
      navigator.clipboard.writeText = clipboard;
    }
    const link = copied[0]!;
    expect(new URL(link).hash.startsWith('#share=')).to.equal(true);
    fixtureCleanup();

    // Two students, each in their own browser (database), with their own name.
    const ana = await studentWork(link, 'Ana', 'c01-cold-war-cooperation', [
      'c01-cold-war-cooperation',
      'c02-assurance-1990',
      'c03-nato-expanded',
    ]);
    const ben = await studentWork(link, 'Ben', 'c02-assurance-1990', [
      'c02-assurance-1990',
      'c03-nato-expanded',
      'c04-defence-industry',
    ]);

    // The teacher collects both in one drop.
    app = await mount(teacherDb, `#/map/${MAP}`);
    view = await mapView(app);
    panel = await classPanel(view);
    let teacher = deepQuery(panel.shadowRoot!, 'warrant-class-teacher')!;
    await waitUntil(() => teacher.shadowRoot?.querySelector('details'));
    q<HTMLDetailsElement>(teacher, 'details').open = true;
    const drop = new DataTransfer();
    drop.items.add(ana.md);
    drop.items.add(ben.md);
    q(teacher, '.drop').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await waitUntil(() => teacher.shadowRoot!.textContent!.includes('Collected 2 hand-ins'), 'not collected', {
      timeout: 10000,
    });
    const db = view.services!.db;
    const merged = (await loadBundle(db, MAP))!;
    const by = (who: string) => merged.nodes.filter((n) => n.author === who);
    expect(by('Ana').map((n) => [n.parentId, n.relation])).to.deep.equal([['c01-cold-war-cooperation', 'opposes']]);
    expect(by('Ben').map((n) => [n.parentId, n.relation])).to.deep.equal([['c02-assurance-1990', 'opposes']]);
    expect(
      merged.ratings
        .filter((r) => r.rater === 'Ana')
        .map((r) => r.nodeId)
        .sort(),
    ).to.deep.equal(['c01-cold-war-cooperation', 'c02-assurance-1990', 'c03-nato-expanded']);
    expect(merged.ratings.filter((r) => r.rater === 'Ben')).to.have.length(3);
    const assignment = panel.classState!.assignment!;
    for (const who of ['Ana', 'Ben'])
      expect(
        checklist(merged, assignment, who).every((t) => t.complete),
        who,
      ).to.equal(true);
    await waitUntil(() => teacher.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'class table');
    const cells = [...teacher.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.trim()),
    );
    expect(cells).to.deep.equal([
      ['Ana', '0', '0', '1', '0', '1', '3', '2 of 2', '0'],
      ['Ben', '0', '0', '1', '0', '1', '3', '2 of 2', '0'],
    ]);
    // The details say whose each counterpoint is (once the view has the collected rows).
    const inView = (id: string) =>
      (view as unknown as { data: { derived?: { tree: { byId: Map<string, unknown> } } } }).data.derived?.tree.byId.has(
        id,
      );
    await waitUntil(() => inView(by('Ana')[0]!.id), 'the view did not take in the collected rows');
    view
      .shadowRoot!.querySelector('#tab-class')!
      .dispatchEvent(
        new CustomEvent('warrant-select', { detail: { id: by('Ana')[0]!.id }, bubbles: true, composed: true }),
      );
    const detailHead = () =>
      deepQuery(view.shadowRoot!, 'warrant-node-detail')?.shadowRoot?.querySelector('h2')?.textContent ?? '';
    await waitUntil(() => detailHead().includes('Added by Ana')).catch(() => {
      throw new Error(`details say "${detailHead()}"`);
    });
    // So does its row in the tree; the map's own counterpoints name nobody.
    const anaRow = () => row(view, by('Ana')[0]!.id)?.querySelector<HTMLElement>('.by');
    await waitUntil(() => anaRow(), 'Ana’s row is not on screen');
    expect(anaRow()!.textContent!.trim()).to.equal('added by Ana');
    expect(anaRow()!.hidden).to.equal(false);
    const shipped = merged.nodes.find((n) => n.origin === 'added' && n.author === undefined)!;
    if (row(view, shipped.id)) expect(row(view, shipped.id)!.querySelector<HTMLElement>('.by')!.hidden).to.equal(true);

    // Anonymous mode: no name on screen, none in an export.
    panel = await classPanel(view);
    await waitUntil(() => deepQuery(panel.shadowRoot!, 'warrant-class-teacher')?.shadowRoot?.querySelector('details'));
    teacher = deepQuery(panel.shadowRoot!, 'warrant-class-teacher')!;
    q<HTMLDetailsElement>(teacher, 'details').open = true;
    const anon = q<HTMLInputElement>(teacher, 'input[type=checkbox]');
    anon.click();
    await waitUntil(() => teacher.shadowRoot!.textContent!.includes('Student A'), 'not anonymous');
    await expect(teacher).to.be.accessible();
    await waitUntil(() => anaRow()?.textContent?.includes('Student'), 'the row still names Ana');
    expect(anaRow()!.textContent!.trim()).to.match(/^added by Student [AB]$/);
    const shown = screenText(app.shadowRoot!);
    for (const name of ['Ana', 'Ben', 'Ms Lee']) expect(shown, name).not.to.contain(name);
    const exported = view.exportedBundle();
    expect(JSON.stringify(exported)).not.to.match(/"(Ana|Ben)"/);
    anon.click();
    await waitUntil(() => teacher.shadowRoot!.textContent!.includes('Ana'));

    // Feedback: a comment on Ana's node, a note and grade, returned as a file per student.
    const comment = q<HTMLInputElement>(teacher, `#c-${by('Ana')[0]!.id}`);
    comment.value = 'Good: name the archive next time.';
    comment.dispatchEvent(new Event('change'));
    const note = q<HTMLTextAreaElement>(teacher, '#note-Ana');
    note.value = 'Clear objection.';
    note.dispatchEvent(new Event('change'));
    await waitUntil(async () => (await db.feedback.count()) === 2, 'feedback not saved');
    await waitUntil(() => panel.classState?.feedback.length === 2, 'feedback not shown');
    const downloads = captureDownloads();
    try {
      button(teacher.shadowRoot!, 'Return feedback').click();
      await waitUntil(() => downloads.files.length === 1);
    } finally {
      downloads.restore();
    }
    const file = new File([downloads.files[0]!.blob], downloads.files[0]!.name);
    expect(file.name).to.equal('ana-feedback-america-and-russia-the-alliance-that-never-was.json');
    fixtureCleanup();

    // Ana imports it and sees the comment on her own node.
    app = await mount(ana.db, `#/map/${MAP}`);
    view = await mapView(app);
    panel = await classPanel(view);
    const input = q<HTMLInputElement>(panel, '#feedback-file');
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(
      () => panel.shadowRoot!.textContent!.includes('Good: name the archive next time.'),
      'no feedback shown',
    );
    expect(panel.shadowRoot!.textContent).to.contain('The record of the talks says otherwise.');
    expect(panel.shadowRoot!.textContent).to.contain('Clear objection.');
    await expect(panel).to.be.accessible();
  });
});
