// `npm test`: make sure a Chromium is there, then run web-test-runner in it.
// Extra arguments go to web-test-runner (e.g. `npm test -- --files test/model/tree.test.ts`).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const chrome = findChromium();
// The package's "exports" hide its bin file from require.resolve; node_modules is beside us.
const wtr = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  '@web',
  'test-runner',
  'dist',
  'bin.js',
);
const child = spawn(process.execPath, [wtr, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
