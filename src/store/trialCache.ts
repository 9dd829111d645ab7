/**
 * Finished trials kept in this browser (IndexedDB), so that a trial's link opened again here (a reload, a bookmark,
 * a second tab) shows its results at once instead of recomputing them. What is kept is the merged block of patient
 * outcomes (typed arrays, stored as they are); the statistics are computed again from it, so a PGE2 cut-off that
 * changed since still applies. The key is the trial (store/cohort.ts trialKey) and the release: a new model never
 * reads an old model's patients. At most MAX_TRIALS are kept, the oldest dropped first.
 *
 * Every failure (no IndexedDB, a private window, a full disk, a damaged entry) reads as "not cached": the trial is
 * then recomputed from its seed, which gives the same results.
 */
import type { CohortBlock } from '../worker/cohortPool';

const DB_NAME = 'timescape-trials';
const STORE = 'trials';
export const MAX_TRIALS = 4;

interface Entry {
  key: string;
  savedAt: number;
  block: CohortBlock;
}

function cacheKey(trialKey: string): string {
  return `${__TIMESCAPE_RELEASE__}|${trialKey}`;
}

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') {
        resolve(null);
        return;
      }
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A block is usable when it has the arrays the views read, for every arm, of one length. */
function usable(block: unknown, arms: number, size: number): block is CohortBlock {
  const b = block as CohortBlock | null;
  return (
    !!b &&
    Array.isArray(b.arms) &&
    b.arms.length === arms &&
    b.to - b.from === size &&
    b.arms.every(
      (a) => a.pfsDays instanceof Float64Array && a.pfsDays.length === size && a.crossover instanceof Uint8Array,
    ) &&
    b.nrf2 instanceof Float64Array &&
    b.nrf2.length === size
  );
}

/** The kept block of a trial, or null (never kept, another release, unreadable). */
export async function cachedTrial(trialKey: string, arms: number, size: number): Promise<CohortBlock | null> {
  const db = await open();
  if (!db) return null;
  try {
    const entry = (await done(db.transaction(STORE, 'readonly').objectStore(STORE).get(cacheKey(trialKey)))) as
      | Entry
      | undefined;
    return entry && usable(entry.block, arms, size) ? entry.block : null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** Keeps a finished trial's block (dropping the oldest beyond MAX_TRIALS). Resolves whether it was kept. */
export async function keepTrial(trialKey: string, block: CohortBlock): Promise<boolean> {
  const db = await open();
  if (!db) return false;
  try {
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    await done(store.put({ key: cacheKey(trialKey), savedAt: Date.now(), block } satisfies Entry));
    const all = (await done(store.getAll())) as Entry[];
    const old = all.sort((a, b) => b.savedAt - a.savedAt).slice(MAX_TRIALS);
    for (const entry of old) await done(store.delete(entry.key));
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}
