// Screenshots of issue 13's scenarios S1 and S3 on the essay map at 1366x768 (ratings written
// straight into IndexedDB, as an import of a class's ratings would). Usage, after npm run build:
// node scripts/standing-shots.mjs [outDir]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const port = 8000 + Math.floor(Math.random() * 900) + 50;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'pipe' });
await new Promise((resolve) => server.stdout.once('data', resolve));

const map = JSON.parse(readFileSync('claims/essay-map.json', 'utf8'));
const claims = map.nodes.filter((n) => n.parentId === 'thesis' && n.relation === 'supports').map((n) => n.id);
const claimSet = new Set(claims);
const counterpoints = map.nodes.filter((n) => claimSet.has(n.parentId) && n.relation === 'opposes').map((n) => n.id);
const scenarios = {
  S0: [],
  S1: claims.map((id, i) => [id, i % 2]),
  S3: [...claims.map((id) => [id, 4]), ...counterpoints.map((id) => [id, 4])],
};

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  for (const [name, ratings] of Object.entries(scenarios)) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`${name}: page error: ${e.message}`));
    await page.goto(`http://localhost:${port}/`);
    await page.locator('[role=treeitem]').first().waitFor({ timeout: 20000 });
    await page.evaluate(
      async ({ ratings, mapId }) => {
        // eslint-disable-next-line no-undef
        const req = indexedDB.open('warrant');
        const db = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
        const tx = db.transaction(['ratings', 'maps'], 'readwrite');
        const at = new Date().toISOString();
        for (const [nodeId, value] of ratings) {
          tx.objectStore('ratings').put({
            id: `s-${nodeId}`,
            mapId,
            nodeId,
            rater: 'me',
            value,
            createdAt: at,
            updatedAt: at,
          });
        }
        const maps = tx.objectStore('maps');
        const get = maps.get(mapId);
        await new Promise((resolve) => (get.onsuccess = resolve));
        maps.put({ ...get.result, updatedAt: at });
        await new Promise((resolve) => (tx.oncomplete = resolve));
      },
      { ratings, mapId: map.map.id },
    );
    // Dexie's live queries do not see raw IndexedDB writes: load the page again.
    await page.reload();
    await page.locator('[role=treeitem]').first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(800);
    // Select the first claim so its explanation shows beside the tree.
    await page.locator('[role=treeitem][aria-level="2"]').first().click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/${name}-1366x768.png` });
    const header = await page.locator('.thesis-standing').first().innerText();
    console.log(`${name}: ${header.replace(/\s+/g, ' ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
