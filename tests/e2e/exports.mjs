// Browser tests of the batch's year against year and its exports (issue
// 17), in headless Debian chromium against the Trunk build in dist/, each
// compared with the CLI on the same files:
//   - seeds 000/001 (one agency, 2021/2020) dropped together: the
//     cross_year diagnostics on 000's row and in its opened view are the
//     CLI's (`nianbao check --json 000 001`);
//   - a pair made by hand where the names differ (与上一年报告配对), kept
//     across a reload;
//   - the data set, long and wide: the same bytes as `nianbao check
//     --format csv` / `csv-wide` on the same files;
//   - the workbook (XLSX): its zip read, its sheets' XML read and compared with the
//     CSV exports;
//   - the feedback letters: the zip's .docx files, and the single view's,
//     the same bytes as `nianbao letter --out` (whose .docx tests/exports.rs
//     reads back with the project's own reader).
//
//   node tests/e2e/exports.mjs [BASE_URL]   (default: serves dist/ itself)
// The CLI must be built with `cargo build --bin nianbao --features html,files`.

import { chromium } from 'playwright-core';
import { CHROMIUM, finish, serve, test } from './harness.mjs';
import { App, INIT, poll } from './app-page.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.NIANBAO_BIN ?? path.join(ROOT, 'target/debug/nianbao');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-exports-'));

const SEED_2021 = '000_a4b9aaf003e43d05.txt';
const SEED_2020 = '001_76d90fd474e57dbd.txt';
const OTHER = '003_de92c8953c303105.txt';
const seed = (name) => fs.readFileSync(path.join(ROOT, 'tests/fixtures', name));

/** The CLI run in `dir` on `files` (bare names, so that labels and sources are the browser's). */
function cli(dir, args, files) {
  const r = spawnSync(BIN, [...args, ...files], { cwd: dir, maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** A CSV text's records (quoted fields, doubled quotes, CRLF or LF; the BOM dropped). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let any = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    any = true;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field), records.push(record), (record = []), (field = ''), (any = false);
    } else field += c;
  }
  if (any) record.push(field), records.push(record);
  return records;
}

/** Records without the trailing empty fields a sheet does not keep. */
const trimmed = (records) => records.map((r) => {
  const out = [...r];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
});

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** A zip's files (stored or deflated), read by its central directory: name → bytes. */
function readZip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a zip');
  const files = new Map();
  let at = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    const name = nameBytes.toString(flags & 0x0800 || nameBytes.every((b) => b < 0x80) ? 'utf8' : 'latin1');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLen + extra + comment;
  }
  return files;
}

/** A workbook read back (its zip, then each sheet's XML): [[name, rows of cell texts]]. */
function readXlsx(bytes) {
  const zip = readZip(bytes);
  const part = (name) => zip.get(name).toString('utf8');
  const names = [...part('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescape(m[1]));
  return names.map((name, i) => {
    const rows = [...part(`xl/worksheets/sheet${i + 1}.xml`).matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map(([, row]) => {
      const fields = [];
      for (const [, ref, body] of row.matchAll(/<c r="([A-Z]+)\d+"[^>]*>(.*?)<\/c>/gs)) {
        const col = [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        while (fields.length < col) fields.push('');
        const v = body.match(/<v>(.*?)<\/v>/s) ?? body.match(/<t[^>]*>(.*?)<\/t>/s);
        fields.push(v ? unescape(v[1]) : '');
      }
      return fields;
    });
    return [name, rows];
  });
}

// ------------------------------------------------------------ the page

const own = process.argv[2] ? null : await serve(path.join(ROOT, 'dist'));
const BASE = process.argv[2] ?? own.base;
const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-exports-profile-'));
const context = await chromium.launchPersistentContext(userDir, { ...CHROMIUM, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
await context.addInitScript(INIT);
let problems = [];
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
const app = new App(page);
const rows = page.getByTestId('batch-row');
const progress = page.getByTestId('batch-progress');
const row = (name) => page.locator(`[data-testid=batch-row][data-name="${name}"]`);

async function check(name, fn) {
  problems = [];
  await test(name, async () => {
    await fn();
    assert.deepEqual(problems, [], 'console or page errors');
  });
}

async function drop(files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files.map(([name, bytes]) => ({ name, b64: Buffer.from(bytes).toString('base64') })));
  await page.getByTestId('app').dispatchEvent('drop', { dataTransfer: dt });
}

/** `n` rows, and no check or pairing under way. */
async function settled(n) {
  await poll(async () => (await rows.count()) === n && (await progress.isHidden()), `${n} rows`, 30000);
}

async function download(testId) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByTestId(testId).click()]);
  const file = path.join(TMP, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file, bytes: fs.readFileSync(file) };
}

const counts = () => page.getByTestId('batch-rule-count').evaluateAll((bs) =>
  Object.fromEntries(bs.map((b) => [b.dataset.code, Number(b.dataset.findings)])));

async function openRow(name) {
  await row(name).click();
  await page.getByTestId('batch-back').waitFor();
  await poll(async () => (await app.sourceName.textContent()) === `来源：${name}`, `${name} opened`);
}

async function back() {
  await page.getByTestId('batch-back').click();
  await page.getByTestId('batch').waitFor();
}

// The files, as the browser gets them and as the CLI reads them.
const FILES = [[SEED_2021, seed(SEED_2021)], [SEED_2020, seed(SEED_2020)], [OTHER, seed(OTHER)]];
const DIR = path.join(TMP, 'seeds');
fs.mkdirSync(DIR);
for (const [name, bytes] of FILES) fs.writeFileSync(path.join(DIR, name), bytes);
const NAMES = FILES.map(([n]) => n).sort();
const cliReports = cli(DIR, ['check', '--json'], NAMES).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
const cliOf = (name) => cliReports.find((r) => r.source === name);
const crossYear = (diagnostics) => diagnostics.filter((d) => d.code.startsWith('cross_year.'));

await app.open(BASE);

await check('seeds 000/001 dropped together: 000 is checked against 2020, as the CLI checks it (its row and its opened view)', async () => {
  await drop(FILES);
  await settled(3);
  const expected = crossYear(cliOf(SEED_2021).diagnostics);
  assert.ok(expected.length > 0, 'the CLI finds 000 against 001');
  assert.deepEqual(crossYear(cliOf(SEED_2020).diagnostics), [], 'nothing before 2020 here');
  // The findings per rule across the batch: the cross-year ones are all 000's.
  const byCode = {};
  for (const d of expected) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  const shown = Object.fromEntries(Object.entries(await counts()).filter(([c]) => c.startsWith('cross_year.')));
  assert.deepEqual(shown, byCode);
  // Each row's counts are the CLI's (000's include the findings against 2020).
  for (const name of NAMES) {
    const json = cliOf(name);
    const errors = Number(await row(name).getByTestId('batch-errors').textContent());
    const warnings = Number(await row(name).getByTestId('batch-warnings').textContent());
    assert.deepEqual([errors, warnings], [json.summary.errors, json.summary.warnings], name);
  }
  await openRow(SEED_2021);
  const diagnostics = await app.renderedDiagnostics();
  assert.deepEqual(crossYear(diagnostics).map((d) => [d.code, d.message, d.line]),
    expected.map((d) => [d.code, d.message, d.line == null ? undefined : String(d.line)]));
  assert.equal(diagnostics.length, cliOf(SEED_2021).diagnostics.length);
  assert.match(await page.getByTestId('batch-paired').textContent(), new RegExp(SEED_2020));
  await back();
});

await check('the data set, long and wide: the bytes of `nianbao check --format csv` / `csv-wide` on the same files', async () => {
  const long = await download('batch-export-long');
  assert.equal(long.name, '数据集（长表）.csv');
  assert.ok(long.bytes.equals(cli(DIR, ['check', '--format', 'csv'], NAMES)), 'long: the CLI\'s bytes');
  const wide = await download('batch-export-wide');
  assert.ok(wide.bytes.equals(cli(DIR, ['check', '--format', 'csv-wide'], NAMES)), 'wide: the CLI\'s bytes');
  assert.ok(wide.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a BOM');
});

await check('the workbook: 汇总, 规则统计 and the data set, read back, hold what the CSV exports hold', async () => {
  const book = await download('batch-export-xlsx');
  assert.equal(book.name, '批量检查.xlsx');
  const sheets = readXlsx(book.bytes);
  assert.deepEqual(sheets.map(([n]) => n), ['汇总', '规则统计', '数据集（宽表）', '数据集（长表）']);
  const csvOf = async (id) => trimmed(parseCsv((await download(id)).bytes.toString('utf8')));
  assert.deepEqual(sheets[0][1], await csvOf('batch-export-csv'));
  assert.deepEqual(sheets[1][1], await csvOf('batch-export-rules-csv'));
  assert.deepEqual(sheets[2][1], trimmed(parseCsv(cli(DIR, ['check', '--format', 'csv-wide'], NAMES).toString('utf8'))));
  assert.deepEqual(sheets[3][1], trimmed(parseCsv(cli(DIR, ['check', '--format', 'csv'], NAMES).toString('utf8'))));
  console.log(`      workbook of ${NAMES.length} reports: ${book.bytes.length} bytes`);
});

const LETTERS = path.join(TMP, 'letters');
cli(DIR, ['letter', '--out', LETTERS], NAMES);

await check('feedback letters: the zip of the batch, and the opened report\'s, are the bytes of `nianbao letter`', async () => {
  const zip = await download('batch-export-letters');
  assert.equal(zip.name, '反馈意见.zip');
  const letters = readZip(zip.bytes);
  const expected = fs.readdirSync(LETTERS).filter((n) => n.endsWith('.docx')).sort();
  assert.deepEqual([...letters.keys()].sort(), expected);
  for (const name of expected) assert.ok(letters.get(name).equals(fs.readFileSync(path.join(LETTERS, name))), name);
  // The single view: 000 opened from the batch (so against 2020), its letter in Word and as text.
  await openRow(SEED_2021);
  const docx = await download('letter-docx');
  assert.equal(docx.name, '000_a4b9aaf003e43d05.反馈意见.docx');
  assert.ok(docx.bytes.equals(fs.readFileSync(path.join(LETTERS, docx.name))));
  const text = await download('letter-text');
  assert.equal(text.bytes.toString('utf8'), fs.readFileSync(path.join(LETTERS, '000_a4b9aaf003e43d05.反馈意见.txt'), 'utf8'));
  assert.match(text.bytes.toString('utf8'), /cross_year\.copied/);
  await back();
});

await check('a pair made by hand where the names differ (与上一年报告配对), kept across a reload', async () => {
  await page.getByTestId('batch-clear').click();
  await settled(0);
  // 2020's report under another name of the agency: not paired by itself.
  const renamed = seed(SEED_2020).toString('utf8').replaceAll('温州市机关事务管理局', '温州市机关事务服务中心');
  await drop([[SEED_2021, seed(SEED_2021)], ['2020-renamed.txt', Buffer.from(renamed)]]);
  await settled(2);
  assert.deepEqual(Object.keys(await counts()).filter((c) => c.startsWith('cross_year.')), [], 'no pair by the names');
  await openRow(SEED_2021);
  assert.equal(await page.getByTestId('batch-paired').getAttribute('data-previous'), '');
  const id = await page.locator('[data-testid=batch-pair] option', { hasText: '2020-renamed.txt' }).getAttribute('value');
  await page.getByTestId('batch-pair').selectOption(id);
  await poll(async () => (await page.getByTestId('batch-paired').getAttribute('data-previous')) === id, 'the pair made');
  await poll(async () => (await app.renderedDiagnostics()).some((d) => d.code === 'cross_year.copied'), 'the view checked against it');
  const copied = (await app.renderedDiagnostics()).find((d) => d.code === 'cross_year.copied');
  assert.match(copied.message, /2020年报告（2020-renamed\.txt）/);
  await back();
  assert.ok((await counts())['cross_year.copied'] > 0, 'the row counts it too');

  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  await page.getByTestId('mode-batch').click();
  await settled(2);
  assert.ok((await counts())['cross_year.copied'] > 0, 'kept with the batch');
  await openRow(SEED_2021);
  assert.equal(await page.getByTestId('batch-pair').inputValue(), id);
  assert.ok((await app.renderedDiagnostics()).some((d) => d.code === 'cross_year.copied'));
  // Back to 不配对: the findings against last year go.
  await page.getByTestId('batch-pair').selectOption('0');
  await poll(async () => !(await app.renderedDiagnostics()).some((d) => d.code.startsWith('cross_year.')), 'the pair undone');
  await back();
  await page.getByTestId('batch-clear').click();
});

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
fs.rmSync(TMP, { recursive: true, force: true });
own?.proc.kill();
finish();
