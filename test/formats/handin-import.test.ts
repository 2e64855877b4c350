// The class's files through the ordinary import: a Markdown hand-in imports as its map (the
// header read past), an assignment file brings its assignment, a feedback file says what it is.
import { expect } from '@open-wc/testing';
import { exportAssignmentJson, makeHandIn } from '../../src/formats/class-files.js';
import { exportFeedback } from '../../src/formats/feedback-file.js';
import { exportHandInMarkdown } from '../../src/formats/handin-markdown.js';
import { parseImport } from '../../src/workers/import-worker.js';
import { assignmentOf, essayMap, LATER, studentWork } from './class-helpers.js';

const NOW = '2026-12-03T08:00:00.000Z';

describe('class files through the ordinary import', () => {
  it('a Markdown hand-in imports as the student’s map, every node kept', async () => {
    const map = await essayMap();
    const h = makeHandIn(studentWork(map, 'Ana'), assignmentOf(map), 'Ana', 'h1', LATER);
    const r = parseImport({ text: exportHandInMarkdown(h.bundle, h.handIn) }, 'auto', NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.format).to.equal('markdown');
    expect(r.bundles[0]!.nodes.map((n) => n.id).sort()).to.deep.equal(h.bundle.nodes.map((n) => n.id).sort());
  });

  it('an assignment file gives its map and its assignment', async () => {
    const map = await essayMap();
    const a = assignmentOf(map);
    const r = parseImport({ text: exportAssignmentJson(map, a) }, 'auto', NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.assignment).to.deep.equal(a);
    expect(r.bundles[0]!.map.id).to.equal(map.map.id);
  });

  it('a feedback file is not a map, and says where it goes', () => {
    const text = exportFeedback({ id: 'm', title: 'M' }, 'Ana', []);
    const r = parseImport({ text }, 'auto', NOW);
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors[0]!.message).to.contain('Class > Import feedback');
  });
});
