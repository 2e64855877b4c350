// Dexie 4's package "exports" send ESM importers to a wrapper that default-imports the UMD build,
// which breaks rollup and the test runner. Point the bare id at the real ESM build instead (the
// route the Dexie maintainers recommend, Dexie.js issue 1995). One plugin, two hooks: rollup uses
// resolveId, @web/dev-server and web-test-runner use resolveImport.
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dexieDir = dirname(require.resolve('dexie/package.json'));
const esmFile = join(dexieDir, 'dist', 'dexie.mjs');

export function dexieEsm() {
  return {
    name: 'dexie-esm',
    resolveId(source) {
      return source === 'dexie' ? esmFile : null;
    },
    resolveImport({ source }) {
      return source === 'dexie' ? '/' + relative(root, esmFile).split('\\').join('/') : undefined;
    },
  };
}
