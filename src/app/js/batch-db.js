// The batch's IndexedDB database, shared by the page (batch.js) and its
// workers (batch-worker.js), through idb (npm, Jake Archibald's small
// promise wrapper over IndexedDB). Nothing here ever leaves the machine.
//
//   rows:  one summary row a file, keyed by its `id`: the file's path, name
//          and size, what the checker read (agency, year, template, counts,
//          findings per rule), why it is no report, and `reviewed` (已审)
//   texts: each file's text, keyed by the row's id (written by the worker
//          that read the file, in the same transaction as its row)
//   meta:  'view' → the summary table's sort, filters and scroll, as the
//          app writes them; 'next' → the next row id

import { openDB } from './idb/index.js';

const NAME = 'nianbao-batch';

export async function openBatchDb() {
  return openDB(NAME, 1, {
    upgrade(db) {
      db.createObjectStore('rows', { keyPath: 'id' });
      db.createObjectStore('texts');
      db.createObjectStore('meta');
    },
  });
}

/** A thrown error as a short message (DOMException names included: QuotaExceededError…). */
export function message(err) {
  if (err && err.name === 'QuotaExceededError') return '存储空间已满（QuotaExceededError）';
  if (err && err.message) return err.message;
  return String(err);
}
