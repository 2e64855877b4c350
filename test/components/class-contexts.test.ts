import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface ClassFlowResult {
  problems: string[];
  studentChecklists: Record<string, string[]>;
  table: string[][];
  rows: Record<string, string[]>;
  sources: Record<string, string | null>;
  anonymousLeaks: string[];
}

// The class of issue 14 with each person in a browser context of their own (own IndexedDB, own
// clipboard), through the built app (scripts/class-flow.mjs): the teacher's assignment link, two
// students who rate three nodes, add a counterpoint, cite a new source and hand in Markdown, and
// the teacher's one choice of both files. class.test.ts checks the same flow in one page in depth.
describe('a class in separate browsers: assignment link, two hand-ins, one collect', function () {
  this.timeout(300_000);

  it('ticks each checklist, attributes each counterpoint and its source, fills the class table, and anonymous mode shows no name', async () => {
    const r = await executeServerCommand<ClassFlowResult, undefined>('class-flow');
    expect(r.problems, 'console errors, page errors or CSP violations').to.deep.equal([]);
    for (const name of ['Ana', 'Ben']) {
      expect(r.studentChecklists[name], `${name}'s checklist`).to.deep.equal([
        '✓ Add 1 counterpoint: 1 of 1 (done)',
        '✓ Rate 3 nodes: 3 of 3 (done)',
      ]);
    }
    // Student, claims, premises, counterpoints, rebuttals, sources cited, ratings, tasks done, gaps closed.
    expect(r.table).to.deep.equal([
      ['Ana', '0', '0', '1', '0', '1', '3', '2 of 2', '0'],
      ['Ben', '0', '0', '1', '0', '1', '3', '2 of 2', '0'],
    ]);
    expect(r.rows.Ana).to.have.length(1);
    expect(r.rows.Ana?.[0]).to.contain('The record of the 1990 talks says otherwise.').and.contain('added by Ana');
    expect(r.rows.Ben).to.have.length(1);
    expect(r.rows.Ben?.[0]).to.contain('The summit produced no treaty on this point.').and.contain('added by Ben');
    expect(r.sources).to.deep.equal({ Ana: 'Minutes of the 1990 talks', Ben: 'Summit communiqué' });
    expect(r.anonymousLeaks).to.deep.equal([]);
  });
});
