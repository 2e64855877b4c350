/**
 * The per-record steps restore() is made of, each on its own: exact records and exact errors at
 * exact places. restore.test.ts pins the whole; these say which step owns which rule.
 */
import { expect } from '@open-wc/testing';
import { Checker, derivedId, isIsoTime } from '../../src/formats/restore/checker.js';
import { restoreLinks } from '../../src/formats/restore/links.js';
import { restoreMapRecord } from '../../src/formats/restore/map-record.js';
import { restoreNodes } from '../../src/formats/restore/nodes.js';
import { restoreRatings } from '../../src/formats/restore/ratings.js';
import { restoreCitations, restoreSources } from '../../src/formats/restore/sources.js';
import { isOneTree, tooDeep } from '../../src/formats/restore/tree-shape.js';
import type { ArgNode } from '../../src/model/types.js';

const T = '2024-06-01T00:00:00.000Z';
const errorsOf = (c: Checker): string[] => c.errors.map((e) => `${e.field ?? ''}: ${e.message}`);

function chain(count: number): { nodes: ArgNode[]; indexOf: Map<string, number> } {
  const nodes = Array.from({ length: count }, (_, i): ArgNode => ({
    id: `n${i}`,
    mapId: 'm',
    parentId: i === 0 ? null : `n${i - 1}`,
    relation: i === 0 ? null : 'supports',
    order: 'a',
    text: `node ${i}`,
    origin: 'added',
    createdAt: T,
    updatedAt: T,
  }));
  return { nodes, indexOf: new Map(nodes.map((n, i) => [n.id, i])) };
}

describe('formats/restore parts', () => {
  it('derivedId keeps a readable pair and hashes one that is not a valid id', () => {
    expect(derivedId('c1', '@', 'ana')).to.equal('c1@ana');
    expect(derivedId('c1', '@', 'Ms. Lee')).to.match(/^c1@~[0-9a-f]{16}$/);
    expect(derivedId('c1', '@', 'Ms. Lee')).not.to.equal(derivedId('c1', '@', 'Ms. Lea'));
  });

  it('isIsoTime accepts the ECMAScript format, leap days included, and refuses month 13 and a space for the T', () => {
    expect(isIsoTime('2024-02-29T12:00:00Z')).to.equal(true);
    expect(isIsoTime('2024-06-01T00:00:00.000Z')).to.equal(true);
    expect(isIsoTime('2024-13-01T00:00:00Z')).to.equal(false);
    expect(isIsoTime('2024-06-01 00:00:00Z')).to.equal(false);
  });

  it('restoreMapRecord reports an unknown key, a bad URL and a missing title at the map', () => {
    const c = new Checker('');
    const m = restoreMapRecord(c, { id: 'm', colour: 'red', document: { title: 'E', url: 'javascript:x' } }, T);
    expect(m.mapId).to.equal('m');
    expect(m.createdAt).to.equal(T);
    expect(m.document).to.deep.equal({ title: 'E' });
    expect(c.errors.map((e) => e.field)).to.deep.equal(['map.colour', 'map.title', 'map.document.url']);
    expect(errorsOf(c).slice(0, 2)).to.deep.equal([
      'map.colour: is not a known field (a typo?)',
      'map.title: is missing',
    ]);
  });

  it('restoreNodes fills order keys after the keyed siblings and reports a second thesis', () => {
    const c = new Checker('');
    const ok = restoreNodes(
      c,
      {
        nodes: [
          { id: 'T', text: 'thesis' },
          { id: 'a', parentId: 'T', relation: 'supports', text: 'a', order: 'm' },
          { id: 'b', parentId: 'T', relation: 'opposes', text: 'b' },
        ],
      },
      'm',
      T,
    );
    expect(errorsOf(c)).to.deep.equal([]);
    expect(ok.rootId).to.equal('T');
    expect(ok.nodes.map((n) => n.order > 'm')).to.deep.equal([false, false, true]);

    const bad = new Checker('');
    restoreNodes(
      bad,
      {
        nodes: [
          { id: 'T', text: 'thesis' },
          { id: 'U', text: 'another thesis' },
        ],
      },
      'm',
      T,
    );
    expect(bad.errors.length).to.be.greaterThan(0);
    expect(bad.errors.every((e) => e.field?.startsWith('nodes'))).to.equal(true);
  });

  it('isOneTree refuses a cycle and tooDeep names the first node past the depth limit', () => {
    const { nodes, indexOf } = chain(4);
    expect(isOneTree(nodes, indexOf)).to.equal(true);
    const cycle = nodes.map((n) => (n.id === 'n1' ? { ...n, parentId: 'n3' } : n));
    expect(isOneTree(cycle, indexOf)).to.equal(false);
    expect(tooDeep(nodes, indexOf)).to.equal(null);
    const deep = chain(502);
    expect(tooDeep(deep.nodes, deep.indexOf)).to.deep.equal({ index: 500, depth: 501 });
  });

  it('restoreSources and restoreCitations check ids against each other and derive a citation id', () => {
    const c = new Checker('');
    const { sources, sourceIds } = restoreSources(
      c,
      {
        sources: [
          { id: 's1', title: 'A report' },
          { id: 's1', title: 'Again' },
        ],
      },
      'm',
      T,
    );
    expect(sources.map((s) => s.type)).to.deep.equal(['other', 'other']);
    const citations = restoreCitations(
      c,
      {
        citations: [
          { nodeId: 'T', sourceId: 's1' },
          { nodeId: 'T', sourceId: 's9' },
        ],
      },
      'm',
      new Map([['T', 0]]),
      sourceIds,
      T,
    );
    expect(citations[0]!.id).to.equal('T>s1');
    expect(errorsOf(c)).to.deep.equal([
      'sources[1] (id "s1"): duplicate source id',
      'citations[1].sourceId: source "s9" does not exist',
    ]);
  });

  it('restoreRatings refuses a rater rating one node twice, past 32 raters too', () => {
    const c = new Checker('');
    const raw = {
      ratings: [
        ...Array.from({ length: 40 }, (_, i) => ({ nodeId: 'T', rater: `r${i}`, value: 2 })),
        { nodeId: 'T', rater: 'r35', value: 3, id: 'again' },
      ],
    };
    const ratings = restoreRatings(c, raw, 'm', new Map([['T', 0]]), T);
    expect(ratings.length).to.equal(41);
    expect(ratings[0]!.id).to.equal('T@r0');
    expect(errorsOf(c)).to.deep.equal(['ratings[40]: rater "r35" rates node "T" twice']);
  });

  it('restoreLinks refuses a link on the thesis, a second link on a node and a link to itself', () => {
    const c = new Checker('');
    const nodeIds = new Map([
      ['T', 0],
      ['a', 1],
      ['b', 2],
    ]);
    const links = restoreLinks(
      c,
      {
        links: [
          { nodeId: 'a', targetId: 'b' },
          { nodeId: 'a', external: { title: 'Elsewhere', ref: 'x' } },
          { nodeId: 'T', targetId: 'a' },
          { nodeId: 'b', targetId: 'b' },
        ],
      },
      'm',
      nodeIds,
      'T',
      T,
    );
    expect(links.map((l) => l.id)).to.deep.equal(['a~link', 'a~link', 'T~link', 'b~link']);
    expect(errorsOf(c)).to.deep.equal([
      'links[1].nodeId: node "a" already has a link',
      'links[1].id: duplicate link id "a~link"',
      'links[2].nodeId: the thesis cannot be a link',
      'links[3].targetId: a link cannot point at itself',
    ]);
  });
});
