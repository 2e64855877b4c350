// Importing into a real IndexedDB: every bad input is refused with an error naming its line or
// field and leaves the database exactly as it was; a good one is written in one transaction.
import { expect } from '@open-wc/testing';
import { liveQuery } from 'dexie';
import type { WarrantDB } from '../../src/db/database.js';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import {
  describeError,
  exportKialo,
  exportMapJson,
  exportMarkdown,
  MAX_IMPORT_BYTES,
} from '../../src/formats/index.js';
import { FORMAT_VERSION, type MapBundle } from '../../src/model/types.js';
import { isAbortError, readImportFile, readImportText, type ImportProgress } from '../../src/state/import-read.js';
import { importInto, writeImport } from '../../src/state/import-write.js';
import { TransferError } from '../../src/state/transfer-error.js';
import { backupAllMaps } from '../../src/state/transfer.js';
import { parseImport } from '../../src/workers/import-worker.js';
import { randomMap, smallMap } from '../formats/helpers.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

/** Every row of every table, as JSON text: two dumps are equal only if nothing changed. */
async function dump(db: WarrantDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** The map tables only (what a backup holds), as JSON text. */
async function dumpMaps(db: WarrantDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables)
    out[table.name] = ['uiState', 'settings'].includes(table.name) ? [] : await table.toArray();
  return JSON.stringify(out);
}

/** A database holding the small fixture map, some UI state and a setting. */
async function populated(): Promise<WarrantDB> {
  const db = freshDb();
  await putBundles(db, await fixtureBundles());
  await db.uiState.put({ mapId: 'small', expanded: ['t', 'a'], selectedId: 'a' });
  await db.settings.put({ key: 'author-name', value: 'Ms. Lee' });
  return db;
}

/** A bundle with every list in id order (the database returns rows in index order). */
function sorted(b: MapBundle): MapBundle {
  const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    map: b.map,
    nodes: byId(b.nodes),
    sources: byId(b.sources),
    citations: byId(b.citations),
    ratings: byId(b.ratings),
  };
}

const file = (parts: BlobPart[], name = 'map.json') => new File(parts, name);

/** A valid map file (the small fixture) as parsed JSON, to break in one place. */
async function fixtureJson(): Promise<Record<string, unknown> & { nodes: Array<Record<string, unknown>> }> {
  return (await fetch('/test/fixtures/small-map.json')).json();
}

/** Imports `input`, expects it refused, and returns its errors (each must name a line or field). */
async function refused(db: WarrantDB, input: Blob | string) {
  const before = await dump(db);
  const { read, written } = await importInto(db, input, 'new');
  expect(written, 'nothing written').to.equal(undefined);
  if (read.ok) throw new Error('expected the import to be refused');
  expect(await dump(db), 'database unchanged').to.equal(before);
  return read.errors;
}

/** Measures the longest gap between timer ticks: how long the main thread was blocked. */
function stallWatch(): { stop(): number } {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  }, 10);
  return {
    stop() {
      clearInterval(ticker);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** The same parse the worker runs, here on the main thread (for the timing comparison). */
function readImportTextSync(text: string): void {
  if (!parseImport({ text }, 'auto', '2025-01-01T00:00:00.000Z').ok) throw new Error('parse failed');
}

function expectLocated(errors: Array<{ line?: number; field?: string }>): void {
  expect(errors.length).to.be.greaterThan(0);
  for (const e of errors) expect(e.line !== undefined || e.field !== undefined, JSON.stringify(e)).to.equal(true);
}

describe('importing into the database', () => {
  afterEach(deleteTestDbs);

  describe('bad input is refused and changes nothing', () => {
    it('a truncated JSON file: "looks truncated" at its last line', async () => {
      const db = await populated();
      const text = await (await fetch('/test/fixtures/small-map.json')).text();
      const cut = text.slice(0, Math.floor(text.length / 2));
      const errors = await refused(db, file([cut]));
      expectLocated(errors);
      expect(errors[0]!.line).to.equal(cut.split('\n').length);
      expect(errors[0]!.message).to.equal('The file ends too early: it looks truncated.');
    });

    it('files in the wrong format: another JSON file, broken Argdown, prose, a Kialo text forced as JSON', async () => {
      const db = await populated();
      expect(await refused(db, file(['{"name": "my-app", "version": "1.0.0"}']))).to.deep.equal([
        { field: 'format', message: 'is missing: expected "warrant-map" or "warrant-backup"' },
      ]);
      // An Argdown relation with nothing above it is refused, naming its line.
      const argdown = await refused(db, file(['[Thesis]: Phones should go.\n\n  - [Con]: They help.\n'], 'x.argdown'));
      expect(argdown[0]!.line).to.equal(3);
      expect(argdown[0]!.message).to.contain('has no statement or argument above it');
      const prose = await refused(db, 'Just some words in a text file.\nNothing more.');
      expect(prose[0]!.line).to.equal(1);
      expect(prose[0]!.message).to.contain('cannot tell what kind of file this is');
      const kialo = await (await fetch('/test/fixtures/formats/kialo-phones.txt')).text();
      const before = await dump(db);
      const forced = await readImportText(kialo, { format: 'json' });
      expect(forced.ok).to.equal(false);
      if (!forced.ok) {
        expectLocated(forced.errors);
        expect(forced.errors[0]!.message).to.contain('Import it as Kialo text instead.');
      }
      expect(await dump(db)).to.equal(before);
    });

    it('invalid UTF-8 bytes: refused with the line of the first bad byte', async () => {
      const db = await populated();
      const head = new TextEncoder().encode('{\n  "format": "warrant-map",\n  "title": "caf');
      const bytes = new Uint8Array([...head, 0xe9, ...new TextEncoder().encode('"\n}\n')]);
      const errors = await refused(db, file([bytes]));
      expect(errors).to.have.length(1);
      expect(errors[0]!.line).to.equal(3);
      expect(errors[0]!.message).to.contain('not valid UTF-8');
    });

    it('a cycle and a dangling parent in JSON: the fields of the nodes are named', async () => {
      const db = await populated();
      const cyclic = await fixtureJson();
      cyclic.nodes[1]!.parentId = 'a1'; // a -> a1 -> a
      let errors = await refused(db, JSON.stringify(cyclic));
      expect(errors.map(describeError)).to.deep.equal([
        'nodes[1] (id "a"): not reachable from the thesis (its parents form a cycle)',
        'nodes[2] (id "a1"): not reachable from the thesis (its parents form a cycle)',
        'nodes[3] (id "a2"): not reachable from the thesis (its parents form a cycle)',
        'nodes[4] (id "a2r"): not reachable from the thesis (its parents form a cycle)',
      ]);
      const dangling = await fixtureJson();
      dangling.nodes[5]!.parentId = 'nowhere';
      errors = await refused(db, JSON.stringify(dangling));
      expect(errors.map(describeError)).to.deep.equal(['nodes[5] (id "b"): parent "nowhere" does not exist']);
    });

    it('a file from a newer version of Warrant names the version field', async () => {
      const db = await populated();
      const future = { ...(await fixtureJson()), version: FORMAT_VERSION + 1 };
      const errors = await refused(db, file([JSON.stringify(future)]));
      expect(errors).to.have.length(1);
      expect(errors[0]!.field).to.equal('version');
      expect(errors[0]!.message).to.contain('made by a newer Warrant');
    });

    it('a file over 50 MB is refused by its size, before a byte is read', async () => {
      const db = await populated();
      const mb = 'x'.repeat(1024 * 1024);
      const big = file(Array.from({ length: 51 }, () => mb));
      expect(big.size).to.be.greaterThan(MAX_IMPORT_BYTES);
      // Reading any of it fails the test: the refusal must come from the size alone.
      const unread = (): never => {
        throw new Error('the file was read');
      };
      Object.assign(big, { arrayBuffer: unread, text: unread, stream: unread, slice: unread, bytes: unread });
      const errors = await refused(db, big);
      expect(errors).to.deep.equal([
        {
          message: 'The file is too large to import (51.0 MB; at most 50.0 MB). Split it into smaller maps.',
        },
      ]);
      // Pasted text of that size is refused by its length alone, without going to a worker.
      expect(await refused(db, mb.repeat(51))).to.deep.equal(errors);
    });

    it('script and HTML payloads in fields that are checked are named and refused', async () => {
      const db = await populated();
      const json = await fixtureJson();
      const payloadId = await fixtureJson();
      payloadId.nodes[1]!.id = '<script>alert(1)</script>';
      expect((await refused(db, JSON.stringify(payloadId))).map(describeError)[0]).to.equal(
        'nodes[1].id: must be an id of 1-100 letters, digits or - _ . : @ > ~',
      );
      const payloadUrl = { ...json, sources: [{ id: 's', title: 'x', url: 'javascript:alert(1)' }] };
      expect((await refused(db, JSON.stringify(payloadUrl))).map(describeError)[0]).to.equal(
        'sources[0] (id "s").url: "javascript:" links are not allowed: only http:// and https:// links are.',
      );
      const payloadType = { ...json, sources: [{ id: 's', title: 'x', type: '<img src=x onerror=alert(1)>' }] };
      expect((await refused(db, JSON.stringify(payloadType)))[0]!.field).to.equal('sources[0] (id "s").type');
      const payloadKey = await fixtureJson();
      payloadKey.nodes[0]!['<svg onload=alert(1)>'] = 1;
      expect((await refused(db, JSON.stringify(payloadKey)))[0]!.field).to.equal(
        'nodes[0] (id "t").<svg onload=alert(1)>',
      );
      const payloadDoc = {
        ...json,
        map: { ...(json.map as object), document: { title: 'x', url: 'data:text/html,<script>alert(1)</script>' } },
      };
      expect((await refused(db, JSON.stringify(payloadDoc)))[0]!.field).to.equal('map.document.url');
    });

    it('script and HTML payloads in free text are kept as inert text in every format', async () => {
      const payload = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
      const bundle = smallMap();
      for (const n of bundle.nodes) n.text = `${n.id} ${payload}`;
      bundle.map.title = `Title ${payload}`;
      for (const [name, text] of [
        ['json', exportMapJson(bundle)],
        ['markdown', exportMarkdown(bundle)],
        ['kialo', exportKialo(bundle)],
      ] as const) {
        const db = freshDb();
        const { read, written } = await importInto(db, text, 'new');
        expect(read.ok, name).to.equal(true);
        const stored = await loadBundle(db, written!.mapIds[0]!);
        expect(stored!.map.title, name).to.equal(`Title ${payload}`);
        for (const n of stored!.nodes) expect(n.text, name).to.match(/<script>window.__pwned = 1<\/script>/);
      }
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('writing', () => {
    it('writes a valid import in one transaction: a live query never sees half of it', async () => {
      const db = await populated();
      const seen: string[] = [];
      const subscription = liveQuery(() =>
        db.transaction('r', db.maps, db.nodes, db.ratings, async () =>
          [await db.maps.count(), await db.nodes.count(), await db.ratings.count()].join('/'),
        ),
      ).subscribe((v) => seen.push(v));
      const before = await new Promise<string>((resolve) => {
        const wait = (): void => void (seen.length ? resolve(seen[0]!) : setTimeout(wait, 5));
        wait();
      });
      const backup = randomMap(3, { nodes: 400 });
      const other = randomMap(4, { nodes: 300 });
      const text = JSON.stringify({
        format: 'warrant-backup',
        version: 1,
        maps: [JSON.parse(exportMapJson(backup)), JSON.parse(exportMapJson(other))].map(
          ({ format: _f, version: _v, ...rest }) => rest,
        ),
      });
      const { written } = await importInto(db, text, 'new');
      expect(written!.mapIds).to.have.length(2);
      const [maps, nodes, ratings] = before.split('/').map(Number);
      const after = [maps! + 2, nodes! + 700, ratings! + backup.ratings.length + other.ratings.length].join('/');
      const deadline = Date.now() + 5000;
      while (seen.at(-1) !== after && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      subscription.unsubscribe();
      expect(seen.at(-1)).to.equal(after);
      for (const v of seen) expect([before, after], 'no half-written state').to.include(v);
    });

    it('a row failing in the middle of a write leaves nothing written', async () => {
      const db = await populated();
      const before = await dump(db);
      const bundles = [randomMap(5, { nodes: 50 }), randomMap(6, { nodes: 50 })];
      // The 75th node written (in the second map) fails.
      let created = 0;
      db.nodes.hook('creating', () => {
        if (++created === 75) throw new Error('disk full (simulated)');
      });
      let error: unknown;
      try {
        await writeImport(db, bundles, 'new');
      } catch (e) {
        error = e;
      }
      expect(String(error)).to.contain('disk full (simulated)');
      expect(await dump(db)).to.equal(before);
    });

    it('refuses bundles that did not come through validation, writing nothing', async () => {
      const db = await populated();
      const before = await dump(db);
      const broken = smallMap();
      broken.nodes[1]!.parentId = 'missing';
      let error: unknown;
      try {
        await writeImport(db, [broken], 'new');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(TransferError);
      expect(await dump(db)).to.equal(before);
    });

    it('imports as a new map under new ids when the ids are taken, leaving the original untouched', async () => {
      const db = await populated();
      const original = await loadBundle(db, 'small');
      const text = await (await fetch('/test/fixtures/small-map.json')).text();
      const { written } = await importInto(db, text, 'new');
      expect(written!.copies).to.equal(1);
      const id = written!.mapIds[0]!;
      expect(id).to.not.equal('small');
      expect(await loadBundle(db, 'small')).to.deep.equal(original);
      const copy = (await loadBundle(db, id))!;
      expect(copy.map.title).to.equal('School uniforms');
      expect(copy.nodes).to.have.length(original!.nodes.length);
      const oldIds = new Set(
        [...original!.nodes, ...original!.sources, ...original!.citations, ...original!.ratings].map((r) => r.id),
      );
      for (const r of [...copy.nodes, ...copy.sources, ...copy.citations, ...copy.ratings]) {
        expect(oldIds.has(r.id), r.id).to.equal(false);
      }
      // A Markdown export of the map carries its node ids: imported again it is a copy too.
      const md = exportMarkdown(original!);
      const again = await importInto(db, md, 'new');
      expect(again.written!.copies).to.equal(1);
      expect(await db.maps.count()).to.equal(3);
    });

    it('keeps maps of one backup apart when they share node ids', async () => {
      const db = freshDb();
      const a = smallMap();
      const b = structuredClone(smallMap());
      b.map.id = 'm2';
      for (const list of [b.nodes, b.sources, b.citations, b.ratings]) for (const r of list) r.mapId = 'm2';
      const summary = await writeImport(db, [a, b], 'new');
      expect(summary.copies).to.equal(1);
      expect(summary.mapIds[0]).to.equal('m1');
      expect(await db.nodes.count()).to.equal(12);
      expect(sorted((await loadBundle(db, 'm1'))!)).to.deep.equal(sorted(a));
    });

    it('merges a JSON file into an open map: additions and newer ratings in, conflicts listed', async () => {
      const db = await populated();
      const file = await fixtureJson();
      file.nodes.push({ id: 'new1', parentId: 'b', relation: 'opposes', text: 'Not for everyone.', origin: 'added' });
      file.nodes[5]!.text = 'Mornings are easier.';
      const before = (await loadBundle(db, 'small'))!;
      const { read, written } = await importInto(
        db,
        JSON.stringify(file),
        { mergeInto: 'small' },
        { now: '2025-06-01T00:00:00.000Z' },
      );
      expect(read.ok).to.equal(true);
      expect(written!.mapIds).to.deep.equal(['small']);
      expect(written!.merge!.added).to.deep.equal({ nodes: 1, sources: 0, citations: 0, ratings: 0 });
      expect(written!.merge!.conflicts).to.deep.equal([
        {
          kind: 'node',
          id: 'b',
          field: 'text',
          message: 'kept this map\'s text; the file says "Mornings are easier."',
        },
      ]);
      const after = (await loadBundle(db, 'small'))!;
      expect(after.nodes).to.have.length(before.nodes.length + 1);
      expect(after.nodes.find((n) => n.id === 'b')!.text).to.equal('Mornings are simpler.');
      expect(after.map.updatedAt).to.equal('2025-06-01T00:00:00.000Z');
      expect(await db.uiState.get('small'), 'UI state untouched').to.deep.equal({
        mapId: 'small',
        expanded: ['t', 'a'],
        selectedId: 'a',
      });
    });

    it('backs up every map in one file that imports back whole', async () => {
      const db = await populated();
      const uniforms = (await loadBundle(db, 'small'))!;
      // The small map with its one source renamed, so it does not clash with the fixture's "s1".
      const partnership = smallMap();
      partnership.sources[0]!.id = 'matlock';
      for (const c of partnership.citations) if (c.sourceId === 's1') c.sourceId = 'matlock';
      await writeImport(db, [partnership], 'new');
      const backup = await backupAllMaps(db);
      expect(backup.maps).to.equal(2);
      expect(backup.filename).to.match(/^warrant-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const read = await readImportText(backup.text);
      if (!read.ok) throw new Error(read.errors.map(describeError).join('\n'));
      const byId = new Map(read.bundles.map((b) => [b.map.id, b]));
      expect([...byId.keys()].sort()).to.deep.equal(['m1', 'small']);
      expect(sorted(byId.get('m1')!)).to.deep.equal(sorted(partnership));
      expect(sorted(byId.get('small')!)).to.deep.equal(sorted(uniforms));
      const other = freshDb();
      const { written } = await importInto(other, backup.text, 'new');
      expect(written!.copies).to.equal(0);
      expect(JSON.parse(await dump(other))).to.deep.equal(JSON.parse(await dumpMaps(db)));
    });

    it('refuses a merge of a backup holding several maps, and a merge into a map that is gone', async () => {
      const db = await populated();
      const before = await dump(db);
      const two = [randomMap(1, { nodes: 5 }), randomMap(2, { nodes: 5 })];
      for (const [bundles, id, message] of [
        [two, 'small', 'A merge takes one map, and this file holds 2. Import it as new maps instead.'],
        [[smallMap()], 'gone', 'The map to merge into no longer exists; nothing was imported.'],
      ] as Array<[MapBundle[], string, string]>) {
        let error: unknown;
        try {
          await writeImport(db, bundles, { mergeInto: id });
        } catch (e) {
          error = e;
        }
        expect(String(error)).to.equal(`TransferError: ${message}`);
      }
      expect(await dump(db)).to.equal(before);
    });
  });

  describe('large inputs', () => {
    it('parses in a worker with progress, with the same result as on the main thread', async () => {
      const text = exportMapJson(randomMap(11, { nodes: 3000 }));
      const progress: ImportProgress[] = [];
      const inWorker = await readImportFile(file([text]), {
        worker: true,
        now: '2025-01-01T00:00:00.000Z',
        onProgress: (p) => progress.push(p),
      });
      const here = await readImportText(text, { worker: false, now: '2025-01-01T00:00:00.000Z' });
      expect(inWorker).to.deep.equal(here);
      expect(inWorker.format).to.equal('json');
      expect(progress[0]).to.deep.equal({ phase: 'reading', loaded: 0, total: new Blob([text]).size });
      expect(progress.at(-1)).to.deep.equal({ phase: 'parsing' });
    });

    it('parses on the main thread when no worker can start (blocked or missing script)', async () => {
      const text = exportMapJson(smallMap());
      const expected = await readImportText(text, { worker: false, now: '2025-01-01T00:00:00.000Z' });
      const RealWorker = window.Worker;
      try {
        // A worker the browser refuses to create ...
        window.Worker = class {
          constructor() {
            throw new DOMException('blocked by policy', 'SecurityError');
          }
        } as unknown as typeof Worker;
        expect(await readImportText(text, { worker: true, now: '2025-01-01T00:00:00.000Z' })).to.deep.equal(expected);
        // ... and one whose script fails as it starts.
        const broken = URL.createObjectURL(new Blob(['throw new Error("cannot start")'], { type: 'text/javascript' }));
        window.Worker = class extends RealWorker {
          constructor(_url: string | URL, options?: WorkerOptions) {
            super(broken, options);
          }
        } as typeof Worker;
        expect(await readImportText(text, { worker: true, now: '2025-01-01T00:00:00.000Z' })).to.deep.equal(expected);
      } finally {
        window.Worker = RealWorker;
      }
    });

    it('cancelling terminates the worker, rejects with an AbortError and writes nothing', async () => {
      const db = await populated();
      const before = await dump(db);
      const text = exportMarkdown(randomMap(12, { nodes: 6000 }));
      const controller = new AbortController();
      const pending = importInto(db, text, 'new', {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'parsing') controller.abort();
        },
      });
      let error: unknown;
      try {
        await pending;
      } catch (e) {
        error = e;
      }
      expect(isAbortError(error), String(error)).to.equal(true);
      expect(await dump(db)).to.equal(before);
    });

    // Timings are reported, never asserted (a busy machine is not a failure); npm run bench measures them.
    it('imports 10,000 nodes in each format through the worker and reports the timings', async function () {
      this.timeout(180000);
      const bundle = randomMap(2025, { nodes: 10000 });
      const texts = {
        json: exportMapJson(bundle),
        markdown: exportMarkdown(bundle),
        kialo: exportKialo(bundle),
      };
      const lines: string[] = [];
      for (const [format, text] of Object.entries(texts)) {
        // The longest the main thread is blocked while the worker reads and parses.
        const watch = stallWatch();
        const t0 = performance.now();
        const read = await readImportFile(file([text], `big.${format}`), { worker: true });
        const t1 = performance.now();
        const longest = watch.stop();
        if (!read.ok) throw new Error(read.errors.map(describeError).join('\n'));
        expect(read.format).to.equal(format);
        const db = freshDb();
        const writeWatch = stallWatch();
        const t2 = performance.now();
        const written = await writeImport(db, read.bundles, 'new');
        const t3 = performance.now();
        const writeStall = writeWatch.stop();
        expect(written.nodes).to.equal(10000);
        expect(await db.nodes.count()).to.equal(10000);
        const rows = written.nodes + written.sources + written.citations + written.ratings + 1;
        const t4 = performance.now();
        readImportTextSync(text);
        const t5 = performance.now();
        lines.push(
          `${format}: ${(new Blob([text]).size / 1e6).toFixed(1)} MB; worker read+parse ${Math.round(t1 - t0)} ms ` +
            `(main thread blocked at most ${Math.round(longest)} ms; same parse on the main thread ${Math.round(t5 - t4)} ms); ` +
            `write ${rows} rows in one transaction ${Math.round(t3 - t2)} ms (main thread blocked at most ${Math.round(writeStall)} ms)`,
        );
      }
      console.log(`10,000-node import timings:\n${lines.join('\n')}`);
    });
  });
});
