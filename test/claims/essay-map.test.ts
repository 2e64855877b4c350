// The shipped essay map, read through the app's own validator (the same restore step as any
// import): it must be valid, one tree, fully cited, balanced, and free of ratings.
import { expect } from '@open-wc/testing';
import { importJson } from '../../src/formats/json.js';
import { buildTree, checkTree, kindOf, walk } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';

async function essayMap(): Promise<MapBundle> {
  const result = importJson(await (await fetch('/claims/essay-map.json')).text());
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
  expect(result.bundles).to.have.length(1);
  return result.bundles[0]!;
}

describe('claims/essay-map.json', () => {
  it('passes the app validator and forms one tree with every node reachable from the thesis', async () => {
    const b = await essayMap();
    expect(checkTree(b.nodes)).to.deep.equal([]);
    const tree = buildTree(b.nodes);
    expect(tree.root.id).to.equal(b.map.rootId);
    let reached = 0;
    walk(tree, () => void reached++);
    expect(reached).to.equal(b.nodes.length);
    expect(new Set(b.nodes.map((n) => n.id)).size).to.equal(b.nodes.length);
  });

  it('has no empty text and every citation points to an existing node and source', async () => {
    const b = await essayMap();
    for (const n of b.nodes) expect(n.text.trim(), n.id).not.to.equal('');
    const sources = new Set(b.sources.map((s) => s.id));
    const nodes = new Set(b.nodes.map((n) => n.id));
    for (const c of b.citations) {
      expect(sources.has(c.sourceId), c.id).to.equal(true);
      expect(nodes.has(c.nodeId), c.id).to.equal(true);
    }
    // A source used by several nodes is one source: no two sources share title and date.
    expect(new Set(b.sources.map((s) => `${s.title.toLowerCase()}|${s.date}`)).size).to.equal(b.sources.length);
  });

  it('quotes the essay on every node taken from it, in short passages with a paragraph number', async () => {
    const b = await essayMap();
    for (const n of b.nodes.filter((x) => x.origin === 'essay')) {
      expect(n.quote, n.id).to.not.equal(undefined);
      expect(n.quote!.text.split(/\s+/).length, n.id).to.be.at.most(45);
      expect(n.quote!.paragraph, n.id).to.be.within(1, 43);
    }
  });

  it('gives at least 15 counterpoints, and cites a source on every added node', async () => {
    const b = await essayMap();
    const tree = buildTree(b.nodes);
    const kinds = b.nodes.map((n) => kindOf(tree, n));
    expect(kinds.filter((k) => k === 'counterpoint').length).to.be.at.least(15);
    expect(kinds.filter((k) => k === 'rebuttal').length).to.be.at.least(1);
    const cited = new Set(b.citations.map((c) => c.nodeId));
    for (const n of b.nodes.filter((x) => x.origin === 'added')) expect(cited.has(n.id), n.id).to.equal(true);
  });

  it("ships without ratings: rating is the class's job", async () => {
    expect((await essayMap()).ratings).to.deep.equal([]);
  });

  it('only links to http(s) sources', async () => {
    for (const s of (await essayMap()).sources) if (s.url) expect(s.url, s.id).to.match(/^https?:\/\//);
  });
});
