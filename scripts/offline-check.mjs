/* global navigator, fetch -- the page.evaluate callbacks run in the browser */
// Opens the built app, lets its service worker install, cuts the network and reloads: the app
// must open with its maps. Then, back online, a changed sw.js (a new deployment) must be offered
// as an update, and accepting it must reload into the new version. Used by
// test/offline/offline.test.ts (through a test-runner command) and runnable alone after
// `npm run build`: `node scripts/offline-check.mjs`. It serves a copy of dist/, never dist/ itself.
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { ensureBuilt, startServer } from './local-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Serves dist/, loads the app, goes offline, reloads; returns what the reloaded page showed. */
export async function offlineCheck() {
  if (!existsSync(join(root, 'dist', 'sw.js'))) {
    throw new Error('dist/sw.js is missing: run "npm run build" first.');
  }
  const site = mkdtempSync(join(tmpdir(), 'warrant-offline-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  const { port, server } = await startServer(['--root', site]);
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const url = `http://127.0.0.1:${port}/`;
    await page.goto(url);
    await page.locator('warrant-tree [role="treeitem"]').first().waitFor({ timeout: 60_000 });
    // Precaching finishes before the worker activates; `ready` resolves on activation.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Installable: the browser reads the manifest without errors and has no objection left but the
    // private (incognito) context Playwright opens.
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    const installability = await cdp.send('Page.getInstallabilityErrors');
    const install = {
      manifestUrl: manifest.url,
      manifestErrors: manifest.errors.map((e) => e.message),
      name: JSON.parse(manifest.data || '{}').short_name ?? null,
      blockers: installability.installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
    };
    await cdp.detach();
    await context.setOffline(true);
    await page.reload();
    await page.locator('warrant-tree [role="treeitem"]').first().waitFor({ timeout: 60_000 });
    const title = (await page.locator('warrant-tree [role="treeitem"]').first().innerText()).trim();
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    const network = await page.evaluate(() =>
      fetch('claims/essay-map.json', { cache: 'no-store' }).then(
        () => 'served',
        () => 'failed',
      ),
    );

    // A new deployment: any byte of sw.js changed makes the browser install it beside the old one.
    await context.setOffline(false);
    appendFileSync(join(site, 'sw.js'), '\n// a new version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const reload = page.locator('warrant-update-banner button.primary');
    await reload.waitFor({ timeout: 60_000 });
    const offerText = (await page.locator('warrant-update-banner p').innerText()).trim();
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), reload.click()]);
    await page.locator('warrant-tree [role="treeitem"]').first().waitFor({ timeout: 60_000 });
    const updatedScript = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    return { title, controlled, errors, precachedFetch: network, offerText, updatedScript, install };
  } finally {
    await browser.close();
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
}

/** A web-test-runner plugin: the 'offline-check' command builds dist/ when missing, then runs the check. */
export function offlineCommand() {
  return {
    name: 'offline-command',
    async executeCommand({ command }) {
      if (command !== 'offline-check') return undefined;
      ensureBuilt('sw.js', 'the offline check');
      return offlineCheck();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await offlineCheck(), null, 2));
}
