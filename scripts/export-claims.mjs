// Writes claims/essay-map.md: the Markdown export (the teacher's full record) of the shipped
// claims/essay-map.json, made by the app's own exporter. The map has no ratings, so no standings.
// `node scripts/export-claims.mjs` regenerates it; `--check` only says whether it is up to date
// (exit 1 when not). test/claims/essay-markdown.test.ts fails when it is out of date.
//
// The exporter is TypeScript (src/formats/): it is bundled in memory with the project's own
// rollup + esbuild, written to a temporary module and imported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_PATH = join(root, 'claims', 'essay-map.json');
const MD_PATH = join(root, 'claims', 'essay-map.md');

async function loadFormats() {
  const bundle = await rollup({
    input: join(root, 'src', 'formats', 'index.ts'),
    plugins: [nodeResolve(), esbuild({ tsconfig: join(root, 'tsconfig.json'), target: 'es2022' })],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const dir = mkdtempSync(join(tmpdir(), 'warrant-formats-'));
  try {
    const file = join(dir, 'formats.mjs');
    writeFileSync(file, output[0].code);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const formats = await loadFormats();
const result = formats.importJson(readFileSync(JSON_PATH, 'utf8'));
if (!result.ok) {
  console.error(`claims/essay-map.json is not valid:\n${result.errors.map(formats.describeError).join('\n')}`);
  process.exit(1);
}
const markdown = formats.exportMarkdown(result.bundles[0], formats.MARKDOWN_FULL_RECORD);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(MD_PATH, 'utf8');
  } catch {
    // Missing counts as out of date.
  }
  if (current !== markdown) {
    console.error('claims/essay-map.md is out of date: run `node scripts/export-claims.mjs` to regenerate it.');
    process.exit(1);
  }
  console.log('claims/essay-map.md is up to date.');
} else {
  writeFileSync(MD_PATH, markdown);
  console.log(`Wrote claims/essay-map.md (${markdown.split('\n').length - 1} lines).`);
}
