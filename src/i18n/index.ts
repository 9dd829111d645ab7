/**
 * Messages: `t(key)` reads the catalogue of the current language, held in a small Zustand store so that components
 * re-render when it changes (`useT()`).
 *
 * Adding a language: create `ja.ts` exporting `export const ja: Catalogue = { ... }` (every key of en.ts, no
 * others), then add it to CATALOGUES and LANGUAGES below.
 */
import { create } from 'zustand';
import { type Catalogue, en, type MessageKey } from './en';
import { ja } from './ja';

export type { Catalogue, MessageKey } from './en';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGUES: Record<Language, Catalogue> = { en, ja };

/** The language's own name, shown in the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that has a catalogue ('ja-JP' -> 'ja'); English otherwise. */
export function browserLanguage(
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
): Language {
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: 'en',
  setLanguage: (language) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
    set({ language });
  },
}));

export type MessageParams = Record<string, string | number>;

/** `text` with each {name} replaced by params[name] (unknown names stay as written). */
export function fill(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message for `key` in the current language, with {placeholders} filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const catalogue = CATALOGUES[useLanguage.getState().language] ?? en;
  return fill(catalogue[key] ?? en[key], params);
}

/** The message for `key` in a given language (e.g. to recognise a name given in the language just left). */
export function tIn(language: Language, key: MessageKey, params?: MessageParams): string {
  return fill((CATALOGUES[language] ?? en)[key] ?? en[key], params);
}

/** `t` for components: subscribes to the language so that the component re-renders when it changes. */
export function useT(): typeof t {
  useLanguage((s) => s.language);
  return t;
}

/** Current locale for number formatting. */
export function locale(): string {
  return useLanguage.getState().language;
}
