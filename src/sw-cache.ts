/**
 * The service worker's writes to its cache (src/sw.ts), apart so that their failure paths can be tested with a fake
 * cache. A write can fail at any time, not only at the first install: the quota runs out when a later release adds
 * its files next to the ones still in use, or the browser (private mode) refuses to store anything.
 *
 * - A release's files are stored only where missing, never over an entry that exists (the release in use keeps
 *   exactly the files it has). When any write fails, every entry this install added is removed again, so the quota
 *   goes back to the release in use and no half release stays behind; then the install fails (the release in use
 *   keeps control) with the first error.
 * - A file answered from the network is returned even when storing a copy of it fails.
 */

/** What these functions use of the Cache API. */
export interface CacheLike {
  match(key: string | Request, options?: { ignoreVary?: boolean }): Promise<Response | undefined>;
  put(key: string | Request, response: Response): Promise<void>;
  delete(key: string | Request): Promise<boolean>;
}

/** Why an install failed, in words the page can show (name and message of the first error). */
export interface InstallFailure {
  name: string;
  message: string;
}

/** Stores the files of a release that the cache does not hold yet; on any failure, removes what it added and throws. */
export async function storeRelease(
  cache: CacheLike,
  keys: Iterable<string>,
  fetchFile: (key: string) => Promise<Response>,
): Promise<{ added: number }> {
  const missing: string[] = [];
  for (const key of keys) if (!(await cache.match(key, { ignoreVary: true }))) missing.push(key);
  // every write settles before the clean-up, so none lands after it
  const results = await Promise.allSettled(
    missing.map(async (key) => {
      const response = await fetchFile(key);
      if (!response.ok) throw new Error(`${new URL(key).pathname}: HTTP ${response.status}`);
      await cache.put(key, response);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    // only keys that were missing: an entry of the release in use is never touched
    await Promise.allSettled(missing.map((key) => cache.delete(key)));
    throw failed.reason;
  }
  return { added: missing.length };
}

/** The name and message of an install's error, for the page. */
export function installFailure(error: unknown): InstallFailure {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Stores a copy of a response, if it can: a full or refused cache must not fail the request it answers. */
export async function storeCopy(cache: CacheLike, key: string | Request, response: Response): Promise<boolean> {
  try {
    await cache.put(key, response);
    return true;
  } catch {
    return false;
  }
}
