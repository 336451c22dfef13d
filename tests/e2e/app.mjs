// Browser tests of the web app (issue 3), in headless Debian chromium driven
// by playwright-core, against the Trunk build in dist/ served on 127.0.0.1:
//   - each seed pasted: summary, every cell and every diagnostic as the CLI has them,
//     cells marked where the CLI's diagnostics point;
//   - a click on a diagnostic highlights its cells and its source line, and scrolls to them;
//   - examples, a dropped file (UTF-16), a picked file (UTF-8 BOM), an undecodable file;
//   - exports (JSON = the CLI's JSON, CSV = its cells, text = its diagnostics) and the clipboard;
//   - the text kept across a reload, the clear button, a storage failure, a panic;
//   - the local rule group turned off and on, the choice kept across a reload;
//   - offline after the first visit (service worker), a phone-sized screen, the keyboard;
//   - no request leaves 127.0.0.1, no page error, no console error, no CSP violation.
// Expectations come from the CLI (./target/debug/nianbao check --json) at test time.
//
//   node tests/e2e/app.mjs [BASE_URL]   (default: serves dist/ itself)
// Writes docs/screenshot-002.png. Last line: `N passed, N failed`; exit 1 on any failure.

import { chromium } from 'playwright-core';
import { CHROMIUM, finish, serve, test } from './harness.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, INIT, poll } from './app-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const BIN = process.env.NIANBAO_BIN ?? path.join(ROOT, 'target/debug/nianbao');
const SCREENSHOT = path.join(ROOT, 'docs/screenshot-002.png');

// ------------------------------------------------------------ the CLI

/** The CLI's JSON report of one seed, run where the seeds are (so `source` is the bare name). */
function cliJson(name) {
  const r = spawnSync(BIN, ['check', '--json', name], { cwd: FIXTURES, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The CLI's concise output of one seed: its diagnostics, one a line, then the summary line. */
function cliText(name) {
  const r = spawnSync(BIN, ['check', '--format', 'concise', name], { cwd: FIXTURES, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// Every text fixture is pasted; the five numbered seeds are also the app's examples.
const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8'), json: cliJson(name) }));
const seeds = fixtures.filter((f) => /^\d{3}_/.test(f.name));
if (seeds.length !== 5) throw new Error(`expected the five seed reports, found ${seeds.length}`);
const seed = (prefix) => seeds.find((s) => s.name.startsWith(prefix));

// ------------------------------------------------------------ harness

// ------------------------------------------------------------ expectations

const SEV_ORDER = ['error', 'warning', 'info'];

/** Asserts the page shows what the CLI's JSON has for one seed. */
async function assertMatchesCli(app, json, label) {
  const s = await app.summary();
  const count = (sev) => json.diagnostics.filter((d) => d.severity === sev).length;
  assert.equal(s.verdict, json.summary.verdict, `${label}: verdict`);
  assert.equal(s.agency, json.agency ?? '未识别', `${label}: agency`);
  assert.equal(s.year, json.year == null ? '未识别' : `${json.year}年`, `${label}: year`);
  assert.equal(s.template, json.template ?? '', `${label}: template`);
  assert.equal(s.errors, count('error'), `${label}: errors`);
  assert.equal(s.warnings, count('warning'), `${label}: warnings`);

  // Cells: every value the CLI read is drawn where it belongs, and nothing else is.
  const cells = await app.renderedCells();
  const key = (c) => `${c.table}/${c.row}/${c.column}`;
  const drawn = new Map(cells.map((c) => [key(c), c]));
  assert.equal(drawn.size, cells.length, `${label}: a cell drawn twice`);
  for (const c of json.cells) {
    const d = drawn.get(key(c));
    assert.ok(d, `${label}: cell ${key(c)} not drawn`);
    assert.equal(d.value, String(c.value), `${label}: ${key(c)} value`);
    assert.equal(d.text, String(c.value), `${label}: ${key(c)} text`);
    assert.equal(d.line, c.line == null ? '' : String(c.line), `${label}: ${key(c)} line`);
  }
  const given = cells.filter((c) => c.value !== '');
  assert.equal(given.length, json.cells.length, `${label}: cells with a value`);
  // Table 三 as the template draws it: 7 columns a row; table 四: 15 cells.
  for (const row of new Set(cells.filter((c) => c.table === 'requests').map((c) => c.row))) {
    assert.equal(cells.filter((c) => c.table === 'requests' && c.row === row).length, 7, `${label}: 表三 row ${row}`);
  }
  const review = cells.filter((c) => c.table === 'review');
  if (review.length) assert.equal(review.length, 15, `${label}: 表四 cells`);

  // Diagnostics: the same list, in order.
  const diags = await app.renderedDiagnostics();
  assert.deepEqual(
    diags,
    json.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line == null ? '' : String(d.line), message: d.message })),
    `${label}: diagnostics`,
  );

  // Marks: a diagnostic about a row (or a cell) marks those cells with its severity or worse.
  for (const d of json.diagnostics.filter((d) => d.table && (d.row || d.column))) {
    const hit = cells.filter((c) => c.table === d.table && (!d.row || c.row === d.row) && (!d.column || c.column === d.column));
    assert.ok(hit.length > 0, `${label}: ${d.code} points at no drawn cell`);
    for (const c of hit) {
      const sev = SEV_ORDER.find((s) => c.classes.includes(`sev-${s}`));
      assert.ok(sev && SEV_ORDER.indexOf(sev) <= SEV_ORDER.indexOf(d.severity), `${label}: ${key(c)} not marked for ${d.code}`);
    }
  }
  // …and no cell is marked that no diagnostic points at.
  const pointed = (c) =>
    json.diagnostics.some((d) => d.table === c.table && (d.row || d.column) && (!d.row || d.row === c.row) && (!d.column || d.column === c.column));
  for (const c of cells.filter((c) => c.classes.some((k) => k.startsWith('sev-')))) {
    assert.ok(pointed(c), `${label}: ${key(c)} marked but no diagnostic points at it`);
  }
  // A diagnostic about a whole table marks that table.
  for (const d of json.diagnostics.filter((d) => d.table && !d.row && !d.column)) {
    const cls = await app.table(d.table).getAttribute('class');
    assert.match(cls, /sev-(error|warning|info)/, `${label}: table ${d.table} not marked for ${d.code}`);
  }
}

// ------------------------------------------------------------ run

const own = process.argv[2] ? null : await serve(path.join(ROOT, 'dist'));
const BASE = process.argv[2] ?? own.base;
const ORIGIN = new URL(BASE).origin;

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-app-'));
const context = await chromium.launchPersistentContext(userDir, {
  ...CHROMIUM,
  viewport: { width: 1440, height: 900 },
  acceptDownloads: true,
});
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
await context.addInitScript(INIT);

const requests = [];
context.on('request', (r) => requests.push(r.url()));
// Page errors and console errors fail the test they happen in, unless it expects them.
let problems = [];
let expectProblems = null;
function watch(page) {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}
context.on('page', watch);
const page = context.pages()[0] ?? (await context.newPage());
watch(page);
const app = new App(page);

async function check(name, fn) {
  problems = [];
  expectProblems = null;
  await test(name, async () => {
    await fn();
    const unexpected = problems.filter((p) => !(expectProblems && expectProblems.test(p)));
    assert.deepEqual(unexpected, [], 'page errors or console errors');
    const csp = await page.evaluate(() => window.__csp ?? []).catch(() => []);
    assert.deepEqual(csp, [], 'CSP violations');
  });
}

await check('the app starts under its CSP, with an introduction', async () => {
  await app.open(BASE);
  await page.getByTestId('intro').waitFor();
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'an inline script');
});

for (const s of fixtures) {
  await check(`paste ${s.name}: summary, cells, diagnostics and marks as the CLI has them`, async () => {
    await app.paste(s.text);
    await assertMatchesCli(app, s.json, s.name);
    assert.equal(await app.sourceName.textContent(), '', 'pasted text has no file name');
  });
}

await check('a click on a diagnostic highlights its cells and its source line, and scrolls to them', async () => {
  const s = seed('002');
  await app.paste(s.text);
  const d = s.json.diagnostics.findIndex((d) => d.table && d.row && d.line);
  const want = s.json.diagnostics[d];
  await app.diagnostics.nth(d).click();
  const hl = page.locator('td.hl');
  await poll(async () => (await hl.count()) > 0, 'highlighted cells');
  const rows = await hl.evaluateAll((tds) => [...new Set(tds.map((td) => `${td.dataset.table}/${td.dataset.row}`))]);
  assert.deepEqual(rows, [`${want.table}/${want.row}`]);
  assert.equal(await hl.count(), 7, 'the whole row of table 三');
  const line = app.sourceLine(want.line);
  assert.match(await line.getAttribute('class'), /\bhl\b/);
  assert.equal(await page.locator('#source-lines .hl').count(), 1);
  assert.equal(await page.locator('[data-testid=diagnostic][aria-pressed=true]').count(), 1);
  // Scrolled: the cell is in the window, the line inside its box.
  await poll(() => hl.first().evaluate((td) => {
    const r = td.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }), 'the cell scrolled into view');
  await poll(() => line.evaluate((el) => {
    const box = document.getElementById('source-lines').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  }), 'the line scrolled into its box');
  // The rule's page opens from the diagnostic.
  await page.getByTestId('explain').nth(d).click();
  assert.equal(await app.rule.getAttribute('data-code'), want.code);
  assert.match(await app.rule.textContent(), /检查内容/);
  // Its documentation is fetched on first use (rule-docs.tsv, generated from the rules).
  const doc = fs.readFileSync(path.join(ROOT, 'src/app/rule-docs.tsv'), 'utf8').split('\n')
    .map((l) => l.split('\t')).find((f) => f[0] === want.code);
  await poll(async () => (await app.rule.textContent()).includes(`检查内容：${doc[1]}`) && (await app.rule.textContent()).includes(`依据：${doc[4]}`),
    'the rule\'s documentation shown');
  await poll(() => page.evaluate(() => document.activeElement?.id === 'rule-panel'), 'the focus on the rule page');
  await page.keyboard.press('Escape');
  await poll(async () => (await app.rule.count()) === 0, 'Escape closing the rule page');
});

await check('a suggestion applied mends the error it is under; 撤销 brings the error back', async () => {
  // Seed 003 with one value of 表三 changed: （一）予以公开's 自然人, at its span (UTF-8 bytes).
  const s = seed('003');
  const cell = s.json.cells.find((c) => c.table === 'requests' && c.row === '3.1' && c.column === 'natural_person');
  const bytes = Buffer.from(s.text);
  const wrong = cell.value + 5;
  const broken = Buffer.concat([bytes.subarray(0, cell.start), Buffer.from(String(wrong)), bytes.subarray(cell.end)]).toString();
  await app.paste(broken);
  // The seed's own diagnostics (of its prose) stay; the two errors come before them.
  const own = s.json.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: String(d.line), message: d.message }));
  const codes = (await app.renderedDiagnostics()).map((d) => d.code);
  assert.deepEqual(codes, ['requests.row_total', 'requests.outcome_total', ...own.map((d) => d.code)]);
  // Under each: the advice naming the cell, and the change with 应用.
  assert.equal(await app.advice.count(), 2);
  assert.match(await app.advice.first().textContent(), new RegExp(`^建议：把「（一）予以公开」自然人列的 ${wrong} 改为 ${cell.value}，第1列和该行的等式都将成立`));
  const fixes = await app.renderedFixes();
  assert.equal(fixes[0], `应用：把「（一）予以公开」自然人列的 ${wrong} 改为 ${cell.value}`);

  await app.checked(() => app.applyButtons.first().click());
  assert.equal(await app.input.inputValue(), s.text, 'the number edited back in the text');
  assert.deepEqual(await app.renderedDiagnostics(), own, 'the errors gone');
  assert.equal(await app.verdict.textContent(), s.json.summary.verdict);
  assert.match(await app.applied.textContent(), new RegExp(`已应用：把「（一）予以公开」自然人列的 ${wrong} 改为 ${cell.value}`));
  // The source view shows the changed line.
  const line = app.sourceLine(cell.line);
  assert.equal(await line.locator('.lt').textContent(), s.text.split('\n')[cell.line - 1]);

  await app.checked(() => app.undo.click());
  assert.equal(await app.input.inputValue(), broken, '撤销 restores the text');
  assert.deepEqual((await app.renderedDiagnostics()).map((d) => d.code), codes, 'the errors back');
  assert.equal(await app.applied.count(), 0);
  assert.equal(await line.locator('.lt').textContent(), broken.split('\n')[cell.line - 1]);
});

await check('a row one number short shows where the number may go, with nothing to apply', async () => {
  const s = seed('002');
  await app.paste(s.text);
  const i = s.json.diagnostics.findIndex((d) => d.code === 'table.value_count');
  const item = page.locator('.diag').nth(i);
  assert.match(await item.getByTestId('advice').textContent(), /^建议：按该行和各列的等式，/);
  assert.equal(await item.getByTestId('apply').count(), 0, 'a placement is never filled in');
});

await check('a diagnostic about a whole table highlights the table', async () => {
  const s = seed('004');
  await app.paste(s.text);
  const d = s.json.diagnostics.findIndex((d) => d.table && !d.row && !d.column);
  assert.ok(d >= 0, 'seed 004 has a whole-table diagnostic');
  await app.diagnostics.nth(d).click();
  await poll(async () => /\bhl\b/.test(await app.table(s.json.diagnostics[d].table).getAttribute('class')), 'the table highlighted');
  assert.match(await app.sourceLine(s.json.diagnostics[d].line).getAttribute('class'), /\bhl\b/);
});

await check('each example loads with one click, named by its file', async () => {
  for (const s of seeds) {
    await app.checked(() => app.example(s.name).click());
    assert.equal(await app.input.inputValue(), s.text);
    assert.equal(await app.sourceName.textContent(), `来源：${s.name}`);
    assert.equal(await app.verdict.textContent(), s.json.summary.verdict);
  }
  assert.match(await app.example(seed('004').name).textContent(), new RegExp(`${seed('004').json.agency}`));
});

await check('a dropped UTF-16 file and a picked UTF-8 (BOM) file are read and checked', async () => {
  const s = seed('001');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.text, 'utf16le')]);
  await app.checked(() => app.drop(s.name, utf16));
  assert.equal(await app.sourceName.textContent(), `来源：${s.name}`);
  assert.equal(await app.input.inputValue(), s.text);
  await assertMatchesCli(app, s.json, `${s.name} (dropped)`);

  const t = seed('003');
  await app.checked(() =>
    page.getByTestId('file').setInputFiles({ name: t.name, mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t.text)]) }),
  );
  assert.equal(await app.sourceName.textContent(), `来源：${t.name}`);
  await assertMatchesCli(app, t.json, `${t.name} (picked)`);
});

await check('a GBK (GB18030) text file is decoded by the browser', async () => {
  // 年报 一、总体情况 in GBK.
  const gbk = Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x0a]);
  await app.drop('gbk.txt', gbk);
  await page.waitForFunction(() => document.querySelector('[data-testid=input]').value.includes('年报'));
  assert.match(await app.input.inputValue(), /^年报\n一、总体情况/);
});

await check('a file that is no known encoding is refused with a message, the text kept', async () => {
  const before = await app.input.inputValue();
  await app.drop('bad.txt', Buffer.from([0x80, 0xff, 0x41, 0xff, 0x0a]));
  await app.notice.waitFor();
  assert.equal(await app.notice.getAttribute('data-topic'), 'file');
  assert.match(await app.notice.textContent(), /无法打开 bad\.txt.*UTF-8/);
  assert.equal(await app.input.inputValue(), before);
});

await check('exports: JSON is the CLI JSON, CSV holds its cells, text is its diagnostics; copy', async () => {
  const s = seed('002');
  await app.checked(() => app.example(s.name).click());
  const json = await app.download('export-json');
  assert.equal(json.name, s.name.replace(/\.txt$/, '.json'));
  assert.deepEqual(JSON.parse(json.text), s.json);

  const csv = await app.download('export-csv');
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\n');
  assert.equal(lines[0], 'table,row,row_label,column,column_label,value,line');
  const parse = (l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, ''));
  const withValue = lines.slice(1).map(parse).filter((f) => f[5] !== '');
  assert.deepEqual(
    withValue.map((f) => `${f[0]}/${f[1]}/${f[3]}=${f[5]}@${f[6]}`).sort(),
    s.json.cells.map((c) => `${c.table}/${c.row}/${c.column}=${c.value}@${c.line ?? ''}`).sort(),
  );

  const text = await app.download('export-text');
  const cli = cliText(s.name);
  assert.ok(text.text.length > 0 && cli.startsWith(text.text), `export text is not the CLI's first lines:\n${text.text}`);
  // One line a diagnostic (a suggestion is in the JSON and under the diagnostic, not in this list), then the summary.
  assert.equal(text.text.trimEnd().split('\n').length, s.json.diagnostics.length + 1);

  await page.getByTestId('copy-text').click();
  await poll(async () => (await app.notice.getAttribute('data-topic')) === 'copy', 'the copy message');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text.text);
});

await check('the text is kept across a reload, and the clear button removes it', async () => {
  const s = seed('004');
  await app.paste(s.text);
  await page.waitForTimeout(600); // the save waits for typing to pause
  await app.open(BASE);
  await poll(async () => (await app.input.inputValue()) === s.text, 'the text restored');
  assert.equal(await app.verdict.textContent(), s.json.summary.verdict);
  await app.checked(() => page.getByTestId('clear').click());
  assert.equal(await app.input.inputValue(), '');
  await page.getByTestId('intro').waitFor();
  await app.open(BASE);
  assert.equal(await app.input.inputValue(), '');
});

await check('the local rules can be left out and put back, the choice kept across a reload', async () => {
  // The rule pages name each rule's group.
  const localCodes = await page.locator('.rule-item[data-group=local]').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(localCodes.length >= 3, `the local group has its rules: ${localCodes}`);
  const f = fixtures.find((f) => f.json.diagnostics.some((d) => localCodes.includes(d.code)));
  assert.ok(f, 'a fixture with a diagnostic of the local group');
  const national = { ...f.json, diagnostics: f.json.diagnostics.filter((d) => !localCodes.includes(d.code)) };
  const infos = async () => Number(await page.getByTestId('summary-infos').textContent());
  const toggle = () => page.getByTestId('rules-local');
  await app.paste(f.text);
  assert.equal(await toggle().isChecked(), true, 'every rule runs at first');
  await assertMatchesCli(app, f.json, `${f.name} (every rule)`);

  // Off: the local rules' diagnostics go; the rest stay as the CLI has them.
  await app.checked(() => toggle().uncheck());
  await assertMatchesCli(app, national, `${f.name} (without the local rules)`);
  assert.equal(await infos(), national.diagnostics.filter((d) => d.severity === 'info').length);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.ignore')), 'local');

  // Kept across a reload, with the text.
  await page.waitForTimeout(600); // the text's save waits for typing to pause
  await app.open(BASE);
  await poll(async () => (await app.input.inputValue()) === f.text, 'the text restored');
  assert.equal(await toggle().isChecked(), false, 'the choice restored');
  await assertMatchesCli(app, national, `${f.name} (after a reload)`);

  // On again: every rule's diagnostics, and nothing kept.
  await app.checked(() => toggle().check());
  await assertMatchesCli(app, f.json, `${f.name} (every rule again)`);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.ignore')), null);
});

await check('a storage failure is shown as a message', async () => {
  const p = await context.newPage();
  await p.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const a = new App(p);
  await a.open(BASE);
  await a.paste(seed('003').text);
  await a.notice.waitFor({ timeout: 3000 });
  assert.equal(await a.notice.getAttribute('data-topic'), 'storage');
  assert.match(await a.notice.textContent(), /无法在本浏览器中保存文本.*quota/);
  await p.close();
});

await check('a panic leaves a message, not a dead page, and the text comes back', async () => {
  const s = seed('001');
  await app.paste(s.text);
  expectProblems = /debug_panic|unreachable|RuntimeError/;
  assert.ok(await app.fatal.isHidden());
  await page.evaluate(() => window.nianbaoApp.debug_panic()).catch(() => {});
  await app.fatal.waitFor({ state: 'visible' });
  assert.match(await app.fatal.textContent(), /文本已保存/);
  assert.equal(await app.input.inputValue(), s.text);
  assert.ok(problems.some((p) => /debug_panic/.test(p)), 'the panic message reaches the console');
  await page.locator('#fatal-reload').click();
  await page.waitForSelector('html[data-ready=true]');
  await poll(async () => (await app.input.inputValue()) === s.text, 'the text restored after the panic');
  assert.ok(await app.fatal.isHidden());
});

await check('offline after the first visit: a reload comes from the service worker and works', async () => {
  await app.open(BASE);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await context.setOffline(true);
  try {
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
    await page.waitForSelector('html[data-ready=true]');
    const s = seed('000');
    await app.checked(() => app.example(s.name).click());
    await assertMatchesCli(app, s.json, `${s.name} (offline)`);
  } finally {
    await context.setOffline(false);
  }
});

await check('a phone-sized screen: one column, no sideways scrolling of the page', async () => {
  const s = seed('002');
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await app.checked(() => app.example(s.name).click());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const input = await app.input.boundingBox();
    const summary = await page.getByTestId('summary').boundingBox();
    assert.ok(input.width > 300 && summary.y > input.y + input.height, 'the result below the input');
    const tables = await page.getByTestId('table-review').locator('.scroll').evaluate((el) => el.scrollWidth >= el.clientWidth);
    assert.ok(tables);
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

await check('labels and the keyboard: the input is labelled, a diagnostic is chosen with Enter', async () => {
  const s = seed('002');
  await app.paste(s.text);
  assert.equal(await page.getByRole('textbox', { name: '年报全文' }).getAttribute('id'), 'input');
  const nameless = await page.locator('button').evaluateAll((bs) => bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent.trim())).length);
  assert.equal(nameless, 0, 'buttons without a name');
  await app.input.focus();
  // Tab order: the input, then the source lines, then the result.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'source-lines');
  await app.diagnostics.first().focus();
  await page.keyboard.press('Enter');
  await poll(async () => (await page.locator('td.hl').count()) > 0, 'highlight after Enter');
});

await check('the screenshot with seed 002 loaded (docs/screenshot-002.png)', async () => {
  const s = seed('002');
  // Tall enough to show the summary, the list and table 三's marked rows.
  await page.setViewportSize({ width: 1440, height: 1480 });
  try {
    await app.open(BASE);
    await app.checked(() => app.example(s.name).click());
    // The first problem chosen: its cells and line lit, its item in the list.
    await app.diagnostics.first().click();
    await page.waitForTimeout(700);
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitForTimeout(200);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    assert.ok(fs.statSync(SCREENSHOT).size > 20000);
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

await check('no request left 127.0.0.1', async () => {
  const away = requests.filter((u) => !u.startsWith(ORIGIN + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(away, []);
  assert.ok(requests.length > 5);
});

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
own?.proc.kill();

finish();
