// A tiny static server for dist/ (no dependencies): `npm start` builds, then runs this.
// Options: --port N (default 8000, or $PORT), --root DIR (default dist), --base /sub/path/
// (serves the app under a sub-path, to check that a static host like example.org/warrant/ works).
// A busy port is not an error a teacher should have to read a stack trace for: unless the port was
// asked for explicitly, the next free one (up to 20 further) is taken and its URL printed.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const explicitPort = opt('port', process.env.PORT);
const port = Number(explicitPort ?? 8000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`"${explicitPort}" is not a port number: use --port 8080 (or PORT=8080).`);
  process.exit(2);
}
const root = resolve(opt('root', 'dist'));
const base = ('/' + opt('base', '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`${root}/index.html is missing: run "npm run build" first.`);
  process.exit(1);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    res.writeHead(302, { location: base });
    return res.end();
  }
  const rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('Not found');
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
});

const MAX_TRIES = 20;
let tries = 0;
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && explicitPort === undefined && tries < MAX_TRIES) {
    tries += 1;
    server.listen(port + tries);
    return;
  }
  if (error.code === 'EADDRINUSE') {
    const which = explicitPort === undefined ? `Ports ${port}-${port + tries} are` : `Port ${port} is`;
    console.error(`${which} already in use. Choose another with: npm start -- --port 8080 (or PORT=8080 npm start).`);
  } else {
    console.error(`Could not start the server: ${error.message}`);
  }
  process.exit(1);
});
server.on('listening', () => {
  const { port: bound } = server.address();
  const note = bound !== port ? ` (port ${port} was busy)` : '';
  console.log(`Warrant is running at http://localhost:${bound}${base}${note}  (Ctrl+C to stop)`);
});
server.listen(port);
