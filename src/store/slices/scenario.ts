/**
 * The scenario slice is what is simulated: the scenario itself (the single source of truth), the arms' stable keys
 * and palette slots, which arm is being edited, the preset it came from, and the problems of the link it was read
 * from. It exists so that every edit of a scenario goes through one set of actions that keep it within the codec's
 * limits; changing the setting, the horizon or the whole scenario also resets the cursor and playback.
 *
 * Every change of the scenario is undoable: the slice keeps a bounded history of snapshots (scenario, arm keys,
 * selected arm, preset), `undo` and `redo` walk it, and consecutive changes of one control (a slider drag, a window
 * dragged) make one step until `endHistoryStep` (a pointer release) or another change ends it. Loading a preset,
 * deleting an arm and changing the setting also raise `undoNotice`, which the page shows with an Undo button instead
 * of asking for confirmation (a preset only when it replaces a scenario changed since it was loaded).
 *
 * Arms have no identity in the scenario type, so the slice keeps a parallel list of stable keys and palette slots:
 * an arm keeps its colour when another arm is deleted, and a result can be matched to arms after edits.
 */
import type { StateCreator } from 'zustand';
import { DRUG_CATALOGUE } from '../../scenario/catalogue/drugs';
import { checkParameter } from '../../scenario/catalogue/parameters';
import { convertSchedule } from '../../scenario/convert';
import { defaultHorizon, defaultOutputStep } from '../../scenario/defaults';
import {
  ARM_LIMITS,
  EGFR_DEFAULT,
  HORIZON_LIMITS,
  isCohortSetting,
  SCHEDULE_LIMITS,
  SETTING_SCALE,
} from '../../scenario/limits';
import { isInvisibleName, stripNameControls } from '../../scenario/names';
import type { Arm, CohortSettings, DoseSchedule, DrugId, Inputs, Scale, Scenario, Setting } from '../../scenario/types';
import { armInputs } from '../../scenario/types';
import type { FieldError } from '../../scenario/validate';
import { validateScenario } from '../../scenario/validate';
import { applyVariable, parseVariable } from '../../scenario/variables';
import type { ViewSlice } from './view';

/** A problem of a shared link, as the codec reports it. */
export type LinkError = Pick<FieldError, 'field' | 'code' | 'message' | 'messageJa'>;

export interface ArmMeta {
  /** stable identity of the arm within this session */
  key: number;
  /** palette slot (colour and dash) */
  slot: number;
}

/** What one undo step brings back. */
export interface ScenarioSnapshot {
  scenario: Scenario;
  meta: ArmMeta[];
  selectedArm: number;
  presetId: string | null;
}

/** The changes that replace much at once, told by a notice with Undo: */
export type UndoNoticeKind = 'preset' | 'delete' | 'setting' | 'reset' | 'import' | 'saved';

export interface UndoNotice {
  kind: UndoNoticeKind;
  /** the deleted arm's name, the preset's id, the new setting, or the name of the scenario loaded */
  subject: string;
  /** for a setting change: what else changed with it (the horizon in days, and whether schedules were replaced) */
  detail?: {
    fromHorizon: number;
    toHorizon: number;
    /** schedules replaced by the new scale's defaults (no conversion); false since schedules are converted */
    schedulesReplaced: boolean;
    fromScale?: Scale;
    toScale?: Scale;
    /** each schedule carried to the new scale (scenario/convert.ts), arm by arm */
    conversions?: ScheduleConversion[];
  };
  /** new for every notice, so a repeated notice restarts its timer */
  id: number;
}

/** One dosing schedule carried between the mouse and the patient scale by a setting change. */
export interface ScheduleConversion {
  arm: string;
  drug: DrugId;
  from: DoseSchedule;
  to: DoseSchedule;
}

/** Undo steps kept (older ones are dropped). */
export const HISTORY_LIMIT = 100;

export interface ScenarioSlice {
  scenario: Scenario;
  meta: ArmMeta[];
  selectedArm: number;
  presetId: string | null;
  /** problems found in a shared link, shown until dismissed (the notice words them in the user's language) */
  linkErrors: LinkError[];

  /** sets one input of the biology for the selected arm (its own override if it has one, else the shared value) */
  setInput: <K extends keyof Inputs>(key: K, value: Inputs[K]) => void;
  setSetting: (setting: Setting) => void;
  /** changes one model parameter (undefined: back to the setting's value); a value outside its range is ignored */
  setParameter: (id: string, value: number | undefined) => void;
  /** every model parameter back to the setting's value */
  resetParameters: () => void;
  /** changes several model parameters in one undo step (a fit's values); does nothing if any value is out of range */
  setParameters: (values: Readonly<Record<string, number>>) => void;
  /**
   * sets several variables (scenario/variables.ts names: p.<id>, cox2.start, ...) in one undo step (a fit's values);
   * does nothing if any is unreadable or the result would not be a valid scenario
   */
  setVariables: (values: readonly { variable: string; value: number }[]) => void;
  setHorizon: (horizon: number) => void;
  setTreatment: (drug: DrugId, on: boolean) => void;
  setSchedule: (drug: DrugId, change: Partial<DoseSchedule>) => void;
  selectArm: (index: number) => void;
  addArm: (name: string) => void;
  duplicateArm: (index: number, name: string) => void;
  renameArm: (index: number, name: string) => void;
  toggleHidden: (index: number) => void;
  deleteArm: (index: number) => void;
  loadPreset: (presetId: string, scenario: Scenario) => void;
  /**
   * replace the whole scenario (e.g. from a shared link); `notice` names it in an Undo notice (a saved scenario, a
   * file); `presetId` is the preset it was loaded from, when the link or the saved entry says so (its arms' names
   * then follow the language, store/teaching.ts renamePresetArms)
   */
  setScenario: (
    scenario: Scenario,
    notice?: { kind: 'import' | 'saved'; subject: string },
    presetId?: string | null,
  ) => void;
  /** everything back to the scenario the app starts with (undoable, with a notice) */
  resetAll: (initial: Scenario) => void;
  /** which input the selected arm sets on its own ("this arm only"): on copies the shared value into the arm */
  setArmOnly: (key: keyof Inputs, on: boolean) => void;
  /** set (or remove) the virtual-trial settings of the scenario; the caller keeps them within COHORT_LIMITS */
  setCohort: (cohort: CohortSettings | undefined) => void;
  setLinkErrors: (errors: LinkError[]) => void;

  /** snapshots before each change, oldest first (at most HISTORY_LIMIT) */
  past: ScenarioSnapshot[];
  /** snapshots undone, the next redo last */
  future: ScenarioSnapshot[];
  undoNotice: UndoNotice | null;
  /** counts the undo steps begun (a merged change of the same control does not count): the address pushes a new
   * browser-history entry for each, so that Back returns to the scenario before it */
  historyStep: number;
  /** undo depth of the scenario: a new step adds one, an undo takes one away, a redo adds it back. The address tags
   * each browser-history entry with it (store/historyEntries.ts), so that undo and redo move through those entries */
  historyDepth: number;
  undo: () => void;
  redo: () => void;
  /** ends the current step: the next change of the same control is a new undo step */
  endHistoryStep: () => void;
  /** forgets the history (after the scenario of a link is read at start-up) */
  clearHistory: () => void;
  dismissUndoNotice: () => void;
}

/** What a scenario action resets in the view slice (the cursor and playback follow the horizon). */
type Playback = Pick<ViewSlice, 'cursorDay' | 'playDay' | 'playing'>;

export function scaleOf(scenario: Scenario): Scale {
  return SETTING_SCALE[scenario.setting];
}

/** Keep a schedule inside the limits the codec accepts: start >= 0, stop > start, interval in range. */
export function clampSchedule(s: DoseSchedule): DoseSchedule {
  const round = (v: number) => Math.round(v * 100) / 100;
  const interval = Math.min(SCHEDULE_LIMITS.interval.max, Math.max(SCHEDULE_LIMITS.interval.min, s.interval));
  const start = round(Math.min(SCHEDULE_LIMITS.start.max, Math.max(0, s.start)));
  let stop = round(Math.max(start + interval / 4, s.stop));
  // At most maxDoses doses in the window.
  const maxStop = start + interval * SCHEDULE_LIMITS.maxDoses;
  if (stop > maxStop) stop = maxStop;
  return { dose: Math.max(0, s.dose), start, stop, interval };
}

/** At most the allowed name length, counted in code points like the codec does (no split surrogate pairs). */
/** A name as the store keeps it: no control or text-direction characters, trimmed, at most the limit. */
function clipName(name: string): string {
  return Array.from(stripNameControls(name).name.trim()).slice(0, ARM_LIMITS.nameMaxLength).join('').trimEnd();
}

function firstFreeSlot(meta: ArmMeta[]): number {
  const used = new Set(meta.map((m) => m.slot));
  for (let slot = 0; ; slot++) if (!used.has(slot)) return slot;
}

let nextKey = 1;
function freshMeta(count: number): ArmMeta[] {
  return Array.from({ length: count }, (_, slot) => ({ key: nextKey++, slot }));
}

function withArm(scenario: Scenario, index: number, change: (arm: Arm) => Arm): Scenario {
  return { ...scenario, arms: scenario.arms.map((arm, i) => (i === index ? change(arm) : arm)) };
}

/** Default schedule of a drug at a scale, moved inside the horizon when the default starts after it. */
function defaultSchedule(drug: DrugId, scale: Scale, horizon: number): DoseSchedule {
  const s = { ...DRUG_CATALOGUE[drug][scale].defaultSchedule };
  if (s.start >= horizon) {
    const length = s.stop - s.start;
    s.start = 0;
    s.stop = Math.min(length, horizon);
  }
  return s;
}

/** The parameter changes that are valid in `setting`, or undefined when none is. */
function withValidParameters(
  parameters: Scenario['parameters'],
  setting: Setting,
): Partial<Record<string, number>> | undefined {
  if (!parameters) return undefined;
  const kept = Object.fromEntries(
    Object.entries(parameters).filter(([id, v]) => v !== undefined && checkParameter(id, v, setting) === null),
  );
  return Object.keys(kept).length > 0 ? kept : undefined;
}

export function createScenarioSlice(initial: Scenario): StateCreator<ScenarioSlice & Playback, [], [], ScenarioSlice> {
  return (set, get) => {
    /** the control whose consecutive changes are being merged into one step, or null */
    let openStep: string | null = null;
    /** whether the scenario changed since a preset or a whole scenario was loaded (a preset replacing it loses work) */
    let edited = false;
    const snapshot = (state: ScenarioSnapshot): ScenarioSnapshot => ({
      scenario: state.scenario,
      meta: state.meta,
      selectedArm: state.selectedArm,
      presetId: state.presetId,
    });
    /** Sets a change of the scenario and records the state before it as an undo step. */
    const commit = (
      change: Partial<ScenarioSlice & Playback>,
      options: { step?: string; notice?: Omit<UndoNotice, 'id'> } = {},
    ) => {
      const state = get();
      const merge = options.step !== undefined && options.step === openStep && state.past.length > 0;
      openStep = options.step ?? null;
      const past = merge ? state.past : [...state.past, snapshot(state)].slice(-HISTORY_LIMIT);
      const undoNotice = options.notice ? { ...options.notice, id: (state.undoNotice?.id ?? 0) + 1 } : null;
      edited = true;
      set({
        ...change,
        past,
        future: [],
        undoNotice,
        historyStep: state.historyStep + (merge ? 0 : 1),
        historyDepth: state.historyDepth + (merge ? 0 : 1),
      });
    };
    /** Brings a snapshot back; the cursor and playback follow the horizon when it changes. */
    const restore = (target: ScenarioSnapshot): Partial<ScenarioSlice & Playback> => {
      const state = get();
      const change: Partial<ScenarioSlice & Playback> = {
        ...target,
        selectedArm: Math.max(0, Math.min(target.selectedArm, target.scenario.arms.length - 1)),
        undoNotice: null,
      };
      if (target.scenario.horizon !== state.scenario.horizon) {
        change.cursorDay = Math.min(state.cursorDay, target.scenario.horizon);
        change.playDay = null;
        change.playing = false;
      }
      return change;
    };
    return {
      scenario: initial,
      meta: freshMeta(initial.arms.length),
      selectedArm: 0,
      presetId: null,

      setInput: (key, value) => {
        const { scenario, selectedArm } = get();
        const arm = scenario.arms[selectedArm];
        // The control edits what the selected arm sees: its own override if it has one, else the shared value.
        if (arm && arm.inputs[key] !== undefined) {
          commit(
            { scenario: withArm(scenario, selectedArm, (a) => ({ ...a, inputs: { ...a.inputs, [key]: value } })) },
            { step: `input:${selectedArm}:${String(key)}` },
          );
        } else {
          commit(
            { scenario: { ...scenario, inputs: { ...scenario.inputs, [key]: value } } },
            { step: `input:${String(key)}` },
          );
        }
      },

      setSetting: (setting) => {
        const { scenario } = get();
        if (setting === scenario.setting) return;
        const horizon = defaultHorizon(setting);
        const scale = SETTING_SCALE[setting];
        const rescale = SETTING_SCALE[scenario.setting] !== scale;
        const fromScale = SETTING_SCALE[scenario.setting];
        const conversions: ScheduleConversion[] = [];
        const arms = scenario.arms.map((arm) => {
          if (!rescale) return arm;
          // Doses and units differ between mice and patients: each schedule is carried as the same multiple of its
          // scale's reference regimen (scenario/convert.ts), in the new scale's units.
          const treatments: Arm['treatments'] = {};
          for (const drug of Object.keys(arm.treatments) as DrugId[]) {
            const before = arm.treatments[drug];
            if (!before) continue;
            const after = clampSchedule(convertSchedule(drug, before, fromScale, scale, horizon));
            treatments[drug] = after;
            conversions.push({ arm: arm.name, drug, from: before, to: after });
          }
          return { ...arm, treatments };
        });
        const next: Scenario = { ...scenario, setting, horizon, outputStep: defaultOutputStep(setting, horizon), arms };
        // Virtual-cohort settings only exist in the trial settings (patients with HCC or EGFR-mutant lung cancer).
        if (!isCohortSetting(setting)) delete next.cohort;
        // A new setting starts from its own EGFR status (lung mutant, HCC and CRC wild type) unless an arm sets one.
        if (next.inputs.egfr !== undefined) {
          const { egfr: _, ...inputs } = next.inputs;
          next.inputs = inputs;
        }
        // Parameter changes are values at the old setting's scale: keep those that are still in range.
        const kept = withValidParameters(scenario.parameters, setting);
        if (kept) next.parameters = kept;
        else delete next.parameters;
        commit(
          {
            scenario: next,
            cursorDay: Math.min(get().cursorDay, horizon),
            playDay: null,
            playing: false,
            presetId: null,
          },
          {
            notice: {
              kind: 'setting',
              subject: setting,
              detail: {
                fromHorizon: scenario.horizon,
                toHorizon: horizon,
                schedulesReplaced: false,
                fromScale,
                toScale: scale,
                conversions,
              },
            },
          },
        );
      },

      setParameter: (id, value) => {
        const { scenario } = get();
        const parameters = { ...scenario.parameters };
        if (value === undefined) delete parameters[id];
        else if (checkParameter(id, value, scenario.setting)) return;
        else parameters[id] = value;
        const next: Scenario = { ...scenario, parameters };
        if (Object.keys(parameters).length === 0) delete next.parameters;
        commit({ scenario: next }, { step: `parameter:${id}` });
      },

      setParameters: (values) => {
        const { scenario } = get();
        const entries = Object.entries(values);
        if (entries.length === 0) return;
        if (entries.some(([id, v]) => checkParameter(id, v, scenario.setting) !== null)) return;
        commit({ scenario: { ...scenario, parameters: { ...scenario.parameters, ...values } } });
      },

      setVariables: (values) => {
        if (values.length === 0) return;
        let next = get().scenario;
        for (const { variable, value } of values) {
          const v = parseVariable(variable);
          if ('error' in v || !Number.isFinite(value)) return;
          if (v.kind === 'parameter' && checkParameter(v.id, value, next.setting) !== null) return;
          next = applyVariable(next, v, value);
        }
        if (validateScenario(next).length > 0) return;
        commit({ scenario: next });
      },

      resetParameters: () => {
        const { scenario } = get();
        if (!scenario.parameters) return;
        const next: Scenario = { ...scenario };
        delete next.parameters;
        commit({ scenario: next });
      },

      setHorizon: (horizon) => {
        const { scenario, cursorDay } = get();
        const limits = HORIZON_LIMITS[scenario.setting];
        const h = Math.round(Math.min(limits.max, Math.max(limits.min, horizon)));
        if (h === scenario.horizon) return;
        commit(
          {
            scenario: { ...scenario, horizon: h, outputStep: defaultOutputStep(scenario.setting, h) },
            cursorDay: Math.min(cursorDay, h),
            playDay: null,
            playing: false,
          },
          { step: 'horizon' },
        );
      },

      setTreatment: (drug, on) => {
        const { scenario, selectedArm } = get();
        commit({
          scenario: withArm(scenario, selectedArm, (arm) => {
            const treatments = { ...arm.treatments };
            if (on) treatments[drug] = defaultSchedule(drug, scaleOf(scenario), scenario.horizon);
            else delete treatments[drug];
            return { ...arm, treatments };
          }),
        });
      },

      setSchedule: (drug, change) => {
        const { scenario, selectedArm } = get();
        const current = scenario.arms[selectedArm]?.treatments[drug];
        if (!current) return;
        const next = clampSchedule({ ...current, ...change });
        if (
          next.dose === current.dose &&
          next.start === current.start &&
          next.stop === current.stop &&
          next.interval === current.interval
        ) {
          return;
        }
        commit(
          {
            scenario: withArm(scenario, selectedArm, (arm) => ({
              ...arm,
              treatments: { ...arm.treatments, [drug]: next },
            })),
          },
          { step: `schedule:${selectedArm}:${drug}:${Object.keys(change).sort().join(',')}` },
        );
      },

      selectArm: (index) => {
        if (index >= 0 && index < get().scenario.arms.length) set({ selectedArm: index });
      },

      addArm: (name) => {
        const { scenario, meta, selectedArm } = get();
        if (scenario.arms.length >= ARM_LIMITS.maxArms) return;
        const source = scenario.arms[selectedArm];
        // "From current settings": the biology the selected arm has now, without treatment.
        const inputs: Partial<Inputs> = source ? { ...source.inputs } : {};
        const arm: Arm = { name: clipName(name), inputs, treatments: {}, hidden: false };
        commit({
          scenario: { ...scenario, arms: [...scenario.arms, arm] },
          meta: [...meta, { key: nextKey++, slot: firstFreeSlot(meta) }],
          selectedArm: scenario.arms.length,
        });
      },

      duplicateArm: (index, name) => {
        const { scenario, meta } = get();
        const source = scenario.arms[index];
        if (!source || scenario.arms.length >= ARM_LIMITS.maxArms) return;
        const copy: Arm = structuredClone({ ...source, name: clipName(name), hidden: false });
        const arms = [...scenario.arms];
        arms.splice(index + 1, 0, copy);
        const nextMeta = [...meta];
        nextMeta.splice(index + 1, 0, { key: nextKey++, slot: firstFreeSlot(meta) });
        commit({ scenario: { ...scenario, arms }, meta: nextMeta, selectedArm: index + 1 });
      },

      renameArm: (index, name) => {
        const trimmed = clipName(name);
        if (isInvisibleName(trimmed)) return;
        if (get().scenario.arms[index]?.name === trimmed) return;
        commit({ scenario: withArm(get().scenario, index, (arm) => ({ ...arm, name: trimmed })) });
      },

      toggleHidden: (index) => {
        commit({ scenario: withArm(get().scenario, index, (arm) => ({ ...arm, hidden: !arm.hidden })) });
      },

      deleteArm: (index) => {
        const { scenario, meta, selectedArm } = get();
        if (scenario.arms.length <= ARM_LIMITS.minArms) return;
        const deleted = scenario.arms[index];
        if (!deleted) return;
        const arms = scenario.arms.filter((_, i) => i !== index);
        commit(
          {
            scenario: { ...scenario, arms },
            meta: meta.filter((_, i) => i !== index),
            selectedArm: Math.max(0, Math.min(selectedArm > index ? selectedArm - 1 : selectedArm, arms.length - 1)),
          },
          { notice: { kind: 'delete', subject: deleted.name } },
        );
      },

      loadPreset: (presetId, scenario) => {
        commit(
          {
            scenario: structuredClone(scenario) as Scenario,
            meta: freshMeta(scenario.arms.length),
            selectedArm: Math.max(0, scenario.arms.length - 1),
            presetId,
            cursorDay: scenario.horizon,
            playDay: null,
            playing: false,
          },
          edited ? { notice: { kind: 'preset', subject: presetId } } : {},
        );
        edited = false;
      },

      setScenario: (scenario, notice, presetId = null) => {
        commit(
          {
            scenario,
            meta: freshMeta(scenario.arms.length),
            selectedArm: 0,
            presetId,
            cursorDay: scenario.horizon,
            playDay: null,
            playing: false,
          },
          notice ? { notice } : {},
        );
        edited = false;
      },
      resetAll: (initial) => {
        commit(
          {
            scenario: structuredClone(initial) as Scenario,
            meta: freshMeta(initial.arms.length),
            selectedArm: 0,
            presetId: null,
            cursorDay: initial.horizon,
            playDay: null,
            playing: false,
          },
          { notice: { kind: 'reset', subject: '' } },
        );
        edited = false;
      },
      setArmOnly: (key, on) => {
        const { scenario, selectedArm } = get();
        const arm = scenario.arms[selectedArm];
        if (!arm || (arm.inputs[key] !== undefined) === on) return;
        const inputs = { ...arm.inputs };
        // on: the arm starts from the value it sees now; off: it follows the shared value again
        if (on) {
          // an EGFR status left to the setting's default is made explicit, so the arm keeps it
          const value = armInputs(scenario, arm)[key] ?? (key === 'egfr' ? EGFR_DEFAULT[scenario.setting] : undefined);
          Object.assign(inputs, { [key]: value });
        } else delete inputs[key];
        commit({ scenario: withArm(scenario, selectedArm, (a) => ({ ...a, inputs })) });
      },
      setCohort: (cohort) => {
        const { scenario } = get();
        const next: Scenario = { ...scenario, cohort };
        if (!cohort) delete next.cohort;
        commit({ scenario: next }, { step: 'cohort' });
      },
      linkErrors: [],
      setLinkErrors: (linkErrors) => set({ linkErrors }),

      past: [],
      future: [],
      undoNotice: null,
      historyStep: 0,
      historyDepth: 0,
      undo: () => {
        const state = get();
        const previous = state.past[state.past.length - 1];
        if (!previous) return;
        openStep = null;
        edited = true;
        set({
          ...restore(previous),
          past: state.past.slice(0, -1),
          future: [...state.future, snapshot(state)],
          historyDepth: state.historyDepth - 1,
        });
      },
      redo: () => {
        const state = get();
        const next = state.future[state.future.length - 1];
        if (!next) return;
        openStep = null;
        edited = true;
        set({
          ...restore(next),
          future: state.future.slice(0, -1),
          past: [...state.past, snapshot(state)],
          historyDepth: state.historyDepth + 1,
        });
      },
      endHistoryStep: () => {
        openStep = null;
      },
      clearHistory: () => {
        openStep = null;
        set({ past: [], future: [], undoNotice: null });
      },
      dismissUndoNotice: () => set({ undoNotice: null }),
    };
  };
}
