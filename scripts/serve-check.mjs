// Issue 21, set-up: `npm start` on a busy port takes the next free one and prints its URL, and a
// busy port chosen with --port is reported in one sentence, not a stack trace. Runs
// scripts/serve.mjs as `npm start` does, with port 8000 held busy (if something else already holds
// it, that is the same case). Used by test/offline/serve.test.ts through a test-runner command.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Holds a port busy; resolves with a release function (a no-op when it was busy already). */
function hold(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(() => undefined));
    s.listen(port, () => resolve(() => new Promise((done) => s.close(done))));
  });
}

/** Runs serve.mjs until it prints a line (or exits); returns what it printed and its exit code. */
function serve(args) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.PORT;
    const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), ...args], { cwd: root, env });
    let out = '';
    let err = '';
    const finish = (code) => {
      child.kill();
      resolve({ out: out.trim(), err: err.trim(), code });
    };
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) finish(null);
    });
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => finish(code));
  });
}

/** Starts the server with 8000 busy, then with a busy port chosen explicitly. */
export async function serveCheck() {
  const release = await hold(8000);
  try {
    const free = await serve([]);
    const explicit = await serve(['--port', '8000']);
    return { free, explicit };
  } finally {
    await release();
  }
}

/** A web-test-runner plugin: the 'serve-check' command. */
export function serveCommand() {
  return {
    name: 'serve-command',
    async executeCommand({ command }) {
      return command === 'serve-check' ? serveCheck() : undefined;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await serveCheck(), null, 2));
}
