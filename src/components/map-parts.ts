/**
 * The map view's parts whose code loads on first use, by name, for its LazyPartsController
 * (state/lazy-parts.ts): the first paint of the tree loads only what it shows, not the essay pane
 * (with the anchoring of quotes), the pictures (d3, dagre) or the panels other than the selected
 * node's.
 */

/** Each part's code. */
export const LAZY_PARTS = {
  reading: () => import('./reading-pane.js'),
  pictures: () => import('./map-pictures.js'),
  sources: () => import('./sources-panel.js'),
  gaps: () => import('./gap-report.js'),
  class: () => import('./class-panel.js'),
  export: () => import('./export-dialog.js'),
  import: () => import('./import-dialog.js'),
  // Below the tree's first paint (the details' citations and explanation) or not on screen at
  // first: loaded once the page is idle after the first paint (SOON).
  citations: () => import('./citations.js'),
  explanation: () => import('./explanation.js'),
  print: () => import('./print-outline.js'),
  shortcuts: () => import('./shortcuts-dialog.js'),
  menu: () => import('./command-menu.js'),
};
export type LazyPart = keyof typeof LAZY_PARTS;
/** The parts loaded once the page is idle after the map's first paint. */
export const SOON: readonly LazyPart[] = ['citations', 'explanation', 'print', 'shortcuts', 'menu'];
