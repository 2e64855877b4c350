import { expect } from '@open-wc/testing';
import { buildTree } from '../../src/model/tree.js';
import { INK, NO_STANDING_FILL, SHADES } from '../../src/pictures/picture-data.js';
import { MAX_RINGS, arcPath, layoutSunburst, sunburstMove } from '../../src/pictures/sunburst-layout.js';
import { bigInput, node, smallInput } from './helpers.js';

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

describe('pictures: sunburst layout', () => {
  it('draws arcs, disks and rings as SVG paths', () => {
    expect(arcPath(0, Math.PI / 2, 50, 100)).to.equal('M0,-100A100,100 0 0 1 100,0L50,0A50,50 0 0 0 0,-50Z');
    expect(arcPath(0, Math.PI, 0, 10)).to.equal('M0,-10A10,10 0 0 1 0,10L0,0Z');
    expect(arcPath(0, (3 * Math.PI) / 2, 0, 10)).to.equal('M0,-10A10,10 0 1 1 -10,0L0,0Z');
    expect(arcPath(0, 2 * Math.PI, 0, 10)).to.equal('M0,-10A10,10 0 1 1 0,10A10,10 0 1 1 0,-10Z');
  });

  it('gives one wedge per node, one ring per level, each as wide as its subtree', () => {
    const l = layoutSunburst(smallInput(), 200);
    expect(l.wedges.map((w) => w.id)).to.deep.equal(['t', 'a', 'b', 'k', 'p', 'r']);
    expect(l.rings).to.equal(4);
    expect(l.hidden).to.equal(0);
    expect(l.wedges.map((w) => [w.id, w.depth, w.size, w.y0, w.y1])).to.deep.equal([
      ['t', 0, 6, 0, 50],
      ['a', 1, 4, 50, 100],
      ['b', 1, 1, 50, 100],
      ['k', 2, 2, 100, 150],
      ['p', 2, 1, 100, 150],
      ['r', 3, 1, 150, 200],
    ]);
    const tau = 2 * Math.PI;
    const a = l.byId.get('a')!;
    const b = l.byId.get('b')!;
    expect([round(a.x0), round(a.x1), round(b.x0), round(b.x1)]).to.deep.equal(
      [0, (tau * 4) / 6, (tau * 4) / 6, (tau * 5) / 6].map(round),
    );
    expect([...l.childIds.entries()]).to.deep.equal([
      ['t', ['a', 'b']],
      ['a', ['k', 'p']],
      ['k', ['r']],
    ]);
  });

  it('shades by standing and polarity, with marks for unsourced and unrated nodes', () => {
    const l = layoutSunburst(smallInput(), 200);
    const w = (id: string) => l.byId.get(id)!;
    expect([w('t').fill, w('a').fill, w('b').fill, w('k').fill, w('r').fill]).to.deep.equal([
      SHADES.thesis[2],
      SHADES.support[4],
      SHADES.support[0],
      SHADES.oppose[2],
      NO_STANDING_FILL,
    ]);
    expect(w('b').ink).to.equal(INK);
    expect(w('t').marks).to.equal(undefined);
    expect(w('t').rim).to.equal('M0,-47.5A47.5,47.5 0 1 1 0,47.5A47.5,47.5 0 1 1 0,-47.5');
    expect([w('a').marks, w('a').rim]).to.deep.equal([undefined, undefined]);
    expect(w('b').marks?.text).to.equal('⚠');
    expect(w('b').rim?.startsWith('M')).to.equal(true);
    expect(w('t').caption?.text).to.equal('The thesis.');
    expect(w('t').caption?.anchor).to.equal('middle');
  });

  it('zooms into a branch, with the way back out', () => {
    const l = layoutSunburst(smallInput(), 150, 'a');
    expect(l.focusId).to.equal('a');
    expect(l.path).to.deep.equal(['t']);
    expect(l.wedges.map((w) => [w.id, w.depth, w.y0, w.y1])).to.deep.equal([
      ['a', 0, 0, 50],
      ['k', 1, 50, 100],
      ['p', 1, 50, 100],
      ['r', 2, 100, 150],
    ]);
    expect(layoutSunburst(smallInput(), 150, 'nope').focusId).to.equal('t');
  });

  it(`draws at most ${MAX_RINGS} rings and counts what lies deeper`, () => {
    const nodes = [node('c0', null, null)];
    for (let i = 1; i < 10; i++) nodes.push(node(`c${i}`, `c${i - 1}`, 'supports'));
    const l = layoutSunburst({ tree: buildTree(nodes), factsOf: () => ({ rated: true, unsourced: false }) }, 400);
    expect(l.rings).to.equal(MAX_RINGS);
    expect(l.wedges).to.have.length(MAX_RINGS);
    expect(l.hidden).to.equal(2);
  });

  it('moves between wedges with the arrow keys', () => {
    const l = layoutSunburst(smallInput(), 200);
    expect(sunburstMove(l, 'a', 'ArrowDown')).to.equal('b');
    expect(sunburstMove(l, 'b', 'ArrowDown')).to.equal('a');
    expect(sunburstMove(l, 'a', 'ArrowUp')).to.equal('b');
    expect(sunburstMove(l, 'a', 'ArrowRight')).to.equal('k');
    expect(sunburstMove(l, 'k', 'ArrowLeft')).to.equal('a');
    expect(sunburstMove(l, 'r', 'ArrowRight')).to.equal('r');
    expect(sunburstMove(l, 't', 'ArrowLeft')).to.equal('t');
    expect(sunburstMove(l, 't', 'ArrowDown')).to.equal('t');
    expect(sunburstMove(l, 'p', 'Home')).to.equal('k');
    expect(sunburstMove(l, 'k', 'End')).to.equal('p');
  });

  it('lays out 10,000 nodes', () => {
    const l = layoutSunburst(bigInput(10_000), 300);
    expect(l.wedges).to.have.length(10_000);
  });
});
