/**
 * Modules the benchmarks use that other work is still writing (Markdown, Argdown, search), looked
 * up by the function the harness needs. A case whose function is not there yet is skipped with
 * the reason, not a build error: see optional-modules.ts.
 */
import type { ImportResult } from '../src/formats/errors.js';
import type { MapBundle } from '../src/model/types.js';
import { missing, optional } from './optional-modules.js';

/** The optional modules, by the name the harness uses. */
export type OptionalName = 'markdown' | 'argdown' | 'search';

/** The APIs the harness expects (issue 7 and issue 8). */
export interface ExpectedApis {
  exportMarkdown: (bundle: MapBundle, options?: Record<string, unknown>) => string;
  importMarkdown: (text: string) => ImportResult;
  exportArgdown: (bundle: MapBundle, options?: Record<string, unknown>) => string;
  createSearchIndex: (bundle: MapBundle) => {
    search(query: string, options?: { limit?: number }): { hits: readonly unknown[]; ids: readonly string[] };
  };
}

/** Where each expected function lives. */
const HOME: Record<keyof ExpectedApis, OptionalName> = {
  exportMarkdown: 'markdown',
  importMarkdown: 'markdown',
  exportArgdown: 'argdown',
  createSearchIndex: 'search',
};

/** Source file of each optional module (for messages). */
const OPTIONAL_FILES: Record<OptionalName, string> = {
  markdown: 'src/formats/markdown/index.ts',
  argdown: 'src/formats/argdown.ts',
  search: 'src/search/index.ts',
};

/** A function the harness needs, or the reason it is not available yet. */
export function api<K extends keyof ExpectedApis>(name: K): ExpectedApis[K] | string {
  const home = HOME[name];
  const mod = optional[home];
  if (!mod) return `not available yet: ${missing[home] ?? `${OPTIONAL_FILES[home]} is not bundled`}`;
  const fn = mod[name];
  if (typeof fn !== 'function') return `not available yet: ${OPTIONAL_FILES[home]} has no ${name}()`;
  return fn as ExpectedApis[K];
}

/** Which optional modules are bundled, and why the others are not. */
export function optionalStatus(): Record<OptionalName, string> {
  const out = {} as Record<OptionalName, string>;
  for (const name of Object.keys(OPTIONAL_FILES) as OptionalName[]) {
    out[name] = optional[name] ? 'bundled' : (missing[name] ?? 'not bundled');
  }
  return out;
}
