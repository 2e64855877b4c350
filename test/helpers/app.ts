/** Mounting the whole app on a fresh database, and finding things through shadow roots. */
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/app.js';
import type { WarrantApp } from '../../src/components/app.js';
import type { WarrantMapView } from '../../src/components/map-view.js';
import { WarrantDB } from '../../src/db/database.js';

const names: string[] = [];

/** A database name no other test uses; deleted by cleanupApps(). */
export function uniqueDbName(): string {
  const name = `warrant-ui-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

/**
 * Waits until every write the unmounted app started on `name` has finished, so that deleting the
 * database is not blocked by its connection (the app closes it a task after it is removed, once
 * its children's last writes are sent, and a connection closes only when those are done). A
 * read-write transaction over every table starts only after all earlier ones on them end.
 */
async function settle(name: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const db = new WarrantDB(name);
  try {
    await db.transaction('rw', db.tables, () => undefined);
  } finally {
    db.close();
  }
}

/** Deletes the databases made for app tests and clears the URL hash. */
export async function cleanupApps(): Promise<void> {
  // Unmount first: an app whose database is deleted under it would log errors into the next test.
  fixtureCleanup();
  history.replaceState(null, '', location.pathname + location.search);
  for (const name of names.splice(0)) {
    await settle(name);
    await new WarrantDB(name).delete();
  }
}

/** Finds an element through nested shadow roots. */
export function deepQuery<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<T>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

/** The element that really has focus, through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Mounts <warrant-app> on a database (fresh unless named) and waits for the map's tree. */
export async function mountApp(opts: { db?: string; sample?: string; waitFor?: string; name?: string | null } = {}) {
  history.replaceState(null, '', location.pathname + location.search);
  const db = opts.db ?? uniqueDbName();
  // Work is filed under a name, asked for on the first edit or rating ("Who are you?"). Tests that
  // are not about that question answer it beforehand, as "me" (null: leave it unanswered). A named
  // database that already exists is left as the test made it (it may be an older release's).
  const exists = opts.db ? (await indexedDB.databases()).some((d) => d.name === opts.db) : false;
  if (opts.name !== null && !exists) {
    const w = new WarrantDB(db);
    await w.settings.put({ key: 'author-name', value: opts.name ?? 'me' });
    w.close();
  }
  // A laptop-sized box, as the page gives the app in real use.
  const box = await fixture<HTMLDivElement>(
    html`<div style="height: 720px; width: 1200px; display: flex; flex-direction: column">
      <warrant-app db-name=${db} sample-path=${opts.sample ?? 'test/fixtures/small-map.json'}></warrant-app>
    </div>`,
  );
  const app = box.querySelector('warrant-app') as WarrantApp;
  // Level-2 rows appear once the saved (or default) expansion is loaded, not just the thesis.
  await waitUntil(
    () => deepQuery(app.shadowRoot!, opts.waitFor ?? '[role=treeitem][aria-level="2"]'),
    'tree did not render',
    {
      timeout: 8000,
    },
  );
  const view = deepQuery<WarrantMapView>(app.shadowRoot!, 'warrant-map-view')!;
  return { app, view, db };
}

/** A row of the tree by node id. */
export function row(view: WarrantMapView, id: string): HTMLElement | null {
  return view.treeElement?.shadowRoot?.querySelector<HTMLElement>(`[role=treeitem][data-id="${id}"]`) ?? null;
}

/** Presses a key with modifiers held (e.g. combo(['Control'], 'z')). */
export async function combo(modifiers: string[], key: string): Promise<void> {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
}
