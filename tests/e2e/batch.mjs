// Browser tests of the reviewer's batch (issue 17), in headless Debian
// chromium against the Trunk build in dist/ served on 127.0.0.1:
//   - 50 generated reports (UTF-8, UTF-16, .html, .docx) dropped at once: a row
//     each, whose agency, year, template, counts and verdict are the CLI's
//     (`nianbao check --json`, one file at a time) and the findings per rule
//     add up to the CLI's; none of the page's scripts runs over 50 ms meanwhile (long tasks printed);
//   - a folder picked (webkitdirectory) and a folder dropped: every file a row, by path;
//   - a row opened in the single-report view and back, sort, filter and scroll kept;
//   - sort by a column, filter by verdict, by rule (the counts) and by 已审;
//   - the summary and the findings per rule exported as CSV (BOM) and read back;
//   - the batch kept across a reload (rows, view, 已审), and 清空;
//   - storage refused, and a full disk in the workers: a message, and the batch still works in memory;
//   - offline after the first visit (the service worker keeps batch.js, the workers and their checker);
//   - files that are no report (an image, an empty file, a budget report): rows with the reason;
//   - cancel; a phone-sized screen; the keyboard;
//   - no request leaves 127.0.0.1, no console error.
//
//   node tests/e2e/batch.mjs [BASE_URL]   (default: serves dist/ itself)
// The CLI must be built with `cargo build --bin nianbao --features html,files`.

import { chromium } from 'playwright-core';
import { CHROMIUM, finish, serve, test } from './harness.mjs';
import { App, INIT, poll } from './app-page.mjs';
import { nonReports, reports, writeAll } from './batch-files.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.NIANBAO_BIN ?? path.join(ROOT, 'target/debug/nianbao');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-batch-'));

/** The CLI's JSON for one file, run where it is (so `source` is its name). */
function cliJson(file) {
  const r = spawnSync(BIN, ['check', '--json', path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao exited ${r.status} on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ------------------------------------------------------------ the batch's page object

/** Every locator of the batch, named once. */
class Batch {
  constructor(page) {
    this.page = page;
    this.app = new App(page);
    this.root = page.getByTestId('batch');
    this.rows = page.getByTestId('batch-row');
    this.progress = page.getByTestId('batch-progress');
    this.ruleCounts = page.getByTestId('batch-rule-count');
    this.picker = page.getByTestId('batch-input');
    this.folderPicker = page.getByTestId('batch-folder');
    this.back = page.getByTestId('batch-back');
  }
  async open(base) {
    await this.app.open(base);
  }
  /** Drops files made in the page from {name, bytes} onto the app, all at once. */
  async drop(files) {
    const dt = await this.page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name));
      }
      return dt;
    }, files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') })));
    await this.page.getByTestId('app').dispatchEvent('drop', { dataTransfer: dt });
  }
  /** Waits until `n` rows are shown and no batch is under way. */
  async settled(n, ms = 30000) {
    await poll(async () => (await this.rows.count()) === n && (await this.progress.isHidden()), `${n} rows`, ms).catch(async (e) => {
      const notice = await this.page.getByTestId('notice').textContent().catch(() => '');
      throw new Error(`${e.message}: ${await this.rows.count()} drawn, ${await this.total()} in the batch; ${notice}`);
    });
  }
  /** Every row as the table shows it. */
  async table() {
    return this.rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cell = (id) => tr.querySelector(`[data-testid=${id}]`);
        return {
          id: Number(tr.dataset.id),
          name: tr.dataset.name,
          path: tr.querySelector('td.file button, td.file span').textContent,
          verdictKind: tr.dataset.verdict,
          agency: cell('batch-agency').textContent,
          year: cell('batch-year').textContent,
          template: cell('batch-template').dataset.template,
          errors: Number(cell('batch-errors').textContent),
          warnings: Number(cell('batch-warnings').textContent),
          verdict: cell('batch-verdict').textContent,
          reason: cell('batch-reason')?.textContent ?? null,
          reviewed: tr.querySelector('[data-testid=batch-reviewed]').checked,
        };
      }),
    );
  }
  /** Files in the batch (the table draws the first hundred, then more on request). */
  async total() {
    return Number(await this.page.getByTestId('batch-shown').getAttribute('data-total'));
  }
  async counts() {
    return this.ruleCounts.evaluateAll((bs) =>
      Object.fromEntries(bs.map((b) => [b.dataset.code, { findings: Number(b.dataset.findings), reports: Number(b.dataset.reports) }])),
    );
  }
  sortBy(column) {
    return this.page.locator(`[data-testid=batch-sort][data-column=${column}]`).click();
  }
  filterVerdict(value) {
    return this.page.getByTestId('batch-filter-verdict').selectOption(value);
  }
  row(name) {
    return this.page.locator(`[data-testid=batch-row][data-name="${name}"]`);
  }
  async clear() {
    await this.page.getByTestId('batch-clear').click();
    await poll(async () => (await this.rows.count()) === 0, 'the batch cleared');
  }
}

// ------------------------------------------------------------ run

const own = process.argv[2] ? null : await serve(path.join(ROOT, 'dist'));
const BASE = process.argv[2] ?? own.base;
const ORIGIN = new URL(BASE).origin;

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-batch-profile-'));
const context = await chromium.launchPersistentContext(userDir, { ...CHROMIUM, viewport: { width: 1440, height: 900 } });
await context.addInitScript(INIT);
// The main thread while a batch runs: long tasks (over 50 ms, whatever ran
// in them, the browser's own work included), and each script the page ran in
// a long animation frame, with its time (what the page's own code costs).
await context.addInitScript(() => {
  window.__long = [];
  window.__scripts = [];
  new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries()) {
      // (An entry comes some time after its frame: the page's start-up may
      // be reported after a test reset the list, so each keeps its start.)
      for (const s of frame.scripts) {
        if (s.startTime >= (window.__since ?? 0)) window.__scripts.push({ ms: s.duration, what: `${s.invoker} ${s.sourceURL}` });
      }
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
});
const requests = [];
context.on('request', (r) => requests.push(r.url()));
let problems = [];
const watch = (p) => {
  p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
};
context.on('weberror', (e) => problems.push(`weberror: ${e.error().message}`));
const page = context.pages()[0] ?? (await context.newPage());
watch(page);
const batch = new Batch(page);

/** A named test that also fails on any console error or page error during it. */
async function check(name, fn) {
  problems = [];
  await test(name, async () => {
    await fn();
    assert.deepEqual(problems, [], 'console or page errors');
  });
}

const fifty = reports(50);
const fiftyPaths = writeAll(path.join(TMP, 'fifty'), fifty);
const cli = new Map(fiftyPaths.map((p) => [path.basename(p), cliJson(p)]));

await batch.open(BASE);

await check('50 reports dropped at once: a row each, as the CLI has them, the page responsive', async () => {
  await page.evaluate(() => {
    window.__since = performance.now();
    window.__long = [];
    window.__scripts = [];
  });
  await batch.drop(fifty);
  await batch.root.waitFor();
  await batch.settled(50);
  const { long, scripts } = await page.evaluate(() => ({ long: window.__long, scripts: window.__scripts }));
  console.log(`      main-thread tasks over 50 ms while the batch ran: ${long.length ? long.map(Math.round).join(', ') + ' ms' : 'none'}; ` +
    `the page's longest script: ${Math.round(Math.max(0, ...scripts.map((s) => s.ms)))} ms`);
  const table = await batch.table();
  for (const row of table) {
    const json = cli.get(row.name);
    assert.ok(json, `no CLI report for ${row.name}`);
    const count = (sev) => json.diagnostics.filter((d) => d.severity === sev).length;
    assert.equal(row.agency, json.agency ?? '未识别', `${row.name}: agency`);
    assert.equal(row.year, json.year == null ? '未识别' : String(json.year), `${row.name}: year`);
    assert.equal(row.template, json.template ?? '', `${row.name}: template`);
    assert.equal(row.errors, count('error'), `${row.name}: errors`);
    assert.equal(row.warnings, count('warning'), `${row.name}: warnings`);
    assert.equal(row.verdict, json.summary.verdict, `${row.name}: verdict`);
  }
  assert.deepEqual(new Set(table.map((r) => r.name)), new Set(cli.keys()));
  // Findings per rule across the batch: the CLI's, file by file, added up.
  const expected = {};
  for (const json of cli.values()) {
    const seen = new Set();
    for (const d of json.diagnostics) {
      expected[d.code] ??= { findings: 0, reports: 0 };
      expected[d.code].findings++;
      if (!seen.has(d.code)) expected[d.code].reports++;
      seen.add(d.code);
    }
  }
  assert.deepEqual(await batch.counts(), expected);
  assert.match(await page.getByTestId('batch-tally').textContent(), /^共50份：/);
  assert.match(await page.getByTestId('mode-batch').textContent(), /50份/);
  // The page's own steps stay short (a task's wall time also holds the
  // browser's rendering and, on a loaded machine, time waiting for a core).
  const slow = scripts.filter((s) => s.ms > 50);
  assert.deepEqual(slow, [], 'scripts of the page that ran over 50 ms');
});

await check('sort by a column, and filter by verdict, by rule and by 已审', async () => {
  await batch.sortBy('errors');
  let table = await batch.table();
  const errors = table.map((r) => r.errors);
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a), 'most errors first');
  await batch.sortBy('errors');
  table = await batch.table();
  assert.deepEqual(table.map((r) => r.errors), [...errors].sort((a, b) => a - b), 'then fewest first');
  await batch.sortBy('agency');
  const agencies = (await batch.table()).map((r) => r.agency);
  assert.deepEqual(agencies, [...agencies].sort(), 'agencies in order');

  await batch.filterVerdict('fail');
  table = await batch.table();
  assert.ok(table.length > 0 && table.every((r) => r.verdictKind === 'fail' && r.errors > 0));
  await batch.filterVerdict('');
  const counts = await batch.counts();
  const code = Object.keys(counts).find((c) => counts[c].reports > 1 && counts[c].reports < 50);
  await page.locator(`[data-testid=batch-rule-count][data-code="${code}"]`).click();
  table = await batch.table();
  assert.equal(table.length, counts[code].reports, `rows with ${code}`);
  assert.ok(table.every((r) => cli.get(r.name).diagnostics.some((d) => d.code === code)));
  assert.equal(await page.getByTestId('batch-filter-code').getAttribute('data-code'), code);
  await page.getByTestId('batch-filter-code').click();
  assert.equal(await batch.rows.count(), 50);

  // 已审: two rows marked, then only those shown.
  const first = batch.rows.nth(0);
  const second = batch.rows.nth(3);
  await first.getByTestId('batch-reviewed').check();
  await second.getByTestId('batch-reviewed').check();
  await page.getByTestId('batch-filter-reviewed').selectOption('1');
  assert.equal(await batch.rows.count(), 2);
  assert.match(await page.getByTestId('batch-tally').textContent(), /已审2份/);
  await page.getByTestId('batch-filter-reviewed').selectOption('');
});

/** A CSV file's rows (RFC 4180: quoted fields, doubled quotes). */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows[rows.length - 1].push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows[rows.length - 1].push(field), (field = ''), rows.push([]), i++;
    else field += c;
  }
  if (rows[rows.length - 1].length === 0 && field === '') rows.pop();
  return rows;
}

await check('exports: the summary and the findings per rule as CSV (BOM, Chinese intact), as the table and the CLI have them', async () => {
  await batch.filterVerdict('fail');
  const download = async (testId) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  };
  const summary = await download('batch-export-csv');
  assert.equal(summary.name, '批量检查汇总.csv');
  assert.ok(summary.text.startsWith('\ufeff文件,机关,年度,模板,错误,警告,提示,结论,已审,原因\r\n'), 'a BOM, then the header');
  const [, ...lines] = parseCsv(summary.text.slice(1));
  const reviewedIn = new Map((await batch.table()).map((r) => [r.name, r.reviewed ? '是' : '否']));
  const failing = [...cli.entries()].filter(([, j]) => j.summary.errors > 0);
  assert.equal(lines.length, failing.length, 'one line per row the filter keeps, all of them');
  for (const [file, agency, year, template, errors, warnings, infos, verdict, reviewed] of lines) {
    const json = cli.get(file);
    assert.ok(json, `${file}: not in the batch`);
    assert.deepEqual([agency, year, template, Number(errors), Number(warnings), Number(infos), verdict, reviewed],
      [json.agency ?? '', String(json.year ?? ''), json.template ?? '', json.summary.errors, json.summary.warnings, json.summary.infos, json.summary.verdict, reviewedIn.get(file)], file);
  }
  const rules = await download('batch-export-rules-csv');
  const [head, ...counts] = parseCsv(rules.text.slice(1));
  assert.deepEqual(head, ['规则代码', '问题数', '报告份数']);
  assert.deepEqual(Object.fromEntries(counts.map(([c, f, r]) => [c, { findings: Number(f), reports: Number(r) }])), await batch.counts());
  await batch.filterVerdict('');
});

await check('a row opens in the single-report view, and 返回 comes back with sort, filter and scroll kept', async () => {
  await batch.sortBy('warnings');
  await batch.filterVerdict('fail');
  const shown = await batch.table();
  await page.evaluate(() => scrollTo(0, 400));
  const scrolled = await page.evaluate(() => scrollY);
  const target = shown[Math.min(5, shown.length - 1)];
  await batch.row(target.name).click();
  await batch.back.waitFor();
  assert.ok(await batch.root.isHidden(), 'the batch is hidden');
  await poll(async () => (await batch.app.sourceName.textContent()) === `来源：${target.name}`, 'the opened row in the single view');
  const json = cli.get(target.name);
  assert.equal(await batch.app.verdict.textContent(), json.summary.verdict);
  assert.equal((await batch.app.renderedDiagnostics()).length, json.diagnostics.length);
  await batch.back.click();
  await batch.root.waitFor();
  assert.deepEqual((await batch.table()).map((r) => r.name), shown.map((r) => r.name), 'same rows, same order');
  assert.equal(await page.getByTestId('batch-filter-verdict').inputValue(), 'fail');
  await poll(async () => Math.abs((await page.evaluate(() => scrollY)) - scrolled) < 2, 'the scroll kept');
  assert.ok(await batch.row(target.name).evaluate((tr) => tr.classList.contains('opened')), 'the row opened last is marked');
  await batch.filterVerdict('');
});

await check('the batch is kept across a reload: rows, sort, filter and 已审', async () => {
  await batch.sortBy('year');
  await page.getByTestId('batch-filter-reviewed').selectOption('0');
  const before = await batch.table();
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  await batch.root.waitFor();
  await poll(async () => (await batch.rows.count()) === before.length, 'the rows back');
  assert.deepEqual(await batch.table(), before);
  assert.equal(await page.getByTestId('batch-filter-reviewed').inputValue(), '0');
  assert.equal(await page.locator('[data-testid=batch-sort][data-column=year]').evaluate((b) => b.parentElement.getAttribute('aria-sort')), 'ascending');
  await page.getByTestId('batch-filter-reviewed').selectOption('');
  assert.equal((await batch.table()).filter((r) => r.reviewed).length, 2);
});

await check('files that are no report are rows, with the reason', async () => {
  await batch.clear();
  const odd = nonReports();
  await batch.drop([...odd, ...reports(2)]);
  await batch.settled(odd.length + 2);
  for (const f of odd) {
    const row = (await batch.table()).find((r) => r.name === f.name);
    assert.ok(row, `${f.name}: no row`);
    assert.equal(row.verdictKind, f.kind, `${f.name}: verdict`);
    assert.ok(row.reason && row.reason.length > 10, `${f.name}: reason`);
  }
  const png = (await batch.table()).find((r) => r.name === '照片.png');
  assert.match(png.reason, /二进制/);
  assert.match((await batch.table()).find((r) => r.name === '空白.txt').reason, /输入为空/);
});

await check('a PDF in the batch reads as it does in the single-report view', async () => {
  await batch.clear();
  // A report printed to PDF by Chromium itself.
  const text = fs.readFileSync(path.join(ROOT, 'tests/fixtures/003_de92c8953c303105.txt'), 'utf8');
  const printer = await context.newPage();
  await printer.setContent(`<pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`);
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  await batch.drop([{ name: '报告.pdf', bytes: pdf }, ...reports(1, 2)]);
  await batch.settled(2);
  const row = (await batch.table()).find((r) => r.name === '报告.pdf');
  // One file dropped on the single-report view opens there (on the batch, it joins the batch).
  await page.getByTestId('mode-single').click();
  await batch.root.waitFor({ state: 'hidden' });
  await batch.app.drop('报告.pdf', pdf, 'application/pdf');
  await poll(async () => (await batch.app.sourceName.textContent()) === '来源：报告.pdf', 'the PDF in the single view', 20000);
  const single = await batch.app.summary();
  assert.equal(row.verdictKind === 'not-report', false, 'the PDF read as a report');
  assert.deepEqual([row.agency, row.year, row.errors, row.warnings, row.verdict], [single.agency, single.year.replace('年', ''), single.errors, single.warnings, single.verdict]);
  await page.getByTestId('mode-batch').click();
  await batch.root.waitFor();
});

await check('a folder picked: every file a row, by its path in the folder', async () => {
  await batch.clear();
  const dir = path.join(TMP, '年报目录');
  writeAll(path.join(dir, '区县'), reports(3, 5));
  writeAll(dir, reports(2, 9).map((f) => ({ ...f, name: `市级_${f.name}` })));
  fs.writeFileSync(path.join(dir, '.DS_Store'), 'x');
  await batch.folderPicker.setInputFiles(dir);
  await batch.settled(5);
  const paths = (await batch.table()).map((r) => r.path).sort();
  assert.ok(paths.every((p) => p.startsWith('年报目录/')), paths.join(' '));
  assert.equal(paths.filter((p) => p.includes('/区县/')).length, 3);
  assert.match(await batch.app.notice.textContent(), /系统文件/);
});

await check('a folder dropped: its files walked, every file a row', async () => {
  await batch.clear();
  // A drop made by a script carries no folder; this one carries entries
  // that behave as the browser's FileSystemDirectoryEntry does.
  const files = reports(4, 21);
  await page.evaluate((files) => {
    const file = (f, dir) => ({
      isFile: true, isDirectory: false, name: f.name, fullPath: `${dir}/${f.name}`,
      file: (ok) => ok(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name)),
    });
    const folder = (name, fullPath, children) => ({
      isFile: false, isDirectory: true, name, fullPath,
      createReader: () => {
        let given = false;
        return { readEntries: (ok) => { ok(given ? [] : children); given = true; } };
      },
    });
    const sub = folder('下级', '/上报/下级', files.slice(2).map((f) => file(f, '/上报/下级')));
    const top = folder('上报', '/上报', [...files.slice(0, 2).map((f) => file(f, '/上报')), sub]);
    const item = { kind: 'file', webkitGetAsEntry: () => top, getAsFile: () => null };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { items: [item], files: [], types: ['Files'], getData: () => '' } });
    document.querySelector('[data-testid=app]').dispatchEvent(drop);
  }, files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') })));
  await batch.settled(4);
  const paths = (await batch.table()).map((r) => r.path).sort();
  assert.deepEqual(paths, [...files.slice(0, 2).map((f) => `上报/${f.name}`), ...files.slice(2).map((f) => `上报/下级/${f.name}`)].sort());
});

await check('cancel stops a batch: the files checked keep their rows, the rest get none', async () => {
  await batch.clear();
  const many = reports(400, 3);
  await batch.picker.setInputFiles(writeAll(path.join(TMP, 'many'), many));
  await poll(
    async () => (await batch.progress.getAttribute('data-total')) === '400' && Number(await batch.progress.getAttribute('data-done')) > 0,
    'the batch under way',
    20000,
  );
  await page.getByTestId('batch-cancel').click();
  await batch.progress.waitFor({ state: 'hidden' });
  const n = await batch.total();
  assert.ok(n > 0 && n < 400, `${n} rows after cancel`);
  assert.match(await batch.app.notice.textContent(), /已取消/);
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  await batch.root.waitFor();
  await poll(async () => (await batch.total()) === n, 'the same rows after a reload');
  // Only the first 100 rows are drawn; the rest come a hundred at a time.
  assert.equal(await batch.rows.count(), Math.min(n, 100));
  if (n > 100) {
    await page.getByTestId('batch-more').click();
    assert.equal(await batch.rows.count(), Math.min(n, 200));
  }
});

await check('清空 removes the batch, here and after a reload', async () => {
  await batch.clear();
  assert.match(await batch.app.notice.textContent(), /已清空批量检查/);
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  assert.equal(await batch.rows.count(), 0);
  assert.ok(await batch.root.isHidden(), 'no batch to show after a reload');
  const kept = await page.evaluate(async () => {
    const db = await new Promise((ok, fail) => Object.assign(indexedDB.open('nianbao-batch'), { onsuccess: (e) => ok(e.target.result), onerror: fail }));
    const count = (store) => new Promise((ok) => (db.transaction(store).objectStore(store).count().onsuccess = (e) => ok(e.target.result)));
    const n = [await count('rows'), await count('texts')];
    db.close();
    return n;
  });
  assert.deepEqual(kept, [0, 0]);
});

await check('storage refused: a clear message, and the batch works in memory', async () => {
  const p = await context.newPage();
  watch(p);
  await p.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const b = new Batch(p);
  await b.open(BASE);
  await b.drop(reports(6, 33));
  await b.settled(6);
  assert.match(await p.getByTestId('notice').textContent(), /浏览器拒绝在本机保存批量检查的结果.*只保存在当前页面中/);
  const name = (await b.table())[2].name;
  await b.row(name).click();
  await b.back.waitFor();
  await poll(async () => (await b.app.sourceName.textContent()) === `来源：${name}`, 'a row opened from memory');
  await b.back.click();
  await b.root.waitFor();
  await p.close();
});

await check('a full disk: the files checked after it are kept in memory, with a message', async () => {
  // A context of its own, without the service worker, so that the workers'
  // script can be served with every write of theirs refused, as by a full disk.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-batch-full-'));
  const full = await chromium.launchPersistentContext(dir, { ...CHROMIUM, serviceWorkers: 'block' });
  try {
    const p = full.pages()[0] ?? (await full.newPage());
    watch(p);
    await p.route('**/batch-worker.js', async (route) => {
      const response = await route.fetch();
      const refuse = "IDBObjectStore.prototype.put = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };\n";
      await route.fulfill({ response, body: refuse + (await response.text()) });
    });
    const b = new Batch(p);
    await b.open(BASE);
    await b.drop(reports(5, 55));
    await b.settled(5);
    assert.match(await p.getByTestId('notice').textContent(), /存储空间已满.*只保存在当前页面中/);
    const name = (await b.table())[3].name;
    await b.row(name).click();
    await b.back.waitFor();
    await poll(async () => (await b.app.sourceName.textContent()) === `来源：${name}`, 'a row opened from memory');
  } finally {
    await full.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

await check('offline after the first visit: a batch runs from the service worker\'s copies', async () => {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  const p = await context.newPage();
  watch(p);
  const b = new Batch(p);
  await b.open(BASE);
  await p.evaluate(() => window.nianbaoBatch('attach')); // the batch kept so far, drawn
  await context.setOffline(true);
  try {
    // (The view kept may filter rows out: files are counted, not rows drawn.)
    const before = await b.total();
    // New names: a file named as one in the batch would replace its row.
    await b.drop(reports(3, 66).map((f) => ({ ...f, name: `离线_${f.name}` })));
    await poll(async () => (await b.total()) === before + 3 && (await b.progress.isHidden()), 'three more files', 30000).catch(async (e) => {
      throw new Error(`${e.message}: ${before} → ${await b.total()}; ${await p.getByTestId('notice').textContent().catch(() => '')}; ${problems.join(' | ')}`);
    });
    assert.match(await p.getByTestId('notice').textContent(), /已检查3份文件/);
  } finally {
    await context.setOffline(false);
    await p.close();
  }
});

await check('a phone-sized screen: the batch as cards, no sideways scrolling of the page', async () => {
  // The batch is shared by the browser's tabs: the other pages' files are in it too.
  await page.evaluate(() => window.nianbaoBatch('clear'));
  await batch.drop(reports(5, 44));
  await batch.settled(5);
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const box = await batch.rows.first().boundingBox();
    assert.ok(box.width <= 390 && box.height > 60, 'a row drawn as a card');
    // The columns' headings are still there to sort by.
    await batch.sortBy('errors');
    const errors = (await batch.table()).map((r) => r.errors);
    assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
    await page.screenshot({ path: path.join(TMP, 'phone.png') });
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

await check('the keyboard: a row opened with Enter, and back', async () => {
  const name = (await batch.table())[1].name;
  await batch.row(name).getByTestId('batch-open').focus();
  await page.keyboard.press('Enter');
  await batch.back.waitFor();
  await batch.back.focus();
  await page.keyboard.press('Enter');
  await batch.root.waitFor();
  const nameless = await page.locator('button, select, input[type=checkbox]').evaluateAll((els) =>
    els.filter((e) => e.offsetParent && !(e.getAttribute('aria-label') || e.textContent.trim() || e.labels?.length)).length);
  assert.equal(nameless, 0, 'controls without a name');
});

await check('no request left 127.0.0.1', async () => {
  const away = requests.filter((u) => !u.startsWith(ORIGIN + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(away, []);
  assert.ok(requests.some((u) => u.endsWith('/batch-checker_bg.wasm')), 'the workers loaded their checker');
});

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
fs.rmSync(TMP, { recursive: true, force: true });
own?.proc.kill();

finish();
