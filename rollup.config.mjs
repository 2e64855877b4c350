// Builds the app into dist/: app.js (+ lazily loaded chunks), index.html, styles, icon and the
// essay's map from claims/. Every path is relative, so dist/ works from any static server under
// any sub-path.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
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

export default {
  input: 'src/main.ts',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    dexieEsm(),
    // "production" picks Lit's production build (no dev-mode warnings, smaller).
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', minify: true, legalComments: 'none' }),
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
