/**
 * The class case, in the page with the app's own modules: 30 hand-ins of the essay map (10
 * additions and 20 ratings each, Markdown and JSON mixed) collected into the assignment's map in
 * one step, beside the single-file JSON import of a map of the same size (the merged class map).
 */
import { classAssignment, classDrop, collectDrop, importSingle, singleFile } from '../class-collect.js';

/** Times collecting `students` hand-ins `runs` times (after `warmup`), and the single import. */
export async function classCollect(students: number, runs: number, warmup: number) {
  const text = await (await fetch('../claims/essay-map.json')).text();
  const map = importSingle(text);
  const assignment = classAssignment(map);
  const files = classDrop(map, assignment, students);
  const samples: number[] = [];
  const baseline: number[] = [];
  let merged = map;
  let single = '';
  for (let r = 0; r < warmup + runs; r++) {
    let t = performance.now();
    merged = collectDrop(map, assignment, files);
    const collect = performance.now() - t;
    single = singleFile(merged);
    t = performance.now();
    importSingle(single);
    const one = performance.now() - t;
    if (r >= warmup) {
      samples.push(collect);
      baseline.push(one);
    }
  }
  return {
    samples,
    baseline,
    baselineName: `single JSON import of the merged map (${merged.nodes.length} nodes, ${merged.ratings.length} ratings, ${Math.round(single.length / 1024)} KB)`,
    info: {
      files: files.length,
      inputKB: Math.round(files.reduce((n, f) => n + f.text.length, 0) / 1024),
    },
  };
}
