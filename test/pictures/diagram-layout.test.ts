import { expect } from '@open-wc/testing';
import { SHADES, labelOf } from '../../src/pictures/picture-data.js';
import {
  BOX,
  boxContent,
  branchLevels,
  diagramMove,
  layoutDiagram,
  printTiles,
  type DiagramBox,
} from '../../src/pictures/diagram-layout.js';
import { textWidth } from '../../src/pictures/text-fit.js';
import { bigInput, node, smallInput } from './helpers.js';
import { buildTree } from '../../src/model/tree.js';

const overlaps = (a: DiagramBox, b: DiagramBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('pictures: diagram layout', () => {
  it('sizes a box for its header, wrapped text and marks', () => {
    const input = smallInput();
    const a = boxContent(labelOf(input, input.tree.byId.get('a')!));
    expect(a).to.deep.equal({
      header: '⊕ Claim · 0.90',
      lines: ['Claim A'],
      truncated: false,
      footer: '',
      width: 240,
      height: 55,
    });
    const b = boxContent(labelOf(input, input.tree.byId.get('b')!));
    expect([b.footer, b.height]).to.deep.equal(['⚠ no source · ☆ unrated', 73]);
    const r = boxContent(labelOf(input, input.tree.byId.get('r')!));
    expect(r.header).to.equal('⊟ Rebuttal · no standing');
  });

  it('gives one box per node of the branch and one arrow per relation, root on top', () => {
    const l = layoutDiagram(smallInput(), 't');
    expect(l.boxes.map((b) => b.id)).to.deep.equal(['t', 'a', 'b', 'k', 'p', 'r']);
    expect(l.edges.map((e) => [e.from, e.to, e.relation])).to.deep.equal([
      ['a', 't', 'supports'],
      ['b', 't', 'supports'],
      ['k', 'a', 'opposes'],
      ['p', 'a', 'supports'],
      ['r', 'k', 'opposes'],
    ]);
    expect(l.cut).to.equal(undefined);
    const box = (id: string) => l.byId.get(id)!;
    // Levels go down the page; siblings keep the argument's order left to right.
    expect(box('t').y).to.be.below(box('a').y);
    expect(box('a').y).to.equal(box('b').y);
    expect(box('a').x).to.be.below(box('b').x);
    expect(box('k').x).to.be.below(box('p').x);
    expect(box('k').y).to.be.below(box('r').y);
    for (const x of l.boxes)
      for (const y of l.boxes) if (x !== y) expect(overlaps(x, y), `${x.id}/${y.id}`).to.equal(false);
    for (const x of l.boxes) {
      expect(x.x).to.be.at.least(0);
      expect(x.x + x.width).to.be.at.most(l.width);
      expect(x.y + x.height).to.be.at.most(l.height);
    }
    expect([box('a').headerFill, box('k').line, box('k').fill]).to.deep.equal([
      SHADES.support[4],
      '#b0261d',
      '#fbeceb',
    ]);
    // Arrows run from the point's top edge to the bottom edge of what it bears on.
    const ka = l.edges[2]!;
    expect(ka.d.startsWith(`M${box('k').x + BOX.width / 2},${box('k').y}`)).to.equal(true);
    expect(ka.d.endsWith(`H${box('a').x + BOX.width / 2}V${box('a').y + box('a').height}`)).to.equal(true);
  });

  it('draws a branch from any node', () => {
    const l = layoutDiagram(smallInput(), 'k');
    expect(l.rootId).to.equal('k');
    expect(l.boxes.map((b) => [b.id, b.depth, b.parentId])).to.deep.equal([
      ['k', 0, null],
      ['r', 1, 'k'],
    ]);
    expect(l.edges).to.have.length(1);
  });

  it('moves between boxes with the arrow keys', () => {
    const l = layoutDiagram(smallInput(), 't');
    expect(diagramMove(l, 't', 'ArrowDown')).to.equal('a');
    expect(diagramMove(l, 'a', 'ArrowRight')).to.equal('b');
    expect(diagramMove(l, 'b', 'ArrowRight')).to.equal('b');
    expect(diagramMove(l, 'b', 'ArrowLeft')).to.equal('a');
    expect(diagramMove(l, 'k', 'ArrowUp')).to.equal('a');
    expect(diagramMove(l, 't', 'ArrowUp')).to.equal('t');
    expect(diagramMove(l, 'r', 'Home')).to.equal('t');
    expect(diagramMove(l, 'k', 'End')).to.equal('p');
  });

  it('cuts a branch over the limit to its top levels and says so', () => {
    const input = bigInput(21);
    expect(branchLevels(input.tree, 'n0', 10).cut).to.deep.equal({ shown: 5, total: 21, levels: 1 });
    expect(branchLevels(input.tree, 'n0', 3).cut).to.deep.equal({ shown: 3, total: 21, levels: 1 });
    expect(branchLevels(input.tree, 'n0', 21).cut).to.equal(undefined);
    const big = layoutDiagram(bigInput(5000), 'n0');
    // Levels of 1, 4, 16, 64 and 256 nodes fit in 400; the next, of 1024, does not.
    expect(big.cut).to.deep.equal({ shown: 341, total: 5000, levels: 4 });
    expect(big.boxes).to.have.length(341);
  });

  it('keeps text of 3,000 characters or with no spaces inside its box', () => {
    const input = {
      tree: buildTree([node('t', null, null, 'y'.repeat(3000)), node('c', 't', 'supports', 'word '.repeat(600))]),
      factsOf: () => ({ rated: true, unsourced: false }),
    };
    const l = layoutDiagram(input, 't');
    for (const b of l.boxes) {
      expect(b.truncated).to.equal(true);
      expect(b.lines).to.have.length(BOX.maxLines);
      for (const line of b.lines) expect(textWidth(line, BOX.font)).to.be.at.most(BOX.width - 2 * BOX.pad);
    }
  });

  it('prints on one page when it fits at 60% or more, else on overlapping pages', () => {
    expect(printTiles(500, 300, 1000, 700)).to.deep.equal([{ x: 0, y: 0, width: 500, height: 300 }]);
    expect(printTiles(1500, 700, 1000, 700)).to.deep.equal([{ x: 0, y: 0, width: 1500, height: 700 }]);
    const tiles = printTiles(3000, 800, 1000, 700);
    expect(tiles.map((t) => [t.x, t.y])).to.deep.equal([
      [0, 0],
      [740, 0],
      [1480, 0],
      [2220, 0],
      [0, 540],
      [740, 540],
      [1480, 540],
      [2220, 540],
    ]);
  });
});
