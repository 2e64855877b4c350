// Merging a student's copy into the class map: additions and newer ratings come in, nothing of
// the map is lost, and every disagreement is listed. Exact expected values throughout.
import { expect } from '@open-wc/testing';
import { mergeBundles } from '../../src/formats/merge.js';
import { checkTree } from '../../src/model/tree.js';
import { Origin, type ArgNode, type MapBundle } from '../../src/model/types.js';
import { randomMap, smallMap, T0 } from './helpers.js';

const T1 = '2025-03-02T10:00:00.000Z';
const NOW = '2025-03-05T12:00:00.000Z';

/** A student's copy of smallMap(): same ids, in the file's own map (mapId "s"). */
function studentCopy(): MapBundle {
  const b = structuredClone(smallMap());
  b.map.id = 'student';
  for (const list of [b.nodes, b.sources, b.citations, b.ratings]) for (const r of list) r.mapId = 'student';
  return b;
}

function added(id: string, parentId: string, relation: 'supports' | 'opposes', text: string): ArgNode {
  return {
    id,
    mapId: 'student',
    parentId,
    relation,
    order: 'V',
    text,
    origin: Origin.added,
    createdAt: T1,
    updatedAt: T1,
  };
}

describe('mergeBundles', () => {
  it('merging a map into itself changes nothing and lists no conflict', () => {
    const map = smallMap();
    const r = mergeBundles(map, studentCopy(), { now: NOW });
    expect(r.merged).to.deep.equal(map);
    expect(r.added).to.deep.equal({ nodes: 0, sources: 0, citations: 0, ratings: 0 });
    expect(r.updatedRatings).to.equal(0);
    expect(r.conflicts).to.deep.equal([]);
  });

  it("takes in a student's additions, newer ratings and new sources, and lists every disagreement", () => {
    const existing = smallMap();
    const before = structuredClone(existing);
    const file = studentCopy();
    const node = (id: string) => file.nodes.find((n) => n.id === id)!;
    // Disagreements about existing nodes: the map's version must be kept.
    node('c1').text = 'The summits were   a\nsuccess.';
    node('k2').parentId = 'c1';
    node('r1').relation = 'supports';
    // Additions: a premise under k2, and a note on an existing source's title.
    file.nodes.push(added('p2', 'k2', 'supports', 'Polls showed deep mistrust.'));
    file.sources[0]!.title = 'Reagan & Gorbachev';
    file.sources.push(
      {
        id: 's3',
        mapId: 'student',
        title: 'Gallup poll',
        url: 'https://gallup.example/1990',
        type: 'dataset',
        createdAt: T1,
        updatedAt: T1,
      },
      // Same link as the map's s2: the same source under another id.
      {
        id: 's9',
        mapId: 'student',
        title: 'INF text (copy)',
        url: 'https://www.state.gov/inf',
        type: 'official',
        createdAt: T1,
        updatedAt: T1,
      },
    );
    file.citations.find((c) => c.id === 'c1>s1')!.pinpoint = 'p. 13';
    file.citations.push(
      { id: 'p2>s3', mapId: 'student', nodeId: 'p2', sourceId: 's3', createdAt: T1 },
      { id: 'p2>s9', mapId: 'student', nodeId: 'p2', sourceId: 's9', pinpoint: 'art. 1', createdAt: T1 },
    );
    // Ratings: ana's newer rating replaces hers; ben's older one does not; cem's is new.
    Object.assign(
      file.ratings.find((r) => r.id === 'c1@ana')!,
      { value: 4, updatedAt: T1 },
    );
    delete file.ratings.find((r) => r.id === 'c1@ana')!.rationale;
    Object.assign(
      file.ratings.find((r) => r.id === 'c1@ben')!,
      { value: 0 },
    );
    file.ratings.push({
      id: 'p2@cem',
      mapId: 'student',
      nodeId: 'p2',
      rater: 'cem',
      value: 3,
      createdAt: T1,
      updatedAt: T1,
    });

    const r = mergeBundles(existing, file, { now: NOW });
    expect(existing, 'the input map is not modified').to.deep.equal(before);
    expect(r.added).to.deep.equal({ nodes: 1, sources: 1, citations: 2, ratings: 1 });
    expect(r.updatedRatings).to.equal(1);
    expect(r.conflicts).to.deep.equal([
      {
        kind: 'node',
        id: 'c1',
        field: 'text',
        message: 'kept this map\'s text; the file says "The summits were a success."',
      },
      { kind: 'node', id: 'k2', field: 'parentId', message: 'kept it under "T"; the file puts it under "c1"' },
      { kind: 'node', id: 'r1', field: 'relation', message: 'kept "opposes"; the file has "supports"' },
      {
        kind: 'source',
        id: 's1',
        field: 'title',
        message: 'kept this map\'s title; the file has "Reagan & Gorbachev"',
      },
      {
        kind: 'citation',
        id: 'c1>s1',
        field: 'pinpoint',
        message: 'kept this map\'s pinpoint "p. 12"; the file has "p. 13"',
      },
      {
        kind: 'rating',
        id: 'c1@ben',
        field: 'value',
        message:
          "kept ben's rating 2 of 2025-03-01T09:00:00.000Z; the file's rating 0 of 2025-03-01T09:00:00.000Z is not newer",
      },
    ]);
    const m = r.merged;
    expect(m.map).to.deep.equal({ ...existing.map, updatedAt: NOW });
    // Every existing record is still there, unchanged except the replaced rating.
    expect(m.nodes.slice(0, 6)).to.deep.equal(existing.nodes);
    expect(m.nodes[6]).to.deep.equal({ ...added('p2', 'k2', 'supports', 'Polls showed deep mistrust.'), mapId: 'm1' });
    expect(m.sources.map((s) => s.id)).to.deep.equal(['s1', 's2', 's3']);
    expect(m.sources[0]).to.deep.equal(existing.sources[0]);
    expect(m.sources[2]!.mapId).to.equal('m1');
    expect(m.citations.slice(3)).to.deep.equal([
      { id: 'p2>s3', mapId: 'm1', nodeId: 'p2', sourceId: 's3', createdAt: T1 },
      { id: 'p2>s9', mapId: 'm1', nodeId: 'p2', sourceId: 's2', pinpoint: 'art. 1', createdAt: T1 },
    ]);
    expect(m.ratings).to.deep.equal([
      existing.ratings[0],
      { id: 'c1@ana', mapId: 'm1', nodeId: 'c1', rater: 'ana', value: 4, createdAt: T0, updatedAt: T1 },
      existing.ratings[2],
      { id: 'p2@cem', mapId: 'm1', nodeId: 'p2', rater: 'cem', value: 3, createdAt: T1, updatedAt: T1 },
    ]);
    expect(checkTree(m.nodes)).to.deep.equal([]);
  });

  it('leaves out new nodes whose parent is in neither map, with everything below them, listed once', () => {
    const file = studentCopy();
    // A partial file: x1's parent "gone" is in neither map; x2 and x3 hang below x1.
    file.nodes.push(
      added('x2', 'x1', 'opposes', 'below x1'),
      added('x1', 'gone', 'supports', 'orphan'),
      added('x3', 'x2', 'supports', 'below x2'),
      added('y1', 'y1', 'supports', 'its own parent'),
    );
    file.ratings.push({
      id: 'x1@ana',
      mapId: 'student',
      nodeId: 'x1',
      rater: 'ana',
      value: 4,
      createdAt: T1,
      updatedAt: T1,
    });
    file.citations.push({ id: 'x3>s1', mapId: 'student', nodeId: 'x3', sourceId: 's1', createdAt: T1 });
    const r = mergeBundles(smallMap(), file, { now: NOW });
    expect(r.conflicts).to.deep.equal([
      { kind: 'node', id: 'x1', message: 'not added: its parent "gone" is in neither map (nor 2 nodes below it)' },
      { kind: 'node', id: 'y1', message: 'not added: its parents in the file form a cycle' },
    ]);
    expect(r.added).to.deep.equal({ nodes: 0, sources: 0, citations: 0, ratings: 0 });
    expect(r.merged).to.deep.equal(smallMap(), 'no change, so not even updatedAt moves');
  });

  it('leaves out the tree of another map, keeping only what both maps share', () => {
    const other = randomMap(7, { nodes: 5, rich: false });
    const r = mergeBundles(smallMap(), other, { now: NOW });
    expect(r.conflicts).to.deep.equal([
      {
        kind: 'node',
        id: 'n0',
        message: 'not added: it is the thesis of another map (this map\'s thesis is "T") (nor 4 nodes below it)',
      },
    ]);
    expect(r.merged.nodes).to.deep.equal(smallMap().nodes);
  });

  it('gives added records fresh ids where the map already uses theirs for something else', () => {
    const file = studentCopy();
    file.nodes.push(added('p2', 'T', 'supports', 'new'));
    // The file's source s2 is a different source from the map's s2 (different link).
    file.sources[1]!.url = 'https://other.example/';
    file.ratings.push({
      id: 'c1@ana',
      mapId: 'student',
      nodeId: 'p2',
      rater: 'ana',
      value: 1,
      createdAt: T1,
      updatedAt: T1,
    });
    const r = mergeBundles(smallMap(), file, { now: NOW });
    expect(r.merged.ratings.at(-1)).to.deep.equal({
      id: 'c1@ana~2',
      mapId: 'm1',
      nodeId: 'p2',
      rater: 'ana',
      value: 1,
      createdAt: T1,
      updatedAt: T1,
    });
    expect(r.conflicts).to.deep.equal([
      {
        kind: 'source',
        id: 's2',
        field: 'url',
        message: "kept this map's link <https://www.state.gov/inf>; the file has <https://other.example/>",
      },
    ]);
  });

  it('keeps a random map whole and valid when merging a changed copy of it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const map = randomMap(seed, { nodes: 60 });
      const copy = structuredClone(randomMap(seed, { nodes: 60 }));
      copy.nodes.push({ ...copy.nodes[0]!, id: 'new1', parentId: copy.nodes[0]!.id, relation: 'opposes' });
      copy.nodes.push({ ...copy.nodes[0]!, id: 'new2', parentId: 'new1', relation: 'supports' });
      const r = mergeBundles(map, copy);
      expect(checkTree(r.merged.nodes), `seed ${seed}`).to.deep.equal([]);
      expect(r.merged.nodes.length).to.equal(map.nodes.length + 2);
      expect(r.conflicts).to.deep.equal([]);
      for (const n of map.nodes) expect(r.merged.nodes).to.deep.include(n);
    }
  });
});
