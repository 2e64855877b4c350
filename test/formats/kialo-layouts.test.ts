import { expect } from '@open-wc/testing';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import { exportKialo, importKialo } from '../../src/formats/kialo.js';
import { buildTree, childrenOf } from '../../src/model/tree.js';
import type { ArgNode, MapBundle } from '../../src/model/types.js';

// Fixtures written for these tests in Kialo's two export layouts (Kialo's own discussions may not
// be redistributed): an options discussion, cross-links, escapes, multi-line claims, CRLF.

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/formats/${name}`, import.meta.url));
  return res.text();
}

function importOne(text: string): MapBundle {
  const r = importKialo(text);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  expect(r.warnings).to.deep.equal([]);
  return r.bundles[0]!;
}

/**
 * What a Kialo round trip must keep: each claim's number, its relation, and either its text or
 * where its link points (the number of the target claim, or the other discussion).
 */
function signature(b: MapBundle): string[] {
  const tree = buildTree(b.nodes);
  const paths = new Map<string, string>();
  const order: Array<[ArgNode, string]> = [];
  const stack: Array<[ArgNode, string]> = [[tree.root, '1']];
  while (stack.length) {
    const [n, p] = stack.pop()!;
    paths.set(n.id, p);
    order.push([n, p]);
    const kids = childrenOf(tree, n.id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, `${p}.${i + 1}`]);
  }
  const links = new Map((b.links ?? []).map((l) => [l.nodeId, l]));
  return order.map(([n, p]) => {
    const l = links.get(n.id);
    const what = l
      ? l.targetId
        ? `link to ${paths.get(l.targetId)}`
        : `link to discussion ${l.external!.ref}: ${l.external!.title}`
      : n.text;
    return `${p} ${n.relation ?? 'thesis'} ${what}`;
  });
}

describe('formats/kialo newer layout', () => {
  it('reads an options discussion with indented claims, sources, citations, links, escapes and CRLF', async () => {
    const text = await fixture('kialo-energy-newer.txt');
    expect(text).to.contain('\r\n');
    const b = importOne(text);
    expect(b.map.title).to.equal('Which energy should our town invest in?');
    expect(signature(b)).to.deep.equal([
      '1 thesis Which energy source should our town invest in first?',
      '1.1 neutral Solar panels on public buildings.',
      '1.1.1 supports Sunlight costs nothing once the panels are paid for.',
      '1.1.1.1 opposes Panels lose about 0.5% of their output every year.',
      '1.1.2 opposes Output drops in winter, when the town needs most power.\nOur winters are long (five months) and dark.',
      '1.1.3 supports Ask the installer @SunCo about <rebates> first.',
      '1.2 neutral Wind turbines on the ridge.',
      '1.2.1 supports link to 1.1.1',
      '1.2.2 opposes Birds nest on the ridge.',
      '1.2.3 opposes link to discussion 4521: Should the ridge be a nature reserve?',
      '1.3 neutral Keep buying from the grid.',
      '1.3.1 supports See [Mercury_(planet)](https://en.wikipedia.org/wiki/Mercury_(planet)) for nothing relevant.',
    ]);
    expect(b.sources.map((s) => [s.title, s.url])).to.deep.equal([
      ['Solar costs report', 'https://example.org/solar-costs'],
      ['https://example.org/degradation', 'https://example.org/degradation'],
      ['Ridge bird survey 2024', 'https://example.org/ridge-birds'],
    ]);
    const textOf = new Map(b.nodes.map((n) => [n.id, n.text]));
    const titleOf = new Map(b.sources.map((s) => [s.id, s.title]));
    expect(b.citations.map((c) => `${textOf.get(c.nodeId)!.slice(0, 12)} -> ${titleOf.get(c.sourceId)}`)).to.deep.equal(
      [
        'Sunlight cos -> Solar costs report',
        'Panels lose  -> https://example.org/degradation',
        'Birds nest o -> Ridge bird survey 2024',
      ],
    );
  });

  it('exports it with the same numbering, relations and working links, and reads that back the same', async () => {
    const b = importOne(await fixture('kialo-energy-newer.txt'));
    const out = exportKialo(b);
    expect(out).to.contain('\n1.1. Solar panels on public buildings.\n');
    expect(out).to.contain('\n1.2.1. Pro: -> See 1.1.1.\n');
    expect(out).to.contain('\n1.2.3. Con: -> See discussion #4521: Should the ridge be a nature reserve?\n');
    expect(out).to.contain('\\@SunCo about \\<rebates\\> first.');
    // A link whose URL holds parentheses stays a link.
    expect(out).to.contain('[Mercury_(planet)](https://en.wikipedia.org/wiki/Mercury_(planet))');
    const back = importOne(out);
    expect(signature(back)).to.deep.equal(signature(b));
    expect(exportKialo(back)).to.equal(out);
  });

  it('keeps links pointing right through JSON', async () => {
    const b = importOne(await fixture('kialo-energy-newer.txt'));
    const r = importJson(exportMapJson(b));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(signature(r.bundles[0]!)).to.deep.equal(signature(b));
    expect(r.bundles[0]!.links).to.have.length(2);
  });
});

describe('formats/kialo options discussion, first layout', () => {
  it('reads bare claims as options, forward links, \\@ \\< \\> escapes and multi-line claims', async () => {
    const b = importOne(await fixture('kialo-pets-options.txt'));
    expect(signature(b)).to.deep.equal([
      '1 thesis Which pet suits a small flat best?',
      '1.1 neutral A cat.',
      '1.1.1 supports Cats need no walks (they use a litter tray).',
      '1.1.2 opposes link to 1.2.2',
      '1.2 neutral A dog.',
      '1.2.1 opposes Dogs need walks twice a day.',
      '1.2.1.1 supports link to 1.1.1',
      '1.2.2 supports Dogs <and cats> can be trained; email @trainer for classes.\nTraining takes\nseveral weeks.',
      '1.3 neutral A goldfish.',
      '1.3.1 opposes link to discussion 77: Are fish bowls cruel?',
      '1.3.2 supports A tank costs [about] 30 euros; see [tank guide](https://example.org/tanks_(small)).',
    ]);
  });

  it('round-trips byte for byte, links pointing at the same claims', async () => {
    const text = await fixture('kialo-pets-options.txt');
    expect(exportKialo(importOne(text))).to.equal(text);
  });

  it('keeps a link right when the claims it points at move', async () => {
    const b = importOne(await fixture('kialo-pets-options.txt'));
    // Swap the cat and the dog: "1.1.2 -> See 1.2.2" must now read "-> See 1.1.2" under the cat at 1.2.
    const cat = b.nodes.find((n) => n.text === 'A cat.')!;
    const dog = b.nodes.find((n) => n.text === 'A dog.')!;
    [cat.order, dog.order] = [dog.order, cat.order];
    const out = exportKialo(b);
    expect(out).to.contain('\n1.2.2. Con: -> See 1.1.2.\n');
    expect(out).to.contain('\n1.1.1.1. Pro: -> See 1.2.1.\n');
  });

  it('reads an escaped title the same as a plain one', () => {
    const b = importOne('Discussion Title: Phones \\(in Class\\)\n\n1. t\n');
    expect(b.map.title).to.equal('Phones (in Class)');
    expect(exportKialo(b).split('\n')[0]).to.equal('Discussion Title: Phones (in Class)');
  });
});

describe('options and links through Markdown', () => {
  it('an options discussion keeps its options through a Markdown round trip', async () => {
    const { exportMarkdown, importMarkdown } = await import('../../src/formats/markdown/index.js');
    const b = importOne(await fixture('kialo-pets-options.txt'));
    const md = exportMarkdown(b);
    expect(md).to.contain('**Option** (neutral');
    const r = importMarkdown(md);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    const rel = (x: MapBundle) => x.nodes.map((n) => `${n.text.slice(0, 20)} ${n.relation}`).sort();
    expect(rel(r.bundles[0]!)).to.deep.equal(rel(b));
  });

  it('links keep pointing at the same claims through Markdown (and the hand-in), byte-identical again', async () => {
    const { exportMarkdown, importMarkdown } = await import('../../src/formats/markdown/index.js');
    const b = importOne(await fixture('kialo-pets-options.txt'));
    const md = exportMarkdown(b);
    expect(md).to.match(/"link":\{"title":"Are fish bowls cruel\?","ref":"77"\}/);
    const r = importMarkdown(md);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    const back = r.bundles[0]!;
    expect(signature(back)).to.deep.equal(signature(b));
    expect(back.links).to.have.length(3);
    expect(exportMarkdown(back)).to.equal(md);
    expect(exportKialo(back)).to.equal(exportKialo(b));
  });

  it('a link in Markdown to a statement that is not in the file is refused, naming the line', async () => {
    const { exportMarkdown, importMarkdown } = await import('../../src/formats/markdown/index.js');
    const b = importOne(await fixture('kialo-pets-options.txt'));
    const md = exportMarkdown(b);
    const target = b.links!.find((l) => l.targetId)!.targetId!;
    const broken = md.replace(`"link":"${target}"`, '"link":"nowhere"');
    const r = importMarkdown(broken);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const line = broken.split('\n').findIndex((l) => l.includes('"link":"nowhere"')) + 1;
    expect(r.errors[0]).to.deep.include({ line, field: 'link.targetId' });
    expect(r.errors[0]!.message).to.contain('"nowhere" does not exist');
  });

  it('a hand-in of a map with links keeps them, through its Markdown', async () => {
    const { makeHandIn } = await import('../../src/formats/class-files.js');
    const { exportHandInMarkdown, importHandInMarkdown } = await import('../../src/formats/handin-markdown.js');
    const { assignmentOf, LATER } = await import('./class-helpers.js');
    const b = importOne(await fixture('kialo-pets-options.txt'));
    const h = makeHandIn(b, assignmentOf(b), 'Ana', 'h1', LATER);
    const r = importHandInMarkdown(exportHandInMarkdown(h.bundle, h.handIn));
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(signature(r.bundle)).to.deep.equal(signature(b));
    expect(r.bundle.links).to.have.length(3);
  });
});
