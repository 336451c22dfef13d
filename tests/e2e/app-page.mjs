// The app's page object and the small harness helpers it needs, shared by the
// browser tests (tests/e2e/app.mjs, trust.mjs, inputs.mjs).
//
//   import { App, poll, INIT } from './app-page.mjs';

import fs from 'node:fs';

// ------------------------------------------------------------ harness helpers

export const poll = async (fn, what, ms = 5000) => {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
};

// Installed in every page before its scripts: a record of CSP violations.
export const INIT = `
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || ''));
});
`;

// ------------------------------------------------------------ page object

/** Every locator and in-page action of the app, named once. */
export class App {
  constructor(page) {
    this.page = page;
    this.input = page.getByTestId('input');
    this.results = page.getByTestId('results');
    this.verdict = page.getByTestId('verdict');
    this.diagnostics = page.getByTestId('diagnostic');
    this.cells = page.getByTestId('cell');
    this.sourceName = page.getByTestId('source-name');
    this.notice = page.getByTestId('notice');
    this.fatal = page.locator('#fatal');
    this.rule = page.getByTestId('rule');
    // Suggested corrections: the advice under a diagnostic, each change's
    // 应用, and the notice with 撤销 once one is applied.
    this.advice = page.getByTestId('advice');
    this.applyButtons = page.getByTestId('apply');
    this.applied = page.locator('[data-testid=notice][data-topic=applied]');
    this.undo = page.getByTestId('undo');
  }
  example(name) {
    return this.page.locator(`[data-testid=example][data-name="${name}"]`);
  }
  sourceLine(n) {
    return this.page.locator(`#L${n}`);
  }
  table(key) {
    return this.page.getByTestId(`table-${key}`);
  }
  async open(base) {
    await this.page.goto(base);
    await this.page.waitForSelector('html[data-ready=true]');
  }
  async revision() {
    return Number(await this.results.getAttribute('data-revision'));
  }
  /** Runs `action` and waits until the app has checked the text again. */
  async checked(action) {
    const before = await this.revision();
    await action();
    await poll(async () => (await this.revision()) > before, 'a new check');
  }
  async paste(text) {
    await this.checked(() => this.input.fill(text));
  }
  /** Every rendered cell with its attributes, text and classes. */
  async renderedCells() {
    return this.cells.evaluateAll((tds) =>
      tds.map((td) => ({
        table: td.dataset.table,
        row: td.dataset.row,
        column: td.dataset.column,
        value: td.dataset.value,
        line: td.dataset.line,
        text: td.textContent.trim(),
        classes: [...td.classList],
      })),
    );
  }
  /** The changes offered under the diagnostics: their 应用 buttons' words. */
  async renderedFixes() {
    return this.applyButtons.allTextContents();
  }
  async renderedDiagnostics() {
    return this.diagnostics.evaluateAll((bs) =>
      bs.map((b) => ({
        code: b.dataset.code,
        severity: b.dataset.severity,
        line: b.dataset.line,
        message: b.querySelector('.msg').textContent,
      })),
    );
  }
  async summary() {
    const get = (id) => this.page.getByTestId(id).textContent();
    return {
      verdict: await this.verdict.textContent(),
      agency: await get('summary-agency'),
      year: await get('summary-year'),
      template: await this.page.getByTestId('summary-template').getAttribute('data-template'),
      errors: Number(await get('summary-errors')),
      warnings: Number(await get('summary-warnings')),
    };
  }
  /** Drops a file made in the page from `bytes` onto the app. */
  async drop(name, bytes, type = 'text/plain') {
    const dt = await this.page.evaluateHandle(
      ([name, bytes, type]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
        return dt;
      },
      [name, [...bytes], type],
    );
    await this.page.getByTestId('app').dispatchEvent('drop', { dataTransfer: dt });
  }
  async download(testId) {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  }
}
