import { expect } from '@open-wc/testing';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import { describeKialoLosses, exportKialo, importKialo } from '../../src/formats/kialo.js';
import { exportMarkdown } from '../../src/formats/markdown/index.js';
import { buildTree, walk } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';
import { randomMap, smallMap } from './helpers.js';

function canonical(bundle: MapBundle): MapBundle {
  const r = importJson(exportMapJson(bundle));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.bundles[0]!;
}

function importOne(text: string): { bundle: MapBundle; warnings: Array<{ line?: number; message: string }> } {
  const r = importKialo(text);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return { bundle: r.bundles[0]!, warnings: r.warnings };
}

/** What Kialo carries: depth, relation and (trimmed, LF) text in reading order, and the title. */
function shape(b: MapBundle): string[] {
  const rows = [b.map.title.replace(/\s+/g, ' ').trim()];
  walk(
    buildTree(b.nodes),
    (n, d) => void rows.push(`${d} ${n.relation ?? 'thesis'} ${n.text.replace(/\r\n?/g, '\n').trim()}`),
  );
  return rows;
}

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/formats/${name}`, import.meta.url));
  return res.text();
}

const SMALL = `Discussion Title: Was the partnership doomed?

1. Russia and America could have been partners.
1.1. Pro: The summits *worked*:
both sides cut arsenals.
1.1.1. Pro: The INF Treaty was signed in 1987.
1.1.2. Con: Arms cuts are not friendship.
1.1.2.1. Con: - They are a start, though.
1.2. Con: Distrust never went away.
`;

describe('formats/kialo export', () => {
  it('writes the discussion format exactly', () => {
    expect(exportKialo(smallMap())).to.equal(SMALL);
  });

  it('escapes literal ( ) [ ] but keeps links, and escapes lines that look like claim numbers', () => {
    const b = smallMap();
    b.nodes.find((n) => n.id === 'p1')!.text =
      'A (big) [1] step; see [the text](https://example.org/inf).\n2. second\n1.1. Pro: not a claim';
    expect(exportKialo(b)).to.contain(
      '1.1.1. Pro: A \\(big\\) \\[1\\] step; see [the text](https://example.org/inf).\n2\\. second\n1.1\\. Pro: not a claim\n',
    );
  });

  it('lists what the format cannot carry', () => {
    const losses = describeKialoLosses(smallMap()).join('; ');
    expect(losses).to.contain('2 essay quotes');
    expect(losses).to.contain('2 sources');
    expect(losses).to.contain('3 ratings');
    expect(losses).to.contain('1 note');
  });
});

describe('formats/kialo import', () => {
  it('reads a Kialo file with CRLF, escapes, links, continuation lines and "-> See" links', async () => {
    const { bundle, warnings } = importOne(await fixture('kialo-phones.txt'));
    expect(shape(bundle)).to.deep.equal([
      'Should Schools Ban Phones (in Class)?',
      '0 thesis Schools should ban phones during lessons.',
      '1 supports Phones distract students [even when face down].',
      '2 opposes The study behind this is small (n=40); see [Ward et al.](https://example.org/ward-2017).',
      '3 supports Larger studies found the same effect.\nIt held across ages\nand subjects.',
      '2 supports Teachers report fewer interruptions.\n\nEspecially in the first lesson of the day.',
      '1 opposes Phones are useful research tools.',
      '2 opposes -> See 1.1.',
      '2 supports -> See discussion #13564: Should Schools Provide Laptops?',
      '1 opposes A ban is hard to enforce.',
    ]);
    expect(warnings).to.deep.equal([]);
    // Both "-> See" claims became link records: one to claim 1.1, one to another discussion.
    const byText = new Map(bundle.nodes.map((n) => [n.text, n.id]));
    expect(bundle.links?.map((l) => ({ node: l.nodeId, target: l.targetId, external: l.external }))).to.deep.equal([
      {
        node: byText.get('-> See 1.1.'),
        target: byText.get('Phones distract students [even when face down].'),
        external: undefined,
      },
      {
        node: byText.get('-> See discussion #13564: Should Schools Provide Laptops?'),
        target: undefined,
        external: { title: 'Should Schools Provide Laptops?', ref: '13564' },
      },
    ]);
  });

  it('round-trips its own fixture export byte-identically', async () => {
    const { bundle } = importOne(await fixture('kialo-phones.txt'));
    const text = exportKialo(bundle);
    expect(exportKialo(importOne(text).bundle)).to.equal(text);
    expect(text).to.equal((await fixture('kialo-phones.txt')).replace(/\r\n/g, '\n'));
  });
});

describe('formats/kialo round trip', () => {
  it('is byte-identical on the hand-made map and the essay fixture', async () => {
    const small = canonical(smallMap());
    expect(exportKialo(importOne(exportKialo(small)).bundle)).to.equal(exportKialo(small));
    const essay = importJson(await fixture('essay-map.json'));
    if (!essay.ok) throw new Error('fixture');
    const text = exportKialo(essay.bundles[0]!);
    const back = importOne(text).bundle;
    expect(exportKialo(back)).to.equal(text);
    expect(shape(back)).to.deep.equal(shape(essay.bundles[0]!));
  });

  it('is byte-identical on the shipped essay map (claims/essay-map.json)', async () => {
    const res = await fetch(new URL('../../claims/essay-map.json', import.meta.url));
    const r = importJson(await res.text());
    if (!r.ok) throw new Error('claims/essay-map.json');
    const text = exportKialo(r.bundles[0]!);
    const back = importOne(text).bundle;
    expect(exportKialo(back)).to.equal(text);
    expect(shape(back)).to.deep.equal(shape(r.bundles[0]!));
  });

  it('is byte-identical on 60 random maps, keeping structure and text', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const b = canonical(randomMap(seed, { nodes: 30, rich: false }));
      const text = exportKialo(b);
      const back = importOne(text).bundle;
      expect(exportKialo(back), `seed ${seed}`).to.equal(text);
      expect(shape(back), `seed ${seed}`).to.deep.equal(shape(b));
    }
  });

  it('survives a tree 200 deep and a thesis with 500 children', () => {
    for (const b of [
      canonical(randomMap(2001, { nodes: 3, depth: 200, rich: false })),
      canonical(randomMap(2002, { nodes: 3, width: 500, rich: false })),
    ]) {
      const text = exportKialo(b);
      const back = importOne(text).bundle;
      expect(exportKialo(back)).to.equal(text);
      expect(shape(back)).to.deep.equal(shape(b));
    }
  });

  it('reads CRLF files exactly like LF files', () => {
    const text = exportKialo(canonical(randomMap(7, { nodes: 20, rich: false })));
    const crlf = text.replace(/\n/g, '\r\n');
    expect(exportKialo(importOne(crlf).bundle)).to.equal(text);
  });

  it('keeps script and HTML payloads as inert text, verbatim', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const b = canonical(smallMap());
    b.map.title = payload;
    for (const n of b.nodes) n.text = payload;
    const back = importOne(exportKialo(b)).bundle;
    expect(back.map.title).to.equal(payload);
    expect(back.nodes.map((n) => n.text)).to.deep.equal(b.nodes.map(() => payload));
  });
});

describe('formats/kialo import errors', () => {
  const errorsOf = (text: string) => {
    const r = importKialo(text);
    expect(r.ok, 'import should fail').to.equal(false);
    return r.ok ? [] : r.errors;
  };

  it('says a JSON or Markdown file is not Kialo text', async () => {
    expect(errorsOf(await fixture('essay-map.json'))[0]!.message).to.match(/looks like a JSON file/);
    expect(errorsOf(exportMarkdown(smallMap()))[0]!.message).to.match(/looks like a Markdown file/);
    expect(errorsOf('Just a shopping list\nmilk\n')[0]).to.include({ line: 1 });
  });

  it('says a truncated file is truncated, naming the line', () => {
    expect(errorsOf('Discussion Title: x\n\n')[0]!.message).to.match(/truncated/);
    const cut = 'Discussion Title: x\n\n1. thesis\n1.1. Pro: a\n1.2.';
    const errors = errorsOf(cut);
    expect(errors.some((e) => e.line === 5 && /truncated/.test(e.message))).to.equal(true);
  });

  it('names the line of a claim without a parent, a duplicate, an empty claim', () => {
    expect(errorsOf('Discussion Title: x\n\n1. t\n1.1. Pro: a\n1.1.1.1. Con: b\n')[0]).to.include({ line: 5 });
    expect(errorsOf('Discussion Title: x\n\n1. t\n1.1. Pro: a\n1.1. Con: b\n')[0]).to.include({ line: 5 });
    expect(errorsOf('Discussion Title: x\n\n1.1. Pro: a\n')[0]).to.include({ line: 3 });
    const [empty] = errorsOf('Discussion Title: x\n\n1. t\n1.1. Pro: a\n1.2. Con:  \n1.3. Pro: c\n');
    expect(empty).to.include({ line: 5, field: 'claim 1.2 text' });
  });

  it('says a badly decoded file is not valid UTF-8, naming the line', () => {
    const bytes = new TextEncoder().encode(SMALL);
    bytes[SMALL.indexOf('Distrust')] = 0xc3; // a lead byte with no continuation, on line 9
    const [e] = errorsOf(new TextDecoder().decode(bytes));
    expect(e!.message).to.match(/not valid UTF-8/);
    expect(e!.line).to.equal(9);
  });

  it('refuses a 50 MB file by its size alone, with a size message', () => {
    const t0 = performance.now();
    const [e] = errorsOf(`Discussion Title: x\n\n1. ${'y'.repeat(50 * 1024 * 1024)}\n`);
    console.log(`50 MB Kialo text refused in ${Math.round(performance.now() - t0)} ms`);
    expect(e!.message).to.match(/too large/);
  });
});
