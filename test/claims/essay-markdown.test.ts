// claims/essay-map.md is the Markdown export (the teacher's full record) of claims/essay-map.json;
// it must never drift from what the exporter makes of the JSON.
import { expect } from '@open-wc/testing';
import {
  describeError,
  exportMarkdown,
  importJson,
  importMarkdown,
  MARKDOWN_FULL_RECORD,
} from '../../src/formats/index.js';
import type { MapBundle } from '../../src/model/types.js';

const REGENERATE = 'claims/essay-map.md is out of date: run `node scripts/export-claims.mjs` to regenerate it.';

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}. ${REGENERATE}`);
  return response.text();
}

async function essayMap(): Promise<MapBundle> {
  const result = importJson(await fetchText('/claims/essay-map.json'));
  if (!result.ok) throw new Error(result.errors.map(describeError).join('\n'));
  return result.bundles[0]!;
}

/** The first line where two texts differ, for a failure message a person can act on. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  file:     ${a[i] ?? '(end of file)'}\n  expected: ${b[i] ?? '(end of file)'}`;
  }
  return '';
}

describe('claims/essay-map.md', () => {
  it('is exactly the Markdown export of claims/essay-map.json (full record, no standings)', async () => {
    const bundle = await essayMap();
    expect(bundle.ratings, 'the shipped map has no ratings, so the export prints no standings').to.deep.equal([]);
    const expected = exportMarkdown(bundle, MARKDOWN_FULL_RECORD);
    const actual = await fetchText('/claims/essay-map.md');
    if (actual !== expected) expect.fail(`${REGENERATE}\nFirst difference at ${firstDifference(actual, expected)}`);
  });

  it('reads back as the same map', async () => {
    const bundle = await essayMap();
    const result = importMarkdown(await fetchText('/claims/essay-map.md'));
    if (!result.ok) throw new Error(result.errors.map(describeError).join('\n'));
    const back = result.bundles[0]!;
    expect(back.map.id).to.equal(bundle.map.id);
    const shape = (b: MapBundle) =>
      b.nodes.map((n) => [n.id, n.parentId, n.relation, n.text, n.quote?.text, n.quote?.paragraph].join('|')).sort();
    expect(shape(back)).to.deep.equal(shape(bundle));
    expect(back.sources.map((s) => s.id).sort()).to.deep.equal(bundle.sources.map((s) => s.id).sort());
    expect(back.citations).to.have.length(bundle.citations.length);
  });
});
