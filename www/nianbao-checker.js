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
  /* The web app's palette (src/app/style.css), so the two look alike. */
  --accent: var(--nianbao-accent, #1d4e89);
  --fg: #1b1f24; --muted: #55606e; --line: #c9d1db; --soft: #f0f3f7; --card-line: #d8dee6;
  --brand-soft: #e7eef8; --focus: #e08a00;
  --err: #a8201a; --err-soft: #fde8e6; --warn: #7a4f00; --warn-mark: #d89b00; --warn-soft: #fff1cc;
  --info: #1f5fa8; --info-soft: #e6f0fc; --ok: #0d6b37; --ok-soft: #e3f4e9;
  box-sizing: border-box;
  display: block;
  color: var(--fg);
  background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  text-align: start;
  border: 1px solid var(--card-line);
  border-top: 4px solid var(--accent);
  border-radius: 8px;
  padding: 12px 14px 14px;
}
.nb *, .nb *::before, .nb *::after { box-sizing: border-box; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.nb-title { margin: 0 0 8px; font-size: 17px; font-weight: 700; letter-spacing: 0.08em; color: var(--accent); }
.nb-input-label { display: block; font-weight: 600; margin: 0 0 4px; }
textarea {
  display: block; width: 100%; min-height: 12em; resize: vertical;
  font: inherit; font-size: 13.5px; line-height: 1.6; color: var(--fg);
  background: #fcfdfe; border: 1px solid #aeb9c7; border-radius: 6px; padding: 8px 9px;
}
textarea:focus-visible { outline-offset: 0; }
.nb-status { margin: 6px 0 0; color: var(--muted); font-size: 12.5px; }
.nb-status.nb-failed { color: var(--err); }
.nb-results:empty { display: none; }
.nb-results { margin-top: 12px; display: flex; flex-direction: column; gap: 12px; }
h3 { font-size: 15.5px; margin: 0 0 8px; }
.nb-summary, .nb-table, .nb-diagnostics { border: 1px solid var(--card-line); border-radius: 8px; padding: 10px 12px; background: #fff; }
.nb-verdict { display: inline-block; margin: 0 0 8px; font-size: 20px; font-weight: 700; padding: 2px 14px; border-radius: 999px; }
.nb-ok .nb-verdict { background: var(--ok-soft); color: var(--ok); }
.nb-summary.nb-warning .nb-verdict { background: var(--warn-soft); color: var(--warn); }
.nb-summary.nb-error .nb-verdict { background: var(--err-soft); color: var(--err); }
dl { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 0; }
dl > div { display: flex; gap: 6px; align-items: baseline; }
dt { font-size: 12.5px; color: var(--muted); }
dd { margin: 0; font-weight: 600; }
details.nb-tables { display: flex; flex-direction: column; gap: 12px; }
details.nb-tables > summary { cursor: pointer; font-weight: 600; color: var(--accent); margin-bottom: 8px; }
details.nb-tables > .nb-table + .nb-table { margin-top: 12px; }
.nb-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 12.5px; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 6px; }
th { background: var(--soft); font-weight: 500; text-align: center; }
th[scope="row"] { text-align: start; font-weight: 400; background: #f7f9fb; }
th.nb-group { writing-mode: vertical-rl; letter-spacing: 0.1em; text-align: center; background: var(--soft); padding: 6px 3px; }
th.nb-corner { font-size: 11.5px; color: var(--muted); font-weight: 400; min-width: 12em; }
tr.nb-block th { background: #e3e9f1; text-align: start; font-weight: 600; }
td.nb-cell { text-align: end; font-variant-numeric: tabular-nums; min-width: 2.6em; white-space: nowrap; }
td.nb-absent { color: #8a939e; text-align: center; background: repeating-linear-gradient(135deg, #f7f8fa 0 6px, #eef0f3 6px 12px); }
td.nb-blank { color: var(--muted); text-align: center; }
td.nb-invalid { color: var(--err); }
tr.nb-not-found th.nb-label, th.nb-not-found { color: var(--muted); font-style: italic; }
.nb-marked.nb-error { background: var(--err-soft); color: var(--err); font-weight: 600; }
.nb-marked.nb-warning { background: var(--warn-soft); color: var(--warn); }
.nb-marked.nb-info { background: var(--info-soft); }
td.nb-absent.nb-marked.nb-error { background: repeating-linear-gradient(135deg, #fde8e6 0 6px, #f9d2ce 6px 12px); }
[data-line] { cursor: pointer; }
.nb-missing { color: var(--err); margin: 0; }
.nb-diagnostics ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.nb-diag { border: 1px solid #e1e6ec; border-left: 4px solid var(--line); border-radius: 6px; padding: 6px 10px; }
.nb-diag[data-line]:hover { background: var(--brand-soft); }
.nb-diag.nb-error { border-left-color: var(--err); }
.nb-diag.nb-warning { border-left-color: var(--warn-mark); }
.nb-diag.nb-info { border-left-color: var(--info); }
.nb-sev { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 7px; border-radius: 4px; }
.nb-error .nb-sev { background: var(--err-soft); color: var(--err); }
.nb-warning .nb-sev { background: var(--warn-soft); color: var(--warn); }
.nb-info .nb-sev { background: var(--info-soft); color: var(--info); }
.nb-diag code { font: 12px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--muted); }
.nb-line { font-size: 12px; color: var(--muted); }
.nb-msg { margin: 3px 0 0; overflow-wrap: anywhere; }
.nb-help { margin: 2px 0 0; color: var(--muted); font-size: 12.5px; }
.nb-suggest { margin: 3px 0 0; font-size: 13px; color: var(--ok); overflow-wrap: anywhere; }
.nb-none { color: var(--ok); margin: 0; }
.nb.nb-compact { padding: 8px 10px 10px; font-size: 14px; }
.nb.nb-compact textarea { min-height: 5em; }
.nb.nb-compact .nb-verdict { font-size: 16px; }
.nb.nb-compact .nb-results { gap: 8px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
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
