// A class at work, driven through the built app as its people would use it, each person in a
// browser context of their own (own IndexedDB, own clipboard): a teacher makes an assignment of
// the essay map and copies its link; two students open it, give their names, rate three nodes,
// add a counterpoint, cite a new source for it and hand in Markdown; the teacher collects both
// hand-ins in one choice of files, reads the class table and turns on anonymous mode.
// Returns what each screen showed; test/class/class-contexts.test.ts checks it through a
// test-runner command, and scripts/class-screenshots.mjs takes the README's screenshots with it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { ensureBuilt, startServer } from './local-server.mjs';

export const STUDENTS = [
  {
    name: 'Ana',
    level: 2,
    index: 0,
    objection: 'The record of the 1990 talks says otherwise.',
    source: 'Minutes of the 1990 talks',
  },
  {
    name: 'Ben',
    level: 3,
    index: 2,
    objection: 'The summit produced no treaty on this point.',
    source: 'Summit communiqué',
  },
];

/** All text a person sees, through every shadow root, with what fields hold (runs in the page). */
function visibleText() {
  const text = (node) => {
    let t = '';
    for (const n of node.childNodes) {
      if (n.nodeType === 3) t += n.textContent;
      else if (n.nodeType === 1) {
        if (n.shadowRoot) t += text(n.shadowRoot);
        if (n.localName === 'input' || n.localName === 'textarea') t += ` ${n.value} `;
        t += text(n);
      }
    }
    return t;
  };
  return text(document.body); // eslint-disable-line no-undef
}

/**
 * Runs the class. `out`: a folder for the three screenshots, or null for none.
 * Resolves to { problems, studentChecklists, table, rows, sources, anonymousLeaks }.
 */
export async function classFlow({ out = null } = {}) {
  if (out) mkdirSync(out, { recursive: true });
  const files = mkdtempSync(join(tmpdir(), 'warrant-class-'));
  const { port, server } = await startServer(['--base', '/warrant/']);
  const base = `http://127.0.0.1:${port}/warrant/`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  const problems = [];
  const result = { problems, studentChecklists: {}, table: [], rows: {}, sources: {}, anonymousLeaks: [] };

  async function person(label) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
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

  const rowsAt = (page, level) => page.locator(`[role=treeitem][aria-level="${level}"]`);
  const selected = (page) => page.locator('[role=treeitem][aria-selected=true]');

  /** Rates the selected row "3 strong", and waits for the radio to hold it. */
  async function rateSelected(page) {
    await page.getByText('3 strong', { exact: true }).click();
  }

  async function student({ name, level, index, objection, source }, link) {
    const { context, page } = await person(name);
    await page.goto(link);
    await page.getByRole('button', { name: 'Import it' }).click();
    await rowsAt(page, 2).first().waitFor();
    // The first rating asks "Who are you?".
    await rowsAt(page, level).nth(index).click();
    await rateSelected(page);
    const who = page.locator('warrant-who dialog[open] input');
    await who.waitFor();
    await who.fill(name);
    await page.locator('warrant-who button[type=submit]').click();
    await who.waitFor({ state: 'detached' }).catch(() => who.waitFor({ state: 'hidden' }));
    for (const k of [1, 2]) {
      await rowsAt(page, 3)
        .nth(index + k)
        .click();
      await rateSelected(page);
    }
    // The counterpoint, under the first rated node, and a new source cited for it.
    await rowsAt(page, level).nth(index).click();
    await page.getByRole('button', { name: 'Add counterpoint' }).click();
    const editor = page.locator('textarea').first();
    await editor.fill(objection);
    await editor.press('Enter');
    await selected(page).filter({ hasText: objection }).waitFor();
    await page.locator('#cite-toggle').click();
    await page.locator('#new-source').click();
    await page.locator('#f-title').fill(source);
    await page.getByRole('button', { name: 'Add and cite' }).click();
    await page.getByText(`Added the source “${source}”.`).waitFor();
    await page.locator('[role=tab]', { hasText: 'Class' }).click();
    const checklist = page.locator('warrant-class-panel li, warrant-class-panel [role=listitem]');
    await checklist.first().waitFor();
    result.studentChecklists[name] = (await checklist.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (out && name === STUDENTS[0].name) {
      await page.locator('[role=treeitem]', { hasText: objection }).scrollIntoViewIfNeeded();
      // Let the last notice fade before the picture.
      await page
        .locator('.notice-region:not(:empty)')
        .waitFor({ state: 'detached' })
        .catch(() => {});
      await page.waitForTimeout(6000);
      await page.screenshot({ path: `${out}/class-checklist-1366x768.png` });
    }
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
    const { context, page } = await person('teacher');
    await page.goto(base);
    await rowsAt(page, 2).first().waitFor();
    await page.locator('[role=tab]', { hasText: 'Class' }).click();
    await page.getByRole('button', { name: 'Make assignment…' }).click();
    await page.locator('#a-title').fill('Counterpoints with sources');
    await page.locator('#a-instructions').fill('Object to one claim and cite a source; rate three nodes.');
    await page.locator('#count-counterpoints').fill('1');
    await page.locator('#count-ratings').fill('3');
    await page.getByRole('button', { name: 'Make assignment', exact: true }).click();
    await page.getByRole('button', { name: 'Copy assignment link' }).click();
    let link = '';
    for (let i = 0; i < 50 && !link.includes('#share='); i++) {
      link = await page.evaluate(() => navigator.clipboard.readText()); // eslint-disable-line no-undef
      if (!link.includes('#share=')) await page.waitForTimeout(100);
    }
    if (!link.includes('#share=')) throw new Error(`no assignment link on the clipboard: ${link.slice(0, 80)}`);

    const handIns = [];
    for (const s of STUDENTS) handIns.push(await student(s, link));

    // The teacher collects both at once.
    await page.getByText('Class: collect hand-ins, table, feedback').click();
    await page.locator('#collect-files').setInputFiles(handIns);
    await page.getByText('Collected 2 hand-ins.').waitFor();
    await page.locator('warrant-class-teacher table').scrollIntoViewIfNeeded();
    result.table = await page
      .locator('warrant-class-teacher tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    if (out) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/class-table-1366x768.png` });
    }
    // Each counterpoint in the merged map: its row says who added it, its details list its source.
    for (const s of STUDENTS) {
      const row = page.locator('[role=treeitem]', { hasText: s.objection });
      await row.first().scrollIntoViewIfNeeded();
      result.rows[s.name] = (await row.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      await row.first().click();
      await page.locator('[role=tab]', { hasText: 'Selected node' }).click();
      const card = page.getByText(s.source, { exact: true }).first();
      result.sources[s.name] = (await card.isVisible()) ? await card.innerText() : null;
      await page.locator('[role=tab]', { hasText: 'Class' }).click();
    }
    // Going back to the Class tab shows its teacher's section closed again.
    const anonymous = page.getByLabel('Anonymous (Student A, B …)');
    if (!(await anonymous.isVisible())) await page.getByText('Class: collect hand-ins, table, feedback').click();
    await anonymous.check();
    await page.locator('[role=treeitem]', { hasText: STUDENTS[0].objection }).first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    if (out) await page.screenshot({ path: `${out}/class-anonymous-1366x768.png` });
    const shown = await page.evaluate(visibleText);
    for (const { name } of STUDENTS)
      for (const m of shown.matchAll(new RegExp(`.{0,60}\\b${name}\\b.{0,60}`, 'g'))) result.anonymousLeaks.push(m[0]);
    await context.close();
  } finally {
    await browser.close();
    server.kill();
    rmSync(files, { recursive: true, force: true });
  }
  return result;
}

/** A web-test-runner plugin: the 'class-flow' command builds dist/ when missing, then runs the class. */
export function classFlowCommand() {
  return {
    name: 'class-flow-command',
    async executeCommand({ command }) {
      if (command !== 'class-flow') return undefined;
      ensureBuilt('index.html', 'the class flow');
      return classFlow();
    },
  };
}
