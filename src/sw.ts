/**
 * The service worker: offline use after the first visit, and releases that never break a tab that is open.
 *
 * - Every built file (the list vite-plugin-pwa injects as self.__WB_MANIFEST) is stored at install, in one cache that
 *   holds the files of every release still in use. Hashed files (assets/*) keep their names; index.html is stored
 *   under its revision, so each release answers navigations with its own page.
 * - A new release waits: no skipWaiting and no clients.claim while an older release controls pages. The page offers
 *   "A new version is ready — reload" and sends SKIP_WAITING when the person chooses to (src/store/release.ts). Only
 *   the very first install takes control at once: there is no older release to surprise.
 * - Files of older releases stay, so a tab opened before the release keeps loading its chunks (exports, the QR code,
 *   a restarted worker) even after the server dropped them. They are removed once no other window is open: at
 *   activation or at a later page load that finds no other window.
 * - Files are answered from the cache first, then from the network (hashed names never change content).
 */

interface ManifestEntry {
  url: string;
  revision: string | null;
}

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}

interface MessageEventLike extends ExtendableEvent {
  data: unknown;
}

interface ServiceWorkerScope {
  __WB_MANIFEST: ManifestEntry[];
  registration: ServiceWorkerRegistration;
  clients: {
    claim(): Promise<void>;
    matchAll(options?: { type?: string; includeUncontrolled?: boolean }): Promise<unknown[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

declare const self: ServiceWorkerScope;

const CACHE = 'timescape-release-files';
const manifest = self.__WB_MANIFEST;
const scope = self.registration.scope;

/** The cache key of a manifest entry: its URL, with its revision for files whose name does not change. */
function cacheKey(entry: ManifestEntry): string {
  const url = new URL(entry.url, scope);
  if (entry.revision) url.searchParams.set('__revision', entry.revision);
  return url.href;
}

const keys = new Set(manifest.map(cacheKey));
const pageEntry = manifest.find((e) => e.url === 'index.html');
const pageKey = pageEntry ? cacheKey(pageEntry) : new URL('index.html', scope).href;

/** True while this worker installs as the first one of the scope (nothing to wait for, nothing to surprise). */
let firstInstall = false;

self.addEventListener('install', (event) => {
  firstInstall = !self.registration.active;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const missing: string[] = [];
      for (const key of keys) if (!(await cache.match(key, { ignoreVary: true }))) missing.push(key);
      // one request per file, without the revision parameter; a failure (quota, network) fails the install
      await Promise.all(
        missing.map(async (key) => {
          const url = new URL(key);
          url.searchParams.delete('__revision');
          const response = await fetch(url.href, { cache: 'reload' });
          if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
          await cache.put(key, response);
        }),
      );
      if (firstInstall) await self.skipWaiting();
    })(),
  );
});

/**
 * Removes the files of older releases, unless more than one window is open (another one may still use them). Only
 * the newest worker prunes: an older one still active while a newer one waits must not delete the newer files.
 */
async function pruneOlderReleases(): Promise<void> {
  if (self.registration.waiting || self.registration.installing) return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.length > 1) return;
  // caches of the earlier, generated service worker (workbox precache): this worker replaces them
  for (const name of await caches.keys()) if (name.startsWith('workbox-precache')) await caches.delete(name);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) if (!keys.has(request.url)) await cache.delete(request);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await pruneOlderReleases();
      if (firstInstall) await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') event.waitUntil(self.skipWaiting());
});

async function fromCacheOrNetwork(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  // ignoreVary: a host's 'Vary: Origin' must not hide a file stored without an Origin header (module scripts send one)
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  // a hashed file this release did not list (an older release's, fetched while the server still has it)
  if (response.ok && new URL(request.url).pathname.includes('/assets/')) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        event.waitUntil(pruneOlderReleases());
        const cache = await caches.open(CACHE);
        return (await cache.match(pageKey, { ignoreVary: true })) ?? fetch(request);
      })(),
    );
    return;
  }
  event.respondWith(fromCacheOrNetwork(request));
});
