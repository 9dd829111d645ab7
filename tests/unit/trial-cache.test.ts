// Finished trials kept in the browser (store/trialCache.ts) on an in-memory IndexedDB (fake-indexeddb, a fresh
// database per test): a kept block reads back as it was, the oldest beyond MAX_TRIALS is dropped, keeping a trial never
// reads another trial's block back, and a database of the first version (no savedAt index) opens with its trials.
import { IDBFactory, IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CohortBlock } from '../../src/model';
import { cachedTrial, DB_VERSION, keepTrial, keptTrialKeys, MAX_TRIALS } from '../../src/store/trialCache';

const ARMS = 2;
const SIZE = 5;

/** A block of SIZE patients x ARMS arms whose every value carries `tag`, so that blocks of trials differ. */
function block(tag: number): CohortBlock {
  const f64 = (k: number) => Float64Array.from({ length: SIZE }, (_, i) => tag * 1000 + k * 10 + i);
  const u8 = (k: number) => Uint8Array.from({ length: SIZE }, (_, i) => (tag + k + i) % 2);
  return {
    from: 0,
    to: SIZE,
    arms: Array.from({ length: ARMS }, (_, a) => ({
      pfsDays: f64(a),
      progressed: u8(a),
      osDays: f64(a + 2),
      death: u8(a + 1),
      responseDays: f64(a + 4),
      best: u8(a + 3),
      bestChange: f64(a + 6),
      crossover: u8(a + 5),
      spider: [f64(a + 8)],
    })),
    nrf2Active: u8(9),
    nrf2: f64(10),
    neat1: f64(11),
    il6: f64(12),
    baselinePge2: f64(13),
    baselineDiameter: f64(14),
  };
}

const release = (trial: string) => `${__TIMESCAPE_RELEASE__}|${trial}`;

/** A database as the first version made it: the store without the savedAt index, with these entries. */
async function versionOneDatabase(entries: { trial: string; savedAt: number; block: CohortBlock }[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('timescape-trials', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('trials', { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const transaction = db.transaction('trials', 'readwrite');
  for (const e of entries)
    transaction.objectStore('trials').put({ key: release(e.trial), savedAt: e.savedAt, block: e.block });
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

/** Every read of stored values (not of keys) on a store or an index. */
function valueReads() {
  const spies = [
    vi.spyOn(IDBObjectStore.prototype, 'get'),
    vi.spyOn(IDBObjectStore.prototype, 'getAll'),
    vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
    vi.spyOn(IDBIndex.prototype, 'get'),
    vi.spyOn(IDBIndex.prototype, 'getAll'),
    vi.spyOn(IDBIndex.prototype, 'openCursor'),
  ];
  return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

beforeEach(() => {
  // a fresh, empty IndexedDB
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('finished trials kept in this browser', () => {
  it('reads a kept block back as it was, and only for its own trial, arms and size', async () => {
    expect(await keepTrial('trial-a', block(1))).toBe(true);
    const back = await cachedTrial('trial-a', ARMS, SIZE);
    expect(back).toEqual(block(1));
    expect(back?.arms[1].pfsDays).toBeInstanceOf(Float64Array);
    expect(await cachedTrial('trial-b', ARMS, SIZE)).toBeNull();
    expect(await cachedTrial('trial-a', ARMS + 1, SIZE)).toBeNull();
    expect(await cachedTrial('trial-a', ARMS, SIZE + 1)).toBeNull();
  });

  it(`keeps the last ${MAX_TRIALS}, dropping the oldest first`, async () => {
    const trials = ['t1', 't2', 't3', 't4', 't5', 't6'];
    for (const [i, t] of trials.entries()) expect(await keepTrial(t, block(i))).toBe(true);
    expect(await keptTrialKeys()).toEqual(['t3', 't4', 't5', 't6'].map(release));
    expect(await cachedTrial('t1', ARMS, SIZE)).toBeNull();
    expect(await cachedTrial('t2', ARMS, SIZE)).toBeNull();
    for (const [i, t] of trials.entries()) if (i >= 2) expect(await cachedTrial(t, ARMS, SIZE)).toEqual(block(i));
  });

  it('keeps again a trial kept before as the newest: the next one dropped is the oldest of the others', async () => {
    for (const [i, t] of ['t1', 't2', 't3', 't4'].entries()) await keepTrial(t, block(i));
    await keepTrial('t1', block(7));
    await keepTrial('t5', block(5));
    expect(await keptTrialKeys()).toEqual(['t3', 't4', 't1', 't5'].map(release));
    expect(await cachedTrial('t1', ARMS, SIZE)).toEqual(block(7));
    expect(await cachedTrial('t2', ARMS, SIZE)).toBeNull();
  });

  it('never drops the trial just kept, also when the clock gives every trial the same time', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    for (const [i, t] of ['t9', 't8', 't7', 't6', 't5', 't4'].entries()) await keepTrial(t, block(i));
    expect(await keptTrialKeys()).toEqual(['t7', 't6', 't5', 't4'].map(release));
  });

  it('keeps a trial without reading any kept block back (eviction reads the savedAt index only)', async () => {
    for (const [i, t] of ['t1', 't2', 't3', 't4'].entries()) await keepTrial(t, block(i));
    const reads = valueReads();
    expect(await keepTrial('t5', block(5))).toBe(true);
    expect(reads()).toBe(0);
    expect(await keptTrialKeys()).toEqual(['t2', 't3', 't4', 't5'].map(release));
  });

  it('opens a database of the first version with its kept trials, and drops them in the order they were saved', async () => {
    expect(DB_VERSION).toBeGreaterThan(1);
    await versionOneDatabase([
      { trial: 'old-b', savedAt: 2_000, block: block(2) },
      { trial: 'old-a', savedAt: 1_000, block: block(1) },
      { trial: 'old-c', savedAt: 3_000, block: block(3) },
    ]);
    expect(await cachedTrial('old-a', ARMS, SIZE)).toEqual(block(1));
    expect(await keptTrialKeys()).toEqual(['old-a', 'old-b', 'old-c'].map(release));
    await keepTrial('new-1', block(4));
    await keepTrial('new-2', block(5));
    expect(await keptTrialKeys()).toEqual(['old-b', 'old-c', 'new-1', 'new-2'].map(release));
    expect(await cachedTrial('old-b', ARMS, SIZE)).toEqual(block(2));
    expect(await cachedTrial('old-a', ARMS, SIZE)).toBeNull();
  });

  it('reads as not kept when the browser has no IndexedDB or refuses to open it', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await keepTrial('t1', block(1))).toBe(false);
    expect(await cachedTrial('t1', ARMS, SIZE)).toBeNull();
    expect(await keptTrialKeys()).toEqual([]);
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new Error('SecurityError: access to IndexedDB is denied');
      },
    });
    expect(await keepTrial('t1', block(1))).toBe(false);
    expect(await cachedTrial('t1', ARMS, SIZE)).toBeNull();
  });

  it('reads as not kept when the database is of a newer release (a later version), and leaves it as it was', async () => {
    await keepTrial('t1', block(1));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('timescape-trials', DB_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await cachedTrial('t1', ARMS, SIZE)).toBeNull();
    expect(await keepTrial('t2', block(2))).toBe(false);
  });
});
