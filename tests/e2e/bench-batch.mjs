// Timing of the reviewer's batch in headless Debian chromium (a
// measurement, not a test: it asserts nothing and exits 0 once it has
// measured): 500 generated reports (about 5 MB: UTF-8 and UTF-16 text,
// saved web pages, Word files; tests/e2e/batch-files.mjs) picked at once,
// timed from the picker's `change` to the summary of all 500 on screen
// and the next frame; the longest main-thread task meanwhile; the page's
// JS heap before and after; and what the page loads first (wasm + js).
//
//   node tests/e2e/bench-batch.mjs [BASE_URL] [RUNS]   (default: serves dist/ itself, 3 runs)
// Prints Markdown tables for the README.

import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './harness.mjs';
import { reports, writeAll } from './batch-files.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const RUNS = Number(process.argv[3] ?? 3);
const DEBUG = process.env.DEBUG_BATCH; // prints every long task
const COUNT = 500;

let server = null;
let base = process.argv[2];
if (!base) ({ base, proc: server } = await serve(DIST));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-batch-'));
const files = reports(COUNT);
const paths = writeAll(path.join(tmp, 'reports'), files);
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-profile-'));
const context = await chromium.launchPersistentContext(userDir, {
  ...CHROMIUM,
  args: [...CHROMIUM.args, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  viewport: { width: 1440, height: 900 },
});
await context.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => (window.__longAt ??= []).push(...list.getEntries().map((e) => [Math.round(e.startTime - (window.__t0 ?? 0)), Math.round(e.duration)]))).observe({ type: 'longtask' });
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(base);
await page.waitForSelector('html[data-ready=true]');

// What the page loaded before any batch.
const firstLoad = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
const sizes = [...new Set(firstLoad)]
  .filter((p) => /\.(wasm|js)$/.test(p) && fs.existsSync(path.join(DIST, p)))
  .map((p) => {
    const b = fs.readFileSync(path.join(DIST, p));
    return { file: p.slice(1), raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length };
  });

const heap = () => page.evaluate(() => (globalThis.gc?.(), performance.memory.usedJSHeapSize));

/** One batch of every file: ms to the summary in the DOM, ms to the next frame, the longest task. */
async function once() {
  await page.evaluate(() => {
    window.__long = [];
    window.__t = new Promise((resolve) => {
      const input = document.querySelector('[data-testid=batch-input]');
      input.addEventListener('change', () => {
        const t0 = performance.now();
        window.__t0 = t0;
        const done = () => {
          const shown = document.querySelector('[data-testid=batch-shown]');
          const progress = document.querySelector('[data-testid=batch-progress]');
          return shown?.dataset.total === '500' && progress && progress.hidden;
        };
        const obs = new MutationObserver(() => {
          if (!done()) return;
          obs.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() => setTimeout(() => resolve([dom, performance.now() - t0]), 0));
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
      }, { once: true, capture: true });
    });
  });
  await page.getByTestId('batch-input').setInputFiles(paths);
  const [dom, frame] = await page.evaluate(() => window.__t);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  if (DEBUG) console.log(await page.evaluate(() => JSON.stringify([window.__longAt.splice(0), window.__endT])));
  return { dom, frame, longest };
}

const before = await heap();
const runs = [];
for (let i = 0; i < RUNS; i++) {
  if (i > 0) {
    await page.getByTestId('batch-clear').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=batch-shown]')?.dataset.total === '0');
  }
  runs.push({ ...(await once()), heap: await heap() });
}

// The exports of the last batch (written in the workers): click → download, the bytes, the longest task meanwhile.
const exported = [];
for (const [id, what] of [['batch-export-long', '数据集CSV（长表）'], ['batch-export-wide', '数据集CSV（宽表）'],
  ['batch-export-xlsx', 'XLSX（汇总、规则统计、宽表、长表）'], ['batch-export-letters', '反馈意见（zip）']]) {
  await page.evaluate(() => (window.__long = []));
  const t0 = Date.now();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.getByTestId(id).click()]);
  const size = fs.statSync(await dl.path()).size;
  exported.push({ what, ms: Date.now() - t0, size, longest: await page.evaluate(() => Math.max(0, ...window.__long)) });
}

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
fs.rmSync(tmp, { recursive: true, force: true });
server?.kill();

const mb = (n) => (n / 1048576).toFixed(1);
const cores = os.cpus().length;
console.log(`${COUNT} reports, ${(bytes / 1e6).toFixed(2)} MB (${files.filter((f) => f.name.endsWith('.txt')).length} text, ` +
  `${files.filter((f) => f.name.endsWith('.html')).length} .html, ${files.filter((f) => f.name.endsWith('.docx')).length} .docx), ` +
  `headless Chromium, ${cores} cores; page JS heap before: ${mb(before)} MB.\n`);
console.log('| run | picked → summary of all on screen | → next frame | longest main-thread task | page JS heap after |');
console.log('|---|---:|---:|---:|---:|');
runs.forEach((r, i) =>
  console.log(`| ${i === 0 ? '1 (workers start)' : i + 1} | ${(r.dom / 1000).toFixed(2)} s | ${(r.frame / 1000).toFixed(2)} s | ${r.longest.toFixed(0)} ms | ${mb(r.heap)} MB |`));
console.log('\n| file the page loads first | raw | gzip -9 |');
console.log('|---|---:|---:|');
for (const s of sizes) console.log(`| ${s.file} | ${s.raw} | ${s.gzip} |`);
const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
console.log(`| **wasm + js** | ${total.raw} | **${total.gzip}** (${(total.gzip / 1024).toFixed(1)} KiB) |`);

console.log('\n| export of the 500 | click → download | bytes | longest main-thread task |');
console.log('|---|---:|---:|---:|');
for (const e of exported) console.log(`| ${e.what} | ${(e.ms / 1000).toFixed(2)} s | ${e.size} | ${Math.round(e.longest)} ms |`);
