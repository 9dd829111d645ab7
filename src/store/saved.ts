/**
 * Saved scenarios: named scenarios kept in this browser (localStorage), listed, renamed, deleted (with undo) and
 * loaded back. Each is kept as its link (the codec's query string), so that loading one goes through the same
 * validation as opening a shared link. It exists so that a lecturer's prepared scenarios survive a closed tab.
 *
 * Storage can fail (quota exceeded, storage disabled, a private window): every write reports failure instead of
 * throwing, the list in memory stays what the person sees, and the page says why it could not be kept.
 */
import { create } from 'zustand';
import { ARM_LIMITS } from '../scenario/limits';
import { stripNameControls } from '../scenario/names';

export const SAVED_KEY = 'timescape.saved.v1';
/** At most this many scenarios are kept (a link is at most a few kB, so this stays far below any quota). */
export const SAVED_LIMIT = 50;
/** Names are as long as arm names may be. */
export const SAVED_NAME_MAX = ARM_LIMITS.nameMaxLength;

export interface SavedScenario {
  id: string;
  name: string;
  /** the scenario's link (query string without '?') */
  query: string;
  /** ISO time it was saved */
  savedAt: string;
}

/** Why a write to the browser's storage failed. */
export type StorageProblem = 'quota' | 'unavailable' | 'full';

interface SavedState {
  entries: SavedScenario[];
  /** the last write's problem, or null */
  problem: StorageProblem | null;
  /** the last deleted entry and where it was, for Undo */
  deleted: { entry: SavedScenario; index: number } | null;
  /** whether the stored list could not be read (it is then left untouched in storage) */
  unreadable: boolean;
}

/** A name as kept: no control characters, trimmed, at most SAVED_NAME_MAX code points. */
export function cleanName(name: string): string {
  return Array.from(stripNameControls(name).name.trim()).slice(0, SAVED_NAME_MAX).join('').trimEnd();
}

function isEntry(x: unknown): x is SavedScenario {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.name === 'string' &&
    typeof e.query === 'string' &&
    typeof e.savedAt === 'string'
  );
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a browser that blocks storage throws on the mere access
  }
}

/** The stored list; entries of the wrong shape are skipped. */
export function readSaved(): { entries: SavedScenario[]; unreadable: boolean } {
  const store = storage();
  if (!store) return { entries: [], unreadable: false };
  let text: string | null;
  try {
    text = store.getItem(SAVED_KEY);
  } catch {
    return { entries: [], unreadable: true };
  }
  if (text === null) return { entries: [], unreadable: false };
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return { entries: [], unreadable: true };
    return { entries: data.filter(isEntry).slice(0, SAVED_LIMIT), unreadable: false };
  } catch {
    return { entries: [], unreadable: true };
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22)
  );
}

/** Writes the list; null when it was kept, else why not. */
function write(entries: SavedScenario[]): StorageProblem | null {
  const store = storage();
  if (!store) return 'unavailable';
  try {
    store.setItem(SAVED_KEY, JSON.stringify(entries));
    return null;
  } catch (error) {
    return isQuotaError(error) ? 'quota' : 'unavailable';
  }
}

let counter = 0;
function newId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter.toString(36)}`;
}

export const useSaved = create<SavedState>()(() => ({ ...readSaved(), problem: null, deleted: null }));

/** Commits a new list: kept in memory only when storage took it, so that the list never shows what was not kept. */
function commit(entries: SavedScenario[], extra: Partial<SavedState> = {}): boolean {
  const problem = useSaved.getState().unreadable ? 'unavailable' : write(entries);
  if (problem) {
    useSaved.setState({ problem });
    return false;
  }
  useSaved.setState({ entries, problem: null, ...extra });
  return true;
}

/** Saves `query` under `name` (a name already used is replaced); false when it could not be kept. */
export function saveScenario(name: string, query: string): boolean {
  const clean = cleanName(name);
  if (!clean) return false;
  const { entries } = useSaved.getState();
  const existing = entries.findIndex((e) => e.name === clean);
  if (existing < 0 && entries.length >= SAVED_LIMIT) {
    useSaved.setState({ problem: 'full' });
    return false;
  }
  const entry: SavedScenario = { id: newId(), name: clean, query, savedAt: new Date().toISOString() };
  const next = existing >= 0 ? entries.map((e, i) => (i === existing ? entry : e)) : [entry, ...entries];
  return commit(next, { deleted: null });
}

export function renameSaved(id: string, name: string): boolean {
  const clean = cleanName(name);
  if (!clean) return false;
  const { entries } = useSaved.getState();
  return commit(entries.map((e) => (e.id === id ? { ...e, name: clean } : e)));
}

export function deleteSaved(id: string): boolean {
  const { entries } = useSaved.getState();
  const index = entries.findIndex((e) => e.id === id);
  if (index < 0) return false;
  return commit(
    entries.filter((e) => e.id !== id),
    { deleted: { entry: entries[index], index } },
  );
}

/** Puts the last deleted entry back where it was. */
export function undoDeleteSaved(): boolean {
  const { entries, deleted } = useSaved.getState();
  if (!deleted) return false;
  const next = [...entries];
  next.splice(Math.min(deleted.index, next.length), 0, deleted.entry);
  return commit(next, { deleted: null });
}

export function dismissSavedNotice(): void {
  useSaved.setState({ deleted: null, problem: null });
}
