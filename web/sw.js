// sw.js: the service worker. Precaches the page (HTML, script, wasm with its font, styles, icon)
// under a cache named for this build, so Cultivate opens offline; a new build installs beside the
// old one, takes over, and deletes the old cache. Built copies have VERSION and FILES filled in by
// web/build-page.mjs.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = 'cultivate-' + VERSION;
// Fonts fetched on demand (fonts/*.ttf): kept across versions, fetched once.
const FONTS = 'fonts-cultivate';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cultivate-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;  // links fetch other sites
  if (new URL(req.url).pathname.includes('/fonts/')) {
    event.respondWith(caches.open(FONTS).then((cache) => cache.match(req).then((hit) => hit || fetch(req).then((r) => {
      if (r.ok) cache.put(req, r.clone());
      return r;
    }))));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => {
      // The page itself, whatever its query or fragment: the cached index.html.
      const key = req.mode === 'navigate' ? './index.html' : req;
      return cache.match(key, { ignoreSearch: true }).then((hit) => hit || fetch(req));
    }));
});
