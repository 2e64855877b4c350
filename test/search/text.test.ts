import { expect } from '@open-wc/testing';
import { buildTree } from '../../src/model/tree.js';
import { foldText, foldWithMap } from '../../src/search/fold.js';
import { highlight, mergeRanges } from '../../src/search/highlight.js';
import { formatPath, truncateLabel, visibleWithAncestors } from '../../src/search/path.js';
import { coldWarMap, prng } from './fixtures.js';

describe('search text helpers', () => {
  it('folds case, diacritics, Markdown markers, typography and spaces', () => {
    expect(foldText('  Priština, MILOŠEVIĆ  and  Łódź ')).to.equal('pristina, milosevic and lodz');
    expect(foldText('**Gorbachev** said _no_')).to.equal('gorbachev said no');
    expect(foldText('NATO’s “one inch” — 1989–1991…')).to.equal('nato\'s "one inch" - 1989-1991...');
    expect(foldText('Straße\u00a0und\tÆther')).to.equal('strasse und aether');
    // Decomposed input (e + combining acute) folds like the precomposed letter.
    expect(foldText('de\u0301tente')).to.equal(foldText('détente'));
  });

  it('maps every folded character back to the original', () => {
    const { folded, starts, ends } = foldWithMap('**Priština**  Straße');
    expect(folded).to.equal('pristina strasse');
    expect(starts.slice(0, 8)).to.deep.equal([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ends[7]).to.equal(10);
    // The collapsed double space maps to its first space; "ß" gives two folded letters.
    expect([starts[8], ends[8]]).to.deep.equal([12, 13]);
    expect(folded.slice(13)).to.equal('sse');
    expect([starts[13], ends[13], starts[14], ends[14]]).to.deep.equal([18, 19, 18, 19]);
    // A combining mark belongs to the letter before it.
    expect(foldWithMap('de\u0301tente').ends[1]).to.equal(3);
  });

  it('folds the same on the fast ASCII path as character by character', () => {
    const rand = prng(11);
    const alphabet = 'aB z*_`\t\n.-Éé’ß';
    for (let i = 0; i < 2000; i++) {
      let s = '';
      const len = Math.floor(rand() * 20);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * (i % 2 ? 11 : alphabet.length))];
      expect(foldText(s), JSON.stringify(s)).to.equal(foldWithMap(s).folded);
    }
  });

  it('merges ranges and cuts text into segments', () => {
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [6, 9],
        [9, 10],
        [3, 3],
      ]),
    ).to.deep.equal([
      [0, 2],
      [5, 10],
    ]);
    expect(
      highlight('Gorbachev met Baker', [
        [0, 9],
        [14, 19],
      ]),
    ).to.deep.equal([
      { text: 'Gorbachev', match: true },
      { text: ' met ', match: false },
      { text: 'Baker', match: true },
    ]);
    // Out-of-range and unsorted ranges are clipped, never thrown on.
    expect(
      highlight('NATO', [
        [2, 99],
        [-3, 1],
      ]),
    ).to.deep.equal([
      { text: 'N', match: true },
      { text: 'A', match: false },
      { text: 'TO', match: true },
    ]);
    expect(highlight('<b>x</b>', [])).to.deep.equal([{ text: '<b>x</b>', match: false }]);
  });

  it('truncates labels at word boundaries', () => {
    expect(truncateLabel('Short label', 24)).to.equal('Short label');
    expect(truncateLabel('Western leaders assured Gorbachev in 1990', 24)).to.equal('Western leaders assured…');
    expect(truncateLabel('Declassified memoranda of the meeting', 24)).to.equal('Declassified memoranda…');
    expect(truncateLabel('Supercalifragilisticexpialidocious', 10)).to.equal('Supercali…');
  });

  it('renders a path with the thesis as "Thesis" and plain, truncated labels', () => {
    const bundle = coldWarMap();
    const text = new Map(bundle.nodes.map((n) => [n.id, n.text]));
    expect(formatPath(['T', 'c1', 'cp1'], (id) => text.get(id))).to.equal(
      'Thesis > Western leaders assured… > Gorbachev later denied…',
    );
    expect(formatPath(['T', 'c2'], (id) => text.get(id), { maxLabelLength: 40, separator: ' / ' })).to.equal(
      'Thesis / The 1999 bombing of Serbia over Kosovo…',
    );
    expect(formatPath(['T', 'gone'], (id) => text.get(id), { rootLabel: null })).to.equal("NATO's eastward… > ?");
    expect(formatPath([], (id) => text.get(id))).to.equal('');
  });

  it('keeps matches with all their ancestors', () => {
    const tree = buildTree(coldWarMap().nodes);
    expect([...visibleWithAncestors(tree, ['r1', 'p2'])].sort()).to.deep.equal(['T', 'c1', 'c2', 'cp1', 'p2', 'r1']);
    expect([...visibleWithAncestors(tree, ['T', 'nope'])]).to.deep.equal(['T']);
    expect(visibleWithAncestors(tree, []).size).to.equal(0);
  });
});
