import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/explanation.js';
import '../../src/components/gap-report.js';
import type { WarrantExplanation } from '../../src/components/explanation.js';
import type { WarrantGapReport } from '../../src/components/gap-report.js';
import { computeBaseScores, evaluate, type RatingInput } from '../../src/evaluation/index.js';
import { importJson } from '../../src/formats/json.js';
import { buildTree, kindOf, walk } from '../../src/model/tree.js';
import type { Citation, RatingValue } from '../../src/model/types.js';
import { argNode } from '../helpers/fixtures.js';

const node = argNode;

// Tree order: T, A, A1, A2, A3, B, C, R.
//   T  thesis, unrated (0.5)
//   ├ A  claim, rated 3 (0.75), the only node citing a source
//   │ ├ A1 premise, rated 4 (1)
//   │ ├ A2 counterpoint, rated 1 (0.25)
//   │ └ A3 premise, rated 0: standing 0, so it changes nothing ("no effect")
//   ├ B  claim, unrated
//   └ C  counterpoint, unrated
//     └ R  rebuttal, unrated
// QE, h(x) = x^2 / (1 + x^2):
//   A: E = 1 - 0.25 + 0 = 0.75, h = 0.36, sigma = 0.75 + 0.25 * 0.36 = 0.84.
//   C: E = -0.5, h = 0.2, sigma = 0.5 - 0.5 * 0.2 = 0.4.
//   T: E = 0.84 + 0.5 - 0.4 = 0.94, h = 0.8836 / 1.8836 = 0.46910, sigma = 0.73455.
const tree = buildTree([
  node('T', null, null, 'a', 'Russia and America were never allies'),
  node('A', 'T', 'supports', 'a', 'The **INF Treaty** collapsed in 2019 after years of violations'),
  node('A1', 'A', 'supports', 'a', 'Both sides accused each other of breaking the treaty'),
  node('A2', 'A', 'opposes', 'b', 'Arms control held for three decades'),
  node('A3', 'A', 'supports', 'c', 'A - hyphenated aside'),
  node('B', 'T', 'supports', 'b', 'Sanctions followed every crisis'),
  node('C', 'T', 'opposes', 'c', 'Cooperation in space continued'),
  node('R', 'C', 'opposes', 'a', 'Space was the exception that proves the rule'),
]);
const rate = (rater: string, values: Record<string, RatingValue>): RatingInput[] =>
  Object.entries(values).map(([nodeId, value]) => ({ nodeId, rater, value }));
const ratings = rate('x', { A: 3, A1: 4, A2: 1, A3: 0 });
const citations = [{ nodeId: 'A' }];

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function mountExplanation(nodeId: string, extra: RatingInput[] = []) {
  const base = computeBaseScores([...ratings, ...extra]);
  const evaluation = evaluate(tree, base.tauOf, 'qe');
  const el = await fixture<WarrantExplanation>(
    html`<warrant-explanation
      .tree=${tree}
      .evaluation=${evaluation}
      .base=${base}
      .nodeId=${nodeId}
      .semanticsLabel=${'Quadratic Energy'}
    ></warrant-explanation>`,
  );
  const root = el.shadowRoot!;
  const text = (selector: string) => squash(root.querySelector(selector)?.textContent);
  return { el, root, text, evaluation };
}

describe('<warrant-explanation>', () => {
  it('explains a claim: standing against a rated base, the split in words and as bars', async () => {
    const { el, root, text } = await mountExplanation('A');
    expect(text('h3')).to.equal('Why it stands at 0.84');
    expect(text('.standing')).to.equal(
      'Standing 0.84 (Quadratic Energy) against its base 0.75, from 1 rating: 3 (strong).',
    );
    // Two players, v(S) = sigma(S) - 0.75: v(A1) = 0.875 - 0.75 = 0.125; v(A2): E = -0.25, h = 1/17,
    // sigma = 12/17, v = -0.04412; v(A1 A2) = 0.09. A1: 0.0625 + (0.09 + 0.04412)/2 = +0.12956;
    // A2: -0.02206 + (0.09 - 0.125)/2 = -0.03956; A3 (standing 0) gets exactly 0.
    // The hyphen inside A3's own text stays a hyphen; only the sentence's minus becomes "−".
    expect(text('.words')).to.equal(
      'Claim 0.84 = base 0.75 + Premise “Both sides accused each other…” +0.13 − ' +
        'Counterpoint “Arms control held for three…” 0.04 + Premise “A - hyphenated aside” +0.00',
    );
    const rows = [...root.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => squash(c.textContent)),
    );
    expect(rows).to.deep.equal([
      ['⊕Premise Both sides accused each other of breaking the treaty stands at 1.00', 'supports', '+0.13'],
      ['⊟Counterpoint Arms control held for three decades stands at 0.25', 'opposes', '−0.04'],
      ['⊕Premise A - hyphenated aside stands at 0.00', 'supports', 'no effect'],
    ]);
    // One bar right of the centre line, one left, none for the child with no effect.
    const bars = [...root.querySelectorAll<HTMLElement>('.bar')];
    expect(bars.map((b) => b.className)).to.deep.equal(['bar pos', 'bar neg']);
    expect(bars[0]!.style.left).to.equal('50%');
    expect(parseFloat(bars[1]!.style.left) + parseFloat(bars[1]!.style.width)).to.be.closeTo(50, 1e-3);
    expect(bars.every((b) => b.closest('[aria-hidden="true"]'))).to.equal(true);
    expect(root.querySelector('[style]:not(.bar)')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows new standings of the same node a frame later, and another node at once', async () => {
    const { el, text } = await mountExplanation('A');
    const frame = () => new Promise<'frame'>((done) => requestAnimationFrame(() => done('frame')));
    // A rating of A1 from 4 to 0: A's standing moves (a rating changes tree, base and evaluation).
    const base = computeBaseScores([...ratings, { nodeId: 'A1', rater: 'y', value: 0 }]);
    el.base = base;
    el.evaluation = evaluate(tree, base.tauOf, 'qe');
    expect(await Promise.race([el.updateComplete.then(() => 'updated' as const), frame()])).to.equal('frame');
    expect(text('h3')).to.equal('Why it stands at 0.84');
    await el.updateComplete;
    expect(text('h3')).to.not.equal('Why it stands at 0.84');
    expect(text('h3')).to.match(/^Why it stands at 0\.\d\d$/);
    // Another node: no frame goes by first.
    el.nodeId = 'C';
    expect(await Promise.race([el.updateComplete.then(() => 'updated' as const), frame()])).to.equal('updated');
    expect(text('h3')).to.equal('Why it stands at 0.40');
  });

  it('says which way it pulls the thesis, the thesis without it, and one step of rating either way', async () => {
    const { text, root } = await mountExplanation('A');
    expect(text('.polarity')).to.equal(
      'It helps the thesis: every link between it and the thesis supports, so the stronger it stands, the stronger the thesis.',
    );
    // Without A: E = 0.5 - 0.4 = 0.1, h = 0.0099, thesis 0.50495.
    expect(text('.counterfactual')).to.equal(
      'Without this node and everything under it, the thesis would stand at 0.50 (now 0.73).',
    );
    // Up to 4 (base 1): A = 1, E = 1.1, h = 0.54751, thesis 0.77376.
    // Down to 2 (base 0.5): A = 0.5 + 0.5 * 0.36 = 0.68, E = 0.78, h = 0.37826, thesis 0.68913.
    expect([...root.querySelectorAll('.what-if li')].map((li) => squash(li.textContent))).to.deep.equal([
      'Rated one step higher (4, decisive): thesis 0.77, this node 1.00',
      'Rated one step lower (2, moderate): thesis 0.69, this node 0.68',
    ]);
  });

  it('leaves out the step past the top of the scale and names the parent when it is not the thesis', async () => {
    const { root } = await mountExplanation('A1');
    // Down to 3: A1 = 0.75, A: E = 0.5, h = 0.2, A = 0.8; T: E = 0.9, h = 0.44751, thesis 0.72376.
    expect([...root.querySelectorAll('.what-if li')].map((li) => squash(li.textContent))).to.deep.equal([
      'Rated one step lower (3, strong): thesis 0.72, this node 0.75, the claim above it 0.80',
    ]);
    expect(squash(root.querySelector('.note')?.textContent)).to.equal(
      'Nothing is argued below it yet, so its standing is its base.',
    );
  });

  it('calls an unrated base neutral and offers what a first rating would do', async () => {
    const { text, root } = await mountExplanation('B');
    expect(text('.standing')).to.equal(
      'Standing 0.50 (Quadratic Energy) against its base 0.50, unrated (neutral 0.50).',
    );
    // B at 0.75: E = 1.19, h = 0.58611, thesis 0.79306. B at 0.25: E = 0.69, h = 0.32254, thesis 0.66127.
    expect([...root.querySelectorAll('.what-if li')].map((li) => squash(li.textContent))).to.deep.equal([
      'If someone rated it 3 (strong): thesis 0.79, this node 0.75',
      'If someone rated it 1 (weak): thesis 0.66, this node 0.25',
    ]);
  });

  it('counts the opposing links on the way to the thesis', async () => {
    const c = await mountExplanation('C');
    expect(c.text('.polarity')).to.equal(
      'It hurts the thesis: its path to the thesis has 1 opposing link, an odd number, so the stronger it stands, the weaker the thesis.',
    );
    const r = await mountExplanation('R');
    expect(r.text('.polarity')).to.equal(
      'It helps the thesis: its path to the thesis has 2 opposing links, an even number (it opposes something that ' +
        'opposes the thesis), so the stronger it stands, the stronger the thesis.',
    );
  });

  it('gives the mean and spread of several raters', async () => {
    const { text } = await mountExplanation('R', rate('y', { R: 4 }).concat(rate('z', { R: 1 })));
    expect(text('.standing')).to.match(/against its base 0\.63, from 2 ratings: mean 2\.5 \(strong\), spread 1\.50\.$/);
  });

  it('explains the thesis without a counterfactual, and each part is a button that selects it', async () => {
    const { el, root, text, evaluation } = await mountExplanation('T');
    expect(text('h3')).to.equal(`Why it stands at ${evaluation.thesis.toFixed(2)}`);
    expect(root.querySelector('.counterfactual')).to.equal(null);
    expect(root.querySelector('.polarity')).to.equal(null);
    expect(text('.words')).to.match(/^Thesis 0\.73 = base 0\.50 \+ Claim “The INF Treaty collapsed in…” \+0\.\d\d /);
    // A and B raise the thesis, C lowers it.
    expect([...root.querySelectorAll('.bar')].map((b) => b.className)).to.deep.equal(['bar pos', 'bar pos', 'bar neg']);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.node')];
    expect(buttons.map((b) => b.dataset.id)).to.deep.equal(['A', 'B', 'C']);
    setTimeout(() => buttons[2]!.click());
    const event = await oneEvent(el, 'warrant-select');
    expect(event.detail).to.deep.equal({ id: 'C' });
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks for a selection when it has nothing to explain', async () => {
    const el = await fixture<WarrantExplanation>(html`<warrant-explanation></warrant-explanation>`);
    expect(squash(el.shadowRoot!.textContent)).to.equal('Select a node to see why it stands where it does.');
  });
});

async function mountReport(
  t: typeof tree,
  cites: readonly Pick<Citation, 'nodeId'>[],
  rs: readonly RatingInput[],
  perspectiveLabel = 'Everyone',
) {
  const base = computeBaseScores(rs);
  const evaluation = evaluate(t, base.tauOf, 'qe');
  const el = await fixture<WarrantGapReport>(
    html`<warrant-gap-report
      .tree=${t}
      .citations=${cites}
      .evaluation=${evaluation}
      .base=${base}
      .perspectiveLabel=${perspectiveLabel}
    ></warrant-gap-report>`,
  );
  const root = el.shadowRoot!;
  const ids = (section: string) =>
    [...root.querySelectorAll<HTMLButtonElement>(`section.${section} button.entry`)].map((b) => b.dataset.id);
  const heading = (section: string) => squash(root.querySelector(`section.${section} h3`)?.textContent);
  return { el, root, ids, heading };
}

describe('<warrant-gap-report>', () => {
  it('lists every gap with counts, each entry a button that selects its node', async () => {
    const { el, root, ids, heading } = await mountReport(tree, citations, ratings);
    expect(heading('unsourced')).to.equal('Claims and premises with no source (3)');
    expect(ids('unsourced')).to.deep.equal(['A1', 'A3', 'B']);
    expect(heading('unrated')).to.equal('Unrated (4)');
    expect(ids('unrated')).to.deep.equal(['T', 'B', 'C', 'R']);
    expect(squash(root.querySelector('.perspective')?.textContent)).to.equal(
      'Perspective: Everyone. 4 of 8 nodes have no rating; they count as neutral (0.50).',
    );
    expect(heading('unanswered')).to.equal('Counterpoints nobody has answered (2)');
    expect(ids('unanswered')).to.deep.equal(['A2', 'R']);
    expect(ids('weakest')).to.deep.equal(['B']);
    expect(squash(root.querySelector('section.weakest .note')?.textContent)).to.equal(
      'It stands at 0.50, the lowest of the claims supporting the thesis.',
    );
    // Without C: E = 1.34, h = 0.64230, thesis 0.82115 (now 0.73455): cost 0.08660.
    // Without A2: A = 0.875, thesis 0.74367: cost 0.00912.
    expect(ids('costliest')).to.deep.equal(['C']);
    expect(squash(root.querySelector('section.costliest .note')?.textContent)).to.equal(
      'Without it and everything under it, the thesis would stand at 0.82 (now 0.73): it costs the thesis 0.09.',
    );
    const entry = root.querySelector<HTMLButtonElement>('section.unanswered button.entry')!;
    expect(squash(entry.textContent)).to.equal('⊟Counterpoint Arms control held for three decades');
    setTimeout(() => entry.click());
    const event = await oneEvent(el, 'warrant-select');
    expect(event.detail).to.deep.equal({ id: 'A2' });
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says "none" for an empty section', async () => {
    const all = ['T', 'A', 'A1', 'A2', 'A3', 'B', 'C', 'R'];
    const full = rate('x', { A: 3, A1: 4, A2: 1, A3: 0, B: 2, C: 2, R: 2, T: 2 });
    const { root, heading } = await mountReport(
      tree,
      all.map((nodeId) => ({ nodeId })),
      full,
      'Sam',
    );
    expect(heading('unsourced')).to.equal('Claims and premises with no source (0)');
    expect(squash(root.querySelector('section.unsourced .empty')?.textContent)).to.equal(
      'None: every claim and premise cites a source. Well done.',
    );
    expect(squash(root.querySelector('section.unrated .empty')?.textContent)).to.equal(
      'None: every node is rated. Well done.',
    );
    expect(squash(root.querySelector('.perspective')?.textContent)).to.match(/^Perspective: Sam\. /);
  });

  it('lists the essay map, with no ratings, as unsourced and unrated, collapsing long lists', async () => {
    const result = importJson(await (await fetch('/claims/essay-map.json')).text());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const bundle = result.bundles[0]!;
    const essay = buildTree(bundle.nodes);
    const cited = new Set(bundle.citations.map((c) => c.nodeId));
    const expectedUnsourced: string[] = [];
    const everyNode: string[] = [];
    walk(essay, (n) => {
      everyNode.push(n.id);
      const kind = kindOf(essay, n);
      if ((kind === 'claim' || kind === 'premise') && !cited.has(n.id)) expectedUnsourced.push(n.id);
    });
    expect(everyNode.length).to.equal(bundle.nodes.length);

    const { el, root, ids, heading } = await mountReport(essay, bundle.citations, []);
    expect(heading('unsourced')).to.equal(`Claims and premises with no source (${expectedUnsourced.length})`);
    expect(heading('unrated')).to.equal(`Unrated (${everyNode.length})`);
    // Only the first ten show until the student asks for the rest.
    expect(ids('unrated')).to.deep.equal(everyNode.slice(0, 10));
    const more = root.querySelector<HTMLButtonElement>('section.unrated button.more')!;
    expect(squash(more.textContent)).to.equal(`Show all ${everyNode.length}`);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(ids('unrated')).to.deep.equal(everyNode);
    expect(more.getAttribute('aria-expanded')).to.equal('true');

    const moreSources = root.querySelector<HTMLButtonElement>('section.unsourced button.more');
    if (expectedUnsourced.length > 10) moreSources!.click();
    await el.updateComplete;
    expect(ids('unsourced')).to.deep.equal(expectedUnsourced);
    await expect(el).to.be.accessible();
  });
});
