/**
 * Claim evaluation (see shared/EVALUATION.md): base scores from ratings, every node's standing by
 * Quadratic Energy or DF-QuAD, incremental updates, and explanations. Pure: no DOM, no storage.
 */
export * from './settings.js';
export * from './base-scores.js';
export * from './tree-index.js';
export * from './semantics.js';
export * from './class-standing.js';
export * from './engine.js';
export * from './shapley.js';
export * from './explain.js';
export * from './random.js';
