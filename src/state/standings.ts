/**
 * Every node's standing as printed in exports and the print outline. Its own module so that the
 * print outline (loaded with the app) does not pull in every file format.
 */
import { buildTree } from '../model/tree.js';
import type { MapBundle } from '../model/types.js';
import type { MarkdownStandings } from '../formats/markdown/index.js';
import {
  computeBaseScores,
  evaluateBase,
  RATING_MAPPING_LABELS,
  SEMANTICS_LABELS,
  Semantics,
  type EvaluationSettings,
} from '../evaluation/index.js';

/** Names the way standings were computed, for the export's legend and the dialog. */
export function standingsLabel(settings: EvaluationSettings, perspective?: string): string {
  const name = `${SEMANTICS_LABELS[settings.semantics]}${settings.semantics === Semantics.qe ? ' (QE)' : ''}`;
  const who = perspective !== undefined ? `, from ${perspective}'s ratings only` : '';
  return `${name} with base scores ${RATING_MAPPING_LABELS[settings.mapping]}${who}`;
}

/**
 * Every node's standing under `settings`, from `perspective`'s ratings (everyone's when absent),
 * labelled for the Markdown export; `byNode` may be passed when the caller has computed it.
 */
export function standingsFor(
  bundle: MapBundle,
  settings: EvaluationSettings,
  perspective?: string,
  byNode?: ReadonlyMap<string, number>,
): MarkdownStandings {
  const semanticsLabel = standingsLabel(settings, perspective);
  if (byNode) return { semanticsLabel, byNode };
  const base = computeBaseScores(bundle.ratings, {
    mapping: settings.mapping,
    ...(perspective !== undefined && { perspective: { rater: perspective } }),
  });
  const ev = evaluateBase(buildTree(bundle.nodes), base, settings.semantics);
  const values = new Map<string, number>();
  for (const n of bundle.nodes) {
    // Nothing rated in its subtree: it has no standing to print.
    const sigma = ev.sigmaOf(n.id);
    if (sigma !== undefined && ev.informedOf(n.id)) values.set(n.id, sigma);
  }
  return { semanticsLabel, byNode: values };
}
