// Assignments as pure records: the checklist ticks from the map alone, the class table counts
// each contributor's work, anonymous names replace every name. Exact values throughout.
import { expect } from '@open-wc/testing';
import {
  checklist,
  claimUnattributed,
  classTable,
  contributionsOf,
  contributors,
  taskLabel,
} from '../../src/model/assignment.js';
import { anonymize, anonymousName, anonymousNames } from '../../src/model/class-records.js';
import { assignmentOf, essayMap, LATER, studentWork } from '../formats/class-helpers.js';

describe('assignment model', () => {
  it('says each task in words', () => {
    expect(taskLabel({ kind: 'counterpoints', count: 3, withSource: true })).to.equal(
      'Add 3 counterpoints, each with a source',
    );
    expect(taskLabel({ kind: 'counterpoints', count: 1, withSource: true })).to.equal(
      'Add 1 counterpoint with a source',
    );
    expect(taskLabel({ kind: 'ratings', count: 10 })).to.equal('Rate 10 nodes');
    expect(taskLabel({ kind: 'answers', count: 2 })).to.equal('Answer 2 objections');
    expect(taskLabel({ kind: 'sources', count: 1 })).to.equal('Cite 1 source');
    expect(taskLabel({ kind: 'ratings', count: 2, withSource: true })).to.equal('Rate 2 nodes');
  });

  it('the checklist is empty on the handed-out map and ticks itself from the student’s work', async () => {
    const map = await essayMap();
    const a = assignmentOf(map);
    expect(checklist(map, a, 'Ana')).to.deep.equal([
      { taskId: 't1', label: 'Add 1 counterpoint with a source', done: 0, required: 1, complete: false },
      { taskId: 't2', label: 'Rate 3 nodes', done: 0, required: 3, complete: false },
    ]);
    const work = studentWork(map, 'Ana');
    expect(checklist(work, a, 'Ana').map((t) => [t.done, t.complete])).to.deep.equal([
      [1, true],
      [3, true],
    ]);
    // Someone else's name sees none of it.
    expect(checklist(work, a, 'Ben').map((t) => t.done)).to.deep.equal([0, 0]);
    // A counterpoint without a source does not count for "with a source".
    const noSource = structuredClone(work);
    noSource.citations = noSource.citations.filter((c) => c.nodeId !== 'k-ana');
    expect(checklist(noSource, a, 'Ana')[0]!.done).to.equal(0);
  });

  it('work done before the student named themselves becomes theirs', async () => {
    const map = await essayMap();
    const a = assignmentOf(map);
    const unnamed = studentWork(map, 'Ana', { unnamed: true });
    expect(checklist(unnamed, a, 'Ana').map((t) => t.done)).to.deep.equal([0, 0]);
    const claimed = claimUnattributed(unnamed, a.baseline, 'Ana');
    expect(checklist(claimed, a, 'Ana').map((t) => t.done)).to.deep.equal([1, 3]);
    // The shipped content stays the class's.
    expect(claimed.nodes.filter((n) => n.author !== undefined).map((n) => n.id)).to.deep.equal(
      map.nodes
        .filter((n) => n.author !== undefined)
        .map((n) => n.id)
        .concat('k-ana'),
    );
  });

  it('lists what a student added, changed and rated, and the contributors', async () => {
    const map = await essayMap();
    const a = assignmentOf(map);
    const work = studentWork(map, 'Ana');
    work.nodes[1]!.text = 'Reworded by Ana.';
    const c = contributionsOf(work, a.baseline, 'Ana');
    expect(c.added.map((n) => n.id)).to.deep.equal(['k-ana']);
    expect(c.changed.map((n) => n.id)).to.deep.equal([work.nodes[1]!.id]);
    expect(c.rated).to.have.length(3);
    expect(c.sources).to.deep.equal(['s-ana']);
    expect(c.citations).to.deep.equal(['k-ana>s-ana']);
    expect(contributors(work, a.baseline)).to.deep.equal(['Ana']);
  });

  it('the class table counts each student’s work and the gaps they closed', async () => {
    const map = await essayMap();
    const a = assignmentOf(map);
    const both = studentWork(studentWork(map, 'Ben'), 'Ana');
    expect(classTable(both, a)).to.deep.equal([
      {
        person: 'Ana',
        added: { claim: 0, premise: 0, counterpoint: 1, rebuttal: 0, option: 0 },
        cited: 1,
        rated: 3,
        tasksDone: 2,
        tasks: 2,
        gapsClosed: 0,
      },
      {
        person: 'Ben',
        added: { claim: 0, premise: 0, counterpoint: 1, rebuttal: 0, option: 0 },
        cited: 1,
        rated: 3,
        tasksDone: 2,
        tasks: 2,
        gapsClosed: 0,
      },
    ]);
  });

  it('counts an answered objection and a newly cited claim as gaps closed', async () => {
    const map = await essayMap();
    // Remove every citation of the first claim and answer nothing: both are gaps at hand-out.
    const claim = map.nodes.find((n) => n.parentId === map.map.rootId && n.relation === 'supports')!;
    map.citations = map.citations.filter((c) => c.nodeId !== claim.id);
    const objection = map.nodes.find((n) => n.relation === 'opposes' && !map.nodes.some((m) => m.parentId === n.id))!;
    const a = assignmentOf(map);
    const work = structuredClone(map);
    work.citations.push({
      id: 'gap1',
      mapId: map.map.id,
      nodeId: claim.id,
      sourceId: map.sources[0]!.id,
      author: 'Cy',
      createdAt: a.createdAt,
    });
    work.nodes.push({
      id: 'ans',
      mapId: map.map.id,
      parentId: objection.id,
      relation: 'opposes',
      order: 'z',
      text: 'An answer.',
      origin: 'added',
      author: 'Cy',
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
    });
    const row = classTable(work, { ...a, tasks: [{ id: 'x', kind: 'answers', count: 1 }] })[0]!;
    expect(row.person).to.equal('Cy');
    expect(row.gapsClosed).to.equal(2);
    expect(row.added.rebuttal + row.added.counterpoint).to.equal(1);
  });

  it('anonymous names: Student A ... Z, AA; every name replaced, the class left alone', async () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(anonymousName)).to.deep.equal([
      'Student A',
      'Student B',
      'Student Z',
      'Student AA',
      'Student AB',
      'Student ZZ',
      'Student AAA',
    ]);
    const map = await essayMap();
    const a = assignmentOf(map);
    const both = studentWork(studentWork(map, 'Ben'), 'Ana');
    const anon = anonymize(both, anonymousNames(contributors(both, a.baseline)));
    const text = JSON.stringify(anon);
    expect(text).not.to.contain('"Ana"');
    expect(text).not.to.contain('"Ben"');
    expect(anon.nodes.find((n) => n.id === 'k-ana')!.author).to.equal('Student A');
    expect(anon.ratings.filter((r) => r.rater === 'Student B')).to.have.length(3);
    expect(anon.nodes.filter((n) => n.author === undefined).length).to.equal(
      both.nodes.filter((n) => n.author === undefined).length,
    );
    // Cross-links name nobody: they stay, so an anonymous export keeps them.
    const linked = {
      ...both,
      links: [{ id: 'l1', mapId: both.map.id, nodeId: 'k-ana', targetId: 'k-ben', createdAt: LATER }],
    };
    expect(anonymize(linked, anonymousNames(['Ana', 'Ben'])).links).to.deep.equal(linked.links);
  });
});
