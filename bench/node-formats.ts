/**
 * The Node side of the benchmarks: the pure formats modules and the generator, bundled for Node
 * by bench/rollup.bench.mjs so bench/run.mjs can time Markdown import and @argdown/core's parser
 * in one and the same process (the comparison).
 */
import { restore } from '../src/formats/restore.js';
import { toMapFile } from '../src/formats/json.js';
import { buildTree, kindOf, walk } from '../src/model/tree.js';
import type { MapBundle } from '../src/model/types.js';
import { generateMap, mapStats } from './generate.js';
import { api, optionalStatus } from './optional.js';

export { api, generateMap, mapStats, optionalStatus };

/** Whether the generated map passes the app's validator; the first errors when it does not. */
export function validate(bundle: MapBundle): string[] {
  const result = restore(JSON.parse(JSON.stringify(toMapFile(bundle))));
  return result.ok ? [] : result.errors.slice(0, 5).map((e) => `${e.field ?? ''}: ${e.message}`);
}

/**
 * Argdown for the map when src/formats/argdown.ts does not exist yet: every node a statement
 * `[Sn]: text #kind`, children indented under their parent with + (supports) or - (opposes).
 * Text is reduced to words (Argdown's special characters dropped), enough for a parsing peer.
 */
export function benchArgdown(bundle: MapBundle): string {
  const tree = buildTree(bundle.nodes);
  const lines: string[] = [`# ${bundle.map.title.replace(/[^\p{L}\p{N} ,.]/gu, ' ')}`, ''];
  let i = 0;
  walk(tree, (node, depth) => {
    i++;
    const text = node.text
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/[^\p{L}\p{N} ,.'-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const mark = depth === 0 ? '' : node.relation === 'supports' ? '+ ' : '- ';
    lines.push(`${'  '.repeat(depth)}${mark}[S${i}]: ${text} #${kindOf(tree, node)}`);
  });
  return lines.join('\n') + '\n';
}
