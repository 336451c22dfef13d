// Browser tests of the embeddable checker (issue 4), in headless Debian
// chromium driven by playwright-core:
//   - the JS/WASM API returns the CLI's JSON for every seed (check, checkMany);
//   - its TypeScript types accept every seed's CLI JSON (tsc);
//   - <nianbao-checker> renders, fires `checked`, honours its attributes,
//     survives a hostile host stylesheet and leaks no style;
//   - the demo pages work under their strict CSP with no violation;
//   - the single-file build works from file://;
//   - no request leaves 127.0.0.1, no page error, no console error.
// Expectations come from the CLI (./target/debug/nianbao) at test time.
//
//   node tests/e2e/embed.mjs       (after the wasm-pack build into www/pkg
//                                   and scripts/build-single-file.mjs)
// Last line: `N passed, N failed`; exit 1 on any failure.

import { chromium } from 'playwright-core';
import { CHROMIUM, finish, serve, test } from './harness.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = path.join(ROOT, 'www');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const BIN = process.env.NIANBAO_BIN ?? path.join(ROOT, 'target/debug/nianbao');
const SINGLE = path.join(WWW, 'dist/nianbao-checker-single.html');
const OUT = path.join(ROOT, 'tests/e2e/out');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

// ------------------------------------------------------------ the CLI

/**
 * Reports the CLI prints for `nianbao check --json ARGS` (stdin `input` for
 * `-`), run in `cwd`. For several files, run it where they are and pass bare
 * names: cross-year messages quote the names as given.
 */
function cli(args, input, cwd = ROOT) {
  const r = spawnSync(BIN, ['check', '--json', ...args], { cwd, input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

const seeds = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
if (seeds.length === 0) throw new Error('no seed reports in tests/fixtures');

// ------------------------------------------------------------ harness

/** Turns a value into JSON, refusing anything JSON has not (undefined, Map, …). */
function strictJson(value) {
  const walk = (v, at) => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${at}: ${v} is not a JSON number`);
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${at}[${i}]`));
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const o = {};
      for (const k of Object.keys(v)) o[k] = walk(v[k], `${at}.${k}`);
      return o;
    }
    throw new Error(`${at}: ${Object.prototype.toString.call(v)} (${typeof v}) is not plain JSON`);
  };
  return JSON.stringify(walk(value, '$'));
}

// Installed in every page before its own scripts: strictJson, and a record
// of CSP violations (the event the issue names).
const INIT = `
window.__strictJson = ${strictJson.toString()};
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || ''));
});
`;

// ------------------------------------------------------------ page objects

/** Every locator and in-page action of the widget, named once. */
const widget = {
  /** Sets the text of element `sel` and resolves with strictJson of the `checked` detail. */
  async check(page, sel, text) {
    return page.evaluate(
      ([sel, text]) =>
        new Promise((resolve, reject) => {
          const el = document.querySelector(sel);
          const timer = setTimeout(() => reject(new Error('no checked event within 10 s')), 10000);
          // Listen on the document: the event must bubble out of the element.
          document.addEventListener(
            'checked',
            (e) => {
              clearTimeout(timer);
              if (e.target !== el) reject(new Error('checked came from another element'));
              resolve({ json: window.__strictJson(e.detail), composed: e.composed, bubbles: e.bubbles, same: e.detail === el.report });
            },
            { once: true },
          );
          el.value = text;
        }),
      [sel, text],
    );
  },
  /** What the widget shows, read from its shadow root. */
  async rendered(page, sel) {
    return page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return { w: r.width, h: r.height };
      };
      const tables = [...root.querySelectorAll('section.nb-table')].map((s) => ({
        table: s.dataset.table,
        cells: s.querySelectorAll('td').length,
        found: !!s.querySelector('table'),
        box: s.querySelector('table') ? box(s.querySelector('table')) : null,
        marked: [...s.querySelectorAll('.nb-marked[data-row]')].map((c) => `${c.dataset.row}/${c.dataset.col ?? ''}`),
      }));
      return {
        verdict: root.querySelector('.nb-verdict')?.textContent ?? null,
        dts: [...root.querySelectorAll('.nb-summary dt')].map((e) => e.textContent),
        diags: [...root.querySelectorAll('li.nb-diag')].map((li) => ({ code: li.dataset.code, line: li.dataset.line ?? null })),
        label: root.querySelector('label').textContent,
        tablesOpen: root.querySelector('details.nb-tables')?.open ?? null,
        status: root.querySelector('[data-testid=status]').textContent,
        tables,
        host: box(document.querySelector(sel)),
        input: box(root.querySelector('textarea')),
      };
    }, sel);
  },
  /** Computed styles of the widget's key parts (for hostile-vs-clean). */
  async styles(page, sel) {
    return page.evaluate((sel) => {
      const props = [
        'display', 'visibility', 'opacity', 'color', 'background-color', 'font-size', 'font-family', 'font-weight',
        'line-height', 'letter-spacing', 'text-align', 'direction', 'writing-mode', 'border-top-width',
        'border-top-style', 'border-top-color', 'border-collapse', 'padding-top', 'text-transform', 'white-space',
      ];
      const root = document.querySelector(sel).shadowRoot;
      const parts = {
        wrapper: root.querySelector('.nb'),
        textarea: root.querySelector('textarea'),
        verdict: root.querySelector('.nb-verdict'),
        table: root.querySelector('section[data-table=requests] table'),
        th: root.querySelector('section[data-table=requests] thead th'),
        td: root.querySelector('section[data-table=requests] td'),
        diag: root.querySelector('li.nb-diag'),
      };
      const out = {};
      for (const [name, el] of Object.entries(parts)) {
        if (!el) {
          out[name] = null;
          continue;
        }
        const cs = getComputedStyle(el);
        out[name] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    }, sel);
  },
};

// ------------------------------------------------------------ run

fs.mkdirSync(OUT, { recursive: true });
for (const f of ['pkg/nianbao.js', 'pkg/nianbao_bg.wasm', 'pkg/nianbao.d.ts']) {
  if (!fs.existsSync(path.join(WWW, f))) throw new Error(`www/${f} missing: run the wasm-pack build first`);
}
const { base, proc: server } = await serve(WWW);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-embed-'));
const context = await chromium.launchPersistentContext(profile, {
  ...CHROMIUM,
});
await context.addInitScript({ content: INIT });

const requests = [];
const problems = []; // page errors and console errors, per page
context.on('request', (r) => requests.push(r.url()));
const watch = (page) => {
  page.on('pageerror', (e) => problems.push(`pageerror on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
};
context.on('page', watch);
for (const p of context.pages()) watch(p);

/** A page with nothing else on it; fails the test on a page error. */
async function open(url) {
  const page = await context.newPage();
  const before = problems.length;
  await page.goto(url);
  page.assertClean = () => assert.deepEqual(problems.slice(before), [], 'page errors or console errors');
  return page;
}

const apiPage = await open(base + 'api-demo.html');
await apiPage.waitForSelector('#run:not([disabled])');

await test('api: check(text, name) equals `nianbao check --json FILE` for every seed', async () => {
  for (const seed of seeds) {
    const expected = cli([path.join('tests/fixtures', seed.name)])[0];
    const actual = await apiPage.evaluate(async ([text, name]) => {
      const m = await import('./pkg/nianbao.js');
      await m.default();
      return window.__strictJson(m.check(text, name));
    }, [seed.text, seed.name]);
    assert.deepEqual(JSON.parse(actual), expected, seed.name);
  }
});

await test('api: check(text) equals `nianbao check --json -` (source null) for every seed', async () => {
  for (const seed of seeds) {
    const expected = cli(['-'], seed.text)[0];
    assert.equal(expected.source, null);
    const actual = await apiPage.evaluate(async (text) => {
      const m = await import('./pkg/nianbao.js');
      return window.__strictJson(m.check(text));
    }, seed.text);
    assert.deepEqual(JSON.parse(actual), expected, seed.name);
  }
});

await test('api: checkMany(texts, names) equals the CLI on all seeds at once', async () => {
  const expected = cli(seeds.map((s) => s.name), undefined, FIXTURES);
  const actual = await apiPage.evaluate(async ([texts, names]) => {
    const m = await import('./pkg/nianbao.js');
    return window.__strictJson(m.checkMany(texts, names));
  }, [seeds.map((s) => s.text), seeds.map((s) => s.name)]);
  assert.deepEqual(JSON.parse(actual), expected);
});

await test('api: checkMany runs the cross-year rule (a doctored consecutive pair), as the CLI does', async () => {
  // Seeds 000 (2021) and 001 (2020) are one agency's consecutive reports; give
  // 000 a 上年结转 that 001's 结转下年度 does not carry.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pair-'));
  const [a, b] = seeds.filter((s) => /^00[01]_/.test(s.name));
  assert.ok(a && b, 'seeds 000 and 001 are needed');
  const doctored = a.text.replace(/(二、上年结转政府信息公开申请数量) 0 0 0 0 0 0 0/, '$1 1 0 0 0 0 0 1');
  assert.notEqual(doctored, a.text, 'the 上年结转 line of seed 000 was not found');
  fs.writeFileSync(path.join(dir, a.name), doctored);
  fs.writeFileSync(path.join(dir, b.name), b.text);
  const expected = cli([a.name, b.name], undefined, dir);
  assert.ok(
    expected.some((r) => r.diagnostics.some((d) => d.code === 'cross_year.carry_over')),
    'precondition: the CLI reports cross_year.carry_over for the doctored pair',
  );
  const actual = await apiPage.evaluate(async ([texts, names]) => {
    const m = await import('./pkg/nianbao.js');
    return window.__strictJson(m.checkMany(texts, names));
  }, [[doctored, b.text], [a.name, b.name]]);
  assert.deepEqual(JSON.parse(actual), expected);
  // Without names too (sources null), one report per text.
  const bare = await apiPage.evaluate(async (texts) => {
    const m = await import('./pkg/nianbao.js');
    return m.checkMany(texts).map((r) => [r.source, r.diagnostics.map((d) => d.code)]);
  }, [doctored, b.text]);
  assert.deepEqual(bare, expected.map((r) => [null, r.diagnostics.map((d) => d.code)]));
});

await test('api: checkMany refuses mismatched sources with an Error; version() is the report\'s checker version', async () => {
  const out = await apiPage.evaluate(async () => {
    const m = await import('./pkg/nianbao.js');
    let error = null;
    try {
      m.checkMany(['a', 'b'], ['only one']);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    return { error, version: m.version() };
  });
  assert.match(out.error ?? '', /2 texts but 1 sources/);
  assert.equal(out.version, cli(['-'], '')[0].checker.version);
});

await test('api: renderHtml/checkAndRender agree with check() and escape the input', async () => {
  const out = await apiPage.evaluate(async (text) => {
    const m = await import('./pkg/nianbao.js');
    const both = m.checkAndRender(text, 'x.txt', 'en');
    return {
      same: window.__strictJson(both.report) === window.__strictJson(m.check(text, 'x.txt')),
      html: both.html,
      html2: m.renderHtml(text, 'x.txt', 'en'),
    };
  }, '<img src=x onerror=alert(1)>局\n2021年度政府信息公开工作年度报告\n一、总体情况\n');
  assert.ok(out.same, 'checkAndRender().report differs from check()');
  assert.equal(out.html, out.html2);
  assert.ok(!out.html.includes('<img'), 'the agency name reached the HTML unescaped');
  assert.ok(out.html.includes('<dt>Agency</dt>'), 'lang "en" not applied');
});

await test('api: the TypeScript types (pkg/nianbao.d.ts) accept every seed\'s CLI JSON, and reject a wrong one', async () => {
  const tsc = path.join(ROOT, 'tests/e2e/node_modules/typescript/bin/tsc');
  assert.ok(fs.existsSync(tsc), 'typescript is not installed in tests/e2e (npm ci)');
  const dir = path.join(OUT, 'types');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(WWW, 'pkg/nianbao.d.ts'), path.join(dir, 'nianbao.d.ts'));
  const reports = cli(seeds.map((s) => s.name), undefined, FIXTURES);
  // Object literals: tsc also rejects keys the types do not declare.
  const good = [
    "import { check, checkMany, checkAndRender, renderHtml, version, type Report, type Rendered } from './nianbao.js';",
    ...reports.map((r, i) => `export const r${i}: Report = ${JSON.stringify(r)};`),
    'export const a: Report = check("t"); export const b: Report = check("t", "f.txt");',
    'export const c: Report[] = checkMany(["t"]); export const d: Report[] = checkMany(["t"], [null]);',
    'export const e: Rendered = checkAndRender("t"); export const f: string = renderHtml("t", null, "en"); export const g: string = version();',
  ].join('\n');
  const bad = [
    "import type { Report } from './nianbao.js';",
    `export const r: Report = ${JSON.stringify({ ...reports[0], requests: { 1: { natural_persons: 1 } } })};`,
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'good.ts'), good);
  fs.writeFileSync(path.join(dir, 'bad.ts'), bad);
  // One run (tsc's start-up is most of its time): good.ts must pass, bad.ts must not.
  const r = spawnSync(
    process.execPath,
    [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,dom', 'good.ts', 'bad.ts'],
    { cwd: dir, encoding: 'utf8' },
  );
  const errors = r.stdout.split('\n').filter((l) => /error TS/.test(l));
  assert.deepEqual(errors.filter((l) => !l.startsWith('bad.ts')), [], `tsc rejected the seeds' JSON or the API's use:\n${r.stdout}${r.stderr}`);
  assert.notEqual(r.status, 0, 'tsc accepted a report with an unknown column key');
  assert.ok(errors.length === 1 && /natural_persons/.test(errors[0]), `bad.ts: expected one error about natural_persons:\n${r.stdout}`);
});

await test('api-demo page: the import API checks pasted text (CSP page, no violation)', async () => {
  const seed = seeds[2 % seeds.length];
  const expected = cli([path.join('tests/fixtures', seed.name)])[0];
  await apiPage.fill('#text', seed.text);
  await apiPage.fill('#source', seed.name);
  await apiPage.click('#run');
  const json = await apiPage.textContent('#json');
  assert.deepEqual(JSON.parse(json), expected);
  assert.equal(await apiPage.textContent('#version'), expected.checker.version);
  assert.ok((await apiPage.textContent('#summary')).includes(expected.summary.verdict));
  assert.equal(await apiPage.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), CSP);
  assert.deepEqual(await apiPage.evaluate(() => window.__csp), [], 'CSP violations');
  apiPage.assertClean();
});

await test('api-demo page: picking several files runs checkMany (in name order, as the CLI reads a folder)', async () => {
  const names = seeds.map((s) => s.name);
  const expected = cli(names, undefined, FIXTURES);
  await apiPage.setInputFiles('#files', [...names].reverse().map((n) => path.join(FIXTURES, n)));
  await apiPage.waitForFunction((n) => document.querySelector('#json').textContent.split('\n').length === n, names.length);
  const lines = (await apiPage.textContent('#json')).split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines, expected);
  assert.deepEqual(await apiPage.evaluate(() => window.__csp), [], 'CSP violations');
  apiPage.assertClean();
});

const widgetPage = await open(base + 'widget-demo.html');
await widgetPage.waitForFunction(() => document.querySelector('#checker')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent.includes('粘贴'));

await test('widget: renders each seed and fires `checked` (bubbles, composed) with the CLI\'s report', async () => {
  for (const seed of seeds) {
    const expected = cli(['-'], seed.text)[0];
    const event = await widget.check(widgetPage, '#checker', seed.text);
    assert.ok(event.bubbles && event.composed, 'checked must bubble and be composed');
    assert.ok(event.same, 'element.report is not the event detail');
    assert.deepEqual(JSON.parse(event.json), expected, seed.name);
    const view = await widget.rendered(widgetPage, '#checker');
    assert.equal(view.verdict, expected.summary.verdict, seed.name);
    assert.deepEqual(view.diags, expected.diagnostics.map((d) => ({ code: d.code, line: d.line === null ? null : String(d.line) })), seed.name);
    assert.deepEqual(view.tables.map((t) => t.table), ['active', 'requests', 'review']);
    for (const t of view.tables) {
      if (!t.found) continue;
      assert.ok(t.box.w > 100 && t.box.h > 20, `${seed.name} ${t.table}: table not visible ${JSON.stringify(t.box)}`);
    }
    // Every value the report gives is a cell in the table; table 四 is one row of 15.
    const review = view.tables.find((t) => t.table === 'review');
    if (review.found) assert.equal(review.cells, 15, `${seed.name}: table 四 cells`);
    const requests = view.tables.find((t) => t.table === 'requests');
    if (requests.found) assert.equal(requests.cells % 7, 0, `${seed.name}: table 三 cells`);
    // Cells the diagnostics name are marked in place.
    const named = expected.diagnostics.filter((d) => d.table === 'requests' && d.row && d.column).map((d) => `${d.row}/${d.column}`);
    for (const cell of named) assert.ok(requests.marked.includes(cell), `${seed.name}: cell ${cell} not marked`);
  }
  widgetPage.assertClean();
});

await test('widget-demo page: the host reacts to `checked` (submit blocked while errors remain)', async () => {
  const withErrors = seeds.find((s) => cli(['-'], s.text)[0].summary.errors > 0);
  const clean = seeds.find((s) => cli(['-'], s.text)[0].summary.errors === 0);
  assert.ok(withErrors && clean, 'the seeds need a report with errors and one without');
  await widget.check(widgetPage, '#checker', withErrors.text);
  assert.equal(await widgetPage.isDisabled('#submit'), true);
  await widget.check(widgetPage, '#checker', clean.text);
  assert.equal(await widgetPage.isDisabled('#submit'), false);
  assert.match(await widgetPage.textContent('#gate'), /可以提交/);
});

await test('widget: typing checks after a pause; clicking a diagnostic selects its line in the input', async () => {
  const seed = seeds.find((s) => cli(['-'], s.text)[0].diagnostics.some((d) => d.line));
  const expected = cli(['-'], seed.text)[0];
  const input = widgetPage.locator('#checker').locator('textarea');
  await input.fill('');
  const fired = widgetPage.evaluate(() => new Promise((r) => document.addEventListener('checked', (e) => r(e.detail.summary.verdict), { once: true })));
  await input.fill(seed.text);
  assert.equal(await fired, expected.summary.verdict);
  const d = expected.diagnostics.find((d) => d.line);
  await widgetPage.locator('#checker').locator(`li.nb-diag[data-line="${d.line}"]`).first().click();
  const selected = await widgetPage.evaluate(() => {
    const ta = document.querySelector('#checker').shadowRoot.querySelector('textarea');
    return ta.value.slice(0, ta.selectionStart).split('\n').length;
  });
  assert.equal(selected, d.line);
});

await test('widget: `text`, `lang` and `compact` attributes', async () => {
  const seed = seeds[0];
  const expected = cli(['-'], seed.text)[0];
  const out = await widgetPage.evaluate(
    (text) =>
      new Promise((resolve) => {
        const el = document.createElement('nianbao-checker');
        el.id = 'second';
        el.setAttribute('text', text);
        el.setAttribute('lang', 'en');
        el.setAttribute('compact', '');
        el.addEventListener('checked', (e) => resolve(e.detail.summary.verdict), { once: true });
        document.querySelector('main').append(el);
      }),
    seed.text,
  );
  assert.equal(out, expected.summary.verdict);
  let view = await widget.rendered(widgetPage, '#second');
  assert.equal(view.label, 'Report text');
  assert.ok(view.dts.includes('Agency'), JSON.stringify(view.dts));
  assert.equal(view.tablesOpen, false, 'compact: tables folded');
  const compactHeight = view.input.h;
  await widgetPage.evaluate(() => {
    const el = document.querySelector('#second');
    el.removeAttribute('compact');
    el.setAttribute('lang', 'zh');
  });
  view = await widget.rendered(widgetPage, '#second');
  assert.equal(view.label, '年报全文');
  assert.ok(view.dts.includes('机关'));
  assert.equal(view.tablesOpen, true);
  assert.ok(view.input.h > compactHeight, 'compact input is not shorter');
  // The one documented styling hook: the accent colour, set by the host.
  const accent = await widgetPage.evaluate(() => {
    const el = document.querySelector('#second');
    const wrapper = el.shadowRoot.querySelector('.nb');
    const before = getComputedStyle(wrapper).borderTopColor;
    el.style.setProperty('--nianbao-accent', 'rgb(11, 92, 173)');
    return [before, getComputedStyle(wrapper).borderTopColor];
  });
  assert.deepEqual(accent, ['rgb(29, 78, 137)', 'rgb(11, 92, 173)']);
  await widgetPage.evaluate(() => document.querySelector('#second').remove());
  assert.deepEqual(await widgetPage.evaluate(() => window.__csp), [], 'CSP violations');
  assert.equal(await widgetPage.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), CSP);
  widgetPage.assertClean();
});

// Host pages made up for the style tests (served through page.route, so
// they sit on the same origin but not in www/).
const HOST_MARKUP = `
<p class="nb-verdict nb-error" id="host-p">host text</p>
<table class="nb-table" id="host-table"><tr><th>h</th><td>1</td></tr></table>
<textarea id="host-textarea">host</textarea>
<div id="box"><nianbao-checker id="w"></nianbao-checker></div>`;
const HOSTILE_CSS = `
body * { display: none !important; color: red !important; }
html, body { color: red !important; font: italic 40px/0.5 serif !important; letter-spacing: 9px !important;
  text-align: right !important; direction: rtl !important; text-transform: uppercase !important;
  white-space: nowrap !important; background: lime !important; }
nianbao-checker { visibility: hidden !important; opacity: 0 !important; display: none !important;
  writing-mode: vertical-rl !important; font-size: 3px !important; border: 9px solid red !important;
  padding: 50px !important; --fg: red; --line: red; }
table, td, th, textarea, section, details, li, p, div { display: none !important; border: 0 !important; }
#box { display: block !important; }
* { box-sizing: content-box !important; }`;
const hostPage = (css, scripts) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><base href="/">
<link rel="icon" href="favicon.svg">${css ? `<style>${css}</style>` : ''}${scripts}</head><body>${HOST_MARKUP}</body></html>`;
const WIDGET_SCRIPT = '<script type="module" src="nianbao-checker.js"></script>';
await context.route(base + '__host/*', (route) => {
  const name = new URL(route.request().url()).pathname.split('/').pop();
  const bodies = {
    'clean.html': hostPage('#box { display: block; width: 900px; }', WIDGET_SCRIPT),
    'hostile.html': hostPage(HOSTILE_CSS + '\n#box { width: 900px !important; }', WIDGET_SCRIPT),
    'plain.html': hostPage('#box { display: block; width: 900px; }', ''),
  };
  if (!bodies[name]) return route.fulfill({ status: 404, body: '' });
  return route.fulfill({ contentType: 'text/html; charset=utf-8', body: bodies[name] });
});
// The routed pages live under /__host/; <base href="/"> points them at www/.
const hostUrl = (name) => base + '__host/' + name;

await test('widget: survives a hostile host stylesheet (same computed look as on a clean page, tables visible)', async () => {
  const seed = seeds.find((s) => cli(['-'], s.text)[0].summary.errors > 0) ?? seeds[0];
  const looks = {};
  for (const name of ['clean.html', 'hostile.html']) {
    const p = await open(hostUrl(name));
    await p.waitForFunction(() => customElements.get('nianbao-checker'));
    await widget.check(p, '#w', seed.text);
    looks[name] = { styles: await widget.styles(p, '#w'), view: await widget.rendered(p, '#w'), host: await p.evaluate(() => getComputedStyle(document.querySelector('#w')).display) };
    p.assertClean();
    await p.close();
  }
  const { styles: clean, view } = looks['clean.html'];
  const { styles: hostile, view: hview, host } = looks['hostile.html'];
  for (const part of Object.keys(clean)) assert.ok(clean[part], `clean page: ${part} not rendered`);
  assert.deepEqual(hostile, clean, 'computed styles inside the widget differ on the hostile page');
  assert.equal(host, 'block');
  assert.ok(hview.host.w > 0 && hview.host.h > 0, 'the widget box is not visible');
  for (const t of hview.tables) assert.ok(!t.found || (t.box.w > 100 && t.box.h > 20), `${t.table} table hidden: ${JSON.stringify(t.box)}`);
  assert.deepEqual(hview.tables.map((t) => t.box), view.tables.map((t) => t.box), 'tables laid out differently');
  // Styled, not just visible: bordered cells, a header background, the summary colours.
  assert.equal(hostile.td['border-top-width'], '1px');
  assert.notEqual(hostile.th['background-color'], 'rgba(0, 0, 0, 0)');
  assert.equal(hostile.table['border-collapse'], 'collapse');
  assert.notEqual(hostile.verdict.color, 'rgb(255, 0, 0)');
});

await test('widget: its styles do not leak into the host page', async () => {
  const read = (p) =>
    p.evaluate(() =>
      ['#host-p', '#host-table', '#host-table td', '#host-table th', '#host-textarea', 'body'].map((sel) => {
        const cs = getComputedStyle(document.querySelector(sel));
        return [sel, ...['display', 'color', 'background-color', 'font-size', 'font-weight', 'border-top-width', 'border-collapse', 'padding-top', 'min-height', 'outline-style'].map((k) => cs.getPropertyValue(k))];
      }),
    );
  const plain = await open(hostUrl('plain.html'));
  const without = await read(plain);
  await plain.close();
  const withWidget = await open(hostUrl('clean.html'));
  await withWidget.waitForFunction(() => document.querySelector('#w')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent);
  await widget.check(withWidget, '#w', seeds[0].text);
  assert.deepEqual(await read(withWidget), without);
  withWidget.assertClean();
  await withWidget.close();
});

await test('single file: works from file:// with the wasm inlined, no request, no CSP violation', async () => {
  assert.ok(fs.existsSync(SINGLE), 'www/dist/nianbao-checker-single.html missing: run scripts/build-single-file.mjs');
  const html = fs.readFileSync(SINGLE, 'utf8');
  assert.ok(!/\bsrc=|\bhref="(?!data:)/.test(html.replace(/<script type="module">[\s\S]*<\/script>/, '')), 'the single file refers to another file');
  const url = pathToFileURL(SINGLE).href;
  const first = requests.length;
  const p = await open(url);
  await p.waitForFunction(() => document.querySelector('nianbao-checker')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent.includes('粘贴'));
  for (const seed of seeds) {
    const event = await widget.check(p, 'nianbao-checker', seed.text);
    assert.deepEqual(JSON.parse(event.json), cli(['-'], seed.text)[0], seed.name);
  }
  assert.deepEqual(await p.evaluate(() => window.__csp), [], 'CSP violations');
  assert.deepEqual(requests.slice(first).filter((u) => u !== url && !u.startsWith('data:')), [], 'requests from the single file');
  p.assertClean();
  await p.close();
});

await test('no request left 127.0.0.1 (or the single file), and no page or console error anywhere', async () => {
  const origin = base.replace(/\/$/, '');
  const outside = requests.filter((u) => !(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:') || u === pathToFileURL(SINGLE).href));
  assert.deepEqual(outside, [], 'requests outside 127.0.0.1');
  assert.ok(requests.some((u) => u.endsWith('/pkg/nianbao_bg.wasm')), 'the request log missed the wasm fetch');
  assert.deepEqual(problems, []);
});

await context.close();
server.kill();
fs.rmSync(profile, { recursive: true, force: true });

finish();
