/**
 * The release the page runs, against the one the server has: registers the service worker (src/sw.ts), notices a
 * new release waiting and a part of the app that could not be loaded, and reloads on request with the scenario kept
 * (it lives in the address, written out before the reload). Also tells when the app cannot be stored for offline
 * use (storage quota or a blocked service worker), which would otherwise fail without a word.
 */
import { create } from 'zustand';

export interface ReleaseState {
  /** a new release is installed and waits for this page to reload */
  updateReady: boolean;
  /** a part of the app (a chunk loaded on first use) could not be loaded: most likely a release replaced it */
  chunkFailed: boolean;
  /** the app could not be stored for offline use; the reason, in the browser's words */
  offlineUnavailable: string;
}

export const useRelease = create<ReleaseState>()(() => ({
  updateReady: false,
  chunkFailed: false,
  offlineUnavailable: '',
}));

let waiting: ServiceWorker | null = null;
/** Written before a reload: the pending address write (store/url.ts) registers it. */
const beforeReload: (() => void)[] = [];

/** Something to do right before this module reloads the page (flush the address). */
export function onBeforeReload(run: () => void): void {
  beforeReload.push(run);
}

/** Reloads the page into the newest release, keeping the scenario (the address is written first). */
export function reloadIntoNewRelease(): void {
  for (const run of beforeReload) run();
  const worker = waiting;
  if (worker && navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'SKIP_WAITING' });
    // if the worker does not take over (already gone), reload all the same
    setTimeout(() => location.reload(), 3000);
  } else location.reload();
}

/**
 * Loads a chunk on first use (dynamic import); when it fails (a release removed it, or the network is gone), the
 * page offers the reload instead of failing without a word. The error still reaches the caller.
 */
export async function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    useRelease.setState({ chunkFailed: true });
    throw error;
  }
}

function watch(registration: ServiceWorkerRegistration, worker: ServiceWorker): void {
  const settle = () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) {
      waiting = worker;
      useRelease.setState({ updateReady: true });
    } else if (worker.state === 'redundant' && registration.waiting !== worker && registration.active !== worker) {
      // the install failed: every file could not be stored (quota) or fetched
      if (!registration.active && !registration.waiting)
        useRelease.setState({ offlineUnavailable: 'the files could not be stored' });
    }
  };
  worker.addEventListener('statechange', settle);
  settle();
}

/** Registers the service worker (production builds only: the dev server has none). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  // Vite's signal that the files a dynamic import needs could not be loaded
  window.addEventListener('vite:preloadError', () => useRelease.setState({ chunkFailed: true }));
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .then((registration: ServiceWorkerRegistration | undefined) => {
      if (!registration) return; // a browser (or test harness) that answers without registering
      if (registration.waiting) watch(registration, registration.waiting);
      if (registration.installing) watch(registration, registration.installing);
      registration.addEventListener('updatefound', () => {
        if (registration.installing) watch(registration, registration.installing);
      });
      // look for a new release when the page comes back into view, and every hour
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
      });
      setInterval(() => registration.update().catch(() => undefined), 3_600_000);
    })
    .catch((error: unknown) => {
      useRelease.setState({ offlineUnavailable: error instanceof Error ? error.message : String(error) });
    });
}
