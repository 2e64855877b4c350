// Node timestamps kept as numbers where that is exact, and the changedSince comparison on them:
// the same answer as comparing the strings, for odd and malformed timestamps too.
import { expect } from '@open-wc/testing';
import { nodeFilter } from '../../src/search/filters.js';
import { stampBefore, stampText, toStamp } from '../../src/search/stamp.js';

const STAMPS = [
  '2025-02-24T00:00:00.000Z',
  '2025-02-23T23:59:59.999Z',
  '2025-02-24T08:30:00.000Z',
  '2025-02-24T23:59:59.999Z',
  '2025-02-25T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  // Not toISOString's own form: kept as strings.
  '2025-02-24T10:00:00+01:00',
  '2025-02-24T08:30:00.000+0000',
  '2025-02-24T08:30:00Z',
  '2025-02-24',
  '2025-13-01T00:00:00.000Z',
  '2025-02-30T00:00:00.000Z',
  '2025-02-24t08:30:00.000z',
  '+012345-01-01T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  'garbage',
  '',
];

const SINCES = [
  '2025-02-24',
  '2025-02-25',
  '2025-02-30',
  '2025-13-01',
  '0000-01-01',
  '9999-12-31',
  '1970-01-01',
  '2025-02-24T08:30:00.000Z',
  '2025-02-24T08:30:00.001Z',
  '1969-12-31T23:59:59.999Z',
  '+012345-01-01T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  '2025-02-24T10:00:00+01:00',
];

describe('search index timestamps', () => {
  it('keeps as a number only what toISOString gives back exactly', () => {
    expect(toStamp('2025-02-24T08:30:00.000Z')).to.equal(Date.UTC(2025, 1, 24, 8, 30));
    expect(toStamp('1970-01-01T00:00:00.000Z')).to.equal(0);
    expect(toStamp('2025-02-24T10:00:00+01:00')).to.equal('2025-02-24T10:00:00+01:00');
    expect(toStamp('2025-02-30T00:00:00.000Z')).to.equal('2025-02-30T00:00:00.000Z');
    expect(toStamp('garbage')).to.equal('garbage');
    const numbers = STAMPS.filter((s) => typeof toStamp(s) === 'number');
    expect(numbers).to.deep.equal(STAMPS.slice(0, 9));
    for (const s of STAMPS) expect(stampText(toStamp(s))).to.equal(s);
  });

  it('compares a stamp with changedSince exactly as the strings compare', () => {
    let compared = 0;
    for (const since of SINCES) {
      const before = stampBefore(since);
      for (const s of STAMPS) {
        expect(before(toStamp(s)), `${s} < ${since}`).to.equal(s < since);
        compared++;
      }
    }
    expect(compared).to.equal(STAMPS.length * SINCES.length);
  });

  it('filters nodes by changedSince the same with stamps as with strings', () => {
    const look = { kindOf: () => 'claim' as const, cites: () => false, ratingsOf: () => [] };
    for (const changedSince of ['2025-02-24', '2025-02-24T09:30:00+01:00', '2025-02-24T08:30:00.000Z', '1970-01-01']) {
      const accepts = nodeFilter({ changedSince }, look);
      const byString = STAMPS.filter((updatedAt) => accepts({ id: 'a', origin: 'added', updatedAt }, null));
      const byStamp = STAMPS.filter((s) => accepts({ id: 'a', origin: 'added', updatedAt: toStamp(s) }, null));
      expect(byStamp, changedSince).to.deep.equal(byString);
    }
    // 09:30 at +01:00 is 08:30 UTC: the node changed at 08:30 passes, the one a millisecond earlier not.
    const accepts = nodeFilter({ changedSince: '2025-02-24T09:30:00+01:00' }, look);
    expect(accepts({ id: 'a', origin: 'added', updatedAt: toStamp('2025-02-24T08:30:00.000Z') }, null)).to.equal(true);
    expect(accepts({ id: 'a', origin: 'added', updatedAt: toStamp('2025-02-24T08:29:59.999Z') }, null)).to.equal(false);
  });
});
