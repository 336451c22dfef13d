// The reviewer's batch: files dropped or picked many at once (or a whole
// folder) are checked in a pool of web workers (batch-worker.js, one per
// core) and summed up in one table (batch-view.js). The batch — each
// file's row and text, the table's sort and filters, which rows are 已审 —
// is kept in the browser's IndexedDB (batch-db.js), so that it survives a
// reload and a closed tab; it is never uploaded. When the browser refuses
// storage (a private window, a full disk) the batch still works, held in
// this page's memory, and the page says so.
//
// Loaded by boot.js on first use (window.nianbaoBatch), never on the
// page's first load. The app (Rust, src/app/batch) draws the pickers, the
// 单份检查 / 批量检查 switch (wired by boot.js) and two empty places,
// #batch-root (the batch) and #batch-back (the bar above an opened row's
// report); this module draws those places, shows one view or the other,
// and calls the app's batchOpen (a row's text into the single-report view)
// and batchTell (a message in the notice bar). A mark in local storage
// ('nianbao.batch') tells boot.js that there is a batch to bring back.
//
// Year against year: once a batch's files are checked, the rows are
// paired with their agency's report for the year before by the checker's
// previousYears (report::pairing, the CLI's own — never a pairing here),
// or as the reviewer paired them by hand (与上一年报告配对, kept with the
// row); a row whose pair changed is checked again against its last year,
// and an opened row is shown checked against it. The exports — the data
// set (long, wide), the workbook, the feedback letters — are written by
// the workers' checker too (the CLI's writers), from the kept texts.

import { openBatchDb, message } from './batch-db.js';
import { BatchView, DEFAULT_VIEW } from './batch-view.js';

/** How often the table is redrawn while a batch runs. */
const FLUSH_MS = 150;
/** Files sent ahead to each worker, so that none waits for the next. */
const AHEAD = 4;

let table = null;
let attaching = null;
let dbPromise = null;
let storageProblem = null;
/** Texts the database does not keep, by row id. */
const memory = new Map();
let nextId = 1;
let pool = null;
let run = null;

const tell = (level, text) => window.nianbaoApp?.batchTell(level, text);

/** The database, or null when the browser refuses it (`storageProblem` says why). */
function database() {
  dbPromise ??= openBatchDb().catch((err) => {
    storageProblem = message(err);
    return null;
  });
  return dbPromise;
}

const refused = (why) =>
  `浏览器拒绝在本机保存批量检查的结果（${why}）；本批文件仍可检查和查看，但只保存在当前页面中，关闭或重新加载页面后将丢失`;

/** Runs a write to the database; a failure becomes a message (the batch goes on in memory). */
async function keep(what, write) {
  const db = await database();
  if (!db) return;
  try {
    await write(db);
  } catch (err) {
    tell('warning', `无法在本机保存${what}（${message(err)}）；关闭或重新加载页面后将丢失`);
  }
}

/** The page's elements this module shows, hides or updates. */
const page = {
  root: () => document.getElementById('batch-root'),
  back: () => document.getElementById('batch-back'),
  work: () => document.querySelector('main.work'),
  mode: (which) => document.querySelector(`[data-testid=mode-${which}]`),
};

/**
 * Draws the batch (once) and brings back the batch kept in this browser,
 * shown if the reviewer left it shown.
 */
export function attach() {
  attaching ??= restore();
  return attaching;
}

async function restore() {
  table = new BatchView(page.root(), {
    open,
    mark: (id, reviewed) => mark(id, reviewed),
    cancel,
    clear,
    viewChanged: saveView,
    exportDataset,
    exportXlsx,
    exportLetters,
  });
  const db = await database();
  if (!db) {
    tell('warning', refused(storageProblem));
    return;
  }
  try {
    const [rows, view, next] = await Promise.all([db.getAll('rows'), db.get('meta', 'view'), db.get('meta', 'next')]);
    nextId = Math.max(next ?? 1, ...rows.map((r) => r.id + 1));
    table.view = { ...DEFAULT_VIEW, ...(view ?? {}) };
    table.setRows(rows);
    counted();
    if (rows.length && table.view.shown) display(true, table.view.scroll);
  } catch (err) {
    tell('warning', `无法读取本机保存的批量检查结果：${message(err)}`);
  }
}

/** The batch's size, on the switch; and whether this browser keeps a batch. */
function counted() {
  const n = table.rows.length;
  page.mode('batch').textContent = n ? `批量检查（${n}份）` : '批量检查';
  try {
    if (n) localStorage.setItem('nianbao.batch', '1');
    else localStorage.removeItem('nianbao.batch');
  } catch {
    // Without local storage the batch is not brought back on its own: 批量检查 still opens it.
  }
}

function saveView() {
  const view = { ...table.view };
  keep('批量检查的视图', (db) => db.put('meta', view, 'view'));
}

/** Which view is on screen: the batch (scrolled to `top`), or one report (with the bar back when it is a row of the batch). */
function display(batch, top) {
  const again = batch && page.root().hidden;
  page.root().hidden = !batch;
  page.work().hidden = batch;
  page.mode('batch').setAttribute('aria-pressed', String(batch));
  page.mode('single').setAttribute('aria-pressed', String(!batch));
  drawBack();
  if (again) requestAnimationFrame(() => scrollTo(0, top));
}

/** Shows the batch, scrolled where the reviewer left it. */
export async function show() {
  await attach();
  table.view.shown = true;
  display(true, table.view.scroll);
  saveView();
}

/** Shows the single-report view; where the batch was scrolled to is kept. */
export async function hide() {
  await attach();
  if (!page.root().hidden) table.view.scroll = Math.round(scrollY);
  table.view.shown = false;
  display(false);
  saveView();
}

/** The bar above a row's report: back to the batch, and 已审. */
function drawBack() {
  const bar = page.back();
  const row = table.rows.find((r) => r.id === table.opened);
  if (!row || !page.root().hidden) {
    bar.replaceChildren();
    bar.className = '';
    return;
  }
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: !!row.reviewed });
  box.dataset.testid = 'batch-back-reviewed';
  box.addEventListener('change', () => mark(row.id, box.checked));
  const back = Object.assign(document.createElement('button'), { type: 'button', textContent: '← 返回批量' });
  back.dataset.testid = 'batch-back';
  back.addEventListener('click', show);
  const path = Object.assign(document.createElement('span'), { className: 'path', textContent: `批量中的文件：${row.path}` });
  const label = document.createElement('label');
  label.append(box, ' 已审');
  bar.className = 'back-bar';
  // 与上一年报告配对: as the batch pairs it, none, or any other row of the batch.
  const describe = (r) => `${r.agency ?? '机关未识别'} ${r.year ?? '年度未识别'} · ${r.path}`;
  const select = document.createElement('select');
  select.dataset.testid = 'batch-pair';
  const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });
  select.append(option('', '自动配对'), option('0', '不配对'));
  for (const r of table.rows) if (r.id !== row.id && r.unreadable == null) select.append(option(String(r.id), describe(r)));
  select.value = row.pairManual === undefined ? '' : String(row.pairManual);
  select.addEventListener('change', () => pairWith(row.id, select.value === '' ? undefined : Number(select.value)));
  const last = lastOf(row);
  const paired = Object.assign(document.createElement('span'), {
    className: 'paired',
    textContent: last ? `上一年报告：${describe(last)}` : '未与上一年报告配对',
  });
  paired.dataset.testid = 'batch-paired';
  paired.dataset.previous = last ? String(last.id) : '';
  const pairing = document.createElement('label');
  pairing.append('与上一年报告配对 ', select);
  bar.setAttribute('role', 'navigation');
  bar.setAttribute('aria-label', '批量检查');
  bar.dataset.testid = 'batch-back-bar';
  bar.replaceChildren(back, path, label, pairing, paired);
}

async function open(row) {
  const text = await textOf(row);
  if (text == null) {
    tell('error', `找不到 ${row.path} 的文本`);
    return;
  }
  const last = lastOf(row);
  const lastText = last ? await textOf(last) : null;
  table.highlight(row.id);
  window.nianbaoApp.batchOpen(row.name, text, lastText == null ? undefined : last.name, lastText ?? undefined);
  await hide();
  requestAnimationFrame(() => scrollTo(0, 0));
}

/** The row a row is checked against as its last year. */
const lastOf = (row) => (row.previous == null ? null : table.rows.find((r) => r.id === row.previous) ?? null);

// ------------------------------------------------------------------ year against year

/**
 * Pairs the batch's rows with their agency's last year (the checker's
 * previousYears over the rows' keys in the order they were added, unless
 * the reviewer paired a row by hand), and checks again, against its last
 * year, each row whose pair changed.
 */
async function pair(me = {}) {
  const rows = [...table.rows].sort((a, b) => a.id - b.id);
  if (!rows.length) return;
  const previous = JSON.parse(await call('previousYears', JSON.stringify(rows.map((r) => r.key ?? null))));
  const ids = new Set(rows.map((r) => r.id));
  const changed = [];
  rows.forEach((row, i) => {
    if (row.unreadable != null) return;
    const auto = previous[i] == null ? null : rows[previous[i]].id;
    const manual = row.pairManual !== undefined && (row.pairManual === 0 || ids.has(row.pairManual));
    const want = manual ? row.pairManual || null : auto;
    if ((row.previous ?? null) !== want) changed.push({ row, want });
  });
  if (!changed.length) return;
  let done = 0;
  table.setProgress({ done, total: changed.length, current: '与上一年报告比对' });
  const updated = await Promise.all(changed.map(async ({ row, want }) => {
    const last = want == null ? null : rows.find((r) => r.id === want);
    const text = await textOf(row);
    if (text == null || me.cancelled) return null;
    // Against what the worker that checked last year's report keeps of it; else its text checked again.
    const holder = last && keptBy.get(last.id);
    let json = holder && pool?.workers.includes(holder) ? await callOn(holder, 'checkAgainstKept', last.id, text, row.name) : undefined;
    let paired = json !== undefined;
    if (json === undefined) {
      const lastText = last ? await textOf(last) : null;
      paired = lastText != null;
      json = await call('checkText', text, row.name, lastText ?? undefined, paired ? last.name : undefined);
    }
    table.setProgress({ done: ++done, total: changed.length, current: '与上一年报告比对' });
    return { ...row, ...JSON.parse(json), previous: paired ? want : null };
  }));
  const rowsNow = updated.filter(Boolean);
  if (me.cancelled || !rowsNow.length) return;
  table.add(rowsNow);
  await keep('批量检查的结果', async (db) => {
    const tx = db.transaction('rows', 'readwrite');
    for (const r of rowsNow) tx.store.put(r);
    await tx.done;
  });
}

/** Pairs a row by hand: with another row (its id), with none (0), or as the batch pairs it (undefined). */
export async function pairWith(id, with_) {
  await attach();
  const row = table.rows.find((r) => r.id === id);
  if (!row) return;
  if (run) {
    tell('warning', '批量检查正在进行，请等它完成后再配对');
    drawBack();
    return;
  }
  run = { cancelled: false };
  const me = run;
  try {
    const changed = { ...row, pairManual: with_ };
    if (with_ === undefined) delete changed.pairManual;
    table.add([changed]);
    await pair(me);
    const now = table.rows.find((r) => r.id === id);
    await keep('配对', (db) => db.put('rows', now));
    if (table.opened === id) {
      const last = lastOf(now);
      tell('info', last ? `已与 ${last.path} 配对，按上一年报告重新检查` : '已取消与上一年报告的配对');
      await open(now);
    }
  } catch (err) {
    tell('error', `配对失败：${message(err)}`);
  } finally {
    if (run === me) run = null;
    table.setProgress(null);
  }
}

/** Marks a row 已审 (or not), in the table and in the kept batch. */
export async function mark(id, reviewed) {
  await attach();
  table.mark(id, reviewed, false);
  await keep('“已审”标记', async (db) => {
    const tx = db.transaction('rows', 'readwrite');
    const row = await tx.store.get(id);
    if (row) await tx.store.put({ ...row, reviewed });
    await tx.done;
  });
}

// ------------------------------------------------------------------ files

/** What operating systems leave in folders (.DS_Store, Thumbs.db…): named in a message, not checked. */
const isSystemFile = (name) => name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);

/** Files and dropped entries (a folder walked in name order) → [{file, path}]. */
async function collect(items) {
  const files = [];
  const skipped = [];
  const add = (file, path) => (isSystemFile(file.name) ? skipped.push(path) : files.push({ file, path }));
  const readAll = async (dir) => {
    const reader = dir.createReader();
    const all = [];
    for (;;) {
      const some = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!some.length) return all;
      all.push(...some);
    }
  };
  const walk = async (entry) => {
    if (entry.isDirectory) {
      const children = await readAll(entry);
      children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of children) await walk(c);
    } else {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      add(file, entry.fullPath.replace(/^\//, ''));
    }
  };
  for (const item of items) {
    if (item instanceof File) add(item, item.webkitRelativePath || item.name);
    else if (item) await walk(item);
  }
  return { files, skipped };
}

// ------------------------------------------------------------------ the pool

/** The worker that keeps what last year's rules read of a row (the one that checked it), by row id. */
const keptBy = new Map();

/** Calls under way, by id: {resolve, reject, slot}. */
const calls = new Map();
let callId = 0;

function startPool(size, store) {
  const workers = [];
  for (let i = 0; i < size; i++) {
    const w = new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module', name: `nianbao-batch-${i}` });
    const slot = { w, busy: 0, calls: 0, handler: null };
    // A call's result goes to its caller; the rest to the batch being checked.
    w.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'result') {
        const c = calls.get(m.id);
        calls.delete(m.id);
        slot.calls--;
        if (c) m.error === undefined ? c.resolve(m.value) : c.reject(new Error(m.error));
      } else if (m.type === 'failed') {
        for (const [id, c] of calls) if (c.slot === slot) (calls.delete(id), c.reject(new Error(m.error)));
        slot.handler?.(m);
      } else {
        slot.handler?.(m);
      }
    };
    w.onerror = (e) => {
      for (const [id, c] of calls) if (c.slot === slot) (calls.delete(id), c.reject(new Error(e.message || '无法加载')));
      slot.error?.(e);
    };
    w.postMessage({ type: 'init', store });
    workers.push(slot);
  }
  return { workers, store };
}

function stopPool() {
  for (const { w } of pool?.workers ?? []) w.terminate();
  for (const c of calls.values()) c.reject(new Error('已取消'));
  calls.clear();
  keptBy.clear();
  pool = null;
}

/** The pool, started if there is none (the workers then keep no texts: the page sends them). */
function ensurePool() {
  if (!pool) pool = startPool(Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8)), false);
  return pool;
}

/** Runs one of the checker's exports in the least busy worker. */
function call(fn, ...args) {
  const slots = ensurePool().workers;
  return callOn(slots.reduce((a, b) => (b.busy + b.calls < a.busy + a.calls ? b : a)), fn, ...args);
}

function callOn(slot, fn, ...args) {
  slot.calls++;
  const id = ++callId;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject, slot });
    slot.w.postMessage({ type: 'call', id, fn, args });
  });
}

/** A row's text: in this page's memory, or kept in the database. */
async function textOf(row) {
  return memory.get(row.id) ?? (await (await database())?.get('texts', row.id)) ?? null;
}

/**
 * Checks `items` (Files, or FileSystemEntry from a dropped folder) into the
 * batch. Resolves when every file has its row, or when the batch is
 * cancelled (the files checked keep their rows; the rest get none).
 */
export async function start(items) {
  await attach();
  if (run) {
    tell('warning', '上一批文件正在检查，请等它完成或取消后再添加');
    return;
  }
  await show();
  run = { cancelled: false };
  const me = run;
  try {
    await check(me, items);
    if (!me.cancelled) await pair(me);
  } catch (err) {
    if (!me.cancelled) tell('error', `批量检查失败：${message(err)}`);
  } finally {
    if (run === me) run = null;
    table.setProgress(null);
    counted();
  }
}

async function check(me, items) {
  const { files, skipped } = await collect(items);
  if (me.cancelled) {
    tell('info', '已取消：没有文件被检查');
    return;
  }
  const db = await database();
  if (!db) tell('warning', refused(storageProblem));
  const total = files.length;
  const skippedNote = skipped.length ? `；另有${skipped.length}个系统文件（${skipped.slice(0, 3).join('、')}）未检查` : '';
  if (!total) {
    tell('info', `没有可检查的文件${skippedNote}`);
    return;
  }
  // A file given again (same path) replaces its row.
  const byPath = new Map(table.rows.map((r) => [r.path, r.id]));
  const replaced = files.map((f) => byPath.get(f.path)).filter((id) => id !== undefined);
  if (replaced.length) {
    table.remove(replaced);
    for (const id of replaced) memory.delete(id);
    await keep('批量检查的结果', (db) => forget(db, replaced));
  }
  const first = await reserve(files.length);
  const jobs = files.map((f, i) => ({ id: first + i, ...f }));
  navigator.storage?.persist?.().catch(() => {});

  const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8, total));
  if (!pool || pool.workers.length < size || pool.store !== !!db) {
    stopPool();
    pool = startPool(size, !!db);
  }
  const workers = pool.workers;
  const got = new Set();
  let next = 0;
  let pending = [];
  let timer = 0;
  let reading = jobs[0].path;
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    if (pending.length) table.add(pending);
    pending = [];
    table.setProgress({ done: got.size, total, current: reading });
    counted();
  };
  const feed = (slot) => {
    while (slot.busy < AHEAD && next < jobs.length) {
      const job = jobs[next++];
      reading = job.path;
      slot.busy++;
      slot.w.postMessage({ type: 'file', ...job });
    }
  };
  table.setProgress({ done: 0, total, current: reading });
  const cancelled = await new Promise((resolve) => {
    me.stop = () => resolve(true);
    const fail = (text) => {
      tell('error', text);
      cancel();
    };
    for (const slot of workers) {
      slot.handler = (m) => {
        if (me.cancelled) return;
        if (m.type === 'failed') return fail(`无法启动检查程序：${m.error}`);
        if (m.type !== 'row') return;
        slot.busy--;
        got.add(m.row.id);
        keptBy.set(m.row.id, slot);
        if (m.text !== undefined) memory.set(m.row.id, m.text);
        if (m.storeError && !me.unsaved) {
          me.unsaved = `无法在本机保存批量检查的结果（${m.storeError}）；此后的文件只保存在当前页面中，关闭或重新加载页面后将丢失`;
          for (const s of workers) s.w.postMessage({ type: 'store', store: false });
          tell('warning', me.unsaved);
        }
        pending.push(m.row);
        if (got.size === total) return resolve(false);
        timer ||= setTimeout(flush, FLUSH_MS);
        feed(slot);
      };
      slot.error = (e) => fail(`检查程序出错：${e.message || '无法加载'}`);
    }
    for (const slot of workers) feed(slot);
  });
  flush();
  if (cancelled) {
    // A worker stopped mid-file may have kept its row: the files not heard of get none.
    const left = jobs.filter((j) => !got.has(j.id)).map((j) => j.id);
    await keep('批量检查的结果', (db) => forget(db, left));
    tell('info', `已取消：检查了${got.size}份，其余${total - got.size}份未检查${skippedNote}`);
  } else if (!db) {
    tell('warning', `已检查${total}份文件${skippedNote}。${refused(storageProblem)}`);
  } else if (me.unsaved) {
    tell('warning', `已检查${total}份文件${skippedNote}。${me.unsaved}`);
  } else {
    tell('info', `已检查${total}份文件${skippedNote}`);
  }
}

/** Stops the batch under way at once. */
export function cancel() {
  const me = run;
  if (!me) return;
  me.cancelled = true;
  run = null;
  stopPool();
  me.stop?.();
}

/**
 * `count` new row ids, the first returned. Taken from the database in one
 * transaction, so that two tabs adding files to the batch never share one.
 */
async function reserve(count) {
  const db = await database();
  if (db) {
    try {
      const tx = db.transaction('meta', 'readwrite');
      const first = Math.max((await tx.store.get('next')) ?? 1, nextId);
      await tx.store.put(first + count, 'next');
      await tx.done;
      nextId = first + count;
      return first;
    } catch {
      // The batch goes on with this page's own count (the write's failure is told elsewhere).
    }
  }
  nextId += count;
  return nextId - count;
}

async function forget(db, ids) {
  if (!ids.length) return;
  const tx = db.transaction(['rows', 'texts'], 'readwrite');
  for (const id of ids) {
    tx.objectStore('rows').delete(id);
    tx.objectStore('texts').delete(id);
  }
  await tx.done;
}

/** Removes the whole batch: its rows, texts and view, here and in the database. */
export async function clear() {
  await attach();
  cancel();
  stopPool();
  memory.clear();
  table.setRows([]);
  table.view = { ...DEFAULT_VIEW };
  table.draw();
  counted();
  const db = await database();
  if (!db) {
    tell('info', '已清空批量检查');
    return;
  }
  try {
    // The next id stays: a row of another tab is never given the id of one of this.
    const tx = db.transaction(['rows', 'texts', 'meta'], 'readwrite');
    await Promise.all([tx.objectStore('rows').clear(), tx.objectStore('texts').clear(), tx.objectStore('meta').delete('view'), tx.done]);
    tell('info', '已清空批量检查，本机保存的文件和结果也已删除');
  } catch (err) {
    tell('warning', `无法删除本机保存的批量检查结果：${message(err)}`);
  }
}

// ------------------------------------------------------------------ exports

function save(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Runs an export, its progress shown, its failure said. */
async function exporting(what, work) {
  await attach();
  if (run) {
    tell('warning', '批量检查正在进行，请等它完成后再导出');
    return;
  }
  run = { cancelled: false };
  const me = run;
  try {
    await work(me);
  } catch (err) {
    tell('error', `${what}失败：${message(err)}`);
  } finally {
    if (run === me) run = null;
    table.setProgress(null);
  }
}

/** Each row the table keeps, in its order, through `each(row, text)` in the workers; the results in order. */
async function eachRow(me, what, rows, each) {
  let done = 0;
  table.setProgress({ done, total: rows.length, current: what });
  return Promise.all(rows.map(async (row) => {
    const text = row.unreadable == null ? await textOf(row) : null;
    if (me.cancelled) throw new Error('已取消');
    const out = await each(row, text);
    table.setProgress({ done: ++done, total: rows.length, current: what });
    return out;
  }));
}

/** The data set of the rows the table keeps, as the CLI writes it: [long (a line a cell), wide (a line a report)]. */
async function dataset(me) {
  const rows = table.kept();
  const lines = await eachRow(me, '数据集', rows, (row, text) =>
    call('datasetRows', text ?? undefined, row.name, row.path, text == null ? (row.unreadable ?? '找不到文本') : undefined));
  const [long, wide] = await Promise.all([call('datasetHeader', false), call('datasetHeader', true)]);
  return [long + lines.map((l) => l[0]).join(''), wide + lines.map((l) => l[1]).join('')];
}

export function exportDataset(wide) {
  return exporting('导出数据集', async (me) => {
    const csv = (await dataset(me))[wide ? 1 : 0];
    save(wide ? '数据集（宽表）.csv' : '数据集（长表）.csv', csv, 'text/csv;charset=utf-8');
  });
}

/** The workbook: the summary and rule counts (as their CSV), the data set wide and long. */
export function exportXlsx() {
  return exporting('导出XLSX', async (me) => {
    const [summary, rules] = table.csvs();
    const [long, wide] = await dataset(me);
    const book = await call('workbook', ['汇总', '规则统计', '数据集（宽表）', '数据集（长表）'], [summary, rules, wide, long]);
    save('批量检查.xlsx', book, XLSX);
  });
}

/** A feedback letter (.docx) for each report the table keeps, in one zip. */
export function exportLetters() {
  return exporting('导出反馈意见', async (me) => {
    const rows = table.kept().filter((r) => r.unreadable == null && r.unrecognised == null);
    if (!rows.length) {
      tell('info', '没有可写反馈意见的报告');
      return;
    }
    const letters = await eachRow(me, '反馈意见', rows, async (row, text) => {
      const last = lastOf(row);
      const lastText = last ? await textOf(last) : null;
      const [name, bytes] = await Promise.all([
        call('letterName', row.path, 'docx'),
        call('letterDocx', text ?? '', row.name, row.path, lastText ?? undefined, lastText == null ? undefined : last.name),
      ]);
      return { name, bytes };
    });
    // Two files of one name (in two folders) get (2), (3)…
    const seen = new Map();
    const names = letters.map(({ name }) => {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return n === 1 ? name : name.replace(/\.docx$/, `（${n}）.docx`);
    });
    const all = new Uint8Array(letters.reduce((n, l) => n + l.bytes.length, 0));
    let at = 0;
    for (const l of letters) (all.set(l.bytes, at), (at += l.bytes.length));
    const zip = await call('zipFiles', names, all, new Uint32Array(letters.map((l) => l.bytes.length)));
    save('反馈意见.zip', zip, 'application/zip');
    tell('info', `已导出${letters.length}份反馈意见`);
  });
}

/** The feedback letter of the report in the single-report view (Word, or text). */
async function letterOfShown(kind) {
  const [name, text, lastName, lastText] = window.nianbaoApp.batchCurrent();
  if (!text || !text.trim()) {
    tell('info', '请先输入或打开一份报告');
    return;
  }
  try {
    const fn = kind === 'docx' ? 'letterDocx' : 'letterText';
    const [file, content] = await Promise.all([call('letterName', name, kind), call(fn, text, name, name, lastText, lastName)]);
    save(file, content, kind === 'docx' ? DOCX : 'text/plain;charset=utf-8');
  } catch (err) {
    tell('error', `无法生成反馈意见：${message(err)}`);
  }
}

export const letterDocx = () => letterOfShown('docx');
export const letterText = () => letterOfShown('txt');
