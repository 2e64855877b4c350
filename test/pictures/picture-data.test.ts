import { expect } from '@open-wc/testing';
import {
  BOX_FILL,
  INK,
  LINE,
  MARK_INK,
  NO_STANDING_FILL,
  PAPER,
  SHADES,
  bandLabel,
  cardFacts,
  contrast,
  labelOf,
  spokenLabel,
  standingBand,
  textOn,
  type Polarity,
} from '../../src/pictures/picture-data.js';
import { fitText, textWidth, wrapText } from '../../src/pictures/text-fit.js';
import { smallInput } from './helpers.js';

const POLARITIES: Polarity[] = ['thesis', 'support', 'oppose'];

describe('pictures: colours', () => {
  it('gives every shade 3:1 against the page and its text 4.5:1 (WCAG)', () => {
    for (const p of POLARITIES) {
      for (const fill of [...SHADES[p], NO_STANDING_FILL]) {
        expect(contrast(fill, PAPER), `${p} ${fill}`).to.be.at.least(3);
        expect(contrast(fill, textOn(fill)), `${p} ${fill} text`).to.be.at.least(4.5);
      }
      expect(contrast(LINE[p], PAPER), `${p} line`).to.be.at.least(3);
      expect(contrast(LINE[p], BOX_FILL[p]), `${p} line on box`).to.be.at.least(3);
      expect(contrast(INK, BOX_FILL[p]), `${p} box text`).to.be.at.least(4.5);
      expect(contrast(MARK_INK, BOX_FILL[p]), `${p} box marks`).to.be.at.least(4.5);
    }
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).to.equal(21);
    expect(contrast('#ffffff', '#ffffff')).to.equal(1);
    expect(Math.round(contrast('#767676', '#ffffff') * 100) / 100).to.equal(4.54);
    expect(textOn('#2fa071')).to.equal(INK);
    expect(textOn('#113b2a')).to.equal(PAPER);
  });

  it('shades standings in five bands', () => {
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1, undefined, NaN].map(standingBand)).to.deep.equal([
      0, 0, 1, 2, 3, 4, 4, -1, -1,
    ]);
    expect([0, 1, 4].map(bandLabel)).to.deep.equal(['0.0–0.2', '0.2–0.4', '0.8–1']);
  });
});

describe('pictures: labels', () => {
  it('says kind, text without Markdown, standing and marks', () => {
    const input = smallInput();
    const t = labelOf(input, input.tree.byId.get('t')!);
    expect(t).to.deep.equal({
      id: 't',
      kind: 'thesis',
      polarity: 'thesis',
      text: 'The thesis.',
      standing: 0.5,
      rated: false,
      unsourced: false,
    });
    expect(spokenLabel(t, 'Thesis')).to.equal('Thesis: The thesis. Standing 0.50. Unrated.');
    const b = labelOf(input, input.tree.byId.get('b')!);
    expect(spokenLabel(b, 'Claim')).to.equal('Claim: Claim B. Standing 0.10. No source. Unrated.');
    const r = labelOf(input, input.tree.byId.get('r')!);
    expect([r.kind, r.polarity]).to.deep.equal(['rebuttal', 'oppose']);
    expect(spokenLabel(r, 'Rebuttal')).to.equal('Rebuttal: Rebuttal R. No standing. Unrated.');
  });

  it('writes the hover card\'s facts so an unrated node reads "no standing yet", never "standing no standing"', () => {
    const input = smallInput();
    const at = (id: string) => cardFacts(labelOf(input, input.tree.byId.get(id)!));
    expect(at('t')).to.equal('standing 0.50 · ☆ unrated');
    expect(at('b')).to.equal('standing 0.10 · ⚠ no source · ☆ unrated');
    expect(at('r')).to.equal('no standing yet · ☆ unrated');
    expect(
      cardFacts({
        id: 'x',
        kind: 'claim',
        polarity: 'support',
        text: 'x',
        standing: 0.8,
        rated: true,
        unsourced: false,
      }),
    ).to.equal('standing 0.80');
  });
});

describe('pictures: text fitting', () => {
  it('estimates widths by character class', () => {
    expect(textWidth('Ab', 10)).to.equal(13);
    expect(textWidth('il', 10)).to.equal(6.4);
    expect(textWidth('漢', 10)).to.equal(10);
  });

  it('cuts one line with an ellipsis', () => {
    expect(fitText('Hello world', 30, 10)).to.equal('Hell…');
    expect(fitText('Hi', 30, 10)).to.equal('Hi');
    expect(fitText('Hello', 4, 10)).to.equal('');
    expect(fitText('Hello', 0, 10)).to.equal('');
  });

  it('wraps by words, breaks words longer than a line and ends cut text with an ellipsis', () => {
    expect(wrapText('aaa bbb ccc', 40, 10, 5)).to.deep.equal({ lines: ['aaa bbb', 'ccc'], truncated: false });
    expect(wrapText('aaaaaaaaaa', 30, 10, 5)).to.deep.equal({ lines: ['aaaaa', 'aaaaa'], truncated: false });
    expect(wrapText('aa bb cc dd ee ff', 40, 10, 2)).to.deep.equal({ lines: ['aa bb', 'cc dd…'], truncated: true });
    expect(wrapText('', 40, 10, 2)).to.deep.equal({ lines: [], truncated: false });
  });

  it('keeps 3,000 characters with no space inside the box', () => {
    const w = wrapText('x'.repeat(3000), 220, 13, 6);
    expect(w.lines).to.have.length(6);
    expect(w.truncated).to.equal(true);
    for (const line of w.lines) expect(textWidth(line, 13)).to.be.at.most(220);
    expect(w.lines[5]!.endsWith('…')).to.equal(true);
  });
});
