// Benchmark (not a test) of the embeddable checker:
//   - gzipped size (gzip -9; brotli 11 beside it) of what a page loads: www/pkg's wasm + JS glue,
//     and the widget's own JS;
//   - time per call in headless chromium, for each seed and a 1 MB input
//     (seed 003 repeated, as benches/check.rs builds it): check(),
//     checkAndRender(), and the widget's check() with its DOM update.
// Each figure is the median of 7 rounds; a round repeats the call until it
// has run at least 100 ms (performance.now() is coarse in a browser).
//
//   node tests/e2e/bench-embed.mjs     (after the wasm-pack build into www/pkg)
//
// Native figures for the same inputs: cargo bench --bench check -- check/check
// Writes tests/e2e/out/bench-embed.json too.

import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './harness.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = path.join(ROOT, 'www');
const FIXTURES = path.join(ROOT, 'tests/fixtures');

// ------------------------------------------------------------ sizes

const gz = (p) => zlib.gzipSync(fs.readFileSync(path.join(WWW, p)), { level: 9 }).length;
const br = (p) => zlib.brotliCompressSync(fs.readFileSync(path.join(WWW, p)), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const raw = (p) => fs.statSync(path.join(WWW, p)).size;
const files = ['pkg/nianbao_bg.wasm', 'pkg/nianbao.js', 'nianbao-checker.js'];
const sizes = Object.fromEntries(files.map((f) => [f, { raw: raw(f), gzip: gz(f), brotli: br(f) }]));
const apiGzip = sizes['pkg/nianbao_bg.wasm'].gzip + sizes['pkg/nianbao.js'].gzip;
console.log('size (bytes)                    raw      gzip -9   brotli 11');
for (const f of files) console.log(`  ${f.padEnd(26)} ${String(sizes[f].raw).padStart(8)} ${String(sizes[f].gzip).padStart(10)} ${String(sizes[f].brotli).padStart(11)}`);
console.log(`  API package (wasm + js)    ${' '.repeat(8)} ${String(apiGzip).padStart(10)}  (${(apiGzip / 1024).toFixed(1)} KiB; target <= 100 KB)`);
console.log(`  widget (wasm + js + js)    ${' '.repeat(8)} ${String(apiGzip + sizes['nianbao-checker.js'].gzip).padStart(10)}`);

// ------------------------------------------------------------ inputs

const inputs = fs
  .readdirSync(FIXTURES)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f)) // the seed reports, as benches/check.rs
  .sort()
  .map((f) => ({ name: f.slice(0, 3), text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }));
const seed3 = inputs.find((s) => s.name === '003');
if (seed3) {
  let big = '';
  while (Buffer.byteLength(big) < 1 << 20) big += seed3.text;
  inputs.push({ name: '1MB', text: big });
}

// ------------------------------------------------------------ browser

const { base, proc: server } = await serve(WWW);

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  ...CHROMIUM,
});
const page = await context.newPage();
page.on('pageerror', (e) => {
  console.error('pageerror:', e.message);
  process.exitCode = 1;
});
// init() alone, on an empty page of the same origin (the demo pages init at once).
await page.route(base + '__blank.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
await page.goto(base + '__blank.html');
const initMs = await page.evaluate(async () => {
  const t0 = performance.now();
  const m = await import('./pkg/nianbao.js');
  await m.default();
  return performance.now() - t0;
});
await page.goto(base + 'widget-demo.html');
await page.evaluate(async () => {
  window.__nb = await import('./pkg/nianbao.js');
  await window.__nb.default();
});
await page.waitForFunction(() => document.querySelector('#checker')?.report !== undefined);

const rows = [];
for (const input of inputs) {
  const row = await page.evaluate(async (text) => {
    const m = window.__nb;
    const el = document.querySelector('#checker');
    const time = (fn) => {
      for (let i = 0; i < 3; i++) fn(); // warm up
      const rounds = [];
      for (let r = 0; r < 7; r++) {
        let n = 0;
        const t0 = performance.now();
        let t = t0;
        while (t - t0 < 100) {
          fn();
          n++;
          t = performance.now();
        }
        rounds.push((t - t0) / n);
      }
      rounds.sort((a, b) => a - b);
      return rounds[3];
    };
    const report = m.check(text);
    return {
      bytes: new TextEncoder().encode(text).length,
      diagnostics: report.diagnostics.length,
      check: time(() => m.check(text)),
      checkAndRender: time(() => m.checkAndRender(text)),
      widget: time(() => {
        el.value = text; // checks, renders into the shadow root, fires `checked`
      }),
    };
  }, input.text);
  rows.push({ input: input.name, ...row });
}

await context.close();
server.kill();
fs.rmSync(profile, { recursive: true, force: true });

console.log(`\nimport + init() on a fresh page (fetch from 127.0.0.1, compile, instantiate): ${initMs.toFixed(1)} ms`);
console.log('\ntime per call in chromium (ms, median of 7 rounds)');
console.log('  input     bytes  diags     check()  checkAndRender()  widget value=');
for (const r of rows) {
  console.log(
    `  ${r.input.padEnd(5)} ${String(r.bytes).padStart(9)} ${String(r.diagnostics).padStart(6)} ${r.check.toFixed(3).padStart(11)} ${r.checkAndRender.toFixed(3).padStart(17)} ${r.widget.toFixed(3).padStart(14)}`,
  );
}
const out = path.join(ROOT, 'tests/e2e/out');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'bench-embed.json'), JSON.stringify({ sizes, apiGzip, initMs, rows }, null, 2));
