// Initial JS: dist/index.html's module script and its static imports, gzip -6 (the
// modulepreloaded chunks, fetched with the page for a first visit, are their own row); baseline lit + lit/decorators + Dexie bundled and minified alone.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { dexieEsm } from '../../scripts/dexie-esm.mjs';

const gz = (buffer) => gzipSync(buffer, { level: 6 }).length;

function eagerFiles(root) {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const js = new Set();
  const visit = (rel) => {
    const file = normalize(join(root, 'dist', rel));
    if (js.has(file) || !existsSync(file)) return;
    js.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import(` is lazy and not part of the initial load.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) visit(join(dirname(rel), m[1]));
  };
  for (const s of scripts) visit(s);
  const started = new Set(js);
  for (const s of preloads) visit(s);
  return {
    js: [...started],
    preloaded: [...js].filter((f) => !started.has(f)),
    css: styles.map((s) => join(root, 'dist', s)).filter(existsSync),
  };
}

async function litDexieBaseline() {
  const entry = '\0lit-dexie';
  const bundle = await rollup({
    input: entry,
    plugins: [
      {
        name: 'lit-dexie-entry',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) =>
          id === entry
            ? "export * from 'lit';\nexport * from 'lit/decorators.js';\nexport { Dexie } from 'dexie';\n"
            : null,
      },
      dexieEsm(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild({ target: 'es2022', minify: true, legalComments: 'none' }),
    ],
    onwarn() {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return gz(Buffer.from(output[0].code));
}

export default {
  id: 'bundle',
  title: 'initial JS, gzipped',
  sizes: ['-'],
  rates: [1],
  quick: true,
  async run(ctx) {
    const { js, preloaded, css } = eagerFiles(ctx.root);
    const jsBytes = js.reduce((sum, f) => sum + gz(readFileSync(f)), 0);
    const rawBytes = js.reduce((sum, f) => sum + statSync(f).size, 0);
    const cssBytes = css.reduce((sum, f) => sum + gz(readFileSync(f)), 0);
    const base = await litDexieBaseline();
    ctx.record('initial JS, gzipped', {
      samples: [jsBytes / 1024],
      baseline: [base / 1024],
      baselineName: 'lit + dexie alone, gzipped',
      unit: 'KB',
      note: `${js.map((f) => f.slice(ctx.root.length + 1)).join(', ')}; ${(rawBytes / 1024).toFixed(0)} KB minified; CSS ${(cssBytes / 1024).toFixed(1)} KB gzipped`,
    });
    // Fetched with the page (in parallel, for a first visit's first paint), run only when used.
    ctx.record('modulepreloaded chunks, gzipped', {
      samples: [preloaded.reduce((sum, f) => sum + gz(readFileSync(f)), 0) / 1024],
      unit: 'KB',
      note: preloaded.map((f) => f.slice(ctx.root.length + 1)).join(', '),
    });
  },
};
