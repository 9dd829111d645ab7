// Saved scenarios when storage fails mid-session: a fake localStorage that fails from its Nth write on (quota
// exceeded) or refuses storage altogether (a private window), under random sequences of save, rename, delete and
// undo. After every operation the list the page shows is exactly the list stored (nothing kept that is not shown,
// nothing shown that is not kept); a failed operation changes neither and names the problem; once storage takes
// writes again, the next operation succeeds.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

class FailingStorage {
  data = new Map<string, string>();
  writes = 0;
  /** writes from this one on (1 = the first) fail */
  failFrom = Number.POSITIVE_INFINITY;
  failure: 'quota' | 'refused' = 'quota';
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.writes++;
    if (this.writes >= this.failFrom)
      throw this.failure === 'quota'
        ? new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        : new DOMException('The operation is insecure.', 'SecurityError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const storage = new FailingStorage();
let saved: typeof import('../../src/store/saved');

beforeAll(async () => {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  saved = await import('../../src/store/saved');
});
afterAll(() => vi.unstubAllGlobals());

type Op =
  | { kind: 'save'; name: string }
  | { kind: 'rename'; at: number; name: string }
  | { kind: 'delete'; at: number }
  | { kind: 'undo' };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), name: fc.constantFrom('A', 'B', 'C', 'D', 'A') }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(5), name: fc.constantFrom('X', 'Y', 'Z') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(5) }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

function apply(op: Op): boolean {
  const entries = saved.useSaved.getState().entries;
  switch (op.kind) {
    case 'save':
      return saved.saveScenario(op.name, `v=2&s=hcc-mouse&arm=${op.name}`);
    case 'rename':
      return entries.length > 0 && saved.renameSaved(entries[op.at % entries.length].id, op.name);
    case 'delete':
      return entries.length > 0 && saved.deleteSaved(entries[op.at % entries.length].id);
    default:
      return saved.undoDeleteSaved();
  }
}

const stored = () => JSON.parse(storage.data.get(saved.SAVED_KEY) ?? '[]');

describe('saved scenarios when storage fails on a later write', () => {
  it('the shown list is always the stored list; a failed write changes nothing and says why; recovery works', () => {
    fc.assert(
      fc.property(
        fc.array(arbOp, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<'quota' | 'refused'>('quota', 'refused'),
        (ops, failFrom, failure) => {
          storage.data.clear();
          storage.writes = 0;
          storage.failFrom = failFrom;
          storage.failure = failure;
          saved.useSaved.setState({ entries: [], problem: null, deleted: null, unreadable: false });
          for (const op of ops) {
            const before = { entries: saved.useSaved.getState().entries, stored: storage.data.get(saved.SAVED_KEY) };
            const writesBefore = storage.writes;
            const ok = apply(op);
            const state = saved.useSaved.getState();
            expect(state.entries).toEqual(stored());
            if (!ok && storage.writes > writesBefore) {
              // the write was tried and failed: nothing changed, and the page knows why
              expect(state.entries).toBe(before.entries);
              expect(storage.data.get(saved.SAVED_KEY)).toBe(before.stored);
              expect(state.problem).toBe(failure === 'quota' ? 'quota' : 'unavailable');
            }
            if (ok) expect(state.problem).toBeNull();
          }
          // storage takes writes again: the next save is kept and the problem cleared
          storage.failFrom = Number.POSITIVE_INFINITY;
          expect(saved.saveScenario('After', 'v=2&s=hcc-mouse&arm=After')).toBe(true);
          expect(saved.useSaved.getState().problem).toBeNull();
          expect(saved.useSaved.getState().entries).toEqual(stored());
          expect(stored()[0].name).toBe('After');
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });

  it('the Nth write failing keeps the first N - 1 saves exactly as they were', () => {
    storage.data.clear();
    storage.writes = 0;
    storage.failFrom = 4;
    storage.failure = 'quota';
    saved.useSaved.setState({ entries: [], problem: null, deleted: null, unreadable: false });
    for (const name of ['One', 'Two', 'Three']) expect(saved.saveScenario(name, `arm=${name}`)).toBe(true);
    const kept = storage.data.get(saved.SAVED_KEY);
    expect(saved.saveScenario('Four', 'arm=Four')).toBe(false);
    expect(saved.renameSaved(saved.useSaved.getState().entries[0].id, 'Renamed')).toBe(false);
    expect(saved.deleteSaved(saved.useSaved.getState().entries[1].id)).toBe(false);
    expect(storage.data.get(saved.SAVED_KEY)).toBe(kept);
    expect(saved.useSaved.getState().entries.map((e) => e.name)).toEqual(['Three', 'Two', 'One']);
    expect(saved.useSaved.getState().problem).toBe('quota');
  });
});
