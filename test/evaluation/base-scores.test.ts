import { expect } from '@open-wc/testing';
import {
  computeBaseScores,
  DEFAULT_EVALUATION_SETTINGS,
  parseEvaluationSettings,
  RATING_MAPPING_LABELS,
  ratingToTau,
  SEMANTICS_LABELS,
  type RatingInput,
} from '../../src/evaluation/index.js';

const EPS = 1e-12;

// x: rated 1 by a, 3 by b, 4 by c. y: rated 2 by a only. z: rated 3 by b and c (agreeing).
const ratings: RatingInput[] = [
  { nodeId: 'x', rater: 'a', value: 1 },
  { nodeId: 'x', rater: 'b', value: 3 },
  { nodeId: 'x', rater: 'c', value: 4 },
  { nodeId: 'y', rater: 'a', value: 2 },
  { nodeId: 'z', rater: 'c', value: 3 },
  { nodeId: 'z', rater: 'b', value: 3 },
];

describe('evaluation base scores', () => {
  it('maps a rating linearly (r/4) or avoiding extremes ((r+0.5)/5)', () => {
    expect([0, 1, 2, 3, 4].map((r) => ratingToTau(r, 'linear'))).to.deep.equal([0, 0.25, 0.5, 0.75, 1]);
    const avoid = [0, 1, 2, 3, 4].map((r) => ratingToTau(r, 'avoid-extremes'));
    [0.1, 0.3, 0.5, 0.7, 0.9].forEach((t, i) => expect(avoid[i]).to.be.closeTo(t, EPS));
  });

  it("takes everyone's mean, spread, min and max", () => {
    const base = computeBaseScores(ratings);
    // x: mean (1 + 3 + 4)/3 = 8/3; deviations -5/3, 1/3, 4/3; squares 25/9 + 1/9 + 16/9 = 42/9;
    // population variance 42/27 = 14/9; spread sqrt(14)/3. tau = (8/3)/4 = 2/3.
    const x = base.get('x');
    if (!x.rated) throw new Error('x should be rated');
    expect(x.count).to.equal(3);
    expect(x.mean).to.be.closeTo(8 / 3, EPS);
    expect(x.spread).to.be.closeTo(Math.sqrt(14) / 3, EPS);
    expect([x.min, x.max]).to.deep.equal([1, 4]);
    expect(x.tau).to.be.closeTo(2 / 3, EPS);
    // z: raters agree, spread exactly 0; tau 3/4.
    expect(base.get('z')).to.deep.equal({
      nodeId: 'z',
      rated: true,
      count: 2,
      mean: 3,
      spread: 0,
      min: 3,
      max: 3,
      tau: 0.75,
    });
    expect(base.raters).to.deep.equal(['a', 'b', 'c']);
    expect(base.perspective).to.deep.equal({});
  });

  it('applies the avoid-extremes mapping to the mean', () => {
    // x: (8/3 + 1/2)/5 = (19/6)/5 = 19/30.
    const base = computeBaseScores(ratings, { mapping: 'avoid-extremes' });
    expect(base.tauOf('x')).to.be.closeTo(19 / 30, EPS);
    expect(base.mapping).to.equal('avoid-extremes');
  });

  it('an unrated node is neutral 0.5 and flagged, never 0', () => {
    const base = computeBaseScores(ratings, { mapping: 'avoid-extremes' });
    expect(base.get('w')).to.deep.equal({ nodeId: 'w', rated: false, count: 0, tau: 0.5 });
    expect(base.tauOf('w')).to.equal(0.5);
    expect(base.isRated('w')).to.equal(false);
    expect(base.isRated('x')).to.equal(true);
  });

  it("filters by one rater's perspective", () => {
    const base = computeBaseScores(ratings, { perspective: { rater: 'b' } });
    // b rated x 3 and z 3; y (only a) is unrated from b's perspective.
    expect(base.get('x')).to.deep.equal({
      nodeId: 'x',
      rated: true,
      count: 1,
      mean: 3,
      spread: 0,
      min: 3,
      max: 3,
      tau: 0.75,
    });
    expect(base.isRated('y')).to.equal(false);
    expect(base.tauOf('y')).to.equal(0.5);
    expect(base.rated.size).to.equal(2);
    // The rater list is for the picker: all raters, whatever the perspective.
    expect(base.raters).to.deep.equal(['a', 'b', 'c']);
    expect(base.perspective).to.deep.equal({ rater: 'b' });
  });

  it('ignores values off the 0-4 scale', () => {
    const bad = [{ nodeId: 'x', rater: 'a', value: 7 }] as unknown as RatingInput[];
    expect(computeBaseScores(bad).isRated('x')).to.equal(false);
  });
});

describe('evaluation settings', () => {
  it('defaults to the class standing with r/4 and has labels', () => {
    expect(DEFAULT_EVALUATION_SETTINGS).to.deep.equal({ semantics: 'class', mapping: 'linear' });
    expect(SEMANTICS_LABELS).to.deep.equal({ class: 'Class standing', qe: 'Quadratic Energy', dfquad: 'DF-QuAD' });
    expect(RATING_MAPPING_LABELS['avoid-extremes']).to.equal('avoid extremes (r+0.5)/5');
  });

  it('parses stored settings, falling back per field', () => {
    expect(parseEvaluationSettings({ semantics: 'dfquad', mapping: 'avoid-extremes' })).to.deep.equal({
      semantics: 'dfquad',
      mapping: 'avoid-extremes',
    });
    // A stored choice is kept (QE included); an unknown one falls back to the default.
    expect(parseEvaluationSettings({ semantics: 'qe', mapping: 'linear' }).semantics).to.equal('qe');
    expect(parseEvaluationSettings({ semantics: 'euler', mapping: 'avoid-extremes' })).to.deep.equal({
      semantics: 'class',
      mapping: 'avoid-extremes',
    });
    expect(parseEvaluationSettings(null)).to.deep.equal(DEFAULT_EVALUATION_SETTINGS);
  });
});
