/**
 * Finished trials kept in this browser (IndexedDB), so that a trial's link opened again here (a reload, a bookmark,
 * a second tab) shows its results at once instead of recomputing them. What is kept is the merged block of patient
 * outcomes (typed arrays, stored as they are); the statistics are computed again from it, so a PGE2 cut-off that
 * changed since still applies. The key is the trial (store/cohort.ts trialKey) and the release: a new model never
 * reads an old model's patients. At most MAX_TRIALS are kept, the oldest dropped first; which ones are the oldest is
 * read from an index of the kept trials by the time they were saved, so that keeping a trial never reads the other
 * trials' blocks back (each would be deserialised on the main thread).
 *
 * Every failure (no IndexedDB, a private window, a full disk, a damaged entry) reads as "not cached": the trial is
 * then recomputed from its seed, which gives the same results.
 */
import type { CohortBlock } from '../worker/cohortPool';

const DB_NAME = 'timescape-trials';
const STORE = 'trials';
/** Index of STORE by savedAt: eviction reads the kept trials' keys in the order they were saved, never their blocks. */
const BY_SAVED = 'savedAt';
/**
 * 1: the store alone (eviction read every kept block back, up to MAX_TRIALS whole trials deserialised on the main
 * thread at the end of a run); 2: the savedAt index. Opening a version 1 database adds the index to the store in place
 * (IndexedDB indexes the entries already kept), so an upgrade keeps every kept trial.
 */
export const DB_VERSION = 2;
export const MAX_TRIALS = 4;
/** A performance mark set when keepTrial has finished (kept or not), for the benchmark's window (bench/browser.ts). */
export const KEPT_MARK = 'timescape:trial-kept';

interface Entry {
  key: string;
  savedAt: number;
  block: CohortBlock;
}

function cacheKey(trialKey: string): string {
  return `${__TIMESCAPE_RELEASE__}|${trialKey}`;
}

/** Creates what a database of an older version lacks: the store (none yet) and its savedAt index (version 1). */
function upgrade(db: IDBDatabase, transaction: IDBTransaction, oldVersion: number): void {
  const store = oldVersion < 1 ? db.createObjectStore(STORE, { keyPath: 'key' }) : transaction.objectStore(STORE);
  if (!store.indexNames.contains(BY_SAVED)) store.createIndex(BY_SAVED, 'savedAt');
}

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (db: IDBDatabase | null) => {
      settled = true;
      resolve(db);
    };
    try {
      if (typeof indexedDB === 'undefined') {
        settle(null);
        return;
      }
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        const transaction = request.transaction;
        if (transaction) upgrade(request.result, transaction, event.oldVersion);
      };
      request.onsuccess = () => {
        const db = request.result;
        // given up on (blocked by another tab's older connection): not used, and not left open
        if (settled) {
          db.close();
          return;
        }
        // a newer release's page upgrading the database is not kept waiting by this one
        db.onversionchange = () => db.close();
        settle(db);
      };
      request.onerror = () => settle(null);
      request.onblocked = () => settle(null);
    } catch {
      settle(null);
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

/** The keys of the kept trials, oldest first (the savedAt index: no block is read). */
export async function keptTrialKeys(): Promise<string[]> {
  const db = await open();
  if (!db) return [];
  try {
    const keys = await done(db.transaction(STORE, 'readonly').objectStore(STORE).index(BY_SAVED).getAllKeys());
    return keys as string[];
  } catch {
    return [];
  } finally {
    db.close();
  }
}

/** savedAt of the previous keepTrial in this page: every later one is later, also within one millisecond. */
let lastSavedAt = 0;

/**
 * Keeps a finished trial's block, dropping the oldest beyond MAX_TRIALS (never the one just kept). Resolves whether it
 * was kept. The block is structured-cloned once, by put; eviction reads only the savedAt index's keys.
 */
export async function keepTrial(trialKey: string, block: CohortBlock): Promise<boolean> {
  const db = await open();
  if (!db) {
    mark();
    return false;
  }
  try {
    const key = cacheKey(trialKey);
    lastSavedAt = Math.max(Date.now(), lastSavedAt + 1);
    const transaction = db.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    // a request that fails first is what the catch below reads; the abort that follows is not left unhandled
    committed.catch(() => undefined);
    store.put({ key, savedAt: lastSavedAt, block } satisfies Entry);
    const oldestFirst = ((await done(store.index(BY_SAVED).getAllKeys())) as string[]).filter((k) => k !== key);
    const excess = oldestFirst.length + 1 - MAX_TRIALS;
    for (let i = 0; i < excess; i++) store.delete(oldestFirst[i]);
    await committed;
    return true;
  } catch {
    return false;
  } finally {
    db.close();
    mark();
  }
}

function mark(): void {
  try {
    performance.mark(KEPT_MARK);
  } catch {
    // no User Timing: nothing reads the mark but the benchmark
  }
}
