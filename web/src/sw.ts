/**
 * The service worker: after a first visit the page works offline. The page shell, script and styles are cached;
 * each country's rule pack is cached when the member first uses it. Pages are fetched fresh when online (so rules
 * stay current) and served from the cache when not.
 */
declare const self: ServiceWorkerGlobalScope;
declare const __BUILD_ID__: string;

const CACHE = `hbw-${__BUILD_ID__}`;
const SHELL = ["/", "/app.js", "/app.css", "/manifest.webmanifest"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("hbw-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  // Only our own GETs; the API and form posts always go to the network.
  if (req.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/chunks/")) {
    // Hashed files never change: cache first, store on first use (this is how a country's pack is kept).
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok) void caches.open(CACHE).then((c) => c.put(req, res.clone()));
            return res;
          }),
      ),
    );
    return;
  }
  if (req.mode === "navigate") {
    // Pages: fresh when online; offline, the cached home page (the app then runs the check by itself).
    event.respondWith(fetch(req).catch(() => caches.match("/").then((hit) => hit ?? Response.error())));
    return;
  }
  event.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok && SHELL.includes(url.pathname)) void caches.open(CACHE).then((c) => c.put(req, res.clone()));
        return res;
      })
      .catch(() => caches.match(req).then((hit) => hit ?? Response.error())),
  );
});

// A module, so that `self` above is typed as the service worker scope.
export {};
