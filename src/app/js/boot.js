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
// The batch (many files, workers, IndexedDB) lives in batch.js, likewise.
window.nianbaoBatch = async (name, ...args) => (await import('./batch.js'))[name](...args);

try {
  const app = await import(me.dataset.js);
  await app.default({ module_or_path: me.dataset.wasm });
  window.nianbaoApp = app;
  document.documentElement.dataset.ready = 'true';
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
