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
  bar.setAttribute('role', 'navigation');
  bar.setAttribute('aria-label', '批量检查');
  bar.dataset.testid = 'batch-back-bar';
  bar.replaceChildren(back, path, label);
}

async function open(row) {
  const text = memory.get(row.id) ?? (await (await database())?.get('texts', row.id));
  if (text == null) {
    tell('error', `找不到 ${row.path} 的文本`);
    return;
  }
  table.highlight(row.id);
  window.nianbaoApp.batchOpen(row.name, text);
  await hide();
  requestAnimationFrame(() => scrollTo(0, 0));
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

function startPool(size, store) {
  const workers = [];
  for (let i = 0; i < size; i++) {
    const w = new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module', name: `nianbao-batch-${i}` });
    w.postMessage({ type: 'init', store });
    workers.push({ w, busy: 0 });
  }
  return { workers, store };
}

function stopPool() {
  for (const { w } of pool?.workers ?? []) w.terminate();
  pool = null;
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
  } catch (err) {
    tell('error', `批量检查失败：${message(err)}`);
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
      slot.w.onmessage = (e) => {
        const m = e.data;
        if (me.cancelled) return;
        if (m.type === 'failed') return fail(`无法启动检查程序：${m.error}`);
        if (m.type !== 'row') return;
        slot.busy--;
        got.add(m.row.id);
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
      slot.w.onerror = (e) => fail(`检查程序出错：${e.message || '无法加载'}`);
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
