// Relevance ratings ("how much does this matter to the point above it?") in every format that
// carries ratings: Markdown export and import (both readers, byte-identical round trip), JSON, and
// merge; and a relevance or evidence off the 0-4 scale refused with its line or field.
import { expect } from '@open-wc/testing';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import { exportMarkdown, importMarkdown, type MarkdownExportOptions } from '../../src/formats/markdown/index.js';
import { mergeBundles } from '../../src/formats/merge.js';
import type { MapBundle, Rating, RatingValue } from '../../src/model/types.js';
import { prng, randomMap, smallMap, T0 } from './helpers.js';

const T1 = '2025-03-02T10:00:00.000Z';

/** smallMap() with relevance: one rating with both, one with relevance only (and a reason), one with evidence only. */
function relevantMap(): MapBundle {
  const b = structuredClone(smallMap());
  const rating = (nodeId: string, rater: string, extra: Partial<Rating>): Rating => ({
    id: `${nodeId}@${rater}`,
    mapId: 'm1',
    nodeId,
    rater,
    ...extra,
    createdAt: T0,
    updatedAt: T0,
  });
  b.ratings = [
    rating('c1', 'ben', { value: 2, relevance: 4 }),
    rating('c1', 'ana', { value: 3, rationale: 'good sources' }),
    rating('k1', 'ana', { value: 1, relevance: 1 }),
    rating('k2', 'ben', { relevance: 3, rationale: 'the heart of it' }),
  ];
  return b;
}

/** A bundle as restore() makes it: what round trips compare. */
function canonical(bundle: MapBundle): MapBundle {
  const r = importJson(exportMapJson(bundle));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.bundles[0]!;
}

/** Each rating as "node rater value relevance rationale", sorted: what a format must carry. */
function ratingFacts(b: MapBundle): string[] {
  return b.ratings.map((r) => `${r.nodeId} ${r.rater} ${r.value} ${r.relevance} ${r.rationale}`).sort();
}

/** The same, naming each node by its text (an export without ids gives the nodes new ones). */
function ratingFactsByText(b: MapBundle): string[] {
  const text = new Map(b.nodes.map((n) => [n.id, n.text]));
  return b.ratings.map((r) => `${text.get(r.nodeId)} ${r.rater} ${r.value} ${r.relevance} ${r.rationale}`).sort();
}

function importOne(text: string, reader: 'auto' | 'marked' = 'auto'): MapBundle {
  const r = importMarkdown(text, { reader });
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.bundles[0]!;
}

describe('relevance in the Markdown format', () => {
  it('writes relevance beside the evidence rating, in the legend, and per rater in the machine data', () => {
    const md = exportMarkdown(relevantMap());
    expect(md).to.contain(
      "*Ratings:* each statement's own evidence, rated from 0 (none) to 4 (decisive); shown as the mean of all raters and the number of ratings. *Relevance:* how much a statement matters to the one above it, rated from 0 (irrelevant) to 4 (essential); shown as the mean of all raters and the number of ratings.\n",
    );
    // c1: evidence 2 and 3, relevance 4 from Ben only. A tuple for Ana (evidence alone), an object for Ben.
    expect(md).to.contain(
      '  *Rating:* 2.5 of 4 (2 ratings) · *Relevance:* 4 of 4 (1 rating)\n\n' +
        '  *Notes:* Check the INF treaty date.\n\n' +
        '  <!-- warrant {"id":"c1","author":"Ms. Lee","ratings":[["ana",3,"good sources"],{"rater":"ben","value":2,"relevance":4}]} -->\n',
    );
    // k2: relevance only, with its reason.
    expect(md).to.contain(
      '  *Relevance:* 3 of 4 (1 rating)\n\n' +
        '  <!-- warrant {"id":"k2","ratings":[{"rater":"ben","relevance":3,"rationale":"the heart of it"}]} -->\n',
    );
  });

  it('round trips byte-identically, with every rater’s evidence, relevance and reason, through both readers', () => {
    const options: MarkdownExportOptions[] = [
      {},
      { standings: { semanticsLabel: 'Class standing', byNode: new Map([['T', 0.5]]) } },
      { ratings: true, ids: false, notes: false },
    ];
    for (const opts of options) {
      const b = canonical(relevantMap());
      const md = exportMarkdown(b, opts);
      for (const reader of ['auto', 'marked'] as const) {
        const back = importOne(md, reader);
        expect(exportMarkdown(back, opts), `${reader} ${JSON.stringify(opts)}`).to.equal(md);
        expect(ratingFactsByText(back)).to.deep.equal(ratingFactsByText(b));
      }
    }
  });

  it('round trips 30 random maps whose ratings carry relevance', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const b = randomMap(seed, { rich: true });
      const rnd = prng(seed * 7);
      // A third relevance only, a third both, a third evidence only.
      b.ratings = b.ratings.map((r) => {
        const pick = Math.floor(rnd() * 3);
        const relevance = Math.floor(rnd() * 5) as RatingValue;
        if (pick === 0) return r;
        const { value: _value, ...rest } = r;
        return pick === 1 ? { ...rest, relevance } : { ...r, relevance };
      });
      const c = canonical(b);
      const md = exportMarkdown(c);
      const back = importOne(md);
      expect(exportMarkdown(back), `seed ${seed}`).to.equal(md);
      expect(ratingFacts(back), `seed ${seed}`).to.deep.equal(ratingFacts(c));
    }
  });

  it('still reads the evidence-only tuples older files have', () => {
    const md = exportMarkdown(smallMap());
    expect(md).to.contain('"ratings":[["ana",3,"good sources"],["ben",2]]');
    expect(ratingFacts(importOne(md))).to.deep.equal(ratingFacts(canonical(smallMap())));
  });

  describe('refuses a rating off the 0-4 scale, naming its line and field', () => {
    const HEAD = '# T\n<!-- warrant-map {"version":1} -->\n\n**Thesis:** t\n\n- **Claim** (supports): a\n\n';
    const errorsOf = (machine: string) => {
      const r = importMarkdown(`${HEAD}  <!-- warrant ${machine} -->\n\n<!-- warrant-end -->\n`);
      expect(r.ok, 'import should fail').to.equal(false);
      return r.ok ? [] : r.errors;
    };

    it('a relevance of 5, of 2.5 or of "high"', () => {
      for (const bad of ['5', '2.5', '"high"', '-1']) {
        expect(errorsOf(`{"ratings":[{"rater":"ana","relevance":${bad}}]}`)[0], bad).to.include({
          line: 8,
          field: 'rating.relevance',
          message: 'must be a whole number from 0 (irrelevant) to 4 (essential)',
        });
      }
    });

    it('an evidence rating of 7 beside a good relevance, and one with neither', () => {
      expect(errorsOf('{"ratings":[{"rater":"ana","value":7,"relevance":2}]}')[0]).to.include({
        line: 8,
        field: 'rating.value',
      });
      expect(errorsOf('{"ratings":[{"rater":"ana"}]}')[0]).to.include({ line: 8, field: 'rating.value' });
    });

    it('a rating with a key it does not know', () => {
      expect(errorsOf('{"ratings":[{"rater":"ana","impact":2}]}')[0]!).to.include({ line: 8 });
      expect(errorsOf('{"ratings":[{"rater":"ana","impact":2}]}')[0]!.message).to.contain('"impact"');
    });
  });
});

describe('relevance in JSON and merge', () => {
  it('JSON carries relevance (alone or beside evidence) and reads it back exactly', () => {
    const b = canonical(relevantMap());
    const json = exportMapJson(b);
    const back = importJson(json);
    if (!back.ok) throw new Error('import failed');
    expect(exportMapJson(back.bundles[0]!)).to.equal(json);
    expect(ratingFacts(back.bundles[0]!)).to.deep.equal([
      'c1 ana 3 undefined good sources',
      'c1 ben 2 4 undefined',
      'k1 ana 1 1 undefined',
      'k2 ben undefined 3 the heart of it',
    ]);
  });

  it('JSON refuses a relevance off the scale, naming the field', () => {
    const file = JSON.parse(exportMapJson(relevantMap())) as { ratings: Array<Record<string, unknown>> };
    file.ratings[0]!.relevance = 9;
    const r = importJson(JSON.stringify(file));
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors[0]).to.include({
      field: 'ratings[0].relevance',
      message: 'must be a whole number from 0 (irrelevant) to 4 (essential)',
    });
  });

  it('merge brings in a newer relevance, keeps the evidence beside it, and lists an older one as a conflict', () => {
    const map = canonical(relevantMap());
    const file = structuredClone(map);
    file.map.id = 'student';
    const ben = file.ratings.find((r) => r.nodeId === 'c1' && r.rater === 'ben')!;
    ben.relevance = 1;
    ben.updatedAt = T1;
    file.ratings.push({
      id: 'k1@cy',
      mapId: 'student',
      nodeId: 'k1',
      rater: 'cy',
      relevance: 0,
      createdAt: T1,
      updatedAt: T1,
    });
    const newer = mergeBundles(map, file);
    expect(newer.updatedRatings).to.equal(1);
    expect(newer.added.ratings).to.equal(1);
    expect(ratingFacts(newer.merged)).to.deep.equal([
      'c1 ana 3 undefined good sources',
      'c1 ben 2 1 undefined',
      'k1 ana 1 1 undefined',
      'k1 cy undefined 0 undefined',
      'k2 ben undefined 3 the heart of it',
    ]);
    // The same change, but older than the map's: kept out and listed.
    ben.updatedAt = '2024-01-01T00:00:00.000Z';
    const older = mergeBundles(map, file);
    expect(older.updatedRatings).to.equal(0);
    expect(older.conflicts).to.deep.equal([
      {
        kind: 'rating',
        id: 'c1@ben',
        field: 'relevance',
        message: `kept ben's rating 2, relevance 4 of ${T0}; the file's rating 2, relevance 1 of 2024-01-01T00:00:00.000Z is not newer`,
      },
    ]);
  });
});
