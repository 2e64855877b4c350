// Bad input through the app, as a teacher meets it: hand-ins dropped (or chosen) on the class
// section that belong to another map, are damaged or cut short, come twice, or name their student
// with nothing or 500 characters; hand-in links cut short. Each says what is wrong, naming the
// file, and the database is the same afterwards, record by record. Then the links a class passes
// around: a student's hand-in link collected by the teacher, the teacher's feedback link opened by
// the student.
import { expect, fixture, fixtureCleanup, html, waitUntil as waitFor } from '@open-wc/testing';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantClassPanel } from '../../src/components/class-panel.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { putAssignmentWithMap } from '../../src/db/class-repo.js';
import { WarrantDB } from '../../src/db/database.js';
import { SAMPLE_FLAG } from '../../src/db/seed.js';
import { exportHandInJson, makeHandIn } from '../../src/formats/class-files.js';
import { exportHandInMarkdown } from '../../src/formats/handin-markdown.js';
import type { Assignment } from '../../src/model/assignment.js';
import type { MapBundle } from '../../src/model/types.js';
import { assignmentOf, essayMap, LATER, studentWork } from '../formats/class-helpers.js';
import { deepQuery, uniqueDbName } from '../helpers/app.js';

const made: string[] = [];

function waitUntil(check: () => unknown, message?: string): Promise<void> {
  return waitFor(check as () => boolean, message, { timeout: 15000 });
}

/** A database holding the essay map and its assignment, with the given name filed in Settings. */
async function classDb(map: MapBundle, a: Assignment, name: string): Promise<string> {
  const db = uniqueDbName();
  made.push(db);
  const w = new WarrantDB(db);
  await putAssignmentWithMap(w, map, a);
  await w.settings.bulkPut([
    { key: 'author-name', value: name },
    { key: SAMPLE_FLAG, value: LATER },
  ]);
  w.close();
  return db;
}

const TABLES = [
  'maps',
  'nodes',
  'sources',
  'citations',
  'ratings',
  'links',
  'assignments',
  'handIns',
  'feedback',
  'documents',
] as const;

/** Everything a class's work is stored in, record by record (ui state and settings aside). */
async function snapshot(name: string): Promise<Record<(typeof TABLES)[number], unknown[]>> {
  const w = new WarrantDB(name);
  const out = {} as Record<(typeof TABLES)[number], unknown[]>;
  for (const t of TABLES) {
    const rows = (await w.table(t).toArray()) as Array<{ id?: string; mapId?: string }>;
    out[t] = rows.sort((x, y) => String(x.id ?? x.mapId).localeCompare(String(y.id ?? y.mapId)));
  }
  w.close();
  return out;
}

async function mount(db: string, hash: string): Promise<WarrantApp> {
  history.replaceState(null, '', location.pathname + location.search + hash);
  const box = await fixture<HTMLDivElement>(
    html`<div style="height: 760px; width: 1280px; display: flex; flex-direction: column">
      <warrant-app db-name=${db} sample-path="claims/essay-map.json"></warrant-app>
    </div>`,
  );
  return box.querySelector('warrant-app') as WarrantApp;
}

async function classPanel(app: WarrantApp): Promise<WarrantClassPanel> {
  await waitUntil(() => deepQuery(app.shadowRoot!, '[role=treeitem][aria-level="2"]'), 'tree did not render');
  const view = deepQuery<WarrantMapView>(app.shadowRoot!, 'warrant-map-view')!;
  view.shadowRoot!.querySelector<HTMLButtonElement>('#tab-class')!.click();
  await waitUntil(
    () => deepQuery<WarrantClassPanel>(view.shadowRoot!, 'warrant-class-panel')?.classState,
    'no class panel',
  );
  return deepQuery<WarrantClassPanel>(view.shadowRoot!, 'warrant-class-panel')!;
}

async function teacherSection(app: WarrantApp): Promise<HTMLElement> {
  const panel = await classPanel(app);
  await waitUntil(() => deepQuery(panel.shadowRoot!, 'warrant-class-teacher')?.shadowRoot?.querySelector('details'));
  const teacher = deepQuery(panel.shadowRoot!, 'warrant-class-teacher')!;
  teacher.shadowRoot!.querySelector('details')!.open = true;
  return teacher;
}

function drop(teacher: HTMLElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  teacher
    .shadowRoot!.querySelector('.drop')!
    .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

function choose(teacher: HTMLElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  const input = teacher.shadowRoot!.querySelector<HTMLInputElement>('#collect-files')!;
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

/** Captures what the app copies to the clipboard while `run` runs. */
async function copied(run: () => void | Promise<void>, count = 1): Promise<string[]> {
  const texts: string[] = [];
  const original = navigator.clipboard.writeText;
  navigator.clipboard.writeText = async (t: string) => void texts.push(t);
  try {
    await run();
    await waitUntil(() => texts.length >= count, 'nothing was copied');
  } finally {
    navigator.clipboard.writeText = original;
  }
  return texts;
}

const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith(text))!;

interface Setup {
  map: MapBundle;
  a: Assignment;
  ana: { md: string; json: string };
}

async function setup(): Promise<Setup> {
  const map = await essayMap();
  const a = assignmentOf(map);
  const h = makeHandIn(studentWork(map, 'Ana'), a, 'Ana', 'h-ana', LATER);
  return { map, a, ana: { md: exportHandInMarkdown(h.bundle, h.handIn), json: exportHandInJson(h.bundle, h.handIn) } };
}

describe('class: bad input through the app changes nothing, and says which file', () => {
  afterEach(async () => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname + location.search);
    for (const name of made.splice(0)) await new WarrantDB(name).delete();
  });

  it('another map, damaged, cut short, empty and 500-character names: refused by file name, nothing written', async function () {
    this.timeout(120000);
    const { map, a, ana } = await setup();
    const db = await classDb(map, a, 'Ms Lee');
    const app = await mount(db, `#/map/${map.map.id}`);
    const teacher = await teacherSection(app);
    const before = await snapshot(db);

    const other = structuredClone(map);
    other.map = { ...other.map, id: 'other-map', title: 'Another map' };
    for (const list of [other.nodes, other.sources, other.citations, other.ratings])
      for (const x of list) x.mapId = 'other-map';
    const otherWork = makeHandIn(studentWork(other, 'Cem'), { ...a, mapId: 'other-map' }, 'Cem', 'h-cem', LATER);
    const named = (student: string) => {
      const h = makeHandIn(studentWork(map, 'Dee'), a, 'Dee', `h-${student.length}`, LATER);
      return exportHandInMarkdown(h.bundle, { ...h.handIn, student });
    };
    const good = new File([ana.json], 'ana.json');
    const cases: Array<[string, string, RegExp, 'drop' | 'choose']> = [
      [
        'cem.md',
        exportHandInMarkdown(otherWork.bundle, otherWork.handIn),
        /^cem\.md: this hand-in belongs to another map, "Another map"/,
        'drop',
      ],
      [
        'damaged.md',
        ana.md.replace('<!-- warrant-handin {"id"', '<!-- warrant-handin {id'),
        /^damaged\.md: line 1: The hand-in header is damaged/,
        'choose',
      ],
      ['cut.md', ana.md.slice(0, Math.floor(ana.md.length / 2)), /^cut\.md: .*truncated/, 'drop'],
      ['cut.json', ana.json.slice(0, 3000), /^cut\.json: .*(truncated|ends too early)/, 'choose'],
      ['empty.md', named(''), /^empty\.md: line 1, handIn\.student: the student's name is empty/, 'drop'],
      [
        'long.md',
        named('x'.repeat(500)),
        /^long\.md: line 1, handIn\.student: the student's name is too long \(500 characters; at most 100\)/,
        'drop',
      ],
    ];
    for (const [name, text, message, how] of cases) {
      (how === 'drop' ? drop : choose)(teacher, [good, new File([text], name)]);
      const alert = () => teacher.shadowRoot!.querySelector('[role=alert]');
      await waitUntil(() => alert()?.textContent?.includes(name), `${name}: no refusal shown`);
      expect(alert()!.textContent).to.contain('Nothing was collected.');
      const items = [...alert()!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items, name).to.have.length(1);
      expect(items[0], name).to.match(message);
      expect(await snapshot(db), name).to.deep.equal(before);
    }
    await expect(teacher).to.be.accessible();
  });

  it('the same hand-in twice, as the same file or its Markdown and JSON twins: nothing changes', async function () {
    this.timeout(60000);
    const { map, a, ana } = await setup();
    const db = await classDb(map, a, 'Ms Lee');
    const app = await mount(db, `#/map/${map.map.id}`);
    const teacher = await teacherSection(app);
    drop(teacher, [new File([ana.md], 'ana.md')]);
    await waitUntil(() => teacher.shadowRoot!.textContent!.includes('Collected 1 hand-in.'), 'not collected');
    const once = await snapshot(db);
    expect(once.handIns).to.have.length(1);
    drop(teacher, [new File([ana.md], 'ana.md'), new File([ana.json], 'ana.json')]);
    await waitUntil(() => teacher.shadowRoot!.textContent!.includes('Collected 0 hand-ins.'), 'no second summary');
    const text = teacher.shadowRoot!.querySelector('.summary')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('ana.md: Ana’s hand-in was collected already; nothing changed.');
    expect(text).to.contain('ana.json: Ana’s hand-in was collected already; nothing changed.');
    expect(await snapshot(db)).to.deep.equal(once);
  });

  it('a hand-in link cut short says so and writes nothing; a whole one is collected once', async function () {
    this.timeout(90000);
    const { map, a } = await setup();
    // The student copies a hand-in link from the Class panel.
    const student = await classDb(map, a, 'Ana');
    const w = new WarrantDB(student);
    const work = studentWork(map, 'Ana');
    await w.nodes.bulkPut(work.nodes.filter((n) => n.author === 'Ana'));
    await w.ratings.bulkPut(work.ratings);
    w.close();
    let app = await mount(student, `#/map/${map.map.id}`);
    const panel = await classPanel(app);
    const [link] = await copied(() => button(panel.shadowRoot!, 'Copy hand-in link').click());
    expect(new URL(link!).hash).to.match(/^#share=[A-Za-z0-9_-]+$/);
    await waitUntil(() => panel.shadowRoot!.textContent!.includes('Link copied: it carries your hand-in'));
    fixtureCleanup();

    const teacher = await classDb(map, a, 'Ms Lee');
    const before = await snapshot(teacher);
    const hash = new URL(link!).hash;
    for (const cut of [hash.slice(0, Math.floor(hash.length / 2)), hash.slice(0, -3)]) {
      app = await mount(teacher, cut);
      const open = () => deepQuery(app.shadowRoot!, 'warrant-share-open')?.shadowRoot;
      await waitUntil(() => open()?.querySelector('[role=alert]'), 'no message for a cut link');
      expect(open()!.querySelector('[role=alert]')!.textContent).to.contain('This link is cut short or damaged');
      fixtureCleanup();
      expect(await snapshot(teacher)).to.deep.equal(before);
    }

    // The whole link in a browser without the assignment: it can only be imported as a map.
    const elsewhere = uniqueDbName();
    made.push(elsewhere);
    app = await mount(elsewhere, hash);
    await waitUntil(() =>
      deepQuery(app.shadowRoot!, 'warrant-share-open')?.shadowRoot?.querySelector('button.primary'),
    );
    const buttons = [...deepQuery(app.shadowRoot!, 'warrant-share-open')!.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((x) => x.textContent!.trim())).to.deep.equal(['Import it', 'Cancel']);
    fixtureCleanup();

    // The whole link, in the teacher's browser: collected into the class map.
    app = await mount(teacher, hash);
    const open = () => deepQuery(app.shadowRoot!, 'warrant-share-open')!.shadowRoot!;
    await waitUntil(() =>
      deepQuery(app.shadowRoot!, 'warrant-share-open')?.shadowRoot?.querySelector('button.primary'),
    );
    expect(open().querySelector('h1')!.textContent!.trim()).to.equal('A hand-in by Ana: Counterpoints with sources');
    expect(open().textContent!.replace(/\s+/g, ' ')).to.contain('tasks 1 of 2 done');
    expect(open().textContent).to.contain('a hand-in for your assignment “Counterpoints with sources”');
    await expect(deepQuery(app.shadowRoot!, 'warrant-share-open')!).to.be.accessible();
    button(open(), 'Collect into the class map').click();
    await waitUntil(() => location.hash === `#/map/${map.map.id}`, 'did not go to the class map');
    const once = await snapshot(teacher);
    expect(once.handIns.map((h) => (h as { student: string }).student)).to.deep.equal(['Ana']);
    expect(once.nodes.filter((n) => (n as { author?: string }).author === 'Ana')).to.have.length(1);
    fixtureCleanup();

    // The same link again: nothing changes, and it says so.
    app = await mount(teacher, hash);
    await waitUntil(() =>
      deepQuery(app.shadowRoot!, 'warrant-share-open')?.shadowRoot?.querySelector('button.primary'),
    );
    button(open(), 'Collect into the class map').click();
    await waitUntil(() => open().textContent!.includes('collected already; nothing changed'), 'no duplicate notice');
    expect(await snapshot(teacher)).to.deep.equal(once);
  });

  it('a feedback link from the teacher puts the comment on the student’s own node', async function () {
    this.timeout(90000);
    const { map, a, ana } = await setup();
    const teacher = await classDb(map, a, 'Ms Lee');
    let app = await mount(teacher, `#/map/${map.map.id}`);
    const t = await teacherSection(app);
    drop(t, [new File([ana.md], 'ana.md')]);
    await waitUntil(() => t.shadowRoot!.textContent!.includes('Collected 1 hand-in.'), 'not collected');
    await waitUntil(() => t.shadowRoot!.querySelector('#note-Ana'), 'no feedback form');
    const comment = t.shadowRoot!.querySelector<HTMLInputElement>('#c-k-ana')!;
    comment.value = 'Name the archive.';
    comment.dispatchEvent(new Event('change'));
    await waitUntil(() => !button(t.shadowRoot!, 'Copy feedback link').disabled, 'the feedback link stays disabled');
    const [link] = await copied(() => button(t.shadowRoot!, 'Copy feedback link').click());
    await waitUntil(() => t.shadowRoot!.textContent!.includes('Link copied: it carries the feedback for Ana'));
    fixtureCleanup();

    const student = await classDb(map, a, 'Ana');
    const w = new WarrantDB(student);
    await w.nodes.bulkPut(studentWork(map, 'Ana').nodes.filter((n) => n.author === 'Ana'));
    w.close();
    app = await mount(student, new URL(link!).hash);
    const open = () => deepQuery(app.shadowRoot!, 'warrant-share-open')!.shadowRoot!;
    await waitUntil(() =>
      deepQuery(app.shadowRoot!, 'warrant-share-open')?.shadowRoot?.querySelector('button.primary'),
    );
    expect(open().textContent).to.contain('Feedback for Ana');
    button(open(), 'Import the feedback').click();
    const panel = await classPanel(app);
    await waitUntil(() => panel.shadowRoot!.textContent!.includes('Name the archive.'), 'no feedback shown');
    expect(panel.shadowRoot!.textContent).to.contain("Ana's objection: the record says otherwise.");
  });
});
