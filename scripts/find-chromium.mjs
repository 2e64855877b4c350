// Finds a Chromium for the tests, the benchmarks and the screenshots. On Debian as root it
// installs the distribution's package when none is there (what CI does on a fresh machine);
// anywhere else it stops with a message that says exactly how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function found() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Path to a Chromium executable, installing Debian's package when that is possible. */
export function findChromium() {
  let path = found();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (about a minute)...');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // Fall through to the message below.
    }
    path = found();
    if (path) return path;
  }
  console.error(
    [
      'No Chromium or Chrome was found, and the tests run in a real browser.',
      'Install one, then run the command again:',
      '  Debian/Ubuntu:  sudo apt-get install chromium',
      '  macOS:          install Google Chrome from https://www.google.com/chrome/',
      'or point CHROME_PATH at an existing Chrome/Chromium executable:',
      '  CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}
