// One worker of the batch's pool (started by batch.js): reads each file it
// is sent, checks it and keeps its text in IndexedDB, and sends back the
// summary row — never the report, and the text only when the page's
// storage is refused (then the page keeps it in memory).
//
// Files are read as the CLI reads them: the checker's WebAssembly
// (bin batch-checker, src/app/worker) decodes .txt/.md (UTF-8, UTF-16,
// GB18030), .html and .docx with the core's own readers; a .pdf goes
// through pdf.js as in the single-report view (inputs.js).
//
// Messages in: {type: 'init', store}, {type: 'file', id, path, file},
// {type: 'store', store: false}, {type: 'call', id, fn, args}. Out:
// {type: 'ready'}, {type: 'row', row, text?, storeError?},
// {type: 'result', id, value | error}.
//
// A call runs one of the checker's exports (CALLS) on what the page sends:
// a row checked against its last year, the pairs, the data set's lines, a
// feedback letter, a zip, a workbook.

import init, * as checker from './batch-checker.js';
import { readFile, checkKept, pdfText } from './batch-checker.js';
import { openBatchDb, message } from './batch-db.js';

const MAX_BYTES = 20 * 1024 * 1024;

let ready = null;
let db = null;

async function setup(store) {
  await init();
  if (store) {
    try {
      db = await openBatchDb();
    } catch {
      db = null; // the page has opened it already; if this fails, texts go back to the page
    }
  }
}

const isPdf = (name, bytes) =>
  name.toLowerCase().endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);

async function textOf(file) {
  if (file.size > MAX_BYTES) {
    throw new Error(`文件过大（${(file.size / 1048576).toFixed(1)} MB）；年度报告全文通常不超过1 MB`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isPdf(file.name, bytes)) {
    // pdf.js parses here, in this worker, rather than in a worker of its own.
    globalThis.pdfjsWorker ??= await import('./pdfjs/pdf.worker.min.mjs');
    const { pdfItems } = await import('./inputs.js');
    return pdfText(JSON.stringify(await pdfItems(bytes)));
  }
  return readFile(file.name, bytes);
}

/** Files checked whose row and text are being kept: sent on once kept. */
let unsaved = [];
let saving = false;

async function check({ id, path, file }) {
  const row = { id, path, name: file.name, size: file.size, reviewed: false };
  let text = null;
  try {
    text = await textOf(file);
    Object.assign(row, JSON.parse(checkKept(id, text, file.name)));
  } catch (err) {
    row.unreadable = message(err);
  }
  if (!db) {
    postMessage({ type: 'row', row, text: text ?? undefined });
    return;
  }
  unsaved.push({ row, text });
  if (!saving) save();
}

/**
 * Keeps the rows checked (and their texts) in IndexedDB, all those waiting
 * in one transaction, while the next files are being checked; each row
 * goes to the page once kept. Should the database refuse (a full disk),
 * the texts go to the page, which keeps them in memory.
 */
async function save() {
  saving = true;
  while (unsaved.length && db) {
    const some = unsaved;
    unsaved = [];
    let storeError;
    try {
      const tx = db.transaction(['rows', 'texts'], 'readwrite', { durability: 'relaxed' });
      for (const { row, text } of some) {
        if (text !== null) tx.objectStore('texts').put(text, row.id);
        tx.objectStore('rows').put(row);
      }
      await tx.done;
    } catch (err) {
      storeError = message(err);
      db = null;
    }
    for (const { row, text } of some) {
      postMessage({ type: 'row', row, text: storeError === undefined ? undefined : (text ?? undefined), storeError });
    }
  }
  for (const { row, text } of unsaved.splice(0)) postMessage({ type: 'row', row, text: text ?? undefined });
  saving = false;
}

// Files are checked one after the other, in the order sent.
let queue = Promise.resolve();

/** The checker's exports the page may call. */
const CALLS = new Set(['checkText', 'checkAgainstKept', 'previousYears', 'datasetHeader', 'datasetRows', 'letterText', 'letterDocx', 'letterName', 'zipFiles', 'workbook']);

function call({ id, fn, args }) {
  try {
    if (!CALLS.has(fn)) throw new Error(`unknown call ${fn}`);
    const value = checker[fn](...args);
    postMessage({ type: 'result', id, value }, value instanceof Uint8Array ? [value.buffer] : []);
  } catch (err) {
    postMessage({ type: 'result', id, error: message(err) });
  }
}

onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') {
    ready = setup(m.store);
    ready.then(() => postMessage({ type: 'ready' }), (err) => postMessage({ type: 'failed', error: message(err) }));
  } else if (m.type === 'store') {
    if (!m.store) db = null;
  } else if (m.type === 'file') {
    queue = queue.then(() => ready).then(() => check(m));
  } else if (m.type === 'call') {
    queue = queue.then(() => ready).then(() => call(m));
  }
};
