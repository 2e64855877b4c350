/**
 * Stand-in for the optional modules. bench/rollup.bench.mjs replaces this file at bundle time
 * with one that imports each optional module that exists and builds (src/formats/markdown/index.ts,
 * src/formats/argdown.ts, src/search/index.ts) and says why each other one is missing. Type
 * checking sees this stand-in, so the bench type-checks whether or not those files exist.
 */
import type { OptionalName } from './optional.js';

/** Each optional module's namespace, when it exists and builds. */
export const optional: Partial<Record<OptionalName, Record<string, unknown>>> = {};
/** Why an optional module is not available (file missing, or it does not build yet). */
export const missing: Partial<Record<OptionalName, string>> = {};
