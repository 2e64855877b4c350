// Builds the benchmark bundles into bench/out/ (bench/run.mjs calls this; `npx rollup -c
// bench/rollup.bench.mjs` works too):
// - harness.js + index.html: the in-page harness with the real app's components, built with the
//   plugins of the app's own rollup.config.mjs (Dexie's ESM build, Lit's production build,
//   esbuild minification), so the page runs the code a student's browser runs;
// - node-formats.mjs: the generator and the pure formats modules for Node, where Markdown import
//   and @argdown/core's parser are timed in one process.
// Modules still being written elsewhere (Markdown, Argdown, search) are optional: each one that
// exists and builds is bundled; the others are named, with the reason, and their cases skipped.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import appConfig from '../rollup.config.mjs';
import { dexieEsm } from '../scripts/dexie-esm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');

/** Optional modules by the name bench/optional.ts uses. */
export const OPTIONAL = {
  markdown: 'src/formats/markdown/index.ts',
  argdown: 'src/formats/argdown.ts',
  search: 'src/search/index.ts',
};
const VIRTUAL = '\0bench-optional-modules';

const probes = new Map();

/** Null when `file` bundles on its own, else the first line of the error. */
function probe(file) {
  if (!probes.has(file)) {
    probes.set(
      file,
      (async () => {
        try {
          const bundle = await rollup({
            input: file,
            plugins: [dexieEsm(), nodeResolve({ browser: true }), esbuild({ tsconfig: join(root, 'tsconfig.json') })],
            onwarn() {},
          });
          await bundle.close();
          return null;
        } catch (error) {
          return String(error?.message ?? error).split('\n')[0];
        }
      })(),
    );
  }
  return probes.get(file);
}

/** Replaces bench/optional-modules.ts with imports of the optional modules that are there. */
export function optionalModules() {
  let source = '';
  return {
    name: 'bench-optional-modules',
    async buildStart() {
      const imports = [];
      const names = [];
      const missing = {};
      for (const [name, rel] of Object.entries(OPTIONAL)) {
        const file = join(root, rel);
        if (!existsSync(file)) {
          missing[name] = `${rel} does not exist yet`;
          continue;
        }
        const problem = await probe(file);
        if (problem) {
          missing[name] = `${rel} does not build yet (${problem})`;
          this.warn(missing[name]);
          continue;
        }
        imports.push(`import * as ${name} from ${JSON.stringify(file)};`);
        names.push(name);
      }
      source = [
        ...imports,
        `export const optional = { ${names.join(', ')} };`,
        `export const missing = ${JSON.stringify(missing)};`,
      ].join('\n');
    },
    resolveId(id, importer) {
      if (importer && /[\\/]bench[\\/]/.test(importer) && /(^|\/)optional-modules(\.js|\.ts)?$/.test(id))
        return VIRTUAL;
      return null;
    },
    load(id) {
      return id === VIRTUAL ? source : null;
    },
  };
}

function copy(from, to) {
  return {
    name: 'bench-copy',
    buildStart() {
      this.addWatchFile(from);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
    },
  };
}

/**
 * The two bench builds. `readable: true` keeps names (for CPU profiles); otherwise the harness is
 * transformed exactly as the app is.
 */
export function benchConfigs({ readable = false } = {}) {
  // The app's own plugins, minus those that copy the app's static files and edit its index.html.
  const appPlugins = appConfig.plugins.filter((p) => p && p.name !== 'copy-files' && p.name !== 'preload-first-paint');
  const browserPlugins = readable
    ? appPlugins.map((p) =>
        p.name === 'esbuild' ? esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', minify: false }) : p,
      )
    : appPlugins;
  return [
    {
      input: join(root, 'bench', 'page', 'harness.ts'),
      output: { dir: out, format: 'es', entryFileNames: 'harness.js', inlineDynamicImports: true, sourcemap: true },
      plugins: [optionalModules(), ...browserPlugins, copy(join(root, 'bench', 'index.html'), 'index.html')],
      onwarn: appConfig.onwarn,
    },
    {
      input: join(root, 'bench', 'node-formats.ts'),
      output: { file: join(out, 'node-formats.mjs'), format: 'es', inlineDynamicImports: true },
      plugins: [
        optionalModules(),
        dexieEsm(),
        nodeResolve({ exportConditions: ['node', 'production'], preferBuiltins: true }),
        esbuild({ tsconfig: join(root, 'tsconfig.json'), target: 'node20' }),
      ],
      onwarn: appConfig.onwarn,
    },
  ];
}

export default benchConfigs();
