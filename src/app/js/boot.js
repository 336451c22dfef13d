// Loads the app (Trunk tells the hashed file names through data-js and
// data-wasm), registers the service worker that keeps the app for offline
// use, and shows the page's error banner when something fails.
const me = document.querySelector('script[data-js]');

function fatal(message) {
  const banner = document.getElementById('fatal');
  if (!banner) return;
  if (message) banner.querySelector('p').textContent = message;
  banner.hidden = false;
}

document.getElementById('fatal-reload')?.addEventListener('click', () => location.reload());

// A trap in the wasm (after a Rust panic) reaches here as an uncaught error.
addEventListener('error', (e) => {
  if (e.error instanceof WebAssembly.RuntimeError) fatal();
});
addEventListener('unhandledrejection', (e) => {
  if (e.reason instanceof WebAssembly.RuntimeError) fatal();
});

// Format decoding (pasted HTML, .html, .docx, .pdf) lives in inputs.js,
// fetched only when first needed; the app calls it through this.
window.nianbaoRead = async (kind, data) => (await import('./inputs.js')).read(kind, data);
// The batch (many files, workers, IndexedDB) lives in batch.js, likewise;
// the app draws its switch and pickers (data-batch), wired here.
const batch = (name, ...args) => import('./batch.js').then((m) => m[name](...args));
window.nianbaoBatch = batch;
addEventListener('click', (e) => {
  const what = e.target.closest?.('[data-batch]')?.dataset.batch;
  if (what === 'files' || what === 'folder') document.querySelector(`[data-testid=batch-${what === 'files' ? 'input' : 'folder'}]`).click();
  else if (what) batch(what);
});
addEventListener('change', (e) => {
  if (!e.target.matches?.('[data-batch-input]')) return;
  batch('start', [...e.target.files]);
  e.target.value = ''; // picking the same files again fires `change` again
});
// A drop (called by the app): several files, a folder, or anything while the
// batch is shown go to the batch. Its entries are read now: the drop's items
// are gone once its event is over.
window.nianbaoDrop = (dt) => {
  const items = [];
  let folder = false;
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? item.getAsFile();
    if (entry) items.push(entry);
    folder ||= !!entry?.isDirectory;
  }
  const shown = document.getElementById('batch-root')?.hidden === false;
  if (items.length > 1 || folder || (shown && items.length)) {
    batch('start', items);
    return true;
  }
  return false;
};

try {
  const app = await import(me.dataset.js);
  await app.default({ module_or_path: me.dataset.wasm });
  window.nianbaoApp = app;
  document.documentElement.dataset.ready = 'true';
  // A batch kept in this browser comes back (batch.js is loaded only then).
  let kept = null;
  try {
    kept = localStorage.getItem('nianbao.batch');
  } catch {}
  if (kept) batch('attach');
} catch (e) {
  console.error(e);
  fatal('无法启动年报体检：' + (e && e.message ? e.message : e) + '。请使用新版的 Chrome、Edge、Firefox 或 Safari 浏览器。');
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e) => {
    // Offline use is a convenience: the app works without it.
    console.warn('service worker not registered:', e);
  });
}
