/* global document -- the page.evaluate callbacks run in the browser */
// Issue 21, nothing lost: a real reload of the built app brings back the selected node, how far
// the tree was scrolled and a half-filled form. Opens the app, scrolls the tree, selects a node,
// half-types a new source on it and reloads; then half-types a new node and reloads again.
// Used by test/offline/reload.test.ts (a test-runner command) and runnable alone after
// `npm run build`: `node scripts/reload-check.mjs`. It serves a copy of dist/, never dist/ itself.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { startServer } from './local-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The tree's state as the page shows it: selected row, scroll offset, rows on screen. */
const treeState = (page) =>
  page.evaluate(() => {
    const deep = (rootNode, sel) => {
      const hit = rootNode.querySelector(sel);
      if (hit) return hit;
      for (const el of rootNode.querySelectorAll('*')) {
        const found = el.shadowRoot && deep(el.shadowRoot, sel);
        if (found) return found;
      }
      return null;
    };
    const tree = deep(document, 'warrant-tree');
    const scroller = tree?.shadowRoot?.querySelector('.scroller');
    const selected = tree?.shadowRoot?.querySelector('[role=treeitem][aria-selected="true"]');
    return { scrollTop: scroller?.scrollTop ?? -1, selectedId: selected?.dataset.id ?? null };
  });

/** Serves dist/, half-fills forms and reloads; returns what each reloaded page showed. */
export async function reloadCheck() {
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist/ is missing: run "npm run build" first.');
  const site = mkdtempSync(join(tmpdir(), 'warrant-reload-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  const { port, server } = await startServer(['--root', site]);
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:${port}/`);
    const rows = page.locator('warrant-tree [role="treeitem"]');
    await rows.first().waitFor({ timeout: 60_000 });

    // Scroll the tree well down, then pick a row in the middle of the screen.
    await page.locator('warrant-tree .scroller').evaluate((el) => {
      el.scrollTop = 1500;
    });
    await page.waitForFunction(
      () => {
        const deep = (r, s) =>
          r.querySelector(s) ??
          [...r.querySelectorAll('*')].map((e) => e.shadowRoot && deep(e.shadowRoot, s)).find(Boolean) ??
          null;
        const tree = deep(document, 'warrant-tree');
        return tree?.shadowRoot?.querySelector('.scroller')?.scrollTop > 1000;
      },
      undefined,
      { timeout: 10_000 },
    );
    const box = await page.locator('warrant-tree .scroller').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const before = await treeState(page);

    // A source half typed on the selected node.
    await page.locator('#cite-toggle').click();
    await page.locator('#new-source').click();
    await page.locator('warrant-source-form #f-title').click();
    await page.keyboard.type('Half-typed source title');
    await page.locator('warrant-source-form #f-publisher').click();
    await page.keyboard.type('A publisher');
    await page.reload();
    await rows.first().waitFor({ timeout: 60_000 });
    await page.locator('warrant-source-form #f-title').waitFor({ timeout: 10_000 });
    const afterSource = {
      ...(await treeState(page)),
      title: await page.locator('warrant-source-form #f-title').inputValue(),
      publisher: await page.locator('warrant-source-form #f-publisher').inputValue(),
    };

    // A new node half typed under the selected node.
    await page.locator(`warrant-tree [role="treeitem"][data-id="${before.selectedId}"]`).focus();
    await page.keyboard.press('+');
    // The first edit in a fresh browser asks "Who are you?".
    const editor = page.locator('warrant-node-editor textarea');
    const who = page.locator('warrant-who input');
    await Promise.race([editor.waitFor({ timeout: 10_000 }), who.waitFor({ timeout: 10_000 })]).catch(async (e) => {
      if (process.env.RELOAD_SHOT) await page.screenshot({ path: process.env.RELOAD_SHOT });
      throw e;
    });
    if (await who.isVisible()) {
      await who.fill('Ana');
      await page.keyboard.press('Enter');
    }
    await editor.waitFor({ timeout: 10_000 });
    await editor.click();
    await page.keyboard.type('Half a new point');
    await page.reload();
    await rows.first().waitFor({ timeout: 60_000 });
    await page.locator('warrant-node-editor textarea').waitFor({ timeout: 10_000 });
    const afterNode = { editorText: await page.locator('warrant-node-editor textarea').inputValue() };
    return { errors, before, afterSource, afterNode };
  } finally {
    await browser.close();
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
}

/** A web-test-runner plugin: the 'reload-check' command (needs a built dist/, as npm test makes). */
export function reloadCommand() {
  return {
    name: 'reload-command',
    async executeCommand({ command }) {
      if (command !== 'reload-check') return undefined;
      return reloadCheck();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await reloadCheck(), null, 2));
}
