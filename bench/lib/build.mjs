// Builds the app (npm run build) and the bench bundles (bench/rollup.bench.mjs) into bench/out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { rollup } from 'rollup';
import { benchConfigs } from '../rollup.bench.mjs';

export function buildApp(root, log) {
  log('Building the app (npm run build)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0)
    throw new Error('npm run build failed: the benchmarks measure the built app, so fix the build first.');
}

export async function buildBench(outDir, readable, log) {
  log(`Building the bench harness${readable ? ' (readable names, for profiles)' : ''}...`);
  mkdirSync(outDir, { recursive: true });
  for (const config of benchConfigs({ readable })) {
    const warnings = [];
    const bundle = await rollup({ ...config, onwarn: (w) => warnings.push(w) });
    await bundle.write(config.output);
    await bundle.close();
    for (const w of warnings) if (w.code !== 'THIS_IS_UNDEFINED') log(`  note: ${w.message}`);
  }
}
