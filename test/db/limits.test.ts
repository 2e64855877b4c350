import { expect } from '@open-wc/testing';
import type { WarrantDB } from '../../src/db/database.js';
import { putBundles } from '../../src/db/maps-repo.js';
import { importArgdown } from '../../src/formats/argdown-import.js';
import { importJson } from '../../src/formats/json.js';
import { importKialo } from '../../src/formats/kialo.js';
import { checkMarkdownNesting } from '../../src/formats/nesting.js';
import { LIMITS } from '../../src/model/limits.js';
import { importInto } from '../../src/state/import-write.js';
import { deleteTestDbs, fixtureBundles, freshDb } from '../helpers/db.js';

async function dump(db: WarrantDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** A Markdown outline `levels` deep, padded so the whole file is about `bytes` long. */
function deepMarkdown(levels: number, bytes: number): string {
  const lines = ['# Deep', '', 'The thesis.', ''];
  const pad = Math.max(1, Math.floor(bytes / levels) - 2 * levels);
  for (let i = 0; i < levels; i++) lines.push(`${'  '.repeat(i)}- Pro: level ${i + 1} ${'x'.repeat(Math.max(1, pad))}`);
  return lines.join('\n') + '\n';
}

/** The refusal of importing `text` through the app's import path; asserts nothing was written. */
async function refusal(db: WarrantDB, text: string): Promise<{ line?: number; message: string; ms: number }> {
  const before = await dump(db);
  const t0 = performance.now();
  const { read, written } = await importInto(db, new Blob([text]), 'new');
  const ms = performance.now() - t0;
  expect(written, 'nothing written').to.equal(undefined);
  if (read.ok) throw new Error('expected a refusal');
  expect(await dump(db), 'database unchanged').to.equal(before);
  return { ...read.errors[0]!, ms };
}

describe('depth limit: every importer refuses nesting past LIMITS.depth, naming the line', () => {
  afterEach(deleteTestDbs);

  it('a 9 MB Markdown outline 3,000 levels deep and one 1,000 levels deep are refused; the database is unchanged', async () => {
    const db = freshDb();
    await putBundles(db, await fixtureBundles());
    const big = deepMarkdown(3000, 9 * 1024 * 1024);
    expect(big.length).to.be.above(8.5 * 1024 * 1024);
    const e1 = await refusal(db, big);
    // Line 5 is level 1 (the thesis is level 1 above it): level 500 is line 503, 501 refused.
    expect(e1.line).to.equal(4 + LIMITS.depth);
    expect(e1.message).to.contain(`at most ${LIMITS.depth} levels`);
    const e2 = await refusal(db, deepMarkdown(1000, 200_000));
    expect(e2.line).to.equal(4 + LIMITS.depth);
    // Timings are reported, not asserted (the machine is shared).
    console.log(`depth refusal: 9 MB / 3,000 levels ${e1.ms.toFixed(0)} ms; 1,000 levels ${e2.ms.toFixed(0)} ms`);
    // The page is alive: a task scheduled now runs.
    expect(await new Promise((r) => setTimeout(() => r('alive'), 0))).to.equal('alive');
  });

  it('a Markdown outline exactly at the limit is not refused by the depth check', () => {
    expect(checkMarkdownNesting(deepMarkdown(LIMITS.depth - 1, 1000))).to.equal(null);
    expect(checkMarkdownNesting(deepMarkdown(LIMITS.depth, 1000))).to.include({ line: 4 + LIMITS.depth });
  });

  it('Kialo: a claim numbered 3,000 levels deep is refused at its line', () => {
    const lines = ['Discussion Title: Deep', '', '1. Thesis'];
    let path = '1';
    for (let i = 0; i < 3000; i++) {
      path += '.1';
      lines.push(`${path}. Pro: level ${i + 2}`);
    }
    const r = importKialo(lines.join('\n'));
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors[0]!.line).to.equal(3 + LIMITS.depth);
  });

  it('Argdown: an outline 3,000 levels deep, and a chain of 3,000 statements, are refused at a line', () => {
    const outline = ['[S0]: start'];
    for (let i = 1; i <= 3000; i++) outline.push(`${'  '.repeat(i)}+ [S${i}]: level ${i}`);
    const r = importArgdown(outline.join('\n'));
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors[0]!.line).to.equal(1 + LIMITS.depth);
    // The same depth built from separate blocks ([S1] supported by [S2], [S2] by [S3] ...).
    const blocks: string[] = [];
    for (let i = 0; i < 3000; i++) blocks.push(`[S${i}]: level ${i}\n  + [S${i + 1}]`);
    const chain = importArgdown(blocks.join('\n\n'));
    expect(chain.ok).to.equal(false);
    if (!chain.ok) expect(chain.errors[0]!.line).to.be.a('number');
  });

  it('JSON: a parent chain 3,000 deep is refused, naming the node', () => {
    const nodes = [{ id: 'n0', parentId: null, relation: null, text: 't' }];
    for (let i = 1; i <= 3000; i++)
      nodes.push({ id: `n${i}`, parentId: `n${i - 1}`, relation: 'supports', text: 'x' } as never);
    const r = importJson(JSON.stringify({ format: 'warrant-map', version: 1, map: { id: 'm', title: 'Deep' }, nodes }));
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors[0]).to.include({ field: `nodes[${LIMITS.depth}] (id "n${LIMITS.depth}")` });
  });
});
