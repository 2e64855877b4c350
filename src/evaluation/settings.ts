/**
 * The two evaluation settings a class can choose: which semantics turns the children's strengths
 * into a claim's standing, and how a mean rating becomes a base score. Both are stored locally and
 * named in exports, so they are plain strings that survive JSON.
 */

/** How a node's standing is computed from its base score and its children's standings. */
export const Semantics = {
  /** The class default (class-standing.ts): weighted mean of what is rated, bounded objections. */
  class: 'class',
  /** Quadratic Energy (Potyka 2018): every contribution adds up; saturates on wide maps. */
  qe: 'qe',
  /** DF-QuAD (Rago et al. 2016): diminishing returns, one decisive attacker can zero a claim. */
  dfquad: 'dfquad',
} as const;
/** One of the values of `Semantics`. */
export type Semantics = (typeof Semantics)[keyof typeof Semantics];

/** How a mean rating r on the 0-4 scale becomes a base score in [0,1]. */
export const RatingMapping = {
  /** r/4: 0 ... 1. */
  linear: 'linear',
  /** (r+0.5)/5: 0.1 ... 0.9, so no single rating pins a claim at 0 or 1. */
  avoidExtremes: 'avoid-extremes',
} as const;
/** One of the values of `RatingMapping`. */
export type RatingMapping = (typeof RatingMapping)[keyof typeof RatingMapping];

/** Names of the semantics as shown in the settings and in exports. */
export const SEMANTICS_LABELS: Readonly<Record<Semantics, string>> = {
  class: 'Class standing',
  qe: 'Quadratic Energy',
  dfquad: 'DF-QuAD',
};

/** Names of the rating mappings as shown in the settings and in exports. */
export const RATING_MAPPING_LABELS: Readonly<Record<RatingMapping, string>> = {
  linear: 'r/4',
  'avoid-extremes': 'avoid extremes (r+0.5)/5',
};

/** The evaluation settings of a class. */
export interface EvaluationSettings {
  semantics: Semantics;
  mapping: RatingMapping;
}

/**
 * The class default with the plain r/4 mapping. Settings are stored only when a user changes one
 * in the Settings panel, so a user who never did gets this default; a stored choice (QE included)
 * is theirs and is kept.
 */
export const DEFAULT_EVALUATION_SETTINGS: Readonly<EvaluationSettings> = Object.freeze({
  semantics: Semantics.class,
  mapping: RatingMapping.linear,
});

/** Whether `value` names a semantics (for settings read back from storage or a file). */
function isSemantics(value: unknown): value is Semantics {
  return value === Semantics.class || value === Semantics.qe || value === Semantics.dfquad;
}

/** Whether `value` names a rating mapping (for settings read back from storage or a file). */
function isRatingMapping(value: unknown): value is RatingMapping {
  return value === RatingMapping.linear || value === RatingMapping.avoidExtremes;
}

/**
 * Settings from untrusted stored data: each field that is missing or unknown falls back to the
 * default, so a stale or hand-edited value can never break evaluation.
 */
export function parseEvaluationSettings(raw: unknown): EvaluationSettings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    semantics: isSemantics(record['semantics']) ? record['semantics'] : DEFAULT_EVALUATION_SETTINGS.semantics,
    mapping: isRatingMapping(record['mapping']) ? record['mapping'] : DEFAULT_EVALUATION_SETTINGS.mapping,
  };
}
