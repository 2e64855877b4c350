import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { argdownTitles, escapeArgdownText, exportArgdown } from '../../src/formats/argdown.js';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import { buildTree, kindOf } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';
import { randomMap, smallMap } from './helpers.js';

/** What scripts/argdown-command.mjs returns: @argdown/core's own reading of the text. */
interface Parsed {
  errors: string[];
  statements: Array<{ title: string; text: string; tags: string[] }>;
  relations: Array<{ from: string; to: string; type: string }>;
}

const parse = (text: string): Promise<Parsed> => executeServerCommand<Parsed, string>('argdown-parse', text);

function canonical(bundle: MapBundle): MapBundle {
  const r = importJson(exportMapJson(bundle));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.bundles[0]!;
}

/** Parses the export of `bundle` and checks: no errors, relations and texts exactly the map's. */
async function checkParses(bundle: MapBundle, label: string): Promise<void> {
  const parsed = await parse(exportArgdown(bundle));
  expect(parsed.errors, label).to.deep.equal([]);
  const titles = argdownTitles(bundle);
  const expected = bundle.nodes
    .filter((n) => n.parentId !== null)
    .map(
      (n) => `${titles.get(n.id)} -> ${titles.get(n.parentId!)}: ${n.relation === 'supports' ? 'support' : 'attack'}`,
    )
    .sort();
  const got = parsed.relations.map((r) => `${r.from} -> ${r.to}: ${r.type}`).sort();
  expect(got, label).to.deep.equal(expected);
  expect(parsed.statements.length, label).to.equal(bundle.nodes.length);
  const byTitle = new Map(parsed.statements.map((s) => [s.title, s]));
  const tree = buildTree(bundle.nodes);
  for (const n of bundle.nodes) {
    const s = byTitle.get(titles.get(n.id)!);
    // Argdown keeps the tag in the statement text; white space is collapsed on export.
    expect(s?.text.replace(/ #[a-z]+$/, ''), `${label}: ${n.id}`).to.equal(n.text.replace(/\s+/g, ' ').trim());
    expect(s?.tags, `${label}: ${n.id}`).to.deep.equal([kindOf(tree, n)]);
  }
}

const SMALL = `[Was the partnership doomed?]: Russia and America could have been partners. #thesis
  + [Claim 1]: The summits \\*worked\\*: both sides cut arsenals. #claim
    + [Premise 1.1]: The INF Treaty was signed in 1987. #premise
    - [Counterpoint 1.2]: Arms cuts are not friendship. #counterpoint
      - [Rebuttal 1.2.1]: - They are a start, though. #rebuttal
  - [Counterpoint 2]: Distrust never went away. #counterpoint
`;

describe('formats/argdown export', () => {
  it('writes statements, kinds as tags and the support/attack tree exactly', () => {
    expect(exportArgdown(smallMap())).to.equal(SMALL);
  });

  it('escapes Argdown syntax inside statements', () => {
    expect(escapeArgdownText('[a] <b> #c @d {e} *f* _g_ \\ // /* e.g. 10:30:00 ===\nnext line')).to.equal(
      '\\[a\\] \\<b\\> \\#c \\@d \\{e\\} \\*f\\* \\_g\\_ \\\\ \\// \\/\\* e\\.g. 10\\:30:00 \\=== next line',
    );
  });

  it('keeps the thesis title apart from the outline titles', () => {
    const b = smallMap();
    b.map.title = 'Claim 1';
    expect(argdownTitles(b).get('T')).to.equal('Claim 1 (thesis)');
    b.map.title = '[Brackets] end ]';
    expect(argdownTitles(b).get('T')).to.equal('(Brackets) end )');
  });
});

describe('formats/argdown parsed by @argdown/core', () => {
  it('parses the hand-made map with no errors, tags as kinds, relations exactly', async () => {
    const parsed = await parse(SMALL);
    expect(parsed.errors).to.deep.equal([]);
    expect(parsed.relations).to.deep.include({ from: 'Rebuttal 1.2.1', to: 'Counterpoint 1.2', type: 'attack' });
    expect(parsed.statements.find((s) => s.title === 'Premise 1.1')!.tags).to.deep.equal(['premise']);
    await checkParses(smallMap(), 'small');
  });

  it('parses the essay fixture with no errors, relations exactly', async () => {
    const res = await fetch(new URL('../fixtures/formats/essay-map.json', import.meta.url));
    const r = importJson(await res.text());
    if (!r.ok) throw new Error('fixture');
    await checkParses(r.bundles[0]!, 'essay');
  });

  it('parses the shipped essay map (claims/essay-map.json) with no errors, relations exactly', async () => {
    const res = await fetch(new URL('../../claims/essay-map.json', import.meta.url));
    const r = importJson(await res.text());
    if (!r.ok) throw new Error('claims/essay-map.json');
    await checkParses(r.bundles[0]!, 'claims');
  });

  it('parses 25 random maps full of awkward text with no errors, relations and texts exactly', async () => {
    for (let seed = 1; seed <= 25; seed++) await checkParses(canonical(randomMap(seed, { nodes: 30 })), `seed ${seed}`);
  });

  it('parses a tree 200 deep and a thesis with 500 children', async () => {
    await checkParses(canonical(randomMap(4001, { nodes: 3, depth: 200 })), 'deep');
    await checkParses(canonical(randomMap(4002, { nodes: 3, width: 500 })), 'wide');
  });
});
