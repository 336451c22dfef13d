// The batch's summary on the page (loaded with batch.js, never on first
// load): the verdicts counted, filters, the findings per rule across the
// batch (each a filter), and the table of one row a file, sortable by each
// column. Report text (file names, agencies, reasons) is only ever set as
// text, never as HTML.
//
// The plain part — verdicts, sort order, filters, counts, the view as a
// string — is exported for the tests; `BatchView` draws it.

// ------------------------------------------------------------------ the model

/** Verdicts, in the order a reviewer wants them first; [key, filter label]. */
export const VERDICTS = [
  ['unreadable', '无法读取'],
  ['not-report', '不是年报'],
  ['fail', '有错误'],
  ['warn', '仅有警告'],
  ['pass', '通过'],
];
const RANK = Object.fromEntries(VERDICTS.map(([k], i) => [k, i]));
const LABEL = Object.fromEntries(VERDICTS);

export function verdict(row) {
  if (row.unreadable != null) return 'unreadable';
  if (row.unrecognised != null) return 'not-report';
  if (row.errors > 0) return 'fail';
  if (row.warnings > 0) return 'warn';
  return 'pass';
}

/** The verdict as the single-report view words it (the core's `verdict()`). */
export function verdictText(row) {
  const v = verdict(row);
  if (v === 'fail') return `有${row.errors}处错误`;
  if (v === 'warn') return `通过（有${row.warnings}处警告）`;
  return LABEL[v];
}

export const reason = (row) => row.unreadable ?? row.unrecognised ?? null;
const findings = (row, code) => (row.codes ?? []).find(([c]) => c === code)?.[1] ?? 0;

/** The columns: [key, heading, value to sort by (null: not given, sorts last)]. */
export const COLUMNS = [
  ['file', '文件', (r) => r.path],
  ['agency', '机关', (r) => r.agency ?? null],
  ['year', '年度', (r) => r.year ?? null],
  ['template', '模板', (r) => r.template ?? null],
  ['errors', '错误', (r) => r.errors ?? 0],
  ['warnings', '警告', (r) => r.warnings ?? 0],
  ['verdict', '结论', (r) => RANK[verdict(r)]],
  ['reviewed', '已审', (r) => (r.reviewed ? 1 : 0)],
];
const SORT_VALUE = Object.fromEntries(COLUMNS.map(([k, , f]) => [k, f]));

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows drawn at first, and drawn more each time the reviewer asks: a table of hundreds of rows is slow to lay out. */
export const PAGE = 100;

export const DEFAULT_VIEW = { sort: 'file', desc: false, verdict: null, code: null, reviewed: null, limit: PAGE, scroll: 0, shown: true };

/** A click on a column's heading: sorts by it, or turns its order round (counts start worst first). */
export function sortBy(view, column) {
  if (view.sort === column) return { ...view, desc: !view.desc };
  return { ...view, sort: column, desc: column === 'errors' || column === 'warnings' };
}

export function keeps(view, row) {
  return (
    (view.verdict == null || verdict(row) === view.verdict) &&
    (view.code == null || findings(row, view.code) > 0) &&
    (view.reviewed == null || !!row.reviewed === view.reviewed)
  );
}

/** The rows the table shows, in its order: the sort column, then the path, then the order added. */
export function shownRows(view, rows) {
  const value = SORT_VALUE[view.sort] ?? SORT_VALUE.file;
  const sign = view.desc ? -1 : 1;
  return rows
    .filter((r) => keeps(view, r))
    .map((r) => ({ r, v: value(r) }))
    .sort((a, b) => {
      let primary;
      if (a.v === null || b.v === null) primary = (a.v === null) - (b.v === null);
      else primary = sign * cmp(a.v, b.v);
      return primary || cmp(a.r.path, b.r.path) || a.r.id - b.r.id;
    })
    .map((x) => x.r);
}

/** Every rule's findings across the batch, most first: [{code, findings, reports}]. */
export function ruleCounts(rows) {
  const by = new Map();
  for (const r of rows) {
    for (const [code, n] of r.codes ?? []) {
      const c = by.get(code) ?? { code, findings: 0, reports: 0 };
      c.findings += n;
      c.reports += 1;
      by.set(code, c);
    }
  }
  return [...by.values()].sort((a, b) => b.findings - a.findings || cmp(a.code, b.code));
}

/** `共12份：有错误3份，通过9份；已审2份`. */
export function tally(rows) {
  const n = Object.fromEntries(VERDICTS.map(([k]) => [k, 0]));
  for (const r of rows) n[verdict(r)]++;
  const order = ['fail', 'warn', 'pass', 'not-report', 'unreadable'];
  const parts = order.filter((k) => n[k]).map((k) => `${LABEL[k]}${n[k]}份`);
  return `共${rows.length}份：${parts.join('，')}；已审${rows.filter((r) => r.reviewed).length}份`;
}

/** A CSV field: quoted when it must be; a text that a spreadsheet would take for a formula gets a leading '. */
function csvField(value) {
  let s = value == null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV with a BOM (Excel and WPS then read the Chinese right), CRLF line ends. */
export function csv(header, rows) {
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The summary of the rows the table keeps (every one, not only those drawn), in its order. */
export function summaryCsv(view, rows) {
  return csv(
    ['文件', '机关', '年度', '模板', '错误', '警告', '提示', '结论', '已审', '原因'],
    shownRows(view, rows).map((r) => [
      r.path, r.agency ?? '', r.year ?? '', r.template ?? '', r.errors ?? 0, r.warnings ?? 0, r.infos ?? 0,
      verdictText(r), r.reviewed ? '是' : '否', reason(r) ?? '',
    ]),
  );
}

/** The findings per rule across the whole batch. */
export function rulesCsv(rows) {
  return csv(['规则代码', '问题数', '报告份数'], ruleCounts(rows).map((c) => [c.code, c.findings, c.reports]));
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ------------------------------------------------------------------ drawing

const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children);
  return e;
};

const templateText = (t) => (t == null ? null : t === 'mixed' ? '混用两版' : `${t}年版`);
const unknown = () => el('span', { class: 'unknown', text: '未识别' });

/** The batch's part of the page, drawn into `root`. `actions`: open(row), mark(id, reviewed), cancel(), clear(), viewChanged(). */
export class BatchView {
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.rows = [];
    this.view = { ...DEFAULT_VIEW };
    this.trs = new Map(); // row id → its <tr>, kept across sorts
    this.build();
  }

  build() {
    const a = this.actions;
    this.progress = el('div', { class: 'batch-progress', 'data-testid': 'batch-progress', role: 'status', hidden: true });
    this.bar = el('progress', { 'aria-label': '批量检查进度' });
    this.progressText = el('span');
    this.current = el('span', { class: 'current', 'data-testid': 'batch-current' });
    this.progress.append(this.bar, this.progressText, this.current,
      el('button', { type: 'button', 'data-testid': 'batch-cancel', text: '取消', onclick: () => a.cancel() }));
    this.clearButton = el('button', { type: 'button', 'data-testid': 'batch-clear', text: '清空批量', onclick: () => a.clear() });
    this.exports = el('div', { class: 'batch-exports', role: 'group', 'aria-label': '导出' },
      el('button', { type: 'button', 'data-testid': 'batch-export-csv', text: '导出汇总CSV', title: '按当前排序和筛选导出每份报告一行',
        onclick: () => download('批量检查汇总.csv', summaryCsv(this.view, this.rows)) }),
      el('button', { type: 'button', 'data-testid': 'batch-export-rules-csv', text: '导出规则统计CSV',
        onclick: () => download('批量检查规则统计.csv', rulesCsv(this.rows)) }),
      el('button', { type: 'button', 'data-testid': 'batch-export-long', text: '导出数据集CSV（长表）', title: '每个单元格一行：报告、表、行、列、值、行号',
        onclick: () => a.exportDataset(false) }),
      el('button', { type: 'button', 'data-testid': 'batch-export-wide', text: '导出数据集CSV（宽表）', title: '每份报告一行，每个单元格一列',
        onclick: () => a.exportDataset(true) }),
      el('button', { type: 'button', 'data-testid': 'batch-export-xlsx', text: '导出XLSX', title: '汇总、规则统计、数据集宽表和长表四张工作表',
        onclick: () => a.exportXlsx() }),
      el('button', { type: 'button', 'data-testid': 'batch-export-letters', text: '导出反馈意见（zip）', title: '每份报告一封反馈意见（Word）',
        onclick: () => a.exportLetters() }));
    this.intro = el('p', {
      class: 'batch-intro',
      'data-testid': 'batch-intro',
      text: '把多个报告文件或整个文件夹拖到页面上，或点上方的“打开多个文件…”“打开文件夹…”。.txt、.md、.html、.docx、.pdf 均可；文件只在本机浏览器中检查和保存，不会上传。',
    });
    this.tallyLine = el('p', { class: 'batch-tally', 'data-testid': 'batch-tally' });

    this.verdictSelect = el('select', { 'data-testid': 'batch-filter-verdict', onchange: (e) => this.set({ verdict: e.target.value || null }) },
      el('option', { value: '', text: '全部' }),
      ...['fail', 'warn', 'pass', 'not-report', 'unreadable'].map((k) => el('option', { value: k, text: LABEL[k] })));
    this.reviewedSelect = el('select', {
      'data-testid': 'batch-filter-reviewed',
      onchange: (e) => this.set({ reviewed: e.target.value === '' ? null : e.target.value === '1' }),
    }, el('option', { value: '', text: '全部' }), el('option', { value: '0', text: '未审' }), el('option', { value: '1', text: '已审' }));
    this.codeChip = el('button', { type: 'button', class: 'chip', 'data-testid': 'batch-filter-code', hidden: true, onclick: () => this.set({ code: null }) });
    const filters = el('div', { class: 'batch-filters', role: 'group', 'aria-label': '筛选' },
      el('label', {}, '结论 ', this.verdictSelect), el('label', {}, '审核 ', this.reviewedSelect), this.codeChip);

    this.ruleList = el('ul', { 'data-testid': 'batch-rule-counts' });
    const rules = el('section', { class: 'batch-rules', 'aria-labelledby': 'batch-rules-title' },
      el('h3', { id: 'batch-rules-title', text: '各规则发现的问题（点击筛选）' }), this.ruleList);

    this.shownLine = el('p', { class: 'batch-count', 'data-testid': 'batch-shown' });
    this.heads = COLUMNS.map(([key, label]) =>
      el('th', { scope: 'col' }, el('button', { type: 'button', class: 'sort', 'data-testid': 'batch-sort', 'data-column': key, onclick: () => this.set(sortBy(this.view, key)) }, label, el('span', { 'aria-hidden': 'true' }))));
    this.tbody = el('tbody');
    // One listener for every row: a click opens the row (the file's button,
    // for the keyboard, clicks through to it); the 已审 box marks it.
    this.tbody.addEventListener('click', (e) => {
      if (e.target.closest('input')) return;
      const tr = e.target.closest('tr');
      const row = tr && this.rows.find((r) => r.id === Number(tr.dataset.id));
      if (row && row.unreadable == null) a.open(row);
    });
    this.tbody.addEventListener('change', (e) => {
      const tr = e.target.closest('tr');
      if (tr && e.target.matches('input[type=checkbox]')) this.mark(Number(tr.dataset.id), e.target.checked, true);
    });
    const table = el('table', { class: 'batch-table', 'data-testid': 'batch-table' }, el('thead', {}, el('tr', {}, ...this.heads)), this.tbody);
    this.more = el('button', { type: 'button', class: 'more', 'data-testid': 'batch-more', onclick: () => this.set({ limit: this.view.limit + PAGE }) });
    this.body = el('div', { class: 'batch-body' }, this.tallyLine, filters, rules, this.shownLine,
      el('div', { class: 'batch-scroll' }, table), this.more);

    this.root.replaceChildren(
      el('div', { class: 'batch-head' }, el('h2', { id: 'batch-title', text: '批量检查' }), this.exports, this.clearButton),
      this.progress, this.intro, this.body);
    this.root.setAttribute('aria-labelledby', 'batch-title');
    this.draw();
  }

  /** The rows the table keeps (every one, not only those drawn), in its order. */
  kept() {
    return shownRows(this.view, this.rows);
  }

  /** The summary and the rule counts as their CSV exports. */
  csvs() {
    return [summaryCsv(this.view, this.rows), rulesCsv(this.rows)];
  }

  /** Changes the view (sort, filters) and redraws; the app keeps it. */
  set(change) {
    this.view = { ...this.view, ...change };
    this.draw();
    this.actions.viewChanged();
  }

  setRows(rows) {
    this.rows = rows;
    this.trs.clear();
    this.draw();
  }

  add(rows) {
    const ids = new Set(rows.map((r) => r.id));
    this.rows = this.rows.filter((r) => !ids.has(r.id)).concat(rows);
    for (const id of ids) this.trs.delete(id);
    this.draw();
  }

  remove(ids) {
    const gone = new Set(ids);
    this.rows = this.rows.filter((r) => !gone.has(r.id));
    for (const id of ids) this.trs.delete(id);
    this.draw();
  }

  mark(id, reviewed, fromTable) {
    const row = this.rows.find((r) => r.id === id);
    if (!row) return;
    row.reviewed = reviewed;
    this.trs.delete(id);
    this.draw();
    if (fromTable) this.actions.mark(id, reviewed);
  }

  setProgress(p) {
    this.progress.hidden = !p;
    if (!p) {
      delete this.progress.dataset.done;
      delete this.progress.dataset.total;
      return;
    }
    this.bar.max = p.total;
    this.bar.value = p.done;
    this.progress.dataset.done = p.done;
    this.progress.dataset.total = p.total;
    this.progressText.textContent = `已检查 ${p.done} / ${p.total} 份`;
    this.current.textContent = p.current ? `正在读取：${p.current}` : '';
  }

  draw() {
    const rows = this.rows;
    const v = this.view;
    this.clearButton.disabled = rows.length === 0;
    this.exports.hidden = rows.length === 0;
    this.intro.hidden = rows.length > 0;
    this.body.hidden = rows.length === 0;
    this.tallyLine.textContent = tally(rows);
    this.verdictSelect.value = v.verdict ?? '';
    this.reviewedSelect.value = v.reviewed == null ? '' : v.reviewed ? '1' : '0';
    this.codeChip.hidden = v.code == null;
    if (v.code != null) {
      this.codeChip.dataset.code = v.code;
      this.codeChip.setAttribute('aria-label', `取消按规则筛选：${v.code}`);
      this.codeChip.replaceChildren('规则：', el('code', { text: v.code }), ' ×');
    }
    this.ruleList.replaceChildren(...ruleCounts(rows).map((c) => el('li', {},
      el('button', {
        type: 'button', class: 'chip', 'data-testid': 'batch-rule-count', 'data-code': c.code, 'data-findings': c.findings,
        'data-reports': c.reports, 'aria-pressed': String(v.code === c.code), title: `${c.reports}份报告中共${c.findings}处`,
        onclick: () => this.set({ code: v.code === c.code ? null : c.code }),
      }, el('code', { text: c.code }), ' ', el('span', { class: 'n', text: String(c.findings) })))));
    COLUMNS.forEach(([key], i) => {
      const th = this.heads[i];
      const sorted = v.sort === key;
      th.setAttribute('aria-sort', sorted ? (v.desc ? 'descending' : 'ascending') : 'none');
      th.querySelector('span').textContent = sorted ? (v.desc ? ' ▼' : ' ▲') : '';
    });
    const kept = shownRows(v, rows);
    const shown = kept.slice(0, v.limit);
    this.shownLine.textContent = kept.length === rows.length ? `共${rows.length}份` : `筛选出${kept.length}份（共${rows.length}份）`;
    this.shownLine.dataset.kept = kept.length;
    this.shownLine.dataset.total = rows.length;
    this.more.hidden = kept.length <= shown.length;
    this.more.textContent = `再显示${Math.min(PAGE, kept.length - shown.length)}份（还有${kept.length - shown.length}份未显示）`;
    this.tbody.replaceChildren(...shown.map((r) => this.tr(r)));
    this.highlight(this.opened);
  }

  /** Marks the row last opened. */
  highlight(id) {
    this.opened = id;
    for (const tr of this.tbody.querySelectorAll('tr.opened')) tr.classList.remove('opened');
    if (id != null) this.trs.get(id)?.classList.add('opened');
  }

  tr(r) {
    let tr = this.trs.get(r.id);
    if (tr) return tr;
    const v = verdict(r);
    const why = reason(r);
    const file = el('td', { class: 'file', 'data-label': '文件' },
      r.unreadable == null ? el('button', { type: 'button', class: 'link', 'data-testid': 'batch-open', text: r.path }) : el('span', { text: r.path }));
    if (why) file.append(el('span', { class: 'reason', 'data-testid': 'batch-reason', text: why }));
    const cell = (label, testid, value, props = {}) =>
      el('td', { 'data-label': label, 'data-testid': testid, ...props }, value == null ? unknown() : String(value));
    tr = el('tr', { 'data-testid': 'batch-row', 'data-id': r.id, 'data-verdict': v, 'data-name': r.name },
      file,
      cell('机关', 'batch-agency', r.agency),
      cell('年度', 'batch-year', r.year),
      cell('模板', 'batch-template', templateText(r.template), { 'data-template': r.template ?? '' }),
      cell('错误', 'batch-errors', r.errors ?? 0, { class: r.errors ? 'num count-error' : 'num' }),
      cell('警告', 'batch-warnings', r.warnings ?? 0, { class: r.warnings ? 'num count-warning' : 'num' }),
      cell('结论', 'batch-verdict', verdictText(r), { class: `v-${v}` }),
      el('td', { 'data-label': '已审' }, el('input', { type: 'checkbox', 'data-testid': 'batch-reviewed', 'aria-label': `已审：${r.path}`, checked: !!r.reviewed })));
    this.trs.set(r.id, tr);
    return tr;
  }
}
