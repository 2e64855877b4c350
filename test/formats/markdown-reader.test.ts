/**
 * The two Markdown readers: the fast line reader for Warrant's own export and marked, which
 * reads everything else. Wherever the line reader accepts a file, it must find exactly what
 * marked finds (statements, lines, sources, problems, warnings); elsewhere it must decline.
 */
import { expect } from '@open-wc/testing';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import {
  exportMarkdown,
  importMarkdown,
  MARKDOWN_HAND_IN,
  readMarkdownWith,
  type MarkdownExportOptions,
} from '../../src/formats/markdown/index.js';
import { buildTree, walk } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';
import { generateMap } from '../../bench/generate.js';
import { prng, randomMap, smallMap } from './helpers.js';

const NOW = '2025-03-01T09:00:00.000Z';

function canonical(bundle: MapBundle): MapBundle {
  const r = importJson(exportMapJson(bundle));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.bundles[0]!;
}

async function text(path: string): Promise<string> {
  return (await fetch(new URL(path, import.meta.url))).text();
}

/** Asserts the line reader accepts `md` and finds what marked finds, then that both imports agree. */
function expectSameReading(md: string, label = ''): void {
  const lines = readMarkdownWith('lines', md);
  expect(lines, `${label}: the line reader declined`).not.to.equal(null);
  expect(lines, label).to.deep.equal(readMarkdownWith('marked', md));
  // Ids come from the file or are derived, timestamps from `now`: whole results compare.
  const a = importMarkdown(md, { now: NOW });
  const b = importMarkdown(md, { now: NOW, reader: 'marked' });
  if (md.includes('<!-- warrant {"id"')) expect(a, label).to.deep.equal(b);
  else expect(a.ok, label).to.equal(b.ok);
}

/** Statement rows of an import, in reading order. */
function rows(md: string): string[] {
  const r = importMarkdown(md);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  const out: string[] = [];
  walk(buildTree(r.bundles[0]!.nodes), (n, d) => void out.push(`${d} ${n.relation ?? 'thesis'} ${n.text}`));
  return out;
}

const OPTION_SETS: ReadonlyArray<[string, MarkdownExportOptions]> = [
  ['full record', {}],
  ['hand-in', MARKDOWN_HAND_IN],
  ['ratings without ids', { ratings: true, ids: false, notes: false }],
];

describe('formats/markdown line reader: same result as marked', () => {
  it('on the hand-made map, in every kind of export', () => {
    const b = canonical(smallMap());
    const standings = { semanticsLabel: 'Quadratic Energy (QE)', byNode: new Map([['c1', 0.8]]) };
    expectSameReading(exportMarkdown(b, { standings }), 'with standings');
    for (const [name, options] of OPTION_SETS) expectSameReading(exportMarkdown(b, options), name);
    expectSameReading(exportMarkdown(b, { sources: false }), 'without sources');
  });

  it('on the essay fixture and the shipped essay map (claims/essay-map.md as it is on disk)', async () => {
    const fixture = importJson(await text('../fixtures/formats/essay-map.json'));
    const shipped = importJson(await text('../../claims/essay-map.json'));
    if (!fixture.ok || !shipped.ok) throw new Error('fixtures');
    for (const [name, options] of OPTION_SETS) {
      expectSameReading(exportMarkdown(fixture.bundles[0]!, options), `fixture, ${name}`);
      expectSameReading(exportMarkdown(shipped.bundles[0]!, options), `claims, ${name}`);
    }
    const md = await text('../../claims/essay-map.md');
    expectSameReading(md, 'claims/essay-map.md');
    const r = importMarkdown(md);
    expect(r.ok && r.bundles[0]!.nodes.length).to.equal(shipped.bundles[0]!.nodes.length);
  });

  it('on the benchmark map (1,000 nodes): accepted, so the fast path is the one measured', () => {
    const md = exportMarkdown(generateMap({ nodes: 1000 }));
    expectSameReading(md, 'bench map');
    const r = importMarkdown(md);
    expect(r.ok && r.bundles[0]!.nodes.length).to.equal(1000);
  });

  it('on a tree 200 deep and a thesis with 500 children', () => {
    expectSameReading(exportMarkdown(canonical(randomMap(1001, { nodes: 5, depth: 200 }))), 'deep');
    // (Seed 1002, used elsewhere, is declined: a note holds a block quote with a lazy line.)
    expectSameReading(exportMarkdown(canonical(randomMap(1003, { nodes: 3, width: 500 }))), 'wide');
  });

  it('on 60 random maps full of awkward text: the same whenever accepted, and most are accepted', () => {
    let accepted = 0;
    let total = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const b = canonical(randomMap(seed, { nodes: 30 }));
      for (const [name, options] of OPTION_SETS) {
        const md = exportMarkdown(b, options);
        const lines = readMarkdownWith('lines', md);
        total++;
        if (lines === null) continue;
        accepted++;
        expect(lines, `seed ${seed}, ${name}`).to.deep.equal(readMarkdownWith('marked', md));
      }
    }
    // Declined: text with a "[" label running on over lines (it could start a link definition),
    // or a block quote followed by a line without ">" (marked's lazy continuation).
    expect(total).to.equal(180);
    expect(accepted).to.be.at.least(160);
  });

  it('reads CRLF files with the line reader too (line breaks are normalised first, as for marked)', () => {
    const md = exportMarkdown(canonical(randomMap(78, { nodes: 20 })));
    const crlf = md.replace(/\n/g, '\r\n');
    expectSameReading(crlf, 'CRLF');
    expect(importMarkdown(crlf, { now: NOW })).to.deep.equal(importMarkdown(md, { now: NOW }));
  });

  it('on 600 damaged or hand-edited exports: declined, or the same as marked', () => {
    const pieces = [
      '',
      ' ',
      '\t',
      '- x',
      '* x',
      '1. x',
      '> x',
      '> “q” (¶3)',
      '# x',
      '## Sources',
      '*Sources:* [1]',
      '*Notes:* n',
      '*Rating:* 1 of 4 (1 rating)',
      '<!-- warrant {"id":"zz"} -->',
      '<!-- warrant {bad} -->',
      '<!-- warrant-end -->',
      '<!---->',
      '<div>',
      '[x',
      'y]: /u',
      '[1]: #source-1',
      '---',
      '===',
      '|---|',
      '```',
      '    code',
      'x\u00a0',
      '\u2028',
      '**Claim** (supports): c',
      'plain text',
    ];
    const bases = [1, 2, 3, 4, 5, 6].flatMap((seed) => {
      const b = canonical(randomMap(seed, { nodes: 12 }));
      return [exportMarkdown(b), exportMarkdown(b, MARKDOWN_HAND_IN)];
    });
    const rand = prng(9);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    let accepted = 0;
    for (let k = 0; k < 600; k++) {
      const lines = pick(bases).split('\n');
      for (let e = 0; e < 1 + Math.floor(rand() * 2); e++) {
        const at = Math.floor(rand() * lines.length);
        const indent = /^ */.exec(lines[at] ?? '')![0];
        const edit = Math.floor(rand() * 6);
        if (edit === 0) lines.splice(at, 1);
        else if (edit === 1) lines.splice(at, 0, indent + pick(pieces));
        else if (edit === 2) lines.splice(at, 0, '', indent + pick(pieces));
        else if (edit === 3) lines[at] = (lines[at] ?? '') + pick(pieces);
        else if (edit === 4) lines[at] = ` ${lines[at] ?? ''}`;
        else lines[at] = indent + pick(pieces);
      }
      const md = lines.join('\n');
      const read = readMarkdownWith('lines', md);
      if (read === null) continue;
      accepted++;
      expect(read, `edit ${k}:\n${md}`).to.deep.equal(readMarkdownWith('marked', md));
    }
    // Many edits leave a valid export (a changed text, an extra blank line): those must agree.
    expect(accepted).to.be.at.least(40);
  });
});

describe('formats/markdown line reader: other shapes go to marked', () => {
  const md = exportMarkdown(canonical(smallMap()), MARKDOWN_HAND_IN);
  const expected = rows(md);

  it('declines other bullets, tight lists and missing blank lines, and marked reads them the same', () => {
    const variants = {
      '"*" bullets': md.replace(/^( *)- /gm, '$1* '),
      '"+" bullets': md.replace(/^( *)- /gm, '$1+ '),
      'no blank line between points': md.replace(/\n\n(?=\s*- )/g, '\n'),
      'blank lines with spaces': md.replace(/\n\n/g, '\n   \n'),
    };
    for (const [name, variant] of Object.entries(variants)) {
      expect(readMarkdownWith('lines', variant), name).to.equal(null);
      expect(rows(variant), name).to.deep.equal(expected);
    }
  });

  it('declines hand-written lists (4-space and tab indentation, no header) and still imports them', () => {
    const four =
      '# Should schools ban phones?\n\n- Pro: Phones distract students.\n    - Con: The study is small.\n- Con: A ban is hard to enforce.\n';
    const tabs = four.replace(/ {4}/g, '\t');
    for (const hand of [four, tabs]) {
      expect(readMarkdownWith('lines', hand)).to.equal(null);
      expect(rows(hand)).to.deep.equal([
        '0 thesis Should schools ban phones?',
        '1 supports Phones distract students.',
        '2 opposes The study is small.',
        '1 opposes A ban is hard to enforce.',
      ]);
    }
  });

  it('declines the hand-written fixtures', async () => {
    for (const name of ['handwritten.md', 'plusminus.md']) {
      expect(readMarkdownWith('lines', await text(`../fixtures/formats/${name}`)), name).to.equal(null);
    }
  });

  it('declines an export with 4-space indentation: marked reports the misplaced lines', () => {
    const four = exportMarkdown(canonical(smallMap())).replace(/^((?: {2})+)/gm, (m) => m + m);
    expect(readMarkdownWith('lines', four)).to.equal(null);
    const r = importMarkdown(four);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).to.deep.equal([23, 25, 27, 29]);
    expect(r.errors[0]!.message).to.match(/^Text after the sources, rating, notes or sub-points/);
  });
});

describe('formats/markdown line reader: errors name the line, as before', () => {
  const HEAD = '# T\n<!-- warrant-map {"version":1} -->\n\n**Thesis:** t\n\n';
  const END = '\n<!-- warrant-end -->\n';
  const errorsOf = (md: string, reader: 'auto' | 'marked' = 'auto') => {
    const r = importMarkdown(md, { reader });
    expect(r.ok, 'import should fail').to.equal(false);
    return r.ok ? [] : r.errors;
  };

  it('problems found while reading (damaged machine data, a second quote) come from marked, with lines', () => {
    const damaged = `${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"id": -->\n${END}`;
    expect(readMarkdownWith('lines', damaged)).to.equal(null);
    expect(errorsOf(damaged)[0]!.line).to.equal(8);
    const twoQuotes = `${HEAD}- **Claim** (supports): a\n\n  > “x” (¶1)\n\n  > “y” (¶2)\n${END}`;
    expect(errorsOf(twoQuotes)).to.deep.equal([
      { line: 10, message: 'A statement has one essay quote; this is a second one.' },
    ]);
  });

  it('problems found by the restore step name the line and field, read by the line reader', () => {
    const badRating = `${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"ratings":[["ana",9]]} -->\n${END}`;
    expect(readMarkdownWith('lines', badRating)).not.to.equal(null);
    expect(errorsOf(badRating)[0]).to.include({ line: 8, field: 'rating.value' });
    const badLink = `${HEAD}- **Claim** (supports): a\n\n  *Sources:* [1]\n\n## Sources\n\n1. <a id="source-1"></a>**S** · *Type:* news · *Link:* <javascript:alert(1)>\n${END}`;
    expect(readMarkdownWith('lines', badLink)).not.to.equal(null);
    expect(errorsOf(badLink)[0]).to.include({ line: 12, field: 'source.url' });
    const dup = `${HEAD}- **Claim** (supports): a\n\n  <!-- warrant {"id":"x"} -->\n\n- **Claim** (supports): b\n\n  <!-- warrant {"id":"x"} -->\n${END}`;
    expect(errorsOf(dup)[0]).to.include({ line: 10, message: 'duplicate node id' });
    for (const md of [badRating, badLink, dup]) expect(errorsOf(md)).to.deep.equal(errorsOf(md, 'marked'));
  });

  it('a truncated export goes to marked, which says so at its last line', () => {
    const md = exportMarkdown(canonical(smallMap()));
    const cut = md.slice(0, Math.floor(md.length / 2));
    expect(readMarkdownWith('lines', cut)).to.equal(null);
    const [e] = errorsOf(cut);
    expect(e!.message).to.match(/ends too early/);
    expect(e!.line).to.equal(cut.split('\n').length);
  });
});
