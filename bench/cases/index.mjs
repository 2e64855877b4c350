// The case registry: `npm run bench` runs these in this order (see bench/README.md for the shape
// of a case and how to add one).
import bundle from './bundle.mjs';
import classCase from './class.mjs';
import edit from './edit.mjs';
import firstVisit from './first-visit.mjs';
import importCase from './import.mjs';
import nodeFormats from './node-formats.mjs';
import open from './open.mjs';
import pictures from './pictures.mjs';
import pure from './pure.mjs';
import rating from './rating.mjs';
import reading from './reading.mjs';
import scroll from './scroll.mjs';
import search from './search.mjs';

export const CASES = [
  bundle,
  nodeFormats,
  firstVisit,
  open,
  edit,
  rating,
  search,
  scroll,
  importCase,
  pure,
  pictures,
  classCase,
  reading,
];

/** Checks the shape of every case when the bench starts, so a new case fails early and clearly. */
export function checkCases(cases) {
  const ids = new Set();
  for (const c of cases) {
    const where = `bench case ${c?.id ?? '(no id)'}`;
    if (typeof c?.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(c.id))
      throw new Error(`${where}: id must be kebab-case`);
    if (ids.has(c.id)) throw new Error(`${where}: id used twice`);
    ids.add(c.id);
    if (typeof c.run !== 'function') throw new Error(`${where}: run(ctx) missing`);
    if (!Array.isArray(c.sizes) || !c.sizes.length)
      throw new Error(`${where}: sizes must list '1k', '10k', '100k' or '-'`);
    if (c.rates && !c.rates.every((r) => r >= 1)) throw new Error(`${where}: rates must be CPU slowdowns >= 1`);
  }
  return cases;
}
