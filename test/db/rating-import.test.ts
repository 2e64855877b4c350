// Ratings through the import path into a real IndexedDB: relevance comes in from Markdown and
// JSON, and an evidence or relevance rating off the 0-4 scale is refused with its line (Markdown)
// or field path (JSON), leaving the database exactly as it was.
import { expect } from '@open-wc/testing';
import type { WarrantDB } from '../../src/db/database.js';
import { loadBundle, putBundles } from '../../src/db/maps-repo.js';
import { describeError, exportMapJson, exportMarkdown } from '../../src/formats/index.js';
import type { MapBundle } from '../../src/model/types.js';
import { importInto } from '../../src/state/import-write.js';
import { smallMap, T0 } from '../formats/helpers.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

async function dump(db: WarrantDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

async function populated(): Promise<WarrantDB> {
  const db = freshDb();
  await putBundles(db, await fixtureBundles());
  return db;
}

/** smallMap() where Ben also says how much c1 matters, and Cy rates only k2's relevance. */
function withRelevance(): MapBundle {
  const b = structuredClone(smallMap());
  b.ratings[0]!.relevance = 4;
  b.ratings.push({ id: 'k2@cy', mapId: 'm1', nodeId: 'k2', rater: 'cy', relevance: 1, createdAt: T0, updatedAt: T0 });
  return b;
}

async function refused(db: WarrantDB, text: string) {
  const before = await dump(db);
  const { read, written } = await importInto(db, text, 'new');
  expect(written, 'nothing written').to.equal(undefined);
  if (read.ok) throw new Error('expected the import to be refused');
  expect(await dump(db), 'database unchanged').to.equal(before);
  return read.errors;
}

describe('ratings imported into the database', () => {
  afterEach(deleteTestDbs);

  it('Markdown and JSON bring relevance in, per rater, beside the evidence', async () => {
    for (const text of [exportMarkdown(withRelevance()), exportMapJson(withRelevance())]) {
      const db = freshDb();
      const { read, written } = await importInto(db, text, 'new');
      expect(read.ok).to.equal(true);
      const b = (await loadBundle(db, written!.mapIds[0]!))!;
      const facts = b.ratings.map((r) => `${r.nodeId} ${r.rater} ${r.value} ${r.relevance}`).sort();
      expect(facts).to.deep.equal(['c1 ana 3 undefined', 'c1 ben 2 4', 'k1 ana 1 undefined', 'k2 cy undefined 1']);
    }
  });

  it('a Markdown relevance or evidence rating off the scale: refused at its line, nothing written', async () => {
    const db = await populated();
    const good = exportMarkdown(withRelevance());
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('{"rater":"cy","relevance":1}')) + 1;
    expect(at).to.be.greaterThan(0);
    let errors = await refused(db, good.replace('{"rater":"cy","relevance":1}', '{"rater":"cy","relevance":5}'));
    expect(errors.map(describeError)).to.deep.equal([
      `line ${at}, rating.relevance: must be a whole number from 0 (irrelevant) to 4 (essential)`,
    ]);
    const evidenceAt = lines.findIndex((l) => l.includes('{"rater":"ben","value":2,')) + 1;
    expect(evidenceAt).to.be.greaterThan(0);
    errors = await refused(db, good.replace('{"rater":"ben","value":2,', '{"rater":"ben","value":-1,'));
    expect(errors.map(describeError)).to.deep.equal([
      `line ${evidenceAt}, rating.value: must be a whole number from 0 (none) to 4 (decisive)`,
    ]);
    // The evidence-only tuple older files have.
    const plain = exportMarkdown(smallMap());
    const tupleAt = plain.split('\n').findIndex((l) => l.includes('["ben",2]')) + 1;
    errors = await refused(db, plain.replace('["ben",2]', '["ben",4.5]'));
    expect(errors.map(describeError)).to.deep.equal([
      `line ${tupleAt}, rating.value: must be a whole number from 0 (none) to 4 (decisive)`,
    ]);
  });

  it('a JSON relevance or evidence rating off the scale: refused with its field path, nothing written', async () => {
    const db = await populated();
    const file = JSON.parse(exportMapJson(withRelevance())) as { ratings: Array<Record<string, unknown>> };
    const cy = file.ratings.findIndex((r) => r.rater === 'cy');
    file.ratings[cy]!.relevance = 12;
    file.ratings[0]!.value = '3';
    const errors = await refused(db, JSON.stringify(file));
    expect(errors.map(describeError)).to.deep.equal([
      'ratings[0].value: must be a whole number from 0 (none) to 4 (decisive)',
      `ratings[${cy}].relevance: must be a whole number from 0 (irrelevant) to 4 (essential)`,
    ]);
  });
});
