// Browser tests of the 填报 mode (issue 16), in headless Debian chromium driven
// by playwright-core, against the Trunk build in dist/ served on 127.0.0.1:
//   - the mode switch, the three tables drawn as inputs keyed as the JSON keys cells;
//   - a 表三 row typed: its 总计 and （七）总计 computed at once; the keyboard moves;
//   - a block pasted from a spreadsheet (tab-separated) from the focused cell;
//   - a total typed wrong: the marks and the diagnostic, its suggestion applied, 撤销;
//   - a cell blanked on purpose: the blank rule's warning;
//   - the grid filled from a seed checked in the check mode (every value the CLI reads);
//   - exports: .docx and HTML read back by the CLI to the grid's own cells (JSON export);
//   - reload: the mode and the grid as left; a storage that refuses: a Chinese
//     message and the mode still works;
//   - no page error, no console error, no CSP violation, no request away.
//
//   node tests/e2e/author.mjs [BASE_URL]   (default: serves dist/ itself)
// Last line: `N passed, N failed`; exit 1 on any failure.

import { chromium } from 'playwright-core';
import { CHROMIUM, finish, serve, test } from './harness.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INIT, poll } from './app-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const BIN = process.env.NIANBAO_BIN ?? path.join(ROOT, 'target/debug/nianbao');

/** The CLI's JSON report of a file. */
function cliJson(file, cwd = FIXTURES) {
  const r = spawnSync(BIN, ['check', '--json', file], { cwd, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A report's cells with a value, as `table.row.column=value`, sorted. */
const valued = (json) =>
  json.cells
    .filter((c) => c.value != null)
    .map((c) => `${c.table}.${c.row}.${c.column}=${c.value}`)
    .sort();

const own = process.argv[2] ? null : await serve(path.join(ROOT, 'dist'));
const BASE = process.argv[2] ?? own.base;
const ORIGIN = new URL(BASE).origin;

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-author-'));
const context = await chromium.launchPersistentContext(userDir, {
  ...CHROMIUM,
  viewport: { width: 1440, height: 900 },
  acceptDownloads: true,
});
await context.addInitScript(INIT);
const requests = [];
context.on('request', (r) => requests.push(r.url()));
let problems = [];
function watch(page) {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}
context.on('page', watch);
const page = context.pages()[0] ?? (await context.newPage());
watch(page);

async function check(name, fn) {
  problems = [];
  await test(name, async () => {
    await fn();
    assert.deepEqual(problems, [], 'page errors or console errors');
    const csp = await page.evaluate(() => window.__csp ?? []).catch(() => []);
    assert.deepEqual(csp, [], 'CSP violations');
  });
}

// ------------------------------------------------------------ page helpers

const cell = (key, p = page) => p.locator(`input[data-cell="${key}"]`);
const value = (key, p = page) => cell(key, p).inputValue();
const revision = async (p = page) => Number(await p.getByTestId('results').getAttribute('data-revision'));
/** Runs `action` and waits until the app has checked again. */
async function checked(action, p = page) {
  const before = await revision(p);
  await action();
  await poll(async () => (await revision(p)) > before, 'a new check');
}
/** Types into a cell, replacing what it holds (its text selected, as on focus). */
async function typeIn(key, text, p = page) {
  await cell(key, p).selectText();
  await checked(() => (text === '' ? p.keyboard.press('Backspace') : p.keyboard.type(text)), p);
}
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
const codes = async (p = page) => p.getByTestId('diagnostic').evaluateAll((els) => els.map((e) => e.dataset.code));
const tdClass = (key) => cell(key).evaluate((i) => i.closest('td').className);
async function download(testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(userDir, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}
/** The keys of a 表三 row's value inputs, in the order drawn. */
const rowKeys = (row) =>
  page.locator(`input[data-cell^="requests.${row}."]`).evaluateAll((els, row) =>
    els.map((e) => e.dataset.cell).filter((k) => k.split('.').slice(1, -1).join('.') === row), row);

// ------------------------------------------------------------ tests

const COLUMNS = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other'];

await check('the mode switch opens an empty 2021 grid keyed as the JSON keys cells', async () => {
  await page.goto(BASE);
  await page.waitForSelector('html[data-ready=true]');
  await page.getByTestId('mode-author').click();
  await page.getByTestId('author').waitFor();
  assert.equal(await page.getByTestId('mode-author').getAttribute('aria-pressed'), 'true');
  for (const t of ['active', 'requests', 'review']) {
    assert.ok((await page.getByTestId(`author-${t}`).locator('input').count()) >= 10, `table ${t}`);
  }
  // Every cell of 表三 row 一, in the contract's column order, 0 but its computed total.
  assert.deepEqual(await rowKeys('1'), [...COLUMNS, 'total'].map((c) => `requests.1.${c}`));
  for (const c of COLUMNS) assert.equal(await value(`requests.1.${c}`), '0');
  assert.equal(await cell('requests.1.total').getAttribute('data-computed'), 'true');
  assert.equal(await value('requests.1.total'), '0');
  // Each input named for a screen reader as a reviewer names the cell.
  assert.equal(await cell('requests.3.1.research').getAttribute('aria-label'), '表三「（一）予以公开」科研机构');
  assert.equal(await cell('requests.3.7.natural_person').getAttribute('data-computed'), 'true');
  assert.equal(await cell('review.review.total').getAttribute('data-computed'), 'true');
  // A clean empty grid: no error.
  assert.equal(await page.getByTestId('summary-errors').textContent(), '0');
});

await check('a 表三 row typed: its 总计 and （七）总计 follow, the balance breaks and its cells are marked', async () => {
  const typed = [1, 2, 3, 4, 5, 6];
  for (const [i, c] of COLUMNS.entries()) await typeIn(`requests.3.1.${c}`, String(typed[i]));
  assert.equal(await value('requests.3.1.total'), '21');
  assert.equal(await value('requests.3.7.total'), '21');
  assert.equal(await value('requests.3.7.research'), '3');
  // 收 0 + 结转 0 ≠ 办结 21 + 0: the balance of every column is broken.
  assert.ok((await codes()).includes('requests.balance'), `codes: ${await codes()}`);
  assert.match(await tdClass('requests.3.7.total'), /sev-error/);
  assert.doesNotMatch(await tdClass('requests.3.3.1.natural_person'), /sev-/);
  // A click on the diagnostic lights its cells in the grid.
  await page.locator('[data-testid=diagnostic][data-code="requests.balance"]').first().click();
  assert.ok((await page.locator('[data-testid=author-requests] td.hl').count()) > 0, 'no cell lit');
});

await check('arrows, Tab and Enter move between cells', async () => {
  await cell('requests.1.natural_person').click();
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'requests.1.commercial');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'requests.2.commercial');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'requests.3.1.commercial');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'requests.2.natural_person');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'requests.2.commercial');
});

await check('a block pasted from a spreadsheet fills from the focused cell and mends the balance', async () => {
  await cell('requests.1.natural_person').click();
  await checked(() =>
    page.evaluate(() => {
      const dt = new DataTransfer();
      // Two rows as Excel copies them: tabs between cells, CRLF after each row.
      dt.setData('text/plain', '1\t2\t3\t4\t5\t6\r\n0\t0\t0\t0\t0\t0\r\n');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }),
  );
  assert.equal(await value('requests.1.research'), '3');
  assert.equal(await value('requests.1.other'), '6');
  assert.equal(await value('requests.1.total'), '21');
  assert.match(await page.getByTestId('notice').textContent(), /已粘贴 12 个单元格/);
  assert.ok(!(await codes()).includes('requests.balance'), `codes: ${await codes()}`);
  assert.equal(await page.getByTestId('summary-errors').textContent(), '0');
});

await check('a total typed wrong is checked: marked, a suggestion applied and undone, cleared to computed', async () => {
  await typeIn('requests.1.total', '99');
  assert.equal(await cell('requests.1.total').getAttribute('data-computed'), 'false');
  assert.ok((await codes()).includes('requests.row_total'), `codes: ${await codes()}`);
  assert.match(await tdClass('requests.1.total'), /sev-error/);
  // The suggestion under the diagnostic: the total back to 21.
  const item = page.locator('li.diag', { has: page.locator('[data-code="requests.row_total"]') });
  const apply = item.getByTestId('apply').first();
  assert.match(await apply.textContent(), /21/);
  await checked(() => apply.click());
  assert.equal(await value('requests.1.total'), '21');
  assert.ok(!(await codes()).includes('requests.row_total'));
  await checked(() => page.getByTestId('undo').click());
  assert.equal(await value('requests.1.total'), '99');
  // Cleared: computed again.
  await typeIn('requests.1.total', '');
  assert.equal(await cell('requests.1.total').getAttribute('data-computed'), 'true');
  assert.equal(await value('requests.1.total'), '21');
  assert.equal(await page.getByTestId('summary-errors').textContent(), '0');
});

await check('a cell blanked on purpose gets the blank rule’s warning; a 0 mends it', async () => {
  await typeIn('review.review.upheld', '');
  assert.ok((await codes()).includes('value.blank'), `codes: ${await codes()}`);
  assert.match(await tdClass('review.review.upheld'), /sev-warning/);
  await typeIn('review.review.upheld', '0');
  assert.ok(!(await codes()).includes('value.blank'));
});

let exported;
await check('exports: the .docx and the HTML read back by the CLI to the grid’s cells', async () => {
  await typeIn('review.review.upheld', '2');
  await typeIn('active.regulations.issued', '5');
  exported = JSON.parse(fs.readFileSync(await download('author-export-json'), 'utf8'));
  const mine = valued(exported);
  assert.ok(mine.includes('requests.3.7.total=21') && mine.includes('review.review.total=2'), mine.join(' '));
  for (const kind of ['docx', 'html']) {
    const file = await download(`author-export-${kind}`);
    assert.ok(file.endsWith(`.${kind}`));
    const back = cliJson(file, userDir);
    assert.deepEqual(valued(back), mine, `${kind} read back`);
  }
  const tsv = fs.readFileSync(await download('author-export-tsv'), 'utf8');
  assert.match(tsv, /本年新收政府信息公开申请数量\t+1\t2\t3\t4\t5\t6\t21/);
});

await check('reload: the mode and the grid as left', async () => {
  await page.waitForTimeout(600); // the save's pause
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  await page.getByTestId('author').waitFor();
  assert.equal(await value('requests.1.research'), '3');
  assert.equal(await value('requests.3.1.other'), '6');
  assert.equal(await value('review.review.upheld'), '2');
  assert.equal(await value('requests.1.total'), '21');
  assert.equal(await cell('requests.1.total').getAttribute('data-computed'), 'true');
});

await check('a seed checked in the check mode fills the grid: every value the CLI reads, errors where they are', async () => {
  for (const prefix of ['003_', '002_']) {
    const name = fs.readdirSync(FIXTURES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
    const json = cliJson(name);
    await page.getByTestId('mode-check').click();
    await page.getByTestId('input').waitFor();
    await checked(() => page.locator(`[data-testid=example][data-name="${name}"]`).click());
    await page.getByTestId('mode-author').click();
    await checked(() => page.getByTestId('author-from-report').click());
    for (const c of json.cells.filter((c) => c.value != null)) {
      const key = `${c.table}.${c.row}.${c.column}`;
      assert.equal(Number(await value(key)), c.value, `${name} ${key}`);
    }
    // The arithmetic errors of the text are the grid's too (how numbers sat
    // in the text, table.value_count, is not a grid's).
    const tableErrors = (list) =>
      list.filter((d) => d.table && d.severity === 'error' && d.code !== 'table.value_count').map((d) => d.code).sort();
    const shown = await page.getByTestId('diagnostic').evaluateAll((els) =>
      els.filter((e) => e.dataset.severity === 'error' && e.dataset.code !== 'table.value_count').map((e) => e.dataset.code).sort());
    assert.deepEqual(shown, tableErrors(json.diagnostics), name);
  }
});

await check('the version switched: the other template’s rows, the values of the cells both have kept', async () => {
  const both = [['2021', '3.6.1', '3.6'], ['2019', '3.6', '3.6.1']];
  // (The other version first: choosing the one shown changes nothing.)
  if ((await page.getByTestId('author-version').inputValue()) === '2021') both.reverse();
  for (const [version, has, hasNot] of both) {
    const before = await value('requests.1.natural_person');
    await checked(() => page.getByTestId('author-version').selectOption(version));
    await cell(`requests.${has}.natural_person`).waitFor();
    assert.equal(await cell(`requests.${hasNot}.natural_person`).count(), 0, version);
    assert.equal(await value('requests.1.natural_person'), before, version);
    assert.match(await page.getByTestId('author-requests').textContent(), new RegExp(`${version}年版`));
  }
});

await check('a storage that refuses: a Chinese message, and the mode still works', async () => {
  const p = await context.newPage();
  await p.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('存储空间已满', 'QuotaExceededError');
    };
  });
  await p.goto(BASE);
  await p.waitForSelector('html[data-ready=true]');
  if (!(await p.getByTestId('author').isVisible())) await p.getByTestId('mode-author').click();
  await p.getByTestId('author-empty').click();
  await typeIn('requests.2.legal_service', '7', p);
  assert.equal(await value('requests.2.total', p), '7');
  const notice = p.locator('[data-testid=notice][data-topic=author-storage]');
  await notice.waitFor({ timeout: 3000 });
  assert.match(await notice.textContent(), /无法在本浏览器中保存填报表格/);
  await p.close();
});

await check('no request left 127.0.0.1', async () => {
  const away = requests.filter((u) => !u.startsWith(ORIGIN + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(away, []);
});

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
own?.proc.kill();

finish();
