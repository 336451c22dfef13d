// <nianbao-checker>: the 年报体检 checker as one custom element.
//
//   <script type="module" src="nianbao-checker.js"></script>
//   <nianbao-checker text="…" lang="zh" compact></nianbao-checker>
//
// Attributes: `text` (initial text), `lang` ("zh", default, or "en": the
// widget's own words; the report's content stays Chinese), `compact` (a
// shorter input, tables folded). Properties: `value` (the text), `report`
// (the last report). Event: `checked` (bubbles, composed), `detail` = the
// report, the same object `check()` of the JS API returns.
//
// Everything lives in a shadow root with its own stylesheet (adopted, so a
// strict CSP needs no 'unsafe-inline'); `:host` resets every inherited and
// box property with !important, which beats the host page's rules however
// hostile. Text is only ever set as text; the results HTML comes from the
// Rust renderer, which escapes every piece of it.

import * as nianbao from './pkg/nianbao.js';

// The single-file build (scripts/build-single-file.mjs) replaces this line
// with the wasm's bytes; otherwise init() fetches pkg/nianbao_bg.wasm.
const WASM_BYTES = undefined;

let loading;
/** Loads the wasm once for every element on the page. */
function load() {
  loading ??= nianbao.default(WASM_BYTES === undefined ? undefined : { module_or_path: WASM_BYTES });
  return loading;
}

const WORDS = {
  zh: {
    title: '年报体检',
    input: '年报全文',
    placeholder: '在此粘贴政府信息公开工作年度报告全文，将自动检查。',
    loading: '正在加载检查器…',
    empty: '粘贴年报全文后自动检查。',
    checking: '正在检查…',
    done: (r) => `已检查：${r.summary.verdict}`,
    failed: '检查器加载失败：',
  },
  en: {
    title: 'Annual report check (年报体检)',
    input: 'Report text',
    placeholder: 'Paste the full text of a government information disclosure annual report; it is checked as you type.',
    loading: 'Loading the checker…',
    empty: 'Paste a report to check it.',
    checking: 'Checking…',
    done: (r) => `Checked: ${r.summary.errors} error(s), ${r.summary.warnings} warning(s)`,
    failed: 'The checker failed to load: ',
  },
};

const CSS = `
:host {
  all: initial !important;
  display: block !important;
  direction: ltr !important;
  unicode-bidi: isolate !important;
  contain: content !important;
}
:host([hidden]) { display: none !important; }
.nb {
  --accent: var(--nianbao-accent, #b3261e);
  --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --head: #f3f4f6;
  --err: #cf222e; --err-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --ok: #1a7f37; --ok-bg: #dafbe1;
  box-sizing: border-box;
  display: block;
  color: var(--fg);
  background: #fff;
  font: 14px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  text-align: start;
  border: 1px solid var(--line);
  border-top: 3px solid var(--accent);
  border-radius: 6px;
  padding: 12px 16px 16px;
}
.nb *, .nb *::before, .nb *::after { box-sizing: border-box; }
.nb-title { margin: 0 0 8px; font-size: 16px; font-weight: 600; color: var(--accent); }
.nb-input-label { display: block; font-weight: 600; margin: 0 0 4px; }
textarea {
  display: block; width: 100%; min-height: 12em; resize: vertical;
  font: 13px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  color: var(--fg); background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 8px;
}
textarea:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.nb-status { margin: 6px 0 0; color: var(--muted); font-size: 13px; }
.nb-status.nb-failed { color: var(--err); }
.nb-results:empty { display: none; }
.nb-results { margin-top: 12px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.nb-summary { border-radius: 6px; padding: 10px 14px; border: 1px solid var(--line); }
.nb-summary.nb-ok { background: var(--ok-bg); border-color: var(--ok); }
.nb-summary.nb-warning { background: var(--warn-bg); border-color: var(--warn); }
.nb-summary.nb-error { background: var(--err-bg); border-color: var(--err); }
.nb-verdict { margin: 0 0 6px; font-size: 18px; font-weight: 700; }
.nb-ok .nb-verdict { color: var(--ok); }
.nb-warning .nb-verdict { color: var(--warn); }
.nb-error .nb-verdict { color: var(--err); }
dl { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0; }
dl > div { display: flex; gap: 6px; }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; }
details.nb-tables { margin-top: 12px; }
details.nb-tables > summary { cursor: pointer; font-weight: 600; color: var(--accent); }
.nb-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; background: #fff; }
th, td { border: 1px solid #8c959f; padding: 3px 6px; vertical-align: middle; }
thead th, tr.nb-head th, tr.nb-block th { background: var(--head); font-weight: 600; text-align: center; }
tr.nb-block th { text-align: start; color: var(--muted); }
th.nb-label { font-weight: normal; text-align: start; background: #fff; }
th.nb-group { font-weight: 600; background: #fafafa; text-align: center; }
th.nb-corner { font-weight: normal; font-size: 12px; color: var(--muted); max-width: 16em; }
td.nb-cell { text-align: end; font-variant-numeric: tabular-nums; min-width: 2.5em; }
td.nb-absent { color: #8c959f; text-align: center; }
td.nb-blank { color: var(--warn); text-align: center; }
td.nb-invalid { color: var(--err); }
tr.nb-not-found th.nb-label { color: var(--muted); font-style: italic; }
.nb-marked.nb-error { background: var(--err-bg); outline: 2px solid var(--err); outline-offset: -2px; }
.nb-marked.nb-warning { background: var(--warn-bg); outline: 2px solid var(--warn); outline-offset: -2px; }
.nb-marked.nb-info { background: var(--info-bg); }
.nb-missing { color: var(--err); margin: 4px 0; }
.nb-diagnostics ol { list-style: none; margin: 0; padding: 0; }
.nb-diag { border-left: 4px solid var(--line); padding: 4px 10px; margin: 0 0 6px; background: #fafafa; border-radius: 0 4px 4px 0; }
.nb-diag[data-line] { cursor: pointer; }
.nb-diag[data-line]:hover, .nb-diag:focus { background: #f0f3f6; outline: none; }
.nb-diag.nb-error { border-left-color: var(--err); }
.nb-diag.nb-warning { border-left-color: var(--warn); }
.nb-diag.nb-info { border-left-color: var(--info); }
.nb-sev { display: inline-block; font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 3px; color: #fff; }
.nb-error .nb-sev { background: var(--err); }
.nb-warning .nb-sev { background: var(--warn); }
.nb-info .nb-sev { background: var(--info); }
.nb-diag code { font: 12px ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
.nb-line { font-size: 12px; color: var(--muted); }
.nb-msg { margin: 2px 0 0; }
.nb-help { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.nb-none { color: var(--ok); margin: 0; }
.nb.nb-compact { padding: 8px 10px 10px; }
.nb.nb-compact textarea { min-height: 5em; }
.nb.nb-compact .nb-verdict { font-size: 15px; }
.nb.nb-compact h3 { margin: 10px 0 4px; }
`;

let sheet;
/** One constructed stylesheet shared by every element (null where unsupported). */
function stylesheet() {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  return sheet;
}

/** Lines of `text` up to 1-based `line`: the [start, end) offsets of that line. */
function lineRange(text, line) {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

export class NianbaoChecker extends HTMLElement {
  static observedAttributes = ['text', 'lang', 'compact'];

  #root;
  #title;
  #label;
  #input;
  #status;
  #results;
  #timer = 0;
  #report = null;
  #ready = false;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const css = stylesheet();
    if (css) {
      shadow.adoptedStyleSheets = [css];
    } else {
      const style = document.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
    }
    const el = (tag, cls, attrs = {}) => {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      return e;
    };
    this.#root = el('div', 'nb', { part: 'root' });
    this.#title = el('p', 'nb-title');
    this.#label = el('label', 'nb-input-label', { for: 'nb-input' });
    this.#input = el('textarea', '', { id: 'nb-input', spellcheck: 'false', 'data-testid': 'input' });
    this.#status = el('p', 'nb-status', { role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
    this.#results = el('div', 'nb-results', { 'data-testid': 'results' });
    this.#root.append(this.#title, this.#label, this.#input, this.#status, this.#results);
    shadow.append(this.#root);

    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.check(), 200);
    });
    // A diagnostic or a cell with a line selects that line in the input.
    const jump = (e) => {
      const target = e.target.closest?.('[data-line]');
      if (target && this.#results.contains(target)) this.selectLine(Number(target.dataset.line));
    };
    this.#results.addEventListener('click', jump);
    this.#results.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        jump(e);
      }
    });
  }

  connectedCallback() {
    // A `value` set on the element before this script defined it.
    if (Object.hasOwn(this, 'value')) {
      const text = this.value;
      delete this.value;
      this.value = text;
    }
    this.#applyWords();
    this.#applyCompact();
    if (this.#ready) return;
    this.#status.textContent = this.#words.loading;
    load().then(
      () => {
        this.#ready = true;
        this.check();
      },
      (err) => {
        this.#status.classList.add('nb-failed');
        this.#status.textContent = this.#words.failed + String(err?.message ?? err);
        console.error('nianbao-checker:', err);
      },
    );
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'text') {
      this.#input.value = value ?? '';
      if (this.#ready) this.check();
    } else if (name === 'lang') {
      this.#applyWords();
      if (this.#ready && old !== value) this.check();
    } else if (name === 'compact') {
      this.#applyCompact();
    }
  }

  /** The text being checked. */
  get value() {
    return this.#input.value;
  }

  set value(text) {
    this.#input.value = String(text ?? '');
    if (this.#ready) this.check();
  }

  /** The last report (the output contract), or null before the first check. */
  get report() {
    return this.#report;
  }

  /** Checks the current text now and fires `checked`; returns the report. */
  check() {
    clearTimeout(this.#timer);
    if (!this.#ready) return null;
    const text = this.#input.value;
    if (!text.trim()) {
      this.#report = null;
      this.#results.replaceChildren();
      this.#status.textContent = this.#words.empty;
      return null;
    }
    const { report, html } = nianbao.checkAndRender(text, null, this.#lang);
    this.#report = report;
    // Escaped by the Rust renderer (src/render/html.rs); no style attributes.
    this.#results.innerHTML = html;
    if (this.hasAttribute('compact')) this.#results.querySelector('details.nb-tables')?.removeAttribute('open');
    this.#status.textContent = this.#words.done(report);
    this.dispatchEvent(new CustomEvent('checked', { detail: report, bubbles: true, composed: true }));
    return report;
  }

  /** Selects 1-based `line` of the input and scrolls it into view. */
  selectLine(line) {
    const text = this.#input.value;
    const [start, end] = lineRange(text, line);
    this.#input.focus();
    this.#input.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(this.#input).lineHeight) || 20;
    this.#input.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  get #lang() {
    return (this.getAttribute('lang') || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  get #words() {
    return WORDS[this.#lang];
  }

  #applyWords() {
    const w = this.#words;
    this.#title.textContent = w.title;
    this.#label.textContent = w.input;
    this.#input.placeholder = w.placeholder;
    this.#root.lang = this.#lang === 'en' ? 'en' : 'zh-CN';
  }

  #applyCompact() {
    const compact = this.hasAttribute('compact');
    this.#root.classList.toggle('nb-compact', compact);
    this.#input.rows = compact ? 5 : 14;
    const details = this.#results.querySelector('details.nb-tables');
    if (details) details.open = !compact;
  }
}

if (!customElements.get('nianbao-checker')) customElements.define('nianbao-checker', NianbaoChecker);

export { load as ready };
