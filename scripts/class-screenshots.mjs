// Screenshots of a class at work, driven through the built app as its people would use it: a
// teacher makes an assignment of the essay map and copies its link; two students open it, give
// their names, add a counterpoint, rate three claims and hand in; the teacher collects both
// hand-ins at once, reads the class table and turns on anonymous mode. Fails loudly on console
// errors or CSP violations. Usage: npm run build && node scripts/class-screenshots.mjs [outDir]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const files = mkdtempSync(join(tmpdir(), 'warrant-class-'));
const port = 8000 + Math.floor(Math.random() * 900) + 50;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--base', '/warrant/'], {
  stdio: 'pipe',
});
await new Promise((resolve) => server.stdout.once('data', resolve));
const base = `http://localhost:${port}/warrant/`;
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const problems = [];

async function person(label) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`${label}: console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${label}: page error: ${e.message}`));
  await page.addInitScript(() => {
    // eslint-disable-next-line no-undef
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { context, page };
}

/** Answers "Who are you?" when it is open. */
async function giveName(page, name) {
  const input = page.locator('warrant-who dialog[open] input');
  await input.waitFor({ timeout: 5000 });
  await input.fill(name);
  await page.locator('warrant-who button[type=submit]').click();
}

/** Rates the row as "3 strong" in the details. */
async function rate(page, row) {
  await row.click();
  await page.getByText('3 strong', { exact: true }).click();
  await page.waitForTimeout(200);
}

async function student(link, name, level, index, objection) {
  const { context, page } = await person(name);
  await page.goto(link);
  await page.getByRole('button', { name: 'Import it' }).click();
  await page.locator('[role=treeitem][aria-level="2"]').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  // Rate a node and object to it: the first edit or rating asks for the name.
  const rows = (l) => page.locator(`[role=treeitem][aria-level="${l}"]`);
  await rows(level).nth(index).click();
  await page.getByText('3 strong', { exact: true }).click();
  await giveName(page, name);
  await page.waitForTimeout(200);
  await page.getByRole('button', { name: 'Add counterpoint' }).click();
  const editor = page.locator('textarea').first();
  await editor.waitFor();
  await editor.fill(objection);
  await editor.press('Enter');
  await page.waitForTimeout(400);
  // Two more ratings.
  await rate(page, rows(3).nth(index + 1));
  await rate(page, rows(3).nth(index + 2));
  await page.locator('[role=tab]', { hasText: 'Class' }).click();
  // Let the last "Rated" notice fade, with the student's own row in view.
  await page.locator('[role=treeitem]', { hasText: objection }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(6000);
  if (name === 'Ana') await page.screenshot({ path: `${out}/class-checklist-1366x768.png` });
  const saved = [];
  page.on('download', (d) => saved.push(d));
  await page.getByRole('button', { name: 'Hand in', exact: true }).click();
  while (saved.length < 2) await page.waitForTimeout(100);
  const md = saved.find((d) => d.suggestedFilename().endsWith('.md'));
  const path = join(files, md.suggestedFilename());
  await md.saveAs(path);
  await context.close();
  return path;
}

try {
  // The teacher makes the assignment and copies its link.
  const { context, page } = await person('teacher');
  await page.goto(base);
  await page.locator('[role=treeitem][aria-level="2"]').first().waitFor({ timeout: 15000 });
  await page.locator('[role=tab]', { hasText: 'Class' }).click();
  await page.getByRole('button', { name: 'Make assignment…' }).click();
  await page.locator('#a-title').fill('Counterpoints with sources');
  await page.locator('#a-instructions').fill('Object to one claim; rate three claims.');
  await page.locator('#count-counterpoints').fill('1');
  await page.locator('#count-ratings').fill('3');
  await page.getByRole('button', { name: 'Make assignment', exact: true }).click();
  await page.getByRole('button', { name: 'Copy assignment link' }).click();
  await page.waitForTimeout(300);
  const link = await page.evaluate(() => navigator.clipboard.readText()); // eslint-disable-line no-undef
  if (!link.includes('#share=')) throw new Error(`no assignment link: ${link}`);

  const ana = await student(link, 'Ana', 2, 0, 'The record of the 1990 talks says otherwise.');
  const ben = await student(link, 'Ben', 3, 2, 'The summit produced no treaty on this point.');

  // The teacher collects both at once.
  await page.getByText('Class: collect hand-ins, table, feedback').click();
  await page.locator('#collect-files').setInputFiles([ana, ben]);
  await page.getByText('Collected 2 hand-ins.').waitFor({ timeout: 10000 });
  await page.locator('warrant-class-teacher table').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/class-table-1366x768.png` });
  // Checked as the screenshots are taken: one row per student in the class table, each with one
  // counterpoint, three ratings and both tasks done.
  const table = await page
    .locator('warrant-class-teacher tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  const want = [
    ['Ana', '0', '0', '1', '0', '0', '3', '2 of 2', '0'],
    ['Ben', '0', '0', '1', '0', '0', '3', '2 of 2', '0'],
  ];
  if (JSON.stringify(table) !== JSON.stringify(want)) problems.push(`class table: ${JSON.stringify(table)}`);
  // Anonymous mode, with Ana's counterpoint in view in the tree.
  await page.getByLabel('Anonymous (Student A, B …)').check();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/class-anonymous-1366x768.png` });
  // No name on screen in anonymous mode (all text, through every shadow root, what fields hold too).
  const shown = await page.evaluate(() => {
    const text = (root) => {
      let t = '';
      for (const n of root.childNodes) {
        if (n.nodeType === 3) t += n.textContent;
        else if (n.nodeType === 1) {
          if (n.shadowRoot) t += text(n.shadowRoot);
          // What a field shows (an <option>'s value is not shown: its text is).
          if (n.localName === 'input' || n.localName === 'textarea') t += ` ${n.value} `;
          t += text(n);
        }
      }
      return t;
    };
    return text(document.body); // eslint-disable-line no-undef
  });
  for (const name of ['Ana', 'Ben'])
    for (const m of shown.matchAll(new RegExp(`.{0,60}\\b${name}\\b.{0,60}`, 'g')))
      problems.push(`anonymous mode shows "${name}": ${m[0]}`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`Class screenshots written to ${out}/ (files in ${files})`);
