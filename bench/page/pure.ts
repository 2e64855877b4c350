/**
 * Cases below the UI, timed in the page with the app's own modules: evaluation, the rating
 * engine path, the search index, Markdown export and import.
 */
import {
  computeBaseScores,
  evaluate,
  evaluateBase,
  indexTree,
  RatingMapping,
  ratingToTau,
  Semantics,
  updateNode,
  updateTau,
  type Evaluation,
} from '../../src/evaluation/index.js';
import { exportMapJson, importJson } from '../../src/formats/json.js';
import { buildTree, type Tree } from '../../src/model/tree.js';
import type { ArgNode, RatingValue } from '../../src/model/types.js';
import { SEARCH_QUERIES } from '../generate.js';
import { api } from '../optional.js';
import { bundleOf } from './maps.js';
import { describe, perCall } from './util.js';

/** Timings of one case: its samples and its baseline's, in milliseconds unless `unit` says. */
interface CaseResult {
  samples: number[];
  baseline: number[];
  /** What the baseline is. */
  baselineName: string;
  unit?: string;
  info?: Record<string, unknown>;
}

/** A case that could not run: its module is not there yet, or it failed. */
interface CaseSkip {
  skipped: string;
}

export type CaseOutcome = CaseResult | CaseSkip;

function runsOf(runs: number, warmup: number, body: (measured: boolean) => void): void {
  for (let r = 0; r < warmup + runs; r++) body(r >= warmup);
}

/** The floor of touching every node: one number per node summed over the same array. */
function touchEveryNode(nodes: readonly ArgNode[]): number {
  let s = 0;
  for (let i = 0; i < nodes.length; i++) s += nodes[i]!.text.length;
  return s;
}

/** Full evaluation passes (QE and DF-QuAD), and evaluation from the ratings up. */
function evaluationCase(n: number, runs: number, warmup: number): Record<string, CaseResult> {
  const bundle = bundleOf(n);
  const tree = buildTree(bundle.nodes);
  const scores = computeBaseScores(bundle.ratings);
  indexTree(tree);
  const qe: number[] = [];
  const df: number[] = [];
  const cls: number[] = [];
  const cold: number[] = [];
  const base: number[] = [];
  runsOf(runs, warmup, (measured) => {
    const a = perCall(() => evaluate(tree, scores.tauOf, Semantics.qe).thesis);
    const b = perCall(() => evaluate(tree, scores.tauOf, Semantics.dfquad).thesis);
    // The default: unrated nodes left out, relevance weights (the app evaluates it this way).
    const k = perCall(() => evaluateBase(tree, scores, Semantics.class).thesis);
    // A new Tree object (as after any edit): the index is rebuilt, base scores recomputed.
    const c = perCall(() => {
      const fresh: Tree<ArgNode> = { root: tree.root, byId: tree.byId, children: tree.children };
      return evaluate(fresh, computeBaseScores(bundle.ratings).tauOf, Semantics.qe).thesis;
    });
    const f = perCall(() => touchEveryNode(bundle.nodes));
    if (measured) {
      qe.push(a);
      df.push(b);
      cls.push(k);
      cold.push(c);
      base.push(f);
    }
  });
  const baselineName = 'loop summing one number per node';
  const thesis = evaluate(tree, scores.tauOf, Semantics.qe).thesis;
  return {
    'evaluate QE': { samples: qe, baseline: base, baselineName, info: { thesisStanding: thesis } },
    'evaluate DF-QuAD': { samples: df, baseline: base, baselineName },
    'evaluate class standing (default)': { samples: cls, baseline: base, baselineName },
    'evaluate from ratings (scores + index + QE)': { samples: cold, baseline: base, baselineName },
  };
}

/**
 * One rating of the deepest node changes; the thesis standing follows through updateTau (the
 * node's base score recomputed from its ratings, then its path to the thesis). Baseline: a full
 * evaluate of the same tree.
 */
function ratingCase(name: string, n: number, runs: number, warmup: number): Record<string, CaseResult> {
  const bundle = bundleOf(n);
  const tree = buildTree(bundle.nodes);
  const scores = computeBaseScores(bundle.ratings);
  const index = indexTree(tree);
  let deepest = 0;
  let deepestLevel = 0;
  for (let i = 1; i < index.size; i++) {
    let level = 0;
    for (let p = i; p > 0; p = index.parent[p]!) level++;
    if (level > deepestLevel) {
      deepest = i;
      deepestLevel = level;
    }
  }
  const nodeId = index.ids[deepest]!;
  const values: RatingValue[] = bundle.ratings.flatMap((r) =>
    r.nodeId === nodeId && r.value !== undefined ? [r.value] : [],
  );
  if (!values.length) values.push(2);
  const ev: Evaluation = evaluate(tree, scores.tauOf, Semantics.qe);
  const taus = Float64Array.from(index.ids, (id) => scores.tauOf(id));
  let flip = 0;
  const change = (): number => {
    flip = (flip + 1) % 5;
    values[0] = flip as RatingValue;
    let sum = 0;
    for (const v of values) sum += v;
    updateTau(ev, nodeId, ratingToTau(sum / values.length, RatingMapping.linear));
    return ev.thesis;
  };
  const samples: number[] = [];
  const baseline: number[] = [];
  runsOf(runs, warmup, (measured) => {
    const a = perCall(change);
    const b = perCall(() => {
      taus[deepest] = ratingToTau(flip / 4, RatingMapping.linear);
      return evaluate(index, taus, Semantics.qe).thesis;
    });
    if (measured) {
      samples.push(a);
      baseline.push(b);
    }
  });
  // The same change under the class default, where a rating also makes the node rated (informed).
  const cls = evaluateBase(tree, scores, Semantics.class);
  const classSamples: number[] = [];
  const classBaseline: number[] = [];
  runsOf(runs, warmup, (measured) => {
    const a = perCall(() => {
      updateNode(cls, nodeId, { tau: ratingToTau(flip / 4, RatingMapping.linear), rated: true });
      return cls.thesis;
    });
    const b = perCall(() => evaluateBase(tree, scores, Semantics.class).thesis);
    if (measured) {
      classSamples.push(a);
      classBaseline.push(b);
    }
  });
  return {
    [name]: {
      samples,
      baseline,
      baselineName: 'full evaluate (QE)',
      info: { node: nodeId, depth: deepestLevel, ratingsOfNode: values.length },
    },
    'rating -> thesis standing (engine, class standing: updateNode)': {
      samples: classSamples,
      baseline: classBaseline,
      baselineName: 'full evaluate (class standing)',
    },
  };
}

/** Search: building the index, and query -> results for queries of 3-10 characters. */
function searchCase(n: number, runs: number, warmup: number, buildRuns: number): Record<string, CaseOutcome> {
  const create = api('createSearchIndex');
  if (typeof create === 'string') return { 'search query': { skipped: create } };
  const bundle = bundleOf(n);
  const builds: number[] = [];
  const floors: number[] = [];
  let index: ReturnType<typeof create> | undefined;
  for (let r = 0; r < 1 + buildRuns; r++) {
    const t0 = performance.now();
    index = create(bundle);
    const ms = performance.now() - t0;
    const floor = perCall(() => bundle.nodes.map((x) => x.text.toLowerCase()).length);
    if (r > 0 || buildRuns === 0) {
      builds.push(ms);
      floors.push(floor);
    }
  }
  const texts = bundle.nodes.map((x) => x.text.toLowerCase());
  const samples: number[] = [];
  const baseline: number[] = [];
  const perQuery: Record<string, { ms: number[]; matches: number; hits: number }> = {};
  runsOf(runs, warmup, (measured) => {
    for (const q of SEARCH_QUERIES) {
      const a = perCall(() => index!.search(q).ids.length, 5);
      const lower = q.toLowerCase();
      const b = perCall(() => {
        let count = 0;
        for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(lower)) count++;
        return count;
      }, 5);
      if (measured) {
        samples.push(a);
        baseline.push(b);
        const result = index!.search(q);
        const entry = (perQuery[q] ??= { ms: [], matches: result.ids.length, hits: result.hits.length });
        entry.ms.push(a);
      }
    }
  });
  return {
    'search index build': {
      samples: builds,
      baseline: floors,
      baselineName: 'lower-casing every node text',
    },
    'search query': {
      samples,
      baseline,
      baselineName: 'String.includes over all node texts',
      info: { queries: perQuery },
    },
  };
}

/** Markdown export and import of the whole map, beside the app's own JSON export and import. */
function markdownCase(n: number, runs: number, warmup: number): Record<string, CaseOutcome> {
  const exportMd = api('exportMarkdown');
  const importMd = api('importMarkdown');
  const out: Record<string, CaseOutcome> = {};
  const bundle = bundleOf(n);
  const json = exportMapJson(bundle);
  if (typeof exportMd === 'string') out['Markdown export'] = { skipped: exportMd };
  let text = '';
  try {
    if (typeof exportMd !== 'string') {
      text = exportMd(bundle);
      const samples: number[] = [];
      const baseline: number[] = [];
      runsOf(runs, warmup, (measured) => {
        const a = perCall(() => exportMd(bundle));
        const b = perCall(() => exportMapJson(bundle));
        if (measured) {
          samples.push(a);
          baseline.push(b);
        }
      });
      out['Markdown export'] = {
        samples,
        baseline,
        baselineName: 'JSON export (exportMapJson)',
        info: { markdownChars: text.length, jsonChars: json.length },
      };
    }
  } catch (error) {
    out['Markdown export'] = { skipped: `failed: ${describe(error)}` };
  }
  if (typeof importMd === 'string') out['Markdown import'] = { skipped: importMd };
  else if (!text) out['Markdown import'] = { skipped: 'no Markdown export to import' };
  else {
    try {
      const check = importMd(text);
      if (!check.ok) {
        const first = check.errors.slice(0, 3).map((e) => `line ${e.line ?? '?'}: ${e.message}`);
        throw new Error(`import of the export failed: ${first.join('; ')}`);
      }
      if (check.bundles[0]?.nodes.length !== n) throw new Error(`import gave ${check.bundles[0]?.nodes.length} nodes`);
      const samples: number[] = [];
      const baseline: number[] = [];
      runsOf(runs, warmup, (measured) => {
        const a = perCall(() => importMd(text).ok);
        const b = perCall(() => importJson(json).ok);
        if (measured) {
          samples.push(a);
          baseline.push(b);
        }
      });
      out['Markdown import'] = { samples, baseline, baselineName: 'JSON import (importJson)' };
    } catch (error) {
      out['Markdown import'] = { skipped: `failed: ${describe(error)}` };
    }
  }
  return out;
}

/** Runs a pure case, turning an exception into a skip row that says what failed. */
function guarded(name: string, body: () => Record<string, CaseOutcome>): Record<string, CaseOutcome> {
  try {
    return body();
  } catch (error) {
    return { [name]: { skipped: `failed: ${describe(error)}` } };
  }
}

/** The pure cases in `which`; `heavyRuns` for those taking a second or more per sample. */
export function pureCases(
  n: number,
  runs: number,
  warmup: number,
  which: readonly string[],
  heavyRuns = runs,
): Record<string, CaseOutcome> {
  const out: Record<string, CaseOutcome> = {};
  if (which.includes('evaluation'))
    Object.assign(
      out,
      guarded('evaluate QE', () => evaluationCase(n, runs, warmup)),
    );
  if (which.includes('rating')) {
    const name = 'rating -> thesis standing (engine: updateTau)';
    Object.assign(
      out,
      guarded(name, () => ratingCase(name, n, runs, warmup)),
    );
  }
  if (which.includes('search'))
    Object.assign(
      out,
      guarded('search query', () => searchCase(n, runs, warmup, heavyRuns)),
    );
  if (which.includes('markdown'))
    Object.assign(
      out,
      guarded('Markdown export', () => markdownCase(n, heavyRuns, warmup)),
    );
  return out;
}
