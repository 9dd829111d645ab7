/**
 * The release the page runs, against the one the server has: registers the service worker (src/sw.ts), notices a
 * new release waiting and a part of the app that could not be loaded, and reloads on request with the scenario kept
 * (it lives in the address, written out before the reload). Also tells when the app cannot be stored for offline
 * use (storage quota or a blocked service worker), and when a later release cannot be stored while this one keeps
 * working, both of which would otherwise fail without a word.
 */
import { create } from 'zustand';

export interface ReleaseState {
  /** a new release is installed and waits for this page to reload */
  updateReady: boolean;
  /** a part of the app (a chunk loaded on first use) could not be loaded: most likely a release replaced it */
  chunkFailed: boolean;
  /** the app could not be stored for offline use; the reason, in the browser's words */
  offlineUnavailable: string;
  /**
   * a later release could not be stored (quota, storage refused) while this one keeps working: the reason, in the
   * browser's words; the files of this release are untouched (src/sw-cache.ts) and the browser tries again later
   */
  updateFailed: string;
}

export const useRelease = create<ReleaseState>()(() => ({
  updateReady: false,
  chunkFailed: false,
  offlineUnavailable: '',
  updateFailed: '',
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

/** The page's view of an install that failed: the first one (no offline copy) or a later release's (this one stays). */
function installFailed(first: boolean, reason: string): void {
  if (first) useRelease.setState({ offlineUnavailable: reason || 'the files could not be stored' });
  else useRelease.setState({ updateFailed: reason || 'the files could not be stored' });
}

/**
 * Follows an installing worker: waiting (a new release is ready), or redundant without ever waiting or taking over
 * (its install failed: the quota ran out or storage was refused), told whether or not an older release is active.
 */
export function watchInstall(registration: ServiceWorkerRegistration, worker: ServiceWorker): void {
  const settle = () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) {
      waiting = worker;
      useRelease.setState({ updateReady: true });
    } else if (worker.state === 'redundant' && registration.waiting !== worker && registration.active !== worker) {
      // keep the worker's own reason when it sent one (INSTALL_FAILED, below)
      const { offlineUnavailable, updateFailed } = useRelease.getState();
      if (!registration.active && !registration.waiting) installFailed(true, offlineUnavailable);
      else if (registration.active) installFailed(false, updateFailed);
    }
  };
  worker.addEventListener('statechange', settle);
  settle();
}

/** A message of the service worker: INSTALL_FAILED carries the reason of a failed install (src/sw.ts). */
export function onServiceWorkerMessage(data: unknown): void {
  const message = data as { type?: string; first?: boolean; name?: string; message?: string } | null;
  if (message?.type !== 'INSTALL_FAILED') return;
  const reason = [message.name, message.message].filter(Boolean).join(': ');
  installFailed(message.first === true, reason);
}

/** Registers the service worker (production builds only: the dev server has none). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  // Vite's signal that the files a dynamic import needs could not be loaded
  window.addEventListener('vite:preloadError', () => useRelease.setState({ chunkFailed: true }));
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event) => onServiceWorkerMessage(event.data));
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .then((registration: ServiceWorkerRegistration | undefined) => {
      if (!registration) return; // a browser (or test harness) that answers without registering
      if (registration.waiting) watchInstall(registration, registration.waiting);
      if (registration.installing) watchInstall(registration, registration.installing);
      registration.addEventListener('updatefound', () => {
        if (registration.installing) watchInstall(registration, registration.installing);
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
