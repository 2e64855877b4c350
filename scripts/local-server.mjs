// What the checks that drive the built app in a browser of their own share (offline, reload,
// class flow): a free port, and scripts/serve.mjs started on it and ready.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A port nothing listens on now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts scripts/serve.mjs on a free port with `args` (e.g. ['--root', dir] or ['--base', '/warrant/']);
 * resolves once it prints its URL, with the port and the child process (kill it when done).
 */
export async function startServer(args = []) {
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--port', String(port), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.stdout.once('data', resolve);
    server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
  });
  return { port, server };
}

/** Builds dist/ when `file` (relative to dist/) is missing: a test command run before any build. */
export function ensureBuilt(file, what) {
  if (existsSync(join(root, 'dist', file))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed, so ${what} cannot run`);
}
