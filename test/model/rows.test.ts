import { expect } from '@open-wc/testing';
import { patchRows } from '../../src/model/rows.js';

const row = (id: string, v = 0) => ({ id, v });

describe('patchRows', () => {
  it('replaces changed rows in place, removes deleted ones and appends new ones in order', () => {
    const rows = [row('a'), row('b'), row('c'), row('d')];
    const changed = new Map([
      ['x', row('x', 1)],
      ['c', row('c', 2)],
      ['a', undefined],
      ['y', row('y', 3)],
      ['gone', undefined],
    ]);
    expect(patchRows(rows, changed)).to.deep.equal([row('b'), row('c', 2), row('d'), row('x', 1), row('y', 3)]);
  });

  it('keeps the very same row objects that did not change, and leaves its input alone', () => {
    const rows = [row('a'), row('b')];
    const out = patchRows(rows, new Map([['b', row('b', 9)]]));
    expect(out[0]).to.equal(rows[0]);
    expect(rows[1]).to.deep.equal(row('b'));
  });
});
