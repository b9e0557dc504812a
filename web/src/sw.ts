/**
 * The service worker: the page works offline from the first visit. At install it caches the page's own files,
 * every language's words (a few KB each), and the rule pack of each country the phone's languages point to (a
 * phone set to Kiswahili or to English (Kenya) gets Kenya's; one set to Hindi gets India's). Any other country's
 * pack is cached when she first picks it. Pages are fetched fresh when online (so rules stay current) and served
 * from the cache when not.
 */
// Type only: a classic service worker cannot import modules, so what it needs comes in precache.json.
import type { PrecacheManifest } from "../precache-plugin";

declare const self: ServiceWorkerGlobalScope;
declare const __BUILD_ID__: string;

const CACHE = `hbw-${__BUILD_ID__}`;

/** The countries a phone's languages point to: by region (`en-KE`), else by a language only some countries use. */
function likelyCountries(languages: readonly string[], countries: PrecacheManifest["countries"]): string[] {
  const out = new Set<string>();
  for (const tag of languages) {
    const [lang = "", region] = tag.toLowerCase().split("-");
    if (region && Object.hasOwn(countries, region)) out.add(region);
    else if (lang !== "en") for (const [cc, langs] of Object.entries(countries)) if (langs.includes(lang === "tl" ? "fil" : lang)) out.add(cc);
  }
  return [...out];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch("/precache.json");
      const manifest = (await res.clone().json()) as PrecacheManifest;
      await cache.put("/precache.json", res);
      const packs = likelyCountries(self.navigator.languages ?? [self.navigator.language], manifest.countries).map((cc) => manifest.packs[cc]).filter((u): u is string => !!u);
      await cache.addAll([...manifest.shell, ...Object.values(manifest.langs).flat(), ...packs]);
      await self.skipWaiting();
    })(),
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
    // Hashed files never change: cache first, store on first use (this is how another country's pack is kept).
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
        if (res.ok && (url.pathname === "/precache.json" || !url.pathname.includes("."))) return res;
        if (res.ok) void caches.open(CACHE).then((c) => c.put(req, res.clone()));
        return res;
      })
      .catch(() => caches.match(req).then((hit) => hit ?? Response.error())),
  );
});

// A module for the type checker, so that `self` above is the service worker scope; the build emits a classic script.
export {};
