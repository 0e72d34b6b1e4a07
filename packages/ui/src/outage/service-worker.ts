/**
 * The service worker's source, served by every portal at /sw.js (a one-line route in each app),
 * so that one file serves all four portals.
 */
export const SERVICE_WORKER_SOURCE = String.raw`// Vårdkedjan's service worker: when the portal's server cannot be reached, or answers a page load
// with a server error (5xx: its database down, say), the page load gets /offline, which shows the
// contact list the browser saved while logged in, the routine's first steps and the backup kit PDF
// ("Reservpärm", with the forms) kept here. Nothing with patient data is cached: only /offline,
// the static files it needs and the kit. Scope: this portal's origin. The same file is in every
// portal at /sw.js, served from this one source (packages/ui/src/outage/service-worker.ts).
const CACHE = "vk-offline-v1";
const OFFLINE = "/offline";
const KIT = "/dokument/reservparm.pdf";
const REFRESH_MIN_MS = 5 * 60 * 1000;
let lastRefresh = 0;

const STATIC = /\/_next\/static\/[^"'\s)\\]+/g;

/** Fetches /offline and the static files it references; drops static files no longer referenced. */
async function cacheOfflinePage(cache) {
  const res = await fetch(OFFLINE, { cache: "no-store", credentials: "omit" });
  if (!res.ok) return;
  const html = await res.clone().text();
  const assets = [...new Set(html.match(STATIC) || [])];
  await Promise.all(assets.map((a) => cache.add(a).catch(() => undefined)));
  await cache.put(OFFLINE, res);
  const keep = new Set(assets.map((a) => new URL(a, self.location.origin).href));
  for (const req of await cache.keys()) {
    if (new URL(req.url).pathname.startsWith("/_next/static/") && !keep.has(req.url)) await cache.delete(req);
  }
}

/** The kit needs the login cookie: it is fetched again while someone is logged in. */
async function cacheKit(cache) {
  const res = await fetch(KIT, { cache: "no-store", credentials: "same-origin", redirect: "manual" }).catch(() => null);
  if (res && res.ok && (res.headers.get("content-type") || "").includes("application/pdf")) await cache.put(KIT, res);
}

async function refresh() {
  lastRefresh = Date.now();
  const cache = await caches.open(CACHE);
  await Promise.all([cacheOfflinePage(cache).catch(() => undefined), cacheKit(cache).catch(() => undefined)]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(refresh().finally(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("vk-offline-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "vk-uppdatera-reservparm" && Date.now() - lastRefresh > REFRESH_MIN_MS) event.waitUntil(refresh());
});

// Any server error, not only a gateway's: with Vårdkedjan's database gone the portal itself
// answers 500, and that is the very outage the routine exists for.
const serverFailed = (res) => res.status >= 500 && res.status <= 599;

async function offlineResponse() {
  return (
    (await caches.match(OFFLINE)) ||
    new Response("Vårdkedjan är inte tillgänglig just nu. Arbeta enligt reservrutinen: använd den utskrivna kontaktlistan och reservpärmen.", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    })
  );
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (req.mode === "navigate") {
    if (url.pathname === KIT) {
      event.respondWith(fetch(req).catch(async () => (await caches.match(KIT)) || offlineResponse()));
      return;
    }
    event.respondWith(
      fetch(req)
        // Without a saved /offline, the portal's own error page (Swedish, the same guidance) is next best.
        .then(async (res) => (serverFailed(res) ? (await caches.match(OFFLINE)) || res : res))
        .catch(() => offlineResponse()),
    );
    return;
  }
  if (url.pathname === KIT || url.pathname.startsWith("/_next/static/")) {
    // The network first (a new deployment, a new kit); the cached copy only when it cannot be reached.
    event.respondWith(
      fetch(req).catch(async () => {
        const cached = await caches.match(req, { ignoreSearch: url.pathname === KIT });
        if (cached) return cached;
        throw new Error("offline");
      }),
    );
  }
});
`;

/** GET /sw.js: the worker may control the whole portal origin and must never be cached stale. */
export function serviceWorkerResponse(): Response {
  return new Response(SERVICE_WORKER_SOURCE, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "service-worker-allowed": "/",
    },
  });
}
