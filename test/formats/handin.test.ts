// Hand-ins (Markdown and JSON) and collecting them: round trips byte for byte, every contribution
// attributed, both texts kept on a conflict, duplicates change nothing, bad files refused by name.
import { expect } from '@open-wc/testing';
import {
  exportAssignmentJson,
  exportHandInJson,
  importAssignmentJson,
  importHandInJson,
  makeHandIn,
} from '../../src/formats/class-files.js';
import { collectHandIns } from '../../src/formats/collect.js';
import { exportFeedback, importFeedback } from '../../src/formats/feedback-file.js';
import { exportHandInMarkdown, importHandInMarkdown } from '../../src/formats/handin-markdown.js';
import { checklist, classTable } from '../../src/model/assignment.js';
import type { MapBundle } from '../../src/model/types.js';
import { assignmentOf, essayMap, LATER, studentWork } from './class-helpers.js';

const NOW = '2026-12-03T08:00:00.000Z';

async function handIns() {
  const map = await essayMap();
  const a = assignmentOf(map);
  const ana = makeHandIn(studentWork(map, 'Ana'), a, 'Ana', 'hi-ana', LATER);
  const ben = makeHandIn(studentWork(map, 'Ben', { unnamed: true }), a, 'Ben', 'hi-ben', LATER);
  return { map, a, ana, ben };
}

describe('hand-in files', () => {
  it('the Markdown header names the student, assignment, map, date and the tasks’ state', async () => {
    const { ana } = await handIns();
    const md = exportHandInMarkdown(ana.bundle, ana.handIn);
    const head = md.split('\n---\n')[0]!.split('\n').slice(1).join('\n');
    expect(head).to.equal(
      [
        '**Hand-in** by **Ana** · *Assignment:* Counterpoints with sources · *Map:* America and Russia: The Alliance That Never Was · *Handed in:* 2026-12-02T10:00:00.000Z',
        '',
        '*Tasks:*',
        '',
        '- [x] Add 1 counterpoint with a source (1 of 1)',
        '- [x] Rate 3 nodes (3 of 3)',
        '',
        '*Added:* 1 statement · *Changed:* none · *Rated:* 3 statements',
      ].join('\n'),
    );
    // The map follows with the ratings (machine data) and the student's name on what they added.
    expect(md).to.contain('["Ana",1]');
    expect(md).to.contain('"author":"Ana"');
  });

  it('Markdown export -> import -> export is byte-identical', async () => {
    const { ana, ben } = await handIns();
    for (const h of [ana, ben]) {
      const md = exportHandInMarkdown(h.bundle, h.handIn);
      const back = importHandInMarkdown(md);
      if (!back.ok) throw new Error(JSON.stringify(back.errors));
      expect(back.value).to.deep.equal(h.handIn);
      expect(exportHandInMarkdown(back.bundle, back.value)).to.equal(md);
    }
  });

  it('JSON round trip keeps every record and the header', async () => {
    const { ben } = await handIns();
    const json = exportHandInJson(ben.bundle, ben.handIn);
    const back = importHandInJson(json);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value).to.deep.equal(ben.handIn);
    expect(back.bundle).to.deep.equal(ben.bundle);
    // Export -> import -> export is byte-identical (the first export's key order is the fixture's).
    const again = exportHandInJson(back.bundle, back.value);
    const back2 = importHandInJson(again);
    if (!back2.ok) throw new Error(JSON.stringify(back2.errors));
    expect(exportHandInJson(back2.bundle, back2.value)).to.equal(again);
    // Unnamed work and "me" ratings became Ben's.
    expect(back.bundle.nodes.find((n) => n.id === 'k-ben')!.author).to.equal('Ben');
    expect(back.bundle.ratings.filter((r) => r.rater === 'Ben')).to.have.length(3);
    expect(back.bundle.ratings.filter((r) => r.rater === 'me')).to.have.length(0);
  });

  it('an assignment file carries the map and the assignment', async () => {
    const { map, a } = await handIns();
    const back = importAssignmentJson(exportAssignmentJson(map, a));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value).to.deep.equal(a);
    expect(back.bundle.nodes).to.deep.equal(map.nodes);
  });

  it('feedback file round trip keeps the student’s comments, and refuses a damaged one', () => {
    const rows = [
      { id: 'f1', mapId: 'm', student: 'Ana', nodeId: 'k-ana', text: 'Good source.', createdAt: NOW, updatedAt: NOW },
      { id: 'f2', mapId: 'm', student: 'Ana', text: 'Well argued.', grade: 'A-', createdAt: NOW, updatedAt: NOW },
      { id: 'f3', mapId: 'm', student: 'Ben', text: 'Not for Ana.', createdAt: NOW, updatedAt: NOW },
    ];
    const text = exportFeedback({ id: 'm', title: 'Map' }, 'Ana', rows);
    const back = importFeedback(text);
    expect(back).to.deep.equal({ ok: true, map: { id: 'm', title: 'Map' }, student: 'Ana', rows: rows.slice(0, 2) });
    expect(importFeedback(text.slice(0, 100)).ok).to.equal(false);
  });
});

describe('collectHandIns', () => {
  it('merges Markdown and JSON hand-ins: both counterpoints under their authors, ratings attributed', async () => {
    const { map, a, ana, ben } = await handIns();
    const files = [
      { name: 'ana.md', text: exportHandInMarkdown(ana.bundle, ana.handIn) },
      { name: 'ben.json', text: exportHandInJson(ben.bundle, ben.handIn) },
    ];
    const r = collectHandIns(map, a, files, new Set(), NOW);
    expect(r.refused).to.deep.equal([]);
    expect(r.duplicates).to.deep.equal([]);
    expect(r.collected.map((c) => [c.student, c.fileName, c.added])).to.deep.equal([
      ['Ana', 'ana.md', { nodes: 1, sources: 1, citations: 1, ratings: 3 }],
      ['Ben', 'ben.json', { nodes: 1, sources: 1, citations: 1, ratings: 3 }],
    ]);
    const m = r.merged;
    expect(m.nodes.find((n) => n.id === 'k-ana')!.author).to.equal('Ana');
    expect(m.nodes.find((n) => n.id === 'k-ben')!.author).to.equal('Ben');
    // Markdown carries no source authors: what came in with Ana's hand-in is hers.
    expect(m.sources.find((s) => s.id === 's-ana')!.author).to.equal('Ana');
    expect(m.ratings.filter((x) => x.rater === 'Ana')).to.have.length(3);
    expect(m.ratings.filter((x) => x.rater === 'Ben')).to.have.length(3);
    expect(m.nodes).to.have.length(map.nodes.length + 2);
    expect(checklist(m, a, 'Ana').every((t) => t.complete)).to.equal(true);
    expect(
      classTable(m, a).map((row) => [row.person, row.added.counterpoint, row.cited, row.rated, row.tasksDone]),
    ).to.deep.equal([
      ['Ana', 1, 1, 3, 2],
      ['Ben', 1, 1, 3, 2],
    ]);
  });

  it('the same hand-in twice changes nothing (already collected, or twice in one drop)', async () => {
    const { map, a, ana } = await handIns();
    const md = exportHandInMarkdown(ana.bundle, ana.handIn);
    const json = exportHandInJson(ana.bundle, ana.handIn);
    const first = collectHandIns(
      map,
      a,
      [
        { name: 'ana.md', text: md },
        { name: 'ana.json', text: json },
      ],
      new Set(),
      NOW,
    );
    expect(first.collected).to.have.length(1);
    expect(first.duplicates).to.deep.equal([{ fileName: 'ana.json', student: 'Ana', sameAs: 'ana.md' }]);
    const again = collectHandIns(first.merged, a, [{ name: 'ana (1).md', text: md }], new Set(['hi-ana']), NOW);
    expect(again.collected).to.deep.equal([]);
    expect(again.duplicates).to.deep.equal([{ fileName: 'ana (1).md', student: 'Ana' }]);
    expect(again.merged).to.equal(first.merged);
    // Even without the record, merging by ids adds nothing the second time.
    const byIds = collectHandIns(first.merged, a, [{ name: 'x.md', text: md }], new Set(), NOW);
    expect(byIds.merged.nodes).to.deep.equal(first.merged.nodes);
    expect(byIds.merged.ratings).to.deep.equal(first.merged.ratings);
    expect(byIds.collected[0]!.added).to.deep.equal({ nodes: 0, sources: 0, citations: 0, ratings: 0 });
  });

  it('two students rewording the same node: the map keeps one, the conflict keeps the other', async () => {
    const { map, a } = await handIns();
    const target = map.nodes[1]!;
    const reword = (b: MapBundle, text: string): MapBundle => {
      const c = structuredClone(b);
      c.nodes.find((n) => n.id === target.id)!.text = text;
      return c;
    };
    const ana = makeHandIn(reword(studentWork(map, 'Ana'), 'Ana’s wording.'), a, 'Ana', 'h1', LATER);
    const ben = makeHandIn(reword(studentWork(map, 'Ben'), 'Ben’s wording.'), a, 'Ben', 'h2', LATER);
    const r = collectHandIns(
      map,
      a,
      [
        { name: 'ana.json', text: exportHandInJson(ana.bundle, ana.handIn) },
        { name: 'ben.json', text: exportHandInJson(ben.bundle, ben.handIn) },
      ],
      new Set(),
      NOW,
    );
    expect(r.merged.nodes.find((n) => n.id === target.id)!.text).to.equal('Ana’s wording.');
    expect(r.collected[0]!.changed).to.equal(1);
    expect(r.collected[1]!.conflicts).to.deep.equal([
      {
        id: target.id,
        kind: 'node',
        field: 'text',
        kept: 'Ana’s wording.',
        other: 'Ben’s wording.',
        otherBy: 'Ben',
        message: "Ben reworded this statement too; the map keeps the earlier rewording and Ben's text is kept here",
      },
    ]);
  });

  it('refuses, naming the file, and collects nothing: another map, damage, truncation, bad names', async () => {
    const { map, a, ana, ben } = await handIns();
    const good = { name: 'ben.json', text: exportHandInJson(ben.bundle, ben.handIn) };
    const other = structuredClone(ana.bundle);
    other.map = { ...other.map, id: 'other-map', title: 'Another map' };
    for (const list of [other.nodes, other.sources, other.citations, other.ratings])
      for (const x of list) x.mapId = 'other-map';
    const otherHandIn = { ...ana.handIn, map: { id: 'other-map', title: 'Another map' } };
    const md = exportHandInMarkdown(ana.bundle, ana.handIn);
    const named = (student: string) =>
      exportHandInMarkdown(ana.bundle, { ...ana.handIn, id: `n${student.length}`, student });
    const cases: Array<[string, string, RegExp]> = [
      [
        'other.md',
        exportHandInMarkdown(other, otherHandIn),
        /^other\.md: this hand-in belongs to another map, "Another map" \(id "other-map"\)/,
      ],
      ['cut.md', md.slice(0, Math.floor(md.length / 2)), /^cut\.md: .*truncated/],
      ['cut.json', good.text.slice(0, 2000), /^cut\.json: .*(truncated|ends too early)/],
      [
        'damaged.md',
        md.replace('<!-- warrant-handin {"id"', '<!-- warrant-handin {id'),
        /^damaged\.md: line 1: The hand-in header is damaged/,
      ],
      ['empty.md', named(''), /^empty\.md: line 1, handIn\.student: the student's name is empty/],
      [
        'long.md',
        named('x'.repeat(500)),
        /^long\.md: line 1, handIn\.student: the student's name is too long \(500 characters; at most 100\)/,
      ],
      ['notes.txt', 'just some notes', /^notes\.txt: it is not a hand-in/],
    ];
    for (const [name, text, message] of cases) {
      const r = collectHandIns(map, a, [good, { name, text }], new Set(), NOW);
      expect(r.refused.length, name).to.equal(1);
      expect(r.refused[0]!.fileName).to.equal(name);
      expect(r.refused[0]!.message, name).to.match(message);
      expect(r.collected, name).to.deep.equal([]);
      expect(r.merged, name).to.equal(map);
    }
  });
});
