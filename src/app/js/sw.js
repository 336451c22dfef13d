// Keeps the app's files so that it opens and works offline after the first
// visit. The page is fetched from the network when there is one (so an
// update shows at once) and from the cache when not; the files it names
// carry a hash in their names, so they are served from the cache first.
const CACHE = 'nianbao-app-v1';
const LAZY = ['inputs.js', 'batch.js', 'batch-view.js', 'batch-db.js', 'batch-worker.js', 'batch-checker.js',
  'batch-checker_bg.wasm', 'idb/index.js',
  // The example reports (src/app/examples.rs), fetched when their button is clicked.
  'examples/000_a4b9aaf003e43d05.txt', 'examples/001_76d90fd474e57dbd.txt', 'examples/002_9ca5b3fc5e07fc94.txt',
  'examples/003_de92c8953c303105.txt', 'examples/004_e8c91993164e9814.txt',
  // The rules' documentation (src/app/components/rule_docs.rs), fetched when a rule's page is first opened.
  'rule-docs.tsv'];

// Same-origin files that a page's HTML names (href="…", src="…", data-…="…").
function named(html, base) {
  const urls = new Set();
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)="([^"#?]+)"/g)) {
    const url = new URL(m[1], base);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  return [...urls];
}

async function keepPage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const page = new URL('./', self.registration.scope).href;
  // inputs.js (HTML, .docx, .pdf decoding) and the batch (batch.js, its
  // workers and their checker) are loaded on first use, so the page does
  // not name them; kept here so that files open and batches run offline too.
  const files = [...named(html, page), ...LAZY.map((f) => new URL(f, page).href)];
  await cache.put(page, response.clone());
  // A file without a hash in its name may have changed: fetched again.
  const hashed = (url) => /-[0-9a-f]{16}[._]/.test(url);
  await Promise.all(files.map(async (url) => {
    if (!hashed(url) || !(await cache.match(url))) await cache.add(url);
  }));
  // Drop what the current page no longer names (an older build's files);
  // pdf.js (pdfjs/, a pinned version, fetched when a PDF is first opened) stays.
  const keep = new Set([page, ...files]);
  const pdfjs = new URL('pdfjs/', page).href;
  for (const request of await cache.keys()) {
    if (!keep.has(request.url) && !request.url.startsWith(pdfjs)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(new URL('./', self.registration.scope), { cache: 'no-cache' });
    if (response.ok) await keepPage(response);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request, { cache: 'no-cache' });
        if (response.ok) event.waitUntil(keepPage(response.clone()).catch(() => {}));
        return response;
      } catch (e) {
        const cached = await caches.match(new URL('./', self.registration.scope).href);
        if (cached) return cached;
        throw e;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  })());
});
