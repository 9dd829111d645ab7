/**
 * Teaching state and the actions the keyboard shortcuts and the lesson panel share: presenter mode (large type,
 * thick lines, high contrast, full screen where allowed), the help overlay, the guided lesson in progress, and
 * playback / preset navigation.
 */
import { create } from 'zustand';
import { type Language, type MessageKey, t, tIn, useLanguage } from '../i18n';
import { LESSONS, stepScenario } from '../lessons/lessons';

export { playPause, stepForward } from './playback';

import { PRESETS, presetById } from '../scenario/catalogue/presets';
import { ARM_LIMITS } from '../scenario/limits';
import type { Scenario } from '../scenario/types';
import { useExplorer } from './explorer';

export interface LessonPosition {
  id: string;
  /** 0-based step index */
  step: number;
}

interface TeachingState {
  presenter: boolean;
  helpOpen: boolean;
  lesson: LessonPosition | null;
  setPresenter: (on: boolean) => void;
  setHelpOpen: (open: boolean) => void;
  setLesson: (lesson: LessonPosition | null) => void;
}

export const useTeaching = create<TeachingState>()((set) => ({
  presenter: false,
  helpOpen: false,
  lesson: null,
  setPresenter: (presenter) => {
    if (typeof document !== 'undefined') document.documentElement.classList.toggle('presenter', presenter);
    set({ presenter });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setLesson: (lesson) => set({ lesson }),
}));

/** A message key built from an id; used where the key set is checked by the catalogue tests instead of the types. */
export function dynamicKey(key: string): MessageKey {
  return key as MessageKey;
}

/** The preset's scenario with its arms named in the current language (names are link data: cut to the limit). */
export function localisedPresetScenario(id: string): Scenario | null {
  const preset = presetById(id);
  if (!preset) return null;
  const scenario = structuredClone(preset.scenario) as Scenario;
  scenario.arms = scenario.arms.map((arm, i) => {
    const name = t(dynamicKey(`preset.${id}.arm.${i}`));
    const usable = name && !name.startsWith('preset.') ? name : arm.name;
    return { ...arm, name: Array.from(usable).slice(0, ARM_LIMITS.nameMaxLength).join('') };
  });
  return scenario;
}

/**
 * After a language switch, the arms of the loaded preset that still carry the name it gave them (in the language
 * left) take its name in the new language; a renamed arm keeps the name given to it. Not an undo step: only words
 * change, not the scenario's meaning.
 */
export function renamePresetArms(from: Language, to: Language): void {
  const { presetId, scenario } = useExplorer.getState();
  const preset = presetId ? presetById(presetId) : undefined;
  if (!preset || from === to) return;
  let changed = false;
  const arms = scenario.arms.map((arm, i) => {
    const key = dynamicKey(`preset.${preset.id}.arm.${i}`);
    const clip = (name: string) => Array.from(name).slice(0, ARM_LIMITS.nameMaxLength).join('');
    const old = tIn(from, key);
    const next = tIn(to, key);
    if (old.startsWith('preset.') || next.startsWith('preset.') || arm.name !== clip(old)) return arm;
    changed = true;
    return { ...arm, name: clip(next) };
  });
  if (changed) useExplorer.setState({ scenario: { ...scenario, arms } });
}

useLanguage.subscribe((state, previous) => renamePresetArms(previous.language, state.language));

export function loadPreset(id: string): void {
  const scenario = localisedPresetScenario(id);
  if (scenario) useExplorer.getState().loadPreset(id, scenario);
}

function presetIndex(): number {
  const id = useExplorer.getState().presetId;
  return PRESETS.findIndex((p) => p.id === id);
}

/** Next (+1) or previous (-1) experiment, wrapping round; in a lesson, its next or previous step instead. */
export function navigate(delta: 1 | -1): void {
  const { lesson } = useTeaching.getState();
  if (lesson) {
    goToStep(lesson.id, lesson.step + delta);
    return;
  }
  const i = presetIndex();
  const next = i < 0 ? (delta > 0 ? 0 : PRESETS.length - 1) : (i + delta + PRESETS.length) % PRESETS.length;
  loadPreset(PRESETS[next].id);
}

/** Shows step `step` of lesson `id` (clamped to the lesson). */
export function goToStep(id: string, step: number): void {
  const lesson = LESSONS.find((l) => l.id === id);
  if (!lesson) return;
  const index = Math.max(0, Math.min(lesson.steps.length - 1, step));
  const definition = lesson.steps[index];
  const base = localisedPresetScenario(definition.preset);
  if (!base) return;
  const scenario = stepScenario(definition, base);
  const explorer = useExplorer.getState();
  explorer.loadPreset(definition.preset, scenario);
  const firstShown = scenario.arms.findIndex((a) => !a.hidden);
  const lastShown = scenario.arms.length - 1 - [...scenario.arms].reverse().findIndex((a) => !a.hidden);
  explorer.selectArm(firstShown < 0 ? 0 : lastShown);
  useTeaching.getState().setLesson({ id, step: index });
}

export function startLesson(id: string): void {
  goToStep(id, 0);
}

export function endLesson(): void {
  useTeaching.getState().setLesson(null);
}

/** Reset: the lesson step or the experiment as it was loaded (or the current scenario), rewound to day 0. */
export function reset(): void {
  const { lesson } = useTeaching.getState();
  if (lesson) goToStep(lesson.id, lesson.step);
  else {
    const id = useExplorer.getState().presetId;
    if (id) loadPreset(id);
  }
  const s = useExplorer.getState();
  s.setPlaying(false);
  s.setPlayDay(0);
  s.setCursorDay(0);
}

/** Presenter mode on or off; full screen where the browser allows it (never required). */
export function togglePresenter(): void {
  const on = !useTeaching.getState().presenter;
  useTeaching.getState().setPresenter(on);
  if (typeof document === 'undefined') return;
  try {
    if (on && document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen?.().catch(() => {
        // refused (no user gesture, or a policy): presenter mode works without full screen
      });
    } else if (!on && document.fullscreenElement) {
      document.exitFullscreen?.().catch(() => {});
    }
  } catch {
    // an old browser without the promise-based API
  }
}
