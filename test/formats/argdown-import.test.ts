import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { exportArgdown } from '../../src/formats/argdown.js';
import { importArgdown } from '../../src/formats/argdown-import.js';
import { readArgdown } from '../../src/formats/argdown-read.js';
import { buildTree, kindOf } from '../../src/model/tree.js';
import type { MapBundle } from '../../src/model/types.js';

// The documents under test/fixtures/formats/argdown/ are written for these tests in the forms the
// Argdown documentation describes (https://argdown.org/syntax/): outlines with every relation
// symbol, premise-conclusion structures (with intermediate conclusions, "-- rule --" and
// multi-line "--" inferences, relations under premises), front matter, data, tags, headings and
// comments.

interface Parsed {
  errors: string[];
  statements: Array<{ title: string; text: string; tags: string[] }>;
  relations: Array<{ from: string; to: string; type: string }>;
}

const parse = (text: string): Promise<Parsed> => executeServerCommand<Parsed, string>('argdown-parse', text);

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/formats/argdown/${name}`, import.meta.url));
  return res.text();
}

function importOne(text: string): { bundle: MapBundle; warnings: string[] } {
  const r = importArgdown(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return { bundle: r.bundles[0]!, warnings: r.warnings.map((w) => w.message) };
}

/** Tree edges that Argdown counts as relations: every node but the thesis and the options. */
const treeRelations = (b: MapBundle): number =>
  b.nodes.filter((n) => n.parentId !== null && n.relation !== 'neutral').length;

const FILES = ['outline.argdown', 'pcs.argdown', 'pcs-forms.argdown', 'mixed.argdown'];

describe('formats/argdown import', () => {
  for (const name of FILES) {
    it(`${name}: as many statements and relations as @argdown/core reads`, async () => {
      const text = await fixture(name);
      const core = await parse(text);
      expect(core.errors).to.deep.equal([]);
      const mine = readArgdown(text);
      if (!mine.ok) throw new Error(JSON.stringify(mine.errors));
      expect(mine.doc.entities.filter((e) => e.kind === 'statement').map((e) => e.title)).to.have.members(
        core.statements.map((s) => s.title),
      );
      expect(mine.doc.relations.length).to.equal(core.relations.length);
    });

    it(`${name}: import -> export -> @argdown/core has 0 errors and every relation`, async () => {
      const text = await fixture(name);
      const core = await parse(text);
      const mine = readArgdown(text);
      if (!mine.ok) throw new Error('read');
      const { bundle } = importOne(text);
      const again = await parse(exportArgdown(bundle));
      expect(again.errors).to.deep.equal([]);
      // The same number of relations as the file read: premise-conclusion structures are written
      // as such again, not as supports (in the tree, premises hang under their argument).
      expect(again.relations.length).to.equal(core.relations.length);
      const inferences = mine.doc.pcs.reduce((n, p) => n + p.premises.length + 1, 0);
      expect(treeRelations(bundle)).to.equal(core.relations.length + inferences);
      // And reading Warrant's export back gives the same map shape.
      const back = importOne(exportArgdown(bundle)).bundle;
      expect(back.nodes.length).to.equal(bundle.nodes.length);
      expect(treeRelations(back)).to.equal(treeRelations(bundle));
      expect(back.links?.length ?? 0).to.equal(bundle.links?.length ?? 0);
    });
  }

  it('lays an outline out as a tree: supports, attacks, undercuts, contradictions, one node per statement plus links', async () => {
    const { bundle, warnings } = importOne(await fixture('outline.argdown'));
    const tree = buildTree(bundle.nodes);
    expect(tree.root.text).to.equal('Schools should ban phones during lessons.');
    expect(bundle.map.title).to.equal('School phones');
    const row = (text: string) => bundle.nodes.find((n) => n.text.startsWith(text))!;
    expect(row('Phones pull attention').relation).to.equal('supports');
    expect(row('Phones pull attention').text).to.equal(
      'Phones pull attention away from the lesson, even when they are face down.',
    );
    expect(row('Phones pull attention').notes).to.equal('Argdown tags: #(learning science)\nSection: School phones');
    expect(row('Larger studies').relation).to.equal('opposes');
    expect(row('Pupils should decide').relation).to.equal('opposes');
    expect(kindOf(tree, row('The study behind'))).to.equal('counterpoint');
    // [Ban] also supports <Research tool>, and [Parents] (under [Ban]) also supports [Free choice]:
    // each stays one node, with a link row in its second place.
    const textOf = new Map(bundle.nodes.map((n) => [n.id, n.text]));
    expect(bundle.links!.map((l) => textOf.get(l.targetId!))).to.have.members([
      'Schools should ban phones during lessons.',
      'Parents want to reach their children.',
    ]);
    expect(warnings.join(' ')).to.contain('used in several places');
    expect(warnings.join(' ')).to.contain('Read 4 statements, 6 arguments and 11 relations.');
    expect(warnings.join(' ')).to.contain('Argdown data in { } was skipped');
  });

  it('reads premise-conclusion structures and skips front matter with a warning, keeping its title', async () => {
    const { bundle, warnings } = importOne(await fixture('pcs.argdown'));
    expect(bundle.map.title).to.equal('Nuclear power');
    expect(warnings[0]).to.match(/"===" settings \(lines 1-5\) were skipped except the title/);
    const tree = buildTree(bundle.nodes);
    const by = (t: string) => bundle.nodes.find((n) => n.text.startsWith(t))!;
    // <Clean power> argues for [Nuclear]: its premises hang under it.
    expect(by('Reactors emit').parentId).to.equal(tree.root.id);
    expect(by('A reactor emits').parentId).to.equal(by('Reactors emit').id);
    expect(by('Nuclear waste stays dangerous for thousands of years.').relation).to.equal('supports');
    // The inference rule between the "--" lines is not part of the premise above it.
    expect(by('Nobody should').text).to.equal('Nobody should leave dangers to later generations.');
  });

  it('writes premise-conclusion structures back as such: the argument, its premises, the conclusion', async () => {
    const { bundle } = importOne(await fixture('pcs-forms.argdown'));
    const out = exportArgdown(bundle);
    expect(out).to.contain(
      [
        '<Claim 2>',
        '',
        '(1) [Premise 2.1]: Practice spread over days is remembered longer. #premise',
        '(2) [Premise 1.3]',
        '(3) [Premise 2.3]: Daily homework makes learning stick. #premise',
        '  - [Counterpoint 2.3.1]: Pupils forget homework done in a hurry. #counterpoint',
        '(4) [Premise 2.4]: What makes learning stick should be done. #premise',
        '----',
        '(5) [Homework]',
      ].join('\n'),
    );
    expect(out).to.contain('  + <Claim 2>: Daily practice makes learning stick. #claim\n');
    const again = await parse(out);
    expect(again.relations.map((r) => `${r.from} ${r.type} ${r.to}`).sort()).to.deep.equal(
      [
        'Option 3 attack Homework',
        'Premise 1.2.1 support Premise 1.2',
        'Rebuttal 1.1 attack Counterpoint 1',
        'Counterpoint 2.3.1 attack Premise 2.3',
      ].sort(),
    );
  });

  it('refuses a relation with nothing above it, naming the line; nothing is returned', () => {
    const r = importArgdown('[A]: a\n\n  + [B]: b\n');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors[0]).to.include({ line: 3 });
    const open = importArgdown('===\ntitle: x\n[A]: a\n');
    expect(open.ok).to.equal(false);
    if (!open.ok) expect(open.errors[0]).to.include({ line: 1 });
  });
});
