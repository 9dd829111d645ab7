// Storage that fails mid-session: a later release whose files no longer fit (the quota runs out on the Nth write) or
// a browser that refuses to store anything. Nothing already stored is changed, the release in use keeps working,
// and the page tells the user.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onServiceWorkerMessage, useRelease, watchInstall } from '../../src/store/release';
import { type CacheLike, storeCopy, storeRelease } from '../../src/sw-cache';

class QuotaExceededError extends Error {
  override name = 'QuotaExceededError';
}

/** A cache of text bodies whose writes fail from the `failFrom`-th on (1 = the first), as a full quota does. */
function fakeCache(entries: Record<string, string>, failFrom = Number.POSITIVE_INFINITY) {
  const store = new Map(Object.entries(entries));
  let writes = 0;
  const cache: CacheLike = {
    match: async (key) => (store.has(String(key)) ? new Response(store.get(String(key))) : undefined),
    put: async (key, response) => {
      writes++;
      const body = await response.text();
      // a little later than the others, so that writes overlap as real ones do
      await new Promise((r) => setTimeout(r, writes % 3));
      if (writes >= failFrom) throw new QuotaExceededError('The quota has been exceeded.');
      store.set(String(key), body);
    },
    delete: async (key) => store.delete(String(key)),
  };
  return { cache, store, writes: () => writes };
}

const A = { 'https://x/assets/a-1.js': 'release A main', 'https://x/index.html?__revision=a': 'page A' };
const B = [
  'https://x/assets/a-1.js',
  'https://x/assets/b-2.js',
  'https://x/assets/b-3.js',
  'https://x/index.html?__revision=b',
];
const serve = async (key: string) => new Response(`served ${key}`);

describe('the service worker cache when a write fails', () => {
  it('a later release that fails on its Nth write: release A is untouched and nothing of B stays', async () => {
    for (const failFrom of [1, 2, 3]) {
      const { cache, store } = fakeCache(A, failFrom);
      await expect(storeRelease(cache, B, serve)).rejects.toThrow('quota');
      // exactly A's entries, with A's contents (a-1.js was not fetched again, let alone overwritten)
      expect(Object.fromEntries(store)).toEqual(A);
    }
  });

  it('a later release that fits is added next to A, without rewriting what A shares with it', async () => {
    const { cache, store, writes } = fakeCache(A);
    await expect(storeRelease(cache, B, serve)).resolves.toEqual({ added: 3 });
    expect(writes()).toBe(3);
    expect(store.get('https://x/assets/a-1.js')).toBe('release A main');
    expect(store.get('https://x/assets/b-2.js')).toBe('served https://x/assets/b-2.js');
  });

  it('a file the server does not answer fails the install the same way', async () => {
    const { cache, store } = fakeCache(A);
    const missing = async (key: string) => new Response('', { status: key.includes('b-3') ? 404 : 200 });
    await expect(storeRelease(cache, B, missing)).rejects.toThrow('/assets/b-3.js: HTTP 404');
    expect(Object.fromEntries(store)).toEqual(A);
  });

  it('a copy that cannot be stored still lets the response answer the request', async () => {
    const { cache } = fakeCache({}, 1);
    expect(await storeCopy(cache, 'https://x/assets/old.js', new Response('x'))).toBe(false);
    const ok = fakeCache({});
    expect(await storeCopy(ok.cache, 'https://x/assets/old.js', new Response('x'))).toBe(true);
  });
});

/** A registration and an installing worker whose state the test moves. */
function fakeInstall(active: boolean) {
  const listeners: (() => void)[] = [];
  const worker = {
    state: 'installing',
    addEventListener: (_: string, listener: () => void) => listeners.push(listener),
  } as unknown as ServiceWorker & { state: string };
  const registration = { active: active ? {} : null, waiting: null } as unknown as ServiceWorkerRegistration;
  return {
    registration,
    worker,
    move(state: string) {
      (worker as { state: string }).state = state;
      for (const l of listeners) l();
    },
  };
}

describe('the page when an install fails', () => {
  afterEach(() => {
    useRelease.setState({ updateReady: false, chunkFailed: false, offlineUnavailable: '', updateFailed: '' });
    vi.unstubAllGlobals();
  });

  it('a later release that could not be stored is told, with the worker’s reason; this release keeps working', () => {
    vi.stubGlobal('navigator', { serviceWorker: { controller: {} } });
    const install = fakeInstall(true);
    watchInstall(install.registration, install.worker);
    onServiceWorkerMessage({
      type: 'INSTALL_FAILED',
      first: false,
      name: 'QuotaExceededError',
      message: 'The quota has been exceeded.',
    });
    install.move('redundant');
    expect(useRelease.getState()).toMatchObject({
      updateFailed: 'QuotaExceededError: The quota has been exceeded.',
      updateReady: false,
      offlineUnavailable: '',
    });
  });

  it('without a message from the worker, a failed later install is told all the same', () => {
    vi.stubGlobal('navigator', { serviceWorker: { controller: {} } });
    const install = fakeInstall(true);
    watchInstall(install.registration, install.worker);
    install.move('redundant');
    expect(useRelease.getState().updateFailed).toBe('the files could not be stored');
  });

  it('a first install that fails is the offline copy missing, as before', () => {
    vi.stubGlobal('navigator', { serviceWorker: { controller: null } });
    const install = fakeInstall(false);
    watchInstall(install.registration, install.worker);
    install.move('redundant');
    expect(useRelease.getState()).toMatchObject({
      offlineUnavailable: 'the files could not be stored',
      updateFailed: '',
    });
  });

  it('a later release that installs is offered for reload, not reported as failed', () => {
    vi.stubGlobal('navigator', { serviceWorker: { controller: {} } });
    const install = fakeInstall(true);
    watchInstall(install.registration, install.worker);
    install.move('installed');
    expect(useRelease.getState()).toMatchObject({ updateReady: true, updateFailed: '' });
  });
});
