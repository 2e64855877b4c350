/** A class's work on a map for the class tests: an assignment, students' copies with their work. */
import { baselineOf, type Assignment } from '../../src/model/assignment.js';
import { Origin, Relation, SourceType, type MapBundle } from '../../src/model/types.js';
import { importJson } from '../../src/formats/json.js';

const HANDED_OUT = '2026-12-01T09:00:00.000Z';
export const LATER = '2026-12-02T10:00:00.000Z';

/** The shipped essay map, through the app's own import. */
export async function essayMap(): Promise<MapBundle> {
  const result = importJson(await (await fetch('/claims/essay-map.json')).text(), { now: HANDED_OUT });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.bundles[0]!;
}

/** An assignment of `bundle`: one counterpoint with a source, three ratings. */
export function assignmentOf(bundle: MapBundle, id = 'asg1'): Assignment {
  return {
    id,
    mapId: bundle.map.id,
    title: 'Counterpoints with sources',
    instructions: 'Object to one claim, *with* a source; rate three nodes.',
    tasks: [
      { id: 't1', kind: 'counterpoints', count: 1, withSource: true },
      { id: 't2', kind: 'ratings', count: 3 },
    ],
    baseline: baselineOf(bundle),
    createdAt: HANDED_OUT,
    updatedAt: HANDED_OUT,
  };
}

/**
 * A student's copy of `bundle` with their work: a counterpoint to `targetId` citing a new source,
 * and ratings of the first three claims under the thesis. `author` unset on what they added when
 * `unnamed` (as work done before they gave their name).
 */
export function studentWork(
  bundle: MapBundle,
  student: string,
  opts: { targetId?: string; unnamed?: boolean; tag?: string } = {},
): MapBundle {
  const b = structuredClone(bundle);
  const tag = opts.tag ?? student.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const claims = b.nodes.filter((n) => n.parentId === b.map.rootId && n.relation === Relation.supports);
  const target = opts.targetId ?? claims[0]!.id;
  const author = opts.unnamed ? {} : { author: student };
  b.nodes.push({
    id: `k-${tag}`,
    mapId: b.map.id,
    parentId: target,
    relation: Relation.opposes,
    order: 'z',
    text: `${student}'s objection: the record says otherwise.`,
    origin: Origin.added,
    ...author,
    createdAt: LATER,
    updatedAt: LATER,
  });
  b.sources.push({
    id: `s-${tag}`,
    mapId: b.map.id,
    title: `${student}'s source`,
    url: `https://example.org/${tag}`,
    type: SourceType.news,
    ...author,
    createdAt: LATER,
    updatedAt: LATER,
  });
  b.citations.push({
    id: `k-${tag}>s-${tag}`,
    mapId: b.map.id,
    nodeId: `k-${tag}`,
    sourceId: `s-${tag}`,
    ...author,
    createdAt: LATER,
  });
  claims.slice(0, 3).forEach((n, i) =>
    b.ratings.push({
      id: `${n.id}@${student}`,
      mapId: b.map.id,
      nodeId: n.id,
      rater: opts.unnamed ? 'me' : student,
      value: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      createdAt: LATER,
      updatedAt: LATER,
    }),
  );
  return b;
}
