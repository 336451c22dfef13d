// Timing of the web app in headless Debian chromium (a measurement, not a
// test: it asserts nothing and always exits 0 once it has measured).
//   - per text fixture: input event → result in the DOM (the app's `data-revision`
//     changes), and → the next frame; for a paste (checked at once) and for
//     typing (checked after the 150 ms pause); and the core's own time;
//   - the bytes the page loads: wasm + js, raw and gzip -9.
//
//   node tests/e2e/bench-app.mjs [BASE_URL] [RUNS]   (default: serves dist/ itself, 15 runs)
// Prints a Markdown table for the README.

import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './harness.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const RUNS = Number(process.argv[3] ?? 15);

let server = null;
let base = process.argv[2];
if (!base) ({ base, proc: server } = await serve(DIST));

const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const context = await chromium.launchPersistentContext(userDir, {
  ...CHROMIUM,
  viewport: { width: 1440, height: 900 },
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(base);
await page.waitForSelector('html[data-ready=true]');

/**
 * In the page: puts `text` in the input as a paste (or as typing), and
 * resolves with [ms to the DOM update, ms to the next frame, core ms].
 */
const measure = (text, inputType) =>
  page.evaluate(
    ([text, inputType]) =>
      new Promise((resolve) => {
        const input = document.getElementById('input');
        const results = document.querySelector('[data-testid=results]');
        const before = results.dataset.revision;
        let t0 = 0;
        const obs = new MutationObserver(() => {
          if (results.dataset.revision === before) return;
          obs.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() =>
            setTimeout(() => {
              const frame = performance.now() - t0;
              const core = Number(document.querySelector('[data-testid=timing]')?.dataset.ms ?? NaN);
              resolve([dom, frame, core]);
            }, 0),
          );
        });
        obs.observe(results, { attributes: true, attributeFilter: ['data-revision'] });
        input.value = text;
        t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
      }),
    [text, inputType],
  );

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const max = (xs) => Math.max(...xs);
const f = (x) => x.toFixed(1);

const seeds = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).sort();
const rows = [];
for (const name of seeds) {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  await measure(text, 'insertFromPaste'); // warm-up
  const paste = [];
  for (let i = 0; i < RUNS; i++) paste.push(await measure(text, 'insertFromPaste'));
  const typing = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) typing.push(await measure(text + ' ', 'insertText'));
  rows.push({
    name,
    bytes: Buffer.byteLength(text),
    core: median(paste.map((p) => p[2])),
    dom: median(paste.map((p) => p[0])),
    frame: median(paste.map((p) => p[1])),
    frameMax: max(paste.map((p) => p[1])),
    typed: median(typing.map((p) => p[1])),
  });
}

// What the page loaded, from the browser's own record, sized from dist/.
const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
const files = [...new Set(loaded)].filter((p) => /\.(wasm|js)$/.test(p) && fs.existsSync(path.join(DIST, p)));
const sizes = files.map((p) => {
  const bytes = fs.readFileSync(path.join(DIST, p));
  return { file: p.slice(1), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
});

await context.close();
fs.rmSync(userDir, { recursive: true, force: true });
server?.kill();

console.log(`Headless Chromium, ${RUNS} runs a fixture, medians (max of the paste runs in brackets).\n`);
console.log('| fixture | bytes | core check | paste → DOM | paste → next frame | typing → next frame (incl. 150 ms pause) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.bytes} | ${f(r.core)} ms | ${f(r.dom)} ms | ${f(r.frame)} ms (${f(r.frameMax)}) | ${f(r.typed)} ms |`);
}
console.log('\n| file the page loads | raw | gzip -9 |');
console.log('|---|---:|---:|');
for (const s of sizes) console.log(`| ${s.file} | ${s.raw} | ${s.gzip} |`);
const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
console.log(`| **wasm + js** | ${total.raw} | **${total.gzip}** (${(total.gzip / 1024).toFixed(1)} KiB) |`);
