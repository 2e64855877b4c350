// Print and export print a standing only for nodes something informs: a node whose subtree holds
// no rating has none to print (the class default leaves it out of its parent), in the Markdown
// export, the export dialog's preview and the print outline.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/export-dialog.js';
import type { WarrantExportDialog } from '../../src/components/export-dialog.js';
import '../../src/components/print-outline.js';
import type { WarrantPrintOutline } from '../../src/components/print-outline.js';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/evaluation/index.js';
import { exportMarkdown } from '../../src/formats/index.js';
import type { MapBundle } from '../../src/model/types.js';
import { standingsFor } from '../../src/state/standings.js';
import { smallMap } from '../formats/helpers.js';

const flat = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

// smallMap(): T ─ c1 (rated 2 and 3) ─ p1, k1 (rated 1) ─ r1; T ─ k2. Informed: c1, k1, and T
// through them; p1, r1 and k2 hold no rating anywhere below them.
// Class standing: k1 = 0.25 (its rebuttal r1 is absent); c1: P = 0.625 (own only), E = 0.25,
// h = 0.0625/1.0625; c1 = 0.625 * (1 - 0.0588) = 0.5882; T stands as c1 does (k2 absent).
const INFORMED = ['T', 'c1', 'k1'];

/** smallMap() with Ben's relevance for k2 only: a relevance rating informs nothing by itself. */
function withRelevanceOnly(): MapBundle {
  const b = smallMap();
  b.ratings.push({ ...b.ratings[0]!, id: 'k2@ben', nodeId: 'k2', value: undefined, relevance: 3 });
  delete b.ratings.at(-1)!.value;
  return b;
}

/** The "*Standing:* x" of each statement of a Markdown export, by node id from its machine data. */
function markdownStandings(md: string): Record<string, string> {
  const out: Record<string, string> = {};
  let standing: string | undefined;
  for (const line of md.split('\n')) {
    const s = /\*Standing:\* (\d\.\d\d)/.exec(line);
    if (s) standing = s[1];
    const id = /<!-- warrant \{"id":"([^"]+)"/.exec(line);
    if (id) {
      if (standing !== undefined) out[id[1]!] = standing;
      standing = undefined;
    }
  }
  return out;
}

describe('print and export leave out standings nothing informs', () => {
  afterEach(() => fixtureCleanup());

  it('standingsFor gives a standing to informed nodes only, under every semantics', () => {
    for (const semantics of ['class', 'qe', 'dfquad'] as const) {
      const s = standingsFor(withRelevanceOnly(), { ...DEFAULT_EVALUATION_SETTINGS, semantics });
      expect([...s.byNode.keys()].sort(), semantics).to.deep.equal(INFORMED);
    }
    const s = standingsFor(withRelevanceOnly(), DEFAULT_EVALUATION_SETTINGS);
    expect(s.byNode.get('k1')).to.be.closeTo(0.25, 1e-9);
    expect(s.byNode.get('c1')).to.be.closeTo(0.625 * (1 - 0.0625 / 1.0625), 1e-9);
    expect(s.byNode.get('T')).to.be.closeTo(0.625 * (1 - 0.0625 / 1.0625), 1e-9);
  });

  it('the Markdown export prints "Standing" for T, c1 and k1 and for nothing else', () => {
    const b = withRelevanceOnly();
    const md = exportMarkdown(b, { standings: standingsFor(b, DEFAULT_EVALUATION_SETTINGS) });
    expect(markdownStandings(md)).to.deep.equal({ T: '0.59', c1: '0.59', k1: '0.25' });
  });

  it('the export dialog’s preview (teacher’s full record) does the same', async () => {
    const el = await fixture<WarrantExportDialog>(
      html`<warrant-export-dialog
        .bundle=${withRelevanceOnly()}
        .evaluationSettings=${DEFAULT_EVALUATION_SETTINGS}
      ></warrant-export-dialog>`,
    );
    await el.open();
    const root = el.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => flat(b).startsWith('Teacher’s full record'))!.click();
    await waitUntil(() => root.querySelector('pre')?.textContent?.includes('*Standing:*'), 'no standings');
    expect(markdownStandings(root.querySelector('pre')!.textContent!)).to.deep.equal({
      T: '0.59',
      c1: '0.59',
      k1: '0.25',
    });
  });

  it('the print outline prints a standing for informed nodes, none for the others, and relevance where rated', async () => {
    const el = await fixture<WarrantPrintOutline>(
      html`<warrant-print-outline
        .bundle=${withRelevanceOnly()}
        .evaluationSettings=${DEFAULT_EVALUATION_SETTINGS}
      ></warrant-print-outline>`,
    );
    const outline = el.prepare()!;
    expect(flat(outline.querySelector('section.thesis .facts'))).to.equal('Sources: [1] · Standing: 0.59');
    const facts = [...outline.querySelectorAll('ol.tree li.node')].map((li) =>
      flat(li.querySelector(':scope > .facts')),
    );
    expect(facts).to.deep.equal([
      'Sources: [1]; [2] p. 12 · Rating: 2.5 of 4 (2 ratings) · Standing: 0.59', // c1
      '', // p1: nothing below it is rated
      'Rating: 1 of 4 (1 rating) · Standing: 0.25', // k1
      '', // r1
      'Relevance: 3 of 4 (1 rating)', // k2: a relevance alone informs nothing
    ]);
    expect(flat(outline.querySelector('.legend'))).to.contain(
      'Relevance: how much a statement matters to the one above it, from 0 (irrelevant) to 4 (essential).',
    );
    el.remove();
  });
});
