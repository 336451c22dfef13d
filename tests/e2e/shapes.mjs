// The texts real programs make of a report's web page, so that the
// checker's tests can use real browser and PDF output, not imitations:
//
//   node tests/e2e/shapes.mjs IN_DIR OUT_DIR
//
// For each IN_DIR/NAME.html (UTF-8), writes to OUT_DIR:
//   NAME.copy.txt       the clipboard's text/plain after a real Ctrl+A, Ctrl+C
//                       in Chromium (what a user pastes as plain text). The
//                       copy is real: keyboard shortcuts on the page, then
//                       navigator.clipboard.readText(); a sentinel written
//                       first proves the copy replaced it. There is no
//                       fallback to innerText: if no copy happens, it fails.
//   NAME.innertext.txt  document.body.innerText
//   NAME.pdf            Chromium's print to PDF: page.pdf, A4, printBackground
//                       false, no header/footer, margins 1 cm on each side:
//                       Chromium's own default (CDP Page.printToPDF's);
//                       Playwright would send 0 if none were given.
//   NAME.pdf-raw.txt    pdftotext -raw -enc UTF-8 NAME.pdf -
//   NAME.pdf-layout.txt pdftotext -layout -enc UTF-8 NAME.pdf -
//   NAME.pdf-plain.txt  pdftotext -enc UTF-8 NAME.pdf -
//   NAME.pdfjs.json     the app's own PDF reading: the text items pdf.js
//                       gives, page by page, from src/app/js/inputs.js's
//                       read('pdf', arrayBuffer) (what boot.js's nianbaoRead
//                       calls for a picked .pdf), run in a Chromium page with
//                       pdfjs-dist from tests/e2e/node_modules, its CMaps and
//                       standard fonts, laid out as Trunk copies them
//                       (./pdfjs/…). The core lays them out as lines
//                       (input::pdf_text), as the app does; NAME.pdf itself
//                       is the command line's own PDF reading.
//
// One Chromium (Debian's, the flags harness.mjs uses) serves all pages.
// Everything is served from an in-process server on 127.0.0.1; every other
// request is aborted (and Chromium's proxy points at a closed port, so
// nothing of the browser's own goes out either). The pages' own scripts run
// (their external ones fail to load, as offline). Checks that the PDF shows
// Chinese: a CJK font from fontconfig (fonts-wqy-microhei) is embedded in
// it, and pdftotext finds most of innerText's Chinese characters.
// Prints one line per page with the byte sizes written; exits 1 with a
// message on any failure. Needs pdftotext (poppler-utils; scripts/setup.sh).

import { chromium } from 'playwright-core';
import { CHROMIUM } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const PDFJS = path.join(HERE, 'node_modules/pdfjs-dist');
const INPUTS_JS = path.join(ROOT, 'src/app/js/inputs.js');
const SENTINEL = 'nianbao-shapes: no copy happened';

function fail(message) {
  const err = new Error(message);
  err.shapes = true;
  throw err;
}

function usage() {
  console.error('usage: node tests/e2e/shapes.mjs IN_DIR OUT_DIR');
  process.exit(2);
}

// ------------------------------------------------------------ checks before the browser

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir || process.argv.length > 4) usage();

function preflight() {
  if (!fs.statSync(inDir, { throwIfNoEntry: false })?.isDirectory()) fail(`IN_DIR ${inDir} is not a directory`);
  const names = fs.readdirSync(inDir).filter((f) => f.endsWith('.html')).sort();
  if (!names.length) fail(`no *.html in ${inDir}`);
  for (const f of ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'cmaps', 'standard_fonts']) {
    if (!fs.existsSync(path.join(PDFJS, f))) fail(`${path.join(PDFJS, f)} missing: run scripts/setup.sh (npm install in tests/e2e)`);
  }
  if (!fs.existsSync(INPUTS_JS)) fail(`${INPUTS_JS} missing`);
  if (!fs.existsSync(CHROMIUM.executablePath)) fail(`${CHROMIUM.executablePath} missing: run scripts/setup.sh`);
  for (const tool of ['pdftotext', 'pdffonts']) {
    if (spawnSync(tool, ['-v']).error) fail(`${tool} not found: apt-get install -y poppler-utils (scripts/setup.sh does)`);
  }
  const ps = spawnSync('fc-list', [':lang=zh', 'postscriptname'], { encoding: 'utf8' });
  const cjkFonts = [...new Set((ps.stdout ?? '').split('\n').map((l) => l.replace(/^:?postscriptname=/, '').trim()).filter(Boolean))];
  if (!cjkFonts.length) fail('no CJK font installed (fc-list :lang=zh is empty): apt-get install -y fonts-wqy-microhei (scripts/setup.sh does)');
  fs.mkdirSync(outDir, { recursive: true });
  return { names, cjkFonts };
}

// ------------------------------------------------------------ the local server

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.pdf': 'application/pdf', '.bcmap': 'application/octet-stream', '.pfb': 'application/octet-stream', '.ttf': 'font/ttf' };

/** Serves /page/NAME.html (IN_DIR), /pdf/NAME.pdf (OUT_DIR), and the app's
 * inputs.js beside pdf.js as Trunk lays them out (/app/inputs.js,
 * /app/pdfjs/{pdf.min.mjs,pdf.worker.min.mjs,cmaps/,standard_fonts/}). */
function fileFor(pathname) {
  const parts = decodeURIComponent(pathname).split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p.includes('\\'))) return null;
  const [top, ...rest] = parts;
  if (top === 'page' && rest.length === 1 && rest[0].endsWith('.html')) return path.join(inDir, rest[0]);
  if (top === 'pdf' && rest.length === 1 && rest[0].endsWith('.pdf')) return path.join(outDir, rest[0]);
  if (top !== 'app') return null;
  if (rest.length === 1 && rest[0] === 'inputs.js') return INPUTS_JS;
  if (rest.length === 1 && rest[0] === 'blank.html') return 'blank';
  if (rest[0] !== 'pdfjs') return null;
  if (rest.length === 2 && ['pdf.min.mjs', 'pdf.worker.min.mjs'].includes(rest[1])) return path.join(PDFJS, 'build', rest[1]);
  if (rest.length === 3 && ['cmaps', 'standard_fonts'].includes(rest[1])) return path.join(PDFJS, rest[1], rest[2]);
  return null;
}

async function startServer() {
  const server = http.createServer((req, res) => {
    const file = fileFor(new URL(req.url, 'http://x').pathname);
    if (file === 'blank') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end('<!DOCTYPE html><meta charset="utf-8"><title>pdf.js</title><link rel="icon" href="data:,">');
      return;
    }
    fs.readFile(file ?? '', (err, data) => {
      if (err || !file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// ------------------------------------------------------------ the outputs

/** The clipboard's text/plain after Ctrl+A, Ctrl+C on the page, as a user does. */
async function copyText(page) {
  await page.evaluate((s) => navigator.clipboard.writeText(s), SENTINEL);
  // navigator.clipboard needs the page focused (the caller brings it to
  // the front). The keys go to the focused element: the document, not a
  // search box or an iframe the page's scripts focused.
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    getSelection().removeAllRanges();
    window.focus();
  });
  await page.keyboard.press('Control+A');
  const selected = await page.evaluate(() => {
    const sel = getSelection();
    return sel.rangeCount ? sel.toString().length : 0;
  });
  if (!selected) fail('Ctrl+A selected nothing');
  await page.keyboard.press('Control+C');
  let text = await page.evaluate(() => navigator.clipboard.readText());
  if (text === SENTINEL) {
    // Never needed here so far: the same copy command, run from the page.
    await page.evaluate(() => document.execCommand('copy'));
    text = await page.evaluate(() => navigator.clipboard.readText());
  }
  if (text === SENTINEL) fail('Ctrl+C did not copy (the clipboard still holds the sentinel; does the page block copying?)');
  await page.evaluate(() => getSelection().removeAllRanges());
  return text;
}

function pdftotext(pdf, flags) {
  const r = spawnSync('pdftotext', [...flags, '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 << 20 });
  if (r.error || r.status !== 0) fail(`pdftotext ${flags.join(' ')} ${pdf}: ${r.error ?? r.stderr}`);
  return r.stdout;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const cjkCount = (s) => (s.match(CJK) ?? []).length;

/** The PDF shows Chinese: a CJK font embedded, and the text is there. */
function checkChinese(pdf, innerText, rawText, cjkFonts) {
  const r = spawnSync('pdffonts', [pdf], { encoding: 'utf8' });
  if (r.status !== 0) fail(`pdffonts ${pdf}: ${r.stderr}`);
  const fonts = r.stdout.split('\n').slice(2).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).filter(Boolean);
  const want = cjkCount(innerText);
  if (!want) return;
  if (!fonts.some((f) => cjkFonts.includes(f))) {
    fail(`no CJK font embedded (fonts: ${fonts.join(', ') || 'none'}; CJK fonts installed: ${cjkFonts.join(', ')}): Chinese would print as boxes`);
  }
  const got = cjkCount(rawText);
  if (got < 0.8 * want) fail(`pdftotext finds ${got} Chinese characters, innerText has ${want}`);
  if (rawText.includes('\ufffd')) fail(`pdftotext gives U+FFFD (unmapped glyphs)`);
}

// ------------------------------------------------------------ run

const started = Date.now();
let context;
let server;
let profile;
let status = 0;
try {
  const { names, cjkFonts } = preflight();
  let origin;
  ({ server, origin } = await startServer());
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-shapes-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM,
    // A closed port: whatever the browser itself might fetch goes nowhere
    // (127.0.0.1 bypasses a proxy by default).
    args: [...CHROMIUM.args, '--proxy-server=http://127.0.0.1:9'],
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: false,
    serviceWorkers: 'block',
  });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });

  const page = context.pages()[0] ?? (await context.newPage());
  const reader = await context.newPage();
  const readerProblems = [];
  reader.on('pageerror', (e) => readerProblems.push(`pageerror: ${e.message}`));
  reader.on('console', (m) => m.type() === 'error' && readerProblems.push(`console error: ${m.text()}`));
  await reader.goto(`${origin}/app/blank.html`);

  for (const file of names) {
    try {
      await shapes(file);
    } catch (err) {
      fail(`${file}: ${err?.shapes ? err.message : err?.stack ?? err}`);
    }
  }
  console.log(`${names.length} page(s) in ${((Date.now() - started) / 1000).toFixed(2)} s; ${blocked.length} request(s) off 127.0.0.1 blocked`);

  /** Writes one page's outputs and prints its line. */
  async function shapes(file) {
    const t0 = Date.now();
    const name = file.slice(0, -'.html'.length);
    const out = (suffix) => path.join(outDir, `${name}${suffix}`);
    const sizes = [];
    const write = (suffix, data) => {
      fs.writeFileSync(out(suffix), data);
      sizes.push(`${suffix.slice(1)} ${Buffer.byteLength(data)}`);
    };

    const url = `${origin}/page/${encodeURIComponent(file)}`;
    const resp = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    if (!resp?.ok()) fail(`HTTP ${resp?.status()}`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    if (page.url().split('#')[0] !== url) fail(`the page's scripts moved it to ${page.url()}`);
    await page.bringToFront();

    write('.copy.txt', await copyText(page));
    const innerText = await page.evaluate(() => document.body.innerText);
    write('.innertext.txt', innerText);
    const pdfBytes = await page.pdf({ format: 'A4', printBackground: false, margin: { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' } });
    write('.pdf', pdfBytes);

    const raw = pdftotext(out('.pdf'), ['-raw']);
    write('.pdf-raw.txt', raw);
    write('.pdf-layout.txt', pdftotext(out('.pdf'), ['-layout']));
    write('.pdf-plain.txt', pdftotext(out('.pdf'), []));
    checkChinese(out('.pdf'), innerText, raw.toString('utf8'), cjkFonts);

    await reader.bringToFront();
    const pdfjsItems = await reader.evaluate(async (pdfUrl) => {
      const { read } = await import('/app/inputs.js');
      const buffer = await (await fetch(pdfUrl)).arrayBuffer();
      return read('pdf', buffer);
    }, `${origin}/pdf/${encodeURIComponent(name)}.pdf`);
    if (!Array.isArray(pdfjsItems)) fail(`inputs.js read('pdf') gave ${typeof pdfjsItems}`);
    if (readerProblems.length) fail(`pdf.js page: ${readerProblems.join('; ')}`);
    write('.pdfjs.json', JSON.stringify(pdfjsItems));

    console.log(`${name}: ${sizes.join(', ')} bytes (${((Date.now() - t0) / 1000).toFixed(2)} s)`);
  }
} catch (err) {
  status = 1;
  console.error(`shapes.mjs: ${err?.shapes ? err.message : err?.stack ?? err}`);
} finally {
  await context?.close().catch(() => {});
  server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
