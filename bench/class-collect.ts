/**
 * The class-collect workload: 30 hand-ins of the essay map, each with 10 additions (counterpoints
 * citing a new source, and premises) and 20 ratings, half as Markdown and half as JSON; collected
 * into the assignment's map in one step, beside the single-file import of a map of the same size
 * (the merged result as one JSON file). Pure: runs in the page or in Node.
 */
import { baselineOf, type Assignment } from '../src/model/assignment.js';
import { exportHandInJson, makeHandIn } from '../src/formats/class-files.js';
import { collectHandIns, type InFile } from '../src/formats/collect.js';
import { exportHandInMarkdown } from '../src/formats/handin-markdown.js';
import { exportMapJson, importJson } from '../src/formats/json.js';
import { Origin, Relation, SourceType, type MapBundle, type RatingValue } from '../src/model/types.js';

const T = '2026-12-01T09:00:00.000Z';
const LATER = '2026-12-02T10:00:00.000Z';

/** The assignment the workload's hand-ins answer. */
export function classAssignment(map: MapBundle): Assignment {
  return {
    id: 'bench-asg',
    mapId: map.map.id,
    title: 'Counterpoints and ratings',
    instructions: 'Add ten points, five of them objections with sources; rate twenty nodes.',
    tasks: [
      { id: 't1', kind: 'counterpoints', count: 5, withSource: true },
      { id: 't2', kind: 'ratings', count: 20 },
    ],
    baseline: baselineOf(map),
    createdAt: T,
    updatedAt: T,
  };
}

/** One student's copy of `map` with 10 additions and 20 ratings. */
function work(map: MapBundle, s: number, who = `Student ${s + 1}`): MapBundle {
  const b: MapBundle = {
    map: map.map,
    nodes: [...map.nodes],
    sources: [...map.sources],
    citations: [...map.citations],
    ratings: [...map.ratings],
  };
  const targets = map.nodes.filter((n) => n.parentId !== null);
  for (let i = 0; i < 10; i++) {
    const parent = targets[(s * 7 + i * 3) % targets.length]!;
    const id = `b${s}n${i}`;
    b.nodes.push({
      id,
      mapId: map.map.id,
      parentId: parent.id,
      relation: i % 2 ? Relation.supports : Relation.opposes,
      order: `z${String.fromCharCode(65 + i)}`,
      text: `Point ${i} of student ${s + 1}: the record on this is more mixed than the essay allows.`,
      origin: Origin.added,
      author: who,
      createdAt: LATER,
      updatedAt: LATER,
    });
    if (i % 2 === 0) {
      b.sources.push({
        id: `b${s}s${i}`,
        mapId: map.map.id,
        title: `Source ${i} of student ${s + 1}`,
        url: `https://example.org/s${s}/${i}`,
        type: SourceType.news,
        author: who,
        createdAt: LATER,
        updatedAt: LATER,
      });
      b.citations.push({
        id: `${id}>b${s}s${i}`,
        mapId: map.map.id,
        nodeId: id,
        sourceId: `b${s}s${i}`,
        author: who,
        createdAt: LATER,
      });
    }
  }
  for (let i = 0; i < 20; i++) {
    const node = map.nodes[(s * 11 + i * 5) % map.nodes.length]!;
    if (b.ratings.some((r) => r.nodeId === node.id && r.rater === who)) continue;
    b.ratings.push({
      id: `${node.id}@b${s}`,
      mapId: map.map.id,
      nodeId: node.id,
      rater: who,
      value: ((s + i) % 5) as RatingValue,
      createdAt: LATER,
      updatedAt: LATER,
    });
  }
  return b;
}

/** The 30 hand-in files (even students Markdown, odd JSON). */
export function classDrop(
  map: MapBundle,
  assignment: Assignment,
  students = 30,
  names: readonly string[] = [],
): InFile[] {
  const files: InFile[] = [];
  for (let s = 0; s < students; s++) {
    const who = names[s] ?? `Student ${s + 1}`;
    const h = makeHandIn(work(map, s, who), assignment, who, `bench-h${s}`, LATER);
    files.push(
      s % 2 === 0
        ? { name: `student-${s + 1}.md`, text: exportHandInMarkdown(h.bundle, h.handIn) }
        : { name: `student-${s + 1}.json`, text: exportHandInJson(h.bundle, h.handIn) },
    );
  }
  return files;
}

/** Collects the drop; throws if anything was refused (the workload must be all valid). */
export function collectDrop(map: MapBundle, assignment: Assignment, files: readonly InFile[]): MapBundle {
  const r = collectHandIns(map, assignment, files, new Set(), LATER);
  if (r.refused.length || r.collected.length !== files.length)
    throw new Error(`collect refused: ${r.refused[0]?.message}`);
  return r.merged;
}

/** The single-file import of the same size: the merged class map as one JSON file. */
export function singleFile(merged: MapBundle): string {
  return exportMapJson(merged);
}

/** Imports that single file (what it is timed against). */
export function importSingle(text: string): MapBundle {
  const r = importJson(text);
  if (!r.ok) throw new Error('single import failed');
  return r.bundles[0]!;
}
