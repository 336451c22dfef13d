// Browser tests of the app's other inputs (issue 5): HTML pasted from a web
// page (a synthetic ClipboardEvent carrying text/plain and text/html), a
// saved .html page dropped, a .docx dropped, .pdf files picked. Driven by
// playwright-core against the Trunk build in dist/ served on 127.0.0.1:
//
//   node tests/e2e/inputs.mjs [BASE_URL]   (default: serves dist/ itself)
//
// Expectations come from the CLI (`cargo run --features html,files --bin
// nianbao -- check --json`) on the same HTML/.docx and, for the PDFs, on
// their text extractions in ../shared/corpus/more/*-pdf-rows.txt: the
// tables (`requests`, `review`, `active`), the template and the diagnostics
// must agree (with their line numbers, except for the PDFs). The ../shared cases are
// skipped with a message when ../shared is absent; the synthetic ones always
// run. Also: no request leaves 127.0.0.1; no page error, console error or
// CSP violation; pdf.js is fetched only once a PDF is opened.
// Last line: `N passed, N failed`; exit 1 on any failure.

import { chromium } from 'playwright-core';
import { CHROMIUM, finish, serve, test as record, zip } from './harness.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, poll, INIT } from './app-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = process.env.NIANBAO_SHARED_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-inputs-'));

// ------------------------------------------------------------ harness

/** A test that also fails on CSP violations and page or console errors. */
async function test(name, fn) {
  await record(name, async () => {
    problems = [];
    await page.evaluate(() => { window.__csp = []; }).catch(() => {});
    await fn();
    const csp = await page.evaluate(() => window.__csp ?? []);
    assert.deepEqual(csp, [], 'CSP violations');
    assert.deepEqual(problems, [], 'page errors / console errors');
  });
}
function skip(name, why) {
  console.log(`skip  ${name}: ${why}`);
}

// ------------------------------------------------------------ expectations

/** The CLI's report on a file (features html, files: it reads .html and .docx). */
function cli(file) {
  const r = spawnSync('cargo', ['run', '--locked', '--quiet', '--features', 'html,files', '--bin', 'nianbao', '--', 'check', '--json', file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The three tables as the page draws them, in the CLI's JSON shape. */
async function drawnTables() {
  const out = { active: {}, requests: {}, review: {} };
  for (const c of await app.renderedCells()) {
    if (c.value === '') continue;
    ((out[c.table] ??= {})[c.row] ??= {})[c.column] = Number(c.value);
  }
  return out;
}

const cliTables = (json) => ({ active: json.active, requests: json.requests, review: json.review });
const count = (t) => Object.values(t).reduce((n, table) => n + Object.values(table).reduce((m, row) => m + Object.keys(row).length, 0), 0);

/** Tables and template as the CLI's; the diagnostics too (codes, and their
 * lines where the app checked the same text: HTML and .docx, whose text the
 * browser writes out as the core does; a PDF's text is not the rows file's). */
async function assertTablesAsCli(json, label, { minCells = 1, lines = true } = {}) {
  const drawn = await drawnTables();
  assert.deepEqual(drawn, cliTables(json), `${label}: tables differ from the CLI's`);
  assert.ok(count(drawn) >= minCells, `${label}: only ${count(drawn)} cells read`);
  const s = await app.summary();
  assert.equal(s.template, json.template ?? '', `${label}: template`);
  const shown = (d) => (lines ? `${d.code}@${d.line ?? ''}` : d.code);
  assert.deepEqual((await app.renderedDiagnostics()).map(shown), json.diagnostics.map(shown), `${label}: diagnostics`);
}

// ------------------------------------------------------------ in-page actions

/** Pastes into the (emptied) input with a synthetic ClipboardEvent carrying both types. */
async function pasteHtml(html, plain) {
  await app.checked(async () => {
    await app.input.evaluate((ta, [html, plain]) => {
      ta.value = '';
      ta.focus();
      ta.setSelectionRange(0, 0);
      const dt = new DataTransfer();
      dt.setData('text/plain', plain);
      dt.setData('text/html', html);
      const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
      ta.dispatchEvent(ev);
    }, [html, plain]);
  });
}

/** Drops a file from disk (or bytes) on the page and waits for its check. */
async function dropFile(name, bytes, type) {
  await app.checked(() => app.drop(name, bytes, type));
  await poll(async () => (await app.sourceName.textContent()).includes(name), `source name ${name}`);
}

const noticeText = async () => ((await app.notice.count()) ? await app.notice.first().textContent() : '');

/** Picks a file with the toolbar's file input and waits for its check. */
async function pickFile(file) {
  const before = await app.revision();
  await page.getByTestId('file').setInputFiles(file);
  await poll(async () => (await app.revision()) > before || /无法打开/.test(await noticeText()), `a check of ${file}`, 60000);
  assert.doesNotMatch(await noticeText(), /无法打开/);
  await poll(async () => (await app.sourceName.textContent()).includes(path.basename(file)), `source name ${file}`);
}

// ------------------------------------------------------------ synthetic inputs

// Table 三 with the header spans of a real page whose header and data rows
// disagree (the label column spans 3 in the header, 2 or 1 below), <br> in
// cells, &nbsp; as blank, all inside a layout table.
const SYNTHETIC_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><style>td{}</style></head><body>
<table><tr><td>
<p>某某县人民政府2023年政府信息公开工作年度报告</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>20</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">120</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>行政处罚</td><td colspan="3">30</td></tr>
<tr><td>行政强制</td><td colspan="3">4</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">0</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>
<tr><td colspan="2">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>2</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td rowspan="1">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td><td>0</td></tr>
<tr><td colspan="2">四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>1</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>五、存在的主要问题及改进情况</p>
</td></tr></table></body></html>`;

const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const cell = (t, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${String(t).split('\n').map(para).join('')}</w:tc>`;
const row = (...cells) => `<w:tr>${cells.join('')}</w:tr>`;
const span = (n) => `<w:gridSpan w:val="${n}"/>`;
const vStart = '<w:vMerge w:val="restart"/>';
const vCont = '<w:vMerge/>';
const nums = (...v) => v.map((x) => cell(x)).join('');
// Table 三 as Word merges it: 三、本年度办理结果 merged down (w:vMerge), the
// label columns merged across (w:gridSpan), a cell label on two paragraphs;
// deleted text (w:del) must not be read.
const SYNTHETIC_DOCX_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${para('某某县人民政府2023年政府信息公开工作年度报告')}
${para('三、收到和处理政府信息公开申请情况')}
<w:tbl>
${row(cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span(3) + vStart), cell('申请人情况', span(7)))}
${row(cell('', span(3) + vCont), cell('自然人', vStart), cell('法人或其他组织', span(5)), cell('总计', vStart))}
${row(cell('', span(3) + vCont), cell('', vCont), cell('商业\n企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他'), cell('', vCont))}
${row(cell('一、本年新收政府信息公开申请数量', span(3)), nums(6, 1, 0, 0, 0, 1, 8))}
${row(cell('二、上年结转政府信息公开申请数量', span(3)), nums(1, 0, 0, 0, 0, 0, 1))}
${row(cell('三、本年度办理结果', vStart), cell('（一）予以公开', span(2)), nums(4, 1, 0, 0, 0, 0, 5))}
${row(cell('', vCont), cell('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', span(2)), nums(2, 0, 0, 0, 0, 1, 3))}
${row(cell('四、结转下年度继续办理', span(3)), nums(1, 0, 0, 0, 0, 0, 1))}
</w:tbl>
<w:p><w:r><w:t>四、政府信息公开</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:t>行政复议、行政诉讼情况</w:t></w:r></w:p>
<w:tbl>
${row(cell('行政复议', span(5)), cell('行政诉讼', span(10)))}
${row(cell('结果维持', vStart), cell('结果纠正', vStart), cell('其他结果', vStart), cell('尚未审结', vStart), cell('总计', vStart), cell('未经复议直接起诉', span(5)), cell('复议后起诉', span(5)))}
${row(cell('', vCont), cell('', vCont), cell('', vCont), cell('', vCont), cell('', vCont), nums('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'))}
${row(nums(2, 0, 1, 0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0))}
</w:tbl>
${para('五、存在的主要问题及改进情况')}
<w:sectPr/></w:body></w:document>`;

// ------------------------------------------------------------ run

const own = process.argv[2] ? null : await serve(path.join(ROOT, 'dist'));
const BASE = process.argv[2] ?? own.base;
const ORIGIN = new URL(BASE).origin;

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-inputs-profile-'));
const context = await chromium.launchPersistentContext(userDir, {
  ...CHROMIUM,
  viewport: { width: 1440, height: 900 },
});
await context.addInitScript(INIT);
const requests = [];
context.on('request', (r) => requests.push(r.url()));
let problems = [];
function watch(p) {
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}
const page = context.pages()[0] ?? (await context.newPage());
watch(page);
// What the page itself fetches (the service worker also keeps inputs.js for offline use).
const pageRequests = [];
page.on('request', (r) => pageRequests.push(r.url()));
const app = new App(page);
const pdfRequests = () => requests.filter((u) => u.includes('/pdfjs/'));

await test('a normal page load fetches neither pdf.js nor the input decoders', async () => {
  await app.open(BASE);
  await page.waitForTimeout(500);
  assert.deepEqual(pdfRequests(), []);
  assert.deepEqual(pageRequests.filter((u) => u.endsWith('/inputs.js') || u.includes('/pdfjs/')), []);
});

await test('pasted HTML (synthetic: rowspan/colspan, header and data spans disagree, layout table) reads as the CLI reads it', async () => {
  const file = path.join(TMP, 'synthetic.html');
  fs.writeFileSync(file, SYNTHETIC_HTML);
  const json = cli(file);
  assert.equal(json.requests['1']?.total, 5, 'the CLI reads the synthetic table 三');
  assert.equal(json.requests['3.1']?.commercial, 1);
  assert.equal(json.review?.review?.total, 1);
  assert.equal(json.active?.licensing?.decisions, 120);
  await pasteHtml(SYNTHETIC_HTML, '一、本年新收政府信息公开申请数量35');
  await assertTablesAsCli(json, 'synthetic paste', { minCells: 30 });
  // What was checked is in the input: the tables' rows, cells tab-separated.
  const value = await app.input.inputValue();
  assert.match(value, /一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t1\t5/);
  assert.equal(await app.sourceLine(1).count(), 1, 'the source view shows the text');
  assert.equal((await app.sourceName.textContent()).trim(), '', 'a paste has no file name');
  assert.deepEqual(pdfRequests(), [], 'no pdf.js for HTML');
});

await test('a paste whose HTML has no <table> is left to the normal text path', async () => {
  const prevented = await app.input.evaluate((ta) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '一、总体情况');
    dt.setData('text/html', '<p>一、总体情况</p>');
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    ta.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(prevented, false, 'the browser pastes the text itself');
});

await test('a .docx made here (gridSpan, vMerge, w:del) reads as the CLI reads it', async () => {
  const bytes = zip({ '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'word/document.xml': SYNTHETIC_DOCX_XML });
  const file = path.join(TMP, 'synthetic.docx');
  fs.writeFileSync(file, bytes);
  const json = cli(file);
  assert.equal(json.requests['1']?.total, 8, 'the CLI reads the synthetic .docx');
  assert.equal(json.review?.review?.total, 3);
  await dropFile('synthetic.docx', bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await assertTablesAsCli(json, 'synthetic .docx', { minCells: 20 });
  assert.match(await app.input.inputValue(), /四、政府信息公开行政复议、行政诉讼情况/);
});

await test('a file that is not a .docx says so', async () => {
  await app.drop('broken.docx', Buffer.from('PK\x03\x04 not a zip'), 'application/octet-stream');
  await poll(async () => /无法打开 broken\.docx/.test(await noticeText()), 'the error notice');
  problems = problems.filter((p) => !/broken\.docx/.test(p));
});

const have = (f) => fs.existsSync(f);
for (const name of ['pingtan-2021.html', 'pingtan-2022.html']) {
  const file = path.join(SHARED, 'html', name);
  if (!have(file)) {
    skip(`${name} pasted and dropped`, `${file} not found (../shared absent): skipped`);
    continue;
  }
  await test(`${name}: pasted (text/html) and dropped, tables as the CLI's`, async () => {
    const json = cli(file);
    const html = fs.readFileSync(file, 'utf8');
    await pasteHtml(html, 'plain');
    await assertTablesAsCli(json, `${name} pasted`, { minCells: 150 });
    await dropFile(name, fs.readFileSync(file), 'text/html');
    await assertTablesAsCli(json, `${name} dropped`, { minCells: 150 });
  });
}

const docx = path.join(SHARED, 'files', 'template-2021.docx');
if (!have(docx)) {
  skip('template-2021.docx dropped', `${docx} not found (../shared absent): skipped`);
} else {
  await test('template-2021.docx dropped: the same report as the CLI', async () => {
    const json = cli(docx);
    await dropFile('template-2021.docx', fs.readFileSync(docx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await assertTablesAsCli(json, 'template-2021.docx', { minCells: 0 });
    const s = await app.summary();
    const n = (sev) => json.diagnostics.filter((d) => d.severity === sev).length;
    assert.equal(s.errors, n('error'), 'errors');
    assert.equal(s.warnings, n('warning'), 'warnings');
  });
}

let pdfOpened = false;
for (const stem of ['hongze-2023', 'hongze-2024', 'huaian-2024']) {
  const pdf = path.join(SHARED, 'files', `${stem}.pdf`);
  const rows = path.join(SHARED, 'more', `${stem}-pdf-rows.txt`);
  if (!have(pdf) || !have(rows)) {
    skip(`${stem}.pdf picked`, `${pdf} or its rows text not found (../shared absent): skipped`);
    continue;
  }
  await test(`${stem}.pdf picked: tables as the CLI's on the same .pdf and on ${stem}-pdf-rows.txt; pdf.js fetched from 127.0.0.1 only now`, async () => {
    const first = !pdfOpened;
    pdfOpened = true;
    if (first) assert.deepEqual(pdfRequests(), [], 'pdf.js fetched before a PDF was opened');
    // The command line reads the PDF itself (pdf-extract), the app with
    // pdf.js: both laid out by the core, the same tables.
    const json = cli(pdf);
    assert.deepEqual(cliTables(json), cliTables(cli(rows)), `${stem}.pdf: the CLI's tables differ from its rows text's`);
    await pickFile(pdf);
    await assertTablesAsCli(json, `${stem}.pdf`, { minCells: 150, lines: false });
    if (first) {
      const got = pdfRequests().map((u) => new URL(u).pathname);
      assert.ok(got.some((u) => u.endsWith('/pdfjs/pdf.min.mjs')), `pdf.min.mjs requested (${got})`);
      assert.ok(got.some((u) => u.endsWith('/pdfjs/pdf.worker.min.mjs')), `worker requested (${got})`);
    }
  });
}

await test('no request left 127.0.0.1', async () => {
  const outside = requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, []);
});

await context.close();
own?.proc.kill();
fs.rmSync(userDir, { recursive: true, force: true });
fs.rmSync(TMP, { recursive: true, force: true });
finish();
