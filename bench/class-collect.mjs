// Times collecting 30 hand-ins of the essay map (each 10 additions, 20 ratings; Markdown and
// JSON mixed) beside the single-file import of a map of the same size. Node, one process:
// `node bench/class-collect.mjs`. Budget: collecting under 5 s.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const bundle = await rollup({
  input: join(root, 'bench', 'class-collect.ts'),
  plugins: [nodeResolve(), esbuild({ tsconfig: join(root, 'tsconfig.json'), target: 'node20' })],
  onwarn() {},
});
const file = join(out, 'class-collect.mjs');
await bundle.write({ file, format: 'es' });
await bundle.close();
const w = await import(pathToFileURL(file).href);

const parsed = w.importSingle(readFileSync(join(root, 'claims', 'essay-map.json'), 'utf8'));
const assignment = w.classAssignment(parsed);
const files = w.classDrop(parsed, assignment, 30);
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, runs) => {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), result };
};
const collect = time(() => w.collectDrop(parsed, assignment, files), 5);
const merged = collect.result;
const single = w.singleFile(merged);
const imp = time(() => w.importSingle(single), 5);
console.log(
  JSON.stringify(
    {
      case: 'collect 30 hand-ins of the essay map',
      files: files.length,
      inputBytes: bytes,
      mergedNodes: merged.nodes.length,
      mergedRatings: merged.ratings.length,
      collectMs: Math.round(collect.ms),
      budgetMs: 5000,
      singleFileImportMs: Math.round(imp.ms * 10) / 10,
      singleFileBytes: Buffer.byteLength(single),
    },
    null,
    2,
  ),
);
