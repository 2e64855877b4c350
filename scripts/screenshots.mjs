// Screenshots of the built app as a student sees it, at a laptop size and a phone size, served
// under a sub-path (as a static host would). Fails loudly on console errors, CSP violations or an
// empty tree. Usage: npm run build && node scripts/screenshots.mjs [outDir]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const port = 8000 + Math.floor(Math.random() * 900) + 50;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--base', '/warrant/'], {
  stdio: 'pipe',
});
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const problems = [];
try {
  for (const [name, viewport] of [
    ['map-1366x768', { width: 1366, height: 768 }],
    ['map-390x844', { width: 390, height: 844 }],
  ]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`${name}: console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
    await page.addInitScript(() => {
      // Runs in the page, where document exists.
      // eslint-disable-next-line no-undef
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`http://localhost:${port}/warrant/`);
    await page.locator('[role=treeitem]').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${name}.png` });
    if (viewport.width > 1000) {
      // Rate two premises of the first claim, then look at the claim: its standing moves and the
      // explanation says why.
      const rows = page.locator('[role=treeitem][aria-level="3"]');
      for (const [i, value] of [
        [0, '4 decisive'],
        [1, '1 weak'],
      ]) {
        await rows.nth(i).click();
        await page.getByText(value, { exact: true }).click();
        // The first rating asks "Who are you?" (work is filed under a name).
        if (i === 0) await answerWho(page);
        await page.waitForTimeout(150);
      }
      await page.locator('[role=treeitem][aria-level="2"]').first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-rated.png` });
      await page.locator('[role=tab]', { hasText: 'Evidence gaps' }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${out}/${name}-gaps.png` });
      // A counterpoint with three sources, rated by three students (written straight into
      // IndexedDB, as an import of their ratings would), found with the search box.
      await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const req = indexedDB.open('warrant');
        const db = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
        const tx = db.transaction('ratings', 'readwrite');
        const at = new Date().toISOString();
        for (const [rater, value, rationale] of [
          ['Ana', 3, 'Two archives agree'],
          ['Ben', 2, ''],
          ['Chloe', 4, 'Primary documents'],
        ]) {
          const row = {
            id: `shot-${rater}`,
            mapId: 'klusmann-2025-alliance',
            nodeId: 'x01-no-binding-pledge',
            rater,
            value,
            createdAt: at,
            updatedAt: at,
          };
          if (rationale) row.rationale = rationale;
          tx.objectStore('ratings').put(row);
        }
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      });
      // Raw IndexedDB writes bypass Dexie's change events: reload, as another tab's import would.
      await page.reload();
      await page.locator('[role=treeitem]').first().waitFor();
      await page.locator('[role=tab]', { hasText: 'Selected node' }).click();
      await page.locator('input[type=search]').fill('remarks were oral');
      await page.waitForTimeout(300);
      await page.locator('input[type=search]').press('Enter');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/${name}-sources-ratings.png` });
      await page.locator('warrant-node-detail').evaluate((el) => el.scrollBy(0, 0));
      await page.locator('.panel').evaluate((el) => el.scrollTo(0, 1400));
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${out}/${name}-sources-ratings-2.png` });
      // index.html enforces Trusted Types: edit a claim (Markdown with a style attribute and a
      // tag the allow-list drops), export the map and print it, so any HTML sink fed a plain
      // string, or a style applied while sanitising, shows up above as a console error.
      await page.locator('[role=treeitem][aria-level="2"]').first().click();
      await page.keyboard.press('F2');
      const editor = page.locator('textarea').first();
      await editor.waitFor();
      await editor.press('End');
      await editor.pressSequentially(' *edited* <span style="color:red">styled</span> <marquee>m</marquee>');
      await editor.press('Enter');
      await page.waitForTimeout(300);
      await page.getByRole('button', { name: 'Export…' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download/ }).click();
      await download;
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await page.emulateMedia({ media: 'print' });
      // eslint-disable-next-line no-undef
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-print.png` });
      // eslint-disable-next-line no-undef
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
    }
    if (viewport.width < 500) {
      // Open the detail sheet of the second row, as a student tapping a claim would.
      await page.locator('[role=treeitem]').nth(1).dblclick();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-detail.png` });
    }
    await context.close();
  }
  for (const [name, viewport] of [
    ['1366x768', { width: 1366, height: 768 }],
    ['390x844', { width: 390, height: 844 }],
  ]) {
    await newcomerScreens(name, viewport);
  }
} finally {
  await browser.close();
  server.kill();
}

/** Answers "Who are you?" as Ana. */
async function answerWho(page) {
  const who = page.locator('warrant-who input');
  const asked = await who.waitFor({ timeout: 3000 }).then(
    () => true,
    () => false,
  );
  if (!asked) return;
  await who.fill('Ana');
  await page.keyboard.press('Enter');
  await who.waitFor({ state: 'hidden', timeout: 5000 });
}

/**
 * What a newcomer meets (issues 21 and 15), at one size: search results, a message, the Export
 * dialog, and the essay beside the map (when the team's copy of the essay is beside the project).
 */
async function newcomerScreens(name, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`${name}: console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  await page.goto(`http://localhost:${port}/warrant/`);
  await page.locator('[role=treeitem]').first().waitFor({ timeout: 15000 });
  const action = async (label) => {
    const toggle = page.locator('.tools-toggle');
    if (await toggle.isVisible()) await toggle.click();
    const button = page.locator('.tools button', { hasText: label }).first();
    await button.click({ timeout: 5000 }).catch(async (e) => {
      await page.screenshot({ path: `/tmp/nc-fail-${name}.png` });
      throw e;
    });
  };

  await page.locator('warrant-search input[type=search]').fill('Gorbachov NATO');
  await page.locator('warrant-search [role=option]').first().waitFor({ state: 'attached', timeout: 15000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/search-${name}.png` });
  await page.locator('warrant-search input[type=search]').fill('');

  // A rating by digit: the first one asks "Who are you?", then the message floats over the page.
  await page.locator('[role=treeitem][aria-level="2"]').first().focus();
  await page.keyboard.press('2');
  await answerWho(page);
  await page.locator('.notice span').first().waitFor({ timeout: 5000 });
  await page.screenshot({ path: `${out}/message-${name}.png` });

  await action('Export…');
  await page.locator('warrant-export-dialog dialog[open]').waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/export-${name}.png` });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  const essay = new URL('../../shared/essay/essay.md', import.meta.url);
  if (existsSync(essay)) {
    await action('Load the essay');
    await page.locator('warrant-reading-pane input[type=file]').setInputFiles({
      name: 'essay.md',
      mimeType: 'text/markdown',
      buffer: readFileSync(essay),
    });
    await page.locator('warrant-reading-pane mark').first().waitFor({ timeout: 15000 });
    // The second claim, selected in the tree: its passage is marked and scrolled to in the essay.
    if (viewport.width > 700) await page.locator('[role=treeitem][aria-level="2"]').nth(1).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/essay-${name}.png` });
  }
  await context.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`Screenshots written to ${out}/`);
