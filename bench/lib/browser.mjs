// The browser side of the bench: a static server for dist/ and bench/out/, Debian's Chromium
// through playwright-core, and fresh tabs with the CPU slowed through CDP
// (Emulation.setCPUThrottlingRate, what devtools' "4x slowdown" does).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/**
 * dist/ at /, the harness at /bench/. Cross-origin isolated (COOP + COEP), which gives the page
 * finer performance.now() resolution; the app loads only same-origin files, so nothing changes.
 */
export function serve(root, outDir) {
  const roots = { '/bench/': resolve(outDir), '/': resolve(root, 'dist') };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const prefix = path.startsWith('/bench/') ? '/bench/' : '/';
    const base = roots[prefix];
    const file = normalize(join(base, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export const VIEWPORT = { width: 1366, height: 768 };

export async function launch(origin) {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  return new Session(browser, context, origin);
}

class Session {
  page = null;
  problems = [];

  constructor(browser, context, origin) {
    this.browser = browser;
    this.context = context;
    this.origin = origin;
    this.harnessUrl = `${origin}/bench/index.html`;
  }

  watch(page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
  }

  /**
   * Replaces the page with a new tab on the harness (same context, so the same IndexedDB), the
   * CPU slowed `rate` times. A new tab gets a new renderer process, so no run inherits the
   * previous run's heap or garbage.
   */
  async fresh(rate = 1) {
    if (this.page) await this.page.close();
    const page = await this.context.newPage();
    this.watch(page);
    await throttle(this.context, page, rate);
    await page.goto(this.harnessUrl);
    await page.waitForFunction(() => globalThis.document.documentElement.dataset.benchReady === 'true', null, {
      timeout: 120_000,
    });
    this.page = page;
    return page;
  }

  async close() {
    await this.browser.close();
  }
}

/** Slows the page's CPU `rate` times (1 = no slowdown). */
export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Calls `window.bench[name](...args)` in the page. */
export function call(page, name, ...args) {
  return page.evaluate(({ name, args }) => globalThis.bench[name](...args), { name, args });
}
