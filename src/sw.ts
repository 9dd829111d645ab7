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

import { installFailure, storeCopy, storeRelease } from './sw-cache';

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
    matchAll(options?: {
      type?: string;
      includeUncontrolled?: boolean;
    }): Promise<{ postMessage(data: unknown): void }[]>;
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
      try {
        const cache = await caches.open(CACHE);
        // one request per missing file, without the revision parameter; a failure (quota, network) fails the install
        // and removes what it added (src/sw-cache.ts): the release in use keeps its files and its control
        await storeRelease(cache, keys, (key) => {
          const url = new URL(key);
          url.searchParams.delete('__revision');
          return fetch(url.href, { cache: 'reload' });
        });
      } catch (error) {
        // tell the open pages why (a later release's install fails without a word otherwise)
        const failure = installFailure(error);
        for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
          client.postMessage({ type: 'INSTALL_FAILED', first: firstInstall, ...failure });
        throw error;
      }
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

/** The cache, or null where the browser refuses it (storage blocked): requests then go to the network. */
const openCache = (): Promise<Cache | null> => caches.open(CACHE).catch(() => null);

async function fromCacheOrNetwork(request: Request): Promise<Response> {
  const cache = await openCache();
  // ignoreVary: a host's 'Vary: Origin' must not hide a file stored without an Origin header (module scripts send one)
  const cached = cache ? await cache.match(request, { ignoreVary: true }).catch(() => undefined) : undefined;
  if (cached) return cached;
  const response = await fetch(request);
  // a hashed file this release did not list (an older release's, fetched while the server still has it); a copy
  // that cannot be stored (quota, private mode) still answers the request
  if (cache && response.ok && new URL(request.url).pathname.includes('/assets/'))
    await storeCopy(cache, request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        event.waitUntil(pruneOlderReleases());
        const cache = await openCache();
        const page = cache ? await cache.match(pageKey, { ignoreVary: true }).catch(() => undefined) : undefined;
        return page ?? fetch(request);
      })(),
    );
    return;
  }
  event.respondWith(fromCacheOrNetwork(request));
});
