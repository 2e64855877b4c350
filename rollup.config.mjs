// Builds the app into dist/: app.js (+ lazily loaded chunks), index.html, styles, icon and the
// essay's map from claims/; and import-worker.js beside app.js, the module worker that parses large
// imports off the main thread (a self-contained bundle of its own). Every path is relative, so dist/
// works from any static server under any sub-path.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { dexieEsm } from './scripts/dexie-esm.mjs';

/** Copies static files into the output as assets (so rollup -w tracks them too). */
function copyFiles(files) {
  return {
    name: 'copy-files',
    buildStart() {
      for (const [from] of files) this.addWatchFile(from);
    },
    generateBundle() {
      for (const [from, to] of files) this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
    },
  };
}

/** The import worker's source, its file in the build, and how the app refers to the source. */
const WORKER_INPUT = 'src/workers/import-worker.ts';
const WORKER_FILE = 'import-worker.js';
const WORKER_SOURCE_URL = /new URL\((['"])\.\.\/workers\/import-worker\.ts\1,\s*import\.meta\.url\)/g;

/** The plugins the app and its worker share. */
const common = () => [
  dexieEsm(),
  // "production" picks Lit's production build (no dev-mode warnings, smaller).
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', minify: true, legalComments: 'none' }),
];

/**
 * The module worker that parses large imports off the main thread: built as its own
 * self-contained bundle (only the pure formats and marked) and emitted as import-worker.js beside
 * app.js. In the app, `new URL('../workers/import-worker.ts', import.meta.url)` (the TypeScript
 * source, which web-test-runner serves as it is) becomes `new URL('./import-worker.js', ...)`:
 * relative to the script, so any sub-path works. A chunk that is not beside app.js fails the
 * build rather than ship a wrong URL.
 */
function importWorker() {
  return {
    name: 'import-worker',
    async buildStart() {
      const bundle = await rollup({ input: WORKER_INPUT, plugins: common() });
      try {
        for (const file of bundle.watchFiles) this.addWatchFile(file);
        const { output } = await bundle.generate({ format: 'es', sourcemap: true, sourcemapFile: WORKER_FILE });
        const [chunk] = output;
        // The code ends with its sourceMappingURL comment already.
        this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: chunk.code });
        this.emitFile({ type: 'asset', fileName: `${WORKER_FILE}.map`, source: chunk.map.toString() });
      } finally {
        await bundle.close();
      }
    },
    transform(code) {
      if (!code.includes('import-worker.ts')) return null;
      return { code: code.replace(WORKER_SOURCE_URL, `new URL('./${WORKER_FILE}', import.meta.url)`), map: null };
    },
    renderChunk(code, chunk) {
      if (chunk.fileName.includes('/') && code.includes(WORKER_FILE)) {
        this.error(
          `${chunk.fileName} refers to ./${WORKER_FILE} but is not beside it: keep src/state/transfer.ts in app.js`,
        );
      }
      return null;
    },
  };
}

export default {
  input: 'src/main.ts',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'app.js',
    // Lazily loaded parts sit beside app.js: the import worker is found relative to the code
    // that starts it, whichever chunk that ends up in.
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    importWorker(),
    ...common(),
    copyFiles([
      ['index.html', 'index.html'],
      ['src/assets/app.css', 'app.css'],
      ['src/assets/icon.svg', 'icon.svg'],
      ['claims/essay-map.json', 'claims/essay-map.json'],
    ]),
  ],
  onwarn(warning, warn) {
    // Lit ships `this` at module top level in a few polyfill guards; harmless.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
