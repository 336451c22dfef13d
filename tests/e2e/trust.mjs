// Browser tests of trust (issue 6), in headless Debian chromium driven by
// playwright-core, for the web app (dist/) and the <nianbao-checker> widget
// (www/widget-demo.html):
//   - injection: each payload below is put into seed report 003 as the agency
//     line, inside a table label and inside prose, and used as a dropped
//     file's name (app), or given as the `text` attribute and as typed text
//     (widget). Asserted for each: no dialog, no script ran (window.__pwned,
//     which every payload tries to set, stays undefined), no new
//     <script>/<img>/<iframe>/<svg>/…/on* attribute/javascript: URL in the
//     document or the widget's shadow root, the payload shown as text, and
//     the result the CLI gives for the same text. Run once under the page's
//     own CSP (no violation event) and once with the CSP taken out of the
//     page, so that escaping, not only the CSP, is what is tested;
//   - a file above the size limit (picked and dropped) gets a clear message
//     at once, without the file being read; text above it in the widget gets
//     the core's message;
//   - binary bytes (a PNG) get a clear answer: as a file, a message naming it;
//     as text, report.unrecognised saying what was looked for;
//   - every request is recorded: none leaves 127.0.0.1.
// Expectations come from the CLI (./target/debug/nianbao check --json) at
// test time, and the size limit from src/lib.rs.
//
//   node tests/e2e/trust.mjs [APP_BASE_URL]   (default: serves dist/ itself;
//                                             www/, or $NIANBAO_WWW, is served here)
// Prints the payloads tried and the requests made outside loopback.
// Last line: `N passed, N failed`; exit 1 on any failure.

import { chromium } from 'playwright-core';
import { crc32, CHROMIUM, finish, serve, test } from './harness.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync as zlibDeflate } from 'node:zlib';
import { App, INIT, poll } from './app-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const BIN = process.env.NIANBAO_BIN ?? path.join(ROOT, 'target/debug/nianbao');

// ------------------------------------------------------------ the CLI and the core's limit

/** The CLI's JSON report of `text` (read from stdin). */
function cli(text) {
  const r = spawnSync(BIN, ['check', '--json', '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 27 });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n')[0]);
}

const limitSrc = fs.readFileSync(path.join(ROOT, 'src/lib.rs'), 'utf8').match(/pub const MAX_INPUT_BYTES: usize = ([\d\s*]+);/);
if (!limitSrc) throw new Error('MAX_INPUT_BYTES not found in src/lib.rs');
const MAX_INPUT_BYTES = limitSrc[1].split('*').reduce((a, b) => a * Number(b.trim()), 1);

// ------------------------------------------------------------ the payloads

// Every script-running payload tries to set window.__pwned (a handler's or
// script's `__pwned=1` sets it), and several to alert. Most are short and
// free of `:` and `,`, so that the core takes the agency line for the
// agency's name and the widget draws them too.
const PWN = '__pwned=1;alert(1)';
const PAYLOADS = [
  `<script>${PWN}</script>`,
  `<img src=x onerror=__pwned=1>`,
  `<img src=x onerror="alert(1)">`,
  `<svg onload=__pwned=1>`,
  `<svg><script>__pwned=1</script>`,
  `<svg><animate onbegin=__pwned=1 attributeName=x>`,
  `javascript:${PWN}`,
  `"><iframe srcdoc="<script>parent.__pwned=1;alert(1)</script>">`,
  `'><iframe src="javascript:parent.__pwned=1">`,
  `<iframe src="data:text/html,<script>parent.__pwned=1</script>">`,
  `<a href="javascript:${PWN}">点击查看</a>`,
  `<div style="background:url(javascript:__pwned=1);width:expression(__pwned=1)">x</div>`,
  `<style>@import'//x.test/a'</style>`,
  `{{constructor.constructor('${PWN}')()}}`,
  `\${__pwned=1}<%=__pwned=1%>`,
  `<body onload=__pwned=1>`,
  `<input autofocus onfocus=__pwned=1>`,
  `<details open ontoggle=__pwned=1>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__pwned=1>`,
  `<noscript><p title="</noscript><img src=x onerror=__pwned=1>">`,
  `<template><script>__pwned=1</script></template>`,
  `<object data="javascript:${PWN}"></object><embed src="javascript:${PWN}">`,
  `<form><button formaction=javascript:__pwned=1>提交`,
  `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`,
  `<img src=//198.51.100.7/t.png>`,
  `<link rel=stylesheet href=//x.test/a>`,
  `<base href=//198.51.100.7/>`,
  `]]><!--<script>__pwned=1</script>-->`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
  `&#60;img src=x onerror=__pwned=1&#62;`,
  `＜script＞__pwned=1＜/script＞`,
  `'; __pwned=1; '";__pwned=1;//`,
  `机关\u202Etxt.exe\u202C\u202Dabc\u202C\u2066隔离\u2069`,
  `温\u200B州\u200C市\u200D大\u2060数\uFEFF据`,
  `NUL\u0000SOH\u0001BEL\u0007ESC\u001b[31mDEL\u007f\u0085\u009b`,
  `行分隔\u2028段分隔\u2029结束`,
  `<img src=x onerror=__pwned=1>` + '长'.repeat(60000) + `<script>${PWN}</script>`,
];

/** Seed report 003 with `payload` as its agency line (`…管理局`), inside a table label and inside prose. */
const AGENCY_SUFFIX = '管理局';
const SEED_NAME = fs.readdirSync(FIXTURES).find((f) => /^003_.*\.txt$/.test(f));
const SEED = fs.readFileSync(path.join(FIXTURES, SEED_NAME), 'utf8');
function seeded(payload) {
  const lines = SEED.split('\n');
  const prose = lines.findIndex((l) => l.includes('高度重视政府信息公开工作'));
  const label = lines.findIndex((l) => l.trim() === '行政许可');
  assert.ok(prose > 0 && label > 0, 'seed 003 has the prose and the label the payloads go into');
  lines[0] = payload + AGENCY_SUFFIX;
  lines[prose] = lines[prose].replace('高度重视政府信息公开工作', `高度重视${payload}政府信息公开工作`);
  lines[label] = lines[label] + payload;
  return lines.join('\n');
}

// A small real PNG (16x16), made here.
function png() {
  const chunk = (type, data) => {
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(Array.from({ length: 16 }, (_, y) => Buffer.from([0, ...Array.from({ length: 48 }, (_, x) => (x * 7 + y * 13) & 255)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibDeflate(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = png();

// ------------------------------------------------------------ harness

// In every page: what a leaked payload would leave behind.
const TRUST_INIT = `
window.__reads = [];
for (const [proto, names] of [[Blob.prototype, ['arrayBuffer', 'text', 'stream', 'bytes']], [FileReader.prototype, ['readAsArrayBuffer', 'readAsText', 'readAsDataURL', 'readAsBinaryString']]]) {
  for (const n of names) {
    const orig = proto[n];
    if (typeof orig !== 'function') continue;
    proto[n] = function (...args) { window.__reads.push(n + ':' + (args[0]?.size ?? this.size)); return orig.apply(this, args); };
  }
}
`;

/**
 * Counts of what an injection would add, over the document and every open
 * shadow root: elements that run or fetch things, on* attributes, and
 * javascript: URLs.
 */
function dangerCounts() {
  const TAGS = ['script', 'img', 'iframe', 'frame', 'svg', 'math', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'details', 'noscript', 'video', 'audio', 'source', 'input', 'a', 'body', 'mglyph'];
  const counts = Object.fromEntries(TAGS.map((t) => [t, 0]));
  counts.onAttributes = 0;
  counts.javascriptUrls = 0;
  counts.shadowRoots = 0;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (tag in counts) counts[tag]++;
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) counts.onAttributes++;
        if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|data|srcdoc|xlink:href|content|style)$/i.test(a.name)) counts.javascriptUrls++;
        if (a.name === 'style' && /javascript:|expression\(/i.test(a.value)) counts.javascriptUrls++;
      }
      if (el.shadowRoot) {
        counts.shadowRoots++;
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  return counts;
}

/** Asserts that no count grew. */
function assertNoNewElements(before, after, label) {
  const grown = Object.keys(after).filter((k) => after[k] > (before[k] ?? 0)).map((k) => `${k}: ${before[k]} -> ${after[k]}`);
  assert.deepEqual(grown, [], `${label}: new elements or attributes in the document`);
}

// ------------------------------------------------------------ run

const ownApp = process.argv[2] ? null : await serve(path.join(ROOT, 'dist'));
const APP = process.argv[2] ?? ownApp.base;
const www = await serve(process.env.NIANBAO_WWW ?? path.join(ROOT, 'www')); // NIANBAO_WWW: a scratch copy, to see the tests fail
const WIDGET = www.base + 'widget-demo.html';

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-trust-'));
const context = await chromium.launchPersistentContext(userDir, {
  ...CHROMIUM,
  viewport: { width: 1440, height: 900 },
  // page.route must see every page load (a service worker would answer instead).
  serviceWorkers: 'block',
});
await context.addInitScript(INIT);
await context.addInitScript(TRUST_INIT);

const requests = [];
context.on('request', (r) => requests.push(r.url()));
const dialogs = [];
let problems = [];
function watch(page) {
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}
context.on('page', watch);

// The same pages with their Content-Security-Policy <meta> taken out: a
// payload that reached the DOM would then run, and be caught.
const NO_CSP = new Set();
await context.route(
  (url) => NO_CSP.has(url.href),
  async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
    assert.doesNotMatch(html, /Content-Security-Policy/);
    await route.fulfill({ response: res, body: html });
  },
);

/** A fresh page at `url`, with or without its CSP. */
async function openPage(url, csp) {
  const page = await context.newPage();
  if (!csp) NO_CSP.add(url);
  else NO_CSP.delete(url);
  return page;
}

/** Asserts the page's state after a payload: no dialog, no script, no CSP event, no page error. */
async function assertNothingRan(page, label, csp) {
  assert.deepEqual(dialogs, [], `${label}: dialogs`);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `${label}: a payload's script ran`);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], `${label}: CSP violations`);
  const hasCsp = await page.evaluate(() => !!document.querySelector('meta[http-equiv=Content-Security-Policy]'));
  assert.equal(hasCsp, csp, `${label}: the page's CSP ${csp ? 'missing' : 'not taken out'}`);
  assert.deepEqual(problems, [], `${label}: page errors or console errors`);
}

let tried = 0; // payload placements checked
const drawnAsAgency = new Set(); // payloads the core read into the agency's name, which the widget draws
const seedVerdict = cli(SEED).summary.verdict;

for (const csp of [true, false]) {
  const mode = csp ? 'under its CSP' : 'with the CSP taken out';

  await test(`app ${mode}: ${PAYLOADS.length} payloads as agency, table label, prose and file name are shown as text`, async () => {
    problems = [];
    dialogs.length = 0;
    const page = await openPage(APP, csp);
    const app = new App(page);
    await app.open(APP);
    // The baseline: the clean seed checked, and the same seed dropped as a file.
    await app.paste(SEED);
    const baseline = await page.evaluate(dangerCounts);
    assert.ok(baseline.input >= 1 && baseline.script >= 1, `the counts see the page: ${JSON.stringify(baseline)}`);
    for (const [i, payload] of PAYLOADS.entries()) {
      const label = `payload ${i} ${JSON.stringify(payload.slice(0, 60))}`;
      const text = seeded(payload);
      const want = cli(text);
      // Pasted: nothing ran or was added, first.
      await app.paste(text);
      assertNoNewElements(baseline, await page.evaluate(dangerCounts), `${label} (pasted)`);
      await assertNothingRan(page, `${label} (pasted)`, csp);
      const shown = await app.input.inputValue();
      assert.equal(shown, text, `${label}: the text in the input`);
      const s = await app.summary();
      assert.equal(s.verdict, want.summary.verdict, `${label}: verdict`);
      assert.equal(s.agency, want.agency ?? '未识别', `${label}: agency`);
      assert.equal(s.errors, want.diagnostics.filter((d) => d.severity === 'error').length, `${label}: errors`);
      assert.deepEqual((await app.renderedDiagnostics()).map((d) => d.message), want.diagnostics.map((d) => d.message), `${label}: diagnostics`);
      // The source view shows the payload as text, on the lines where it was put.
      const lines = await page.locator('#source-lines .lt').allTextContents();
      const lineOf = (needle) => text.split('\n').findIndex((l) => l.includes(needle));
      for (const at of [0, lineOf(`高度重视${payload}`), lineOf(`行政许可${payload}`)]) {
        assert.ok(at >= 0 && lines[at]?.includes(payload), `${label}: line ${at + 1} of the source view does not show the payload as text: ${JSON.stringify(lines[at]?.slice(0, 200))}`);
      }
      tried += 3;

      // The clean seed dropped as a file named by the payload.
      const name = `${payload.slice(0, 200)}.txt`;
      await app.checked(() => app.drop(name, Buffer.from(SEED)));
      assertNoNewElements(baseline, await page.evaluate(dangerCounts), `${label} (file name)`);
      await assertNothingRan(page, `${label} (file name)`, csp);
      assert.equal(await app.sourceName.textContent(), `来源：${name}`, `${label}: the file name`);
      assert.equal(await app.notice.locator('span').textContent(), `已打开 ${name}`, `${label}: the message naming the file`);
      assert.equal(await app.verdict.textContent(), seedVerdict, `${label}: verdict of the dropped file`);
      tried += 1;
    }
    await page.close();
  });

  await test(`widget ${mode}: ${PAYLOADS.length} payloads in the \`text\` attribute and typed are shown as text`, async () => {
    problems = [];
    dialogs.length = 0;
    const page = await openPage(WIDGET, csp);
    await page.goto(WIDGET);
    await page.waitForFunction(() => document.querySelector('#checker')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent.includes('粘贴'));
    const host = page.locator('#checker');
    const input = host.locator('textarea');
    /** The report of the next `checked` event after `action`. */
    const checked = async (action) => {
      const fired = page.evaluate(() => new Promise((r) => document.addEventListener('checked', (e) => r(JSON.parse(JSON.stringify(e.detail))), { once: true })));
      await action();
      return fired;
    };
    const view = () =>
      page.evaluate(() => {
        const root = document.querySelector('#checker').shadowRoot;
        return {
          verdict: root.querySelector('.nb-verdict')?.textContent ?? null,
          agency: [...root.querySelectorAll('.nb-summary div')].find((d) => ['机关', 'Agency'].includes(d.querySelector('dt')?.textContent))?.querySelector('dd')?.textContent ?? null,
          messages: [...root.querySelectorAll('li.nb-diag')].map((li) => li.textContent),
          value: root.querySelector('textarea').value,
        };
      });
    await checked(() => page.evaluate((t) => document.querySelector('#checker').setAttribute('text', t), SEED));
    const baseline = await page.evaluate(dangerCounts);
    assert.ok(baseline.shadowRoots >= 1, 'the counts see the shadow root');
    for (const [i, payload] of PAYLOADS.entries()) {
      const label = `payload ${i} ${JSON.stringify(payload.slice(0, 60))}`;
      const text = seeded(payload);
      const want = cli(text);
      for (const how of ['text attribute', 'typed']) {
        const report =
          how === 'typed'
            ? await checked(() => input.fill(text))
            : await checked(() => page.evaluate((t) => document.querySelector('#checker').setAttribute('text', t), text));
        assertNoNewElements(baseline, await page.evaluate(dangerCounts), `${label} (${how})`);
        await assertNothingRan(page, `${label} (${how})`, csp);
        assert.deepEqual(report, want, `${label} (${how}): the report is the CLI's`);
        const v = await view();
        assert.equal(v.value, text, `${label} (${how}): the text in the input`);
        assert.equal(v.verdict, want.summary.verdict, `${label} (${how}): verdict`);
        // What the widget draws of the text (the agency's name) is drawn as text.
        assert.equal(v.agency, want.agency ?? '未识别', `${label} (${how}): the agency`);
        if (want.agency && want.agency !== AGENCY_SUFFIX) drawnAsAgency.add(i); // the name made from the payload line
        assert.equal(v.messages.length, want.diagnostics.length, `${label} (${how}): diagnostics`);
        for (const [k, d] of want.diagnostics.entries()) assert.ok(v.messages[k].includes(d.message), `${label} (${how}): diagnostic ${k} as text`);
        tried += 1;
      }
    }
    // The widget shows nothing else of the text: enough payloads must reach it as the agency's name.
    assert.ok(drawnAsAgency.size >= PAYLOADS.length / 2, `only ${drawnAsAgency.size} payloads were drawn by the widget`);
    await page.close();
  });
}

await test(`app: a file above ${MAX_INPUT_BYTES / 1048576} MB, picked or dropped, gets a clear message at once and is not read`, async () => {
  problems = [];
  const page = await openPage(APP, true);
  const app = new App(page);
  await app.open(APP);
  await app.paste(SEED);
  const size = MAX_INPUT_BYTES + 1024 * 1024;
  const big = path.join(userDir, 'big-report.txt');
  fs.writeFileSync(big, Buffer.alloc(size, 'a'));
  for (const how of ['picked', 'dropped']) {
    await page.evaluate(() => (window.__reads = []));
    const name = `big-${how}.txt`;
    fs.copyFileSync(big, path.join(userDir, name));
    const started = Date.now();
    if (how === 'picked') await page.getByTestId('file').setInputFiles(path.join(userDir, name));
    else
      await page.evaluate(
        ([size, name]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(size).fill(97)], name, { type: 'text/plain' }));
          document.querySelector('[data-testid=app]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        [size, name],
      );
    await poll(async () => new RegExp(`${name}.*文件过大`).test((await app.notice.textContent({ timeout: 100 })) ?? ''), `the message for a ${how} file`, 3000);
    const ms = Date.now() - started;
    assert.ok(ms < 3000, `${how}: the message took ${ms} ms`);
    assert.equal(await app.notice.getAttribute('data-topic'), 'file');
    assert.match(await app.notice.textContent(), new RegExp(`${name.replace('.', '\\.')}.*文件过大（${(size / 1048576).toFixed(1)} MB）`));
    // Refused before reading: no read of the file's bytes was started.
    const reads = await page.evaluate(() => window.__reads);
    assert.deepEqual(reads.filter((r) => Number(r.split(':')[1]) >= MAX_INPUT_BYTES), [], `${how}: the big file was read`);
    // The page answers and the text is kept.
    const t = Date.now();
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assert.ok(Date.now() - t < 1000, 'the page is slow to answer');
    assert.equal(await app.input.inputValue(), SEED, `${how}: the text was replaced`);
    assert.equal(await app.verdict.textContent(), cli(SEED).summary.verdict);
    fs.rmSync(path.join(userDir, name));
  }
  assert.deepEqual(problems, []);
  fs.rmSync(big);
  await page.close();
});

await test(`widget: text above ${MAX_INPUT_BYTES / 1048576} MB gets the core's message, as the CLI's`, async () => {
  problems = [];
  const page = await openPage(WIDGET, true);
  await page.goto(WIDGET);
  await page.waitForFunction(() => document.querySelector('#checker')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent.includes('粘贴'));
  const size = MAX_INPUT_BYTES + 1024 * 1024;
  const want = cli('a'.repeat(size));
  assert.equal(want.diagnostics[0].code, 'report.unrecognised');
  const started = Date.now();
  const got = await page.evaluate(
    (size) =>
      new Promise((resolve) => {
        const el = document.querySelector('#checker');
        el.addEventListener('checked', (e) => resolve(JSON.parse(JSON.stringify(e.detail))), { once: true });
        el.value = 'a'.repeat(size);
      }),
    size,
  );
  const ms = Date.now() - started;
  assert.deepEqual(got, want);
  assert.ok(ms < 5000, `the widget took ${ms} ms`);
  const shown = await page.evaluate(() => document.querySelector('#checker').shadowRoot.querySelector('li.nb-diag').textContent);
  assert.ok(shown.includes(want.diagnostics[0].message), shown);
  assert.deepEqual(problems, []);
  await page.close();
});

await test('a binary file (PNG) gets a message naming it; its bytes as text get report.unrecognised with what was looked for', async () => {
  problems = [];
  const page = await openPage(APP, true);
  const app = new App(page);
  await app.open(APP);
  await app.paste(SEED);
  // As a file: the CLI refuses it; the app says so, naming it, and keeps the text.
  const cliPng = spawnSync(BIN, ['check', '--json', '-'], { input: PNG, encoding: 'utf8' });
  assert.equal(cliPng.status, 2, 'the CLI refuses the PNG');
  const before = await page.evaluate(() => document.querySelector('[data-testid=notice]')?.textContent ?? '');
  await app.drop('picture.png', PNG, 'image/png');
  await poll(async () => ((await app.notice.textContent({ timeout: 100 })) ?? '') !== before, 'a message about the PNG');
  assert.equal(await app.notice.getAttribute('data-topic'), 'file');
  assert.match(await app.notice.textContent(), /无法打开 picture\.png：这不是年度报告：.*二进制.*查找“二、主动公开政府信息情况”/);
  assert.equal(await app.input.inputValue(), SEED, 'the text was replaced');
  // As text (the bytes read as Latin-1, as a paste of them would give): not an annual report, saying what was looked for.
  const text = PNG.toString('latin1');
  const want = cli(text);
  assert.deepEqual(want.diagnostics.map((d) => d.code), ['report.unrecognised']);
  assert.match(want.diagnostics[0].message, /没有找到/);
  await app.paste(text);
  const diags = await app.renderedDiagnostics();
  assert.deepEqual(diags.map((d) => [d.code, d.message]), want.diagnostics.map((d) => [d.code, d.message]));
  assert.equal(await app.verdict.textContent(), want.summary.verdict);
  // …and in the widget.
  const w = await openPage(WIDGET, true);
  await w.goto(WIDGET);
  await w.waitForFunction(() => document.querySelector('#checker')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent.includes('粘贴'));
  const got = await w.evaluate(
    (text) =>
      new Promise((resolve) => {
        const el = document.querySelector('#checker');
        el.addEventListener('checked', (e) => resolve(JSON.parse(JSON.stringify(e.detail))), { once: true });
        el.value = text;
      }),
    text,
  );
  assert.deepEqual(got, want);
  assert.deepEqual(problems, []);
  await w.close();
  await page.close();
});

const outside = requests.filter((u) => !/^http:\/\/127\.0\.0\.1:\d+\//.test(u) && !u.startsWith('data:') && !u.startsWith('blob:'));
await test('no request left 127.0.0.1', async () => {
  assert.deepEqual(outside, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')) && requests.some((u) => u.endsWith('/pkg/nianbao_bg.wasm')), 'the request log missed the wasm fetches');
});

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
ownApp?.proc.kill();
www.proc.kill();

console.log(`payloads tried: ${PAYLOADS.length} (${tried} placements checked, with and without the CSP; ${drawnAsAgency.size} drawn as the agency's name)`);
console.log(`requests made: ${requests.length}, outside loopback: ${outside.length}`);
finish();
