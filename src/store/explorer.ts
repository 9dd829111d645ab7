/**
 * The explorer's state: the scenario (single source of truth for what is simulated), which arm is being edited,
 * the latest simulation result, and view state (cursor, playback, chart options).
 *
 * Arms have no identity in the scenario type, so the store keeps a parallel list of stable keys and palette slots:
 * an arm keeps its colour when another arm is deleted, and a result can be matched to arms after edits.
 */
import { create } from 'zustand';
import { DRUG_CATALOGUE } from '../scenario/catalogue/drugs';
import { defaultHorizon, defaultOutputStep, defaultScenario } from '../scenario/defaults';
import { ARM_LIMITS, HORIZON_LIMITS, SCHEDULE_LIMITS, SETTING_SCALE } from '../scenario/limits';
import { isInvisibleName, stripNameControls } from '../scenario/names';
import type { Arm, CohortSettings, DoseSchedule, DrugId, Inputs, Scale, Scenario, Setting } from '../scenario/types';
import { armInputs } from '../scenario/types';
import type { ClientStatus, FaultKind, SeriesName, SimulationResult } from '../worker/client';

export type { SeriesName, SimulationResult };

export type NumericInputKey = 'nrf2' | 'neat1' | 'il6';
export type CompartmentView = 'total' | 'stacked' | 'separate';
export type MacrophageView = 'fraction' | 'counts';

export interface ArmMeta {
  /** stable identity of the arm within this session */
  key: number;
  /** palette slot (colour and dash) */
  slot: number;
}

export interface ResultView {
  result: SimulationResult;
  /** keys of the arms in result.arms, in order */
  keys: number[];
  /** the scenario that was simulated (hidden arms left out) */
  scenario: Scenario;
}

export interface ExplorerState {
  scenario: Scenario;
  meta: ArmMeta[];
  selectedArm: number;
  presetId: string | null;

  result: ResultView | null;
  status: ClientStatus;
  statusMessage: string;
  /** what went wrong while status is 'error' or 'unavailable' */
  statusFault: FaultKind | null;
  /** the simulator was restarted after a fault and has answered again: shown until dismissed or timed out */
  restartNotice: { kind: FaultKind; restarts: number; id: number } | null;

  /** day the cursor reads values at */
  cursorDay: number;
  /** playback: curves are drawn up to this day; null = whole horizon */
  playDay: number | null;
  playing: boolean;
  /** simulated days per second of playback, as a fraction of the horizon per 10 s */
  speed: number;
  logScale: boolean;
  compartments: CompartmentView;
  macrophageView: MacrophageView;
  drugView: DrugId;

  setInput: (key: NumericInputKey, value: number) => void;
  setAxl: (value: 'low' | 'high') => void;
  setCd8Depleted: (value: boolean) => void;
  setSetting: (setting: Setting) => void;
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
  /** replace the whole scenario (e.g. from a shared link) */
  setScenario: (scenario: Scenario) => void;
  /** set (or remove) the virtual-trial settings of the scenario; the caller keeps them within COHORT_LIMITS */
  setCohort: (cohort: CohortSettings | undefined) => void;
  /** problems found in a shared link, shown until dismissed */
  linkErrors: string[];
  setLinkErrors: (errors: string[]) => void;

  setResult: (result: ResultView) => void;
  setStatus: (status: ClientStatus, message?: string, fault?: FaultKind) => void;
  setRestartNotice: (notice: { kind: FaultKind; restarts: number } | null) => void;
  setCursorDay: (day: number) => void;
  setPlayDay: (day: number | null) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  setLogScale: (on: boolean) => void;
  setCompartments: (view: CompartmentView) => void;
  setMacrophageView: (view: MacrophageView) => void;
  setDrugView: (drug: DrugId) => void;
}

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

const initialScenario = defaultScenario();

export const useExplorer = create<ExplorerState>()((set, get) => ({
  scenario: initialScenario,
  meta: freshMeta(initialScenario.arms.length),
  selectedArm: 0,
  presetId: null,
  result: null,
  status: 'idle',
  statusMessage: '',
  statusFault: null,
  restartNotice: null,
  cursorDay: initialScenario.horizon,
  playDay: null,
  playing: false,
  speed: 1,
  logScale: true,
  compartments: 'total',
  macrophageView: 'fraction',
  drugView: 'atezolizumab',

  setInput: (key, value) => {
    const { scenario, selectedArm } = get();
    const arm = scenario.arms[selectedArm];
    // The control edits what the selected arm sees: its own override if it has one, else the shared value.
    if (arm && arm.inputs[key] !== undefined) {
      set({ scenario: withArm(scenario, selectedArm, (a) => ({ ...a, inputs: { ...a.inputs, [key]: value } })) });
    } else {
      set({ scenario: { ...scenario, inputs: { ...scenario.inputs, [key]: value } } });
    }
  },
  setAxl: (value) => setBooleanish(set, get, 'axl', value),
  setCd8Depleted: (value) => setBooleanish(set, get, 'cd8Depleted', value),

  setSetting: (setting) => {
    const { scenario } = get();
    if (setting === scenario.setting) return;
    const horizon = defaultHorizon(setting);
    const scale = SETTING_SCALE[setting];
    const rescale = SETTING_SCALE[scenario.setting] !== scale;
    const arms = scenario.arms.map((arm) => {
      if (!rescale) return arm;
      // Doses and units differ between mice and patients: keep which drugs are given, with the scale's defaults.
      const treatments: Arm['treatments'] = {};
      for (const drug of Object.keys(arm.treatments) as DrugId[]) {
        treatments[drug] = defaultSchedule(drug, scale, horizon);
      }
      return { ...arm, treatments };
    });
    const next: Scenario = { ...scenario, setting, horizon, outputStep: defaultOutputStep(setting, horizon), arms };
    // Virtual-cohort settings only exist for patients with HCC.
    if (setting !== 'hcc-patient') delete next.cohort;
    set({
      scenario: next,
      cursorDay: Math.min(get().cursorDay, horizon),
      playDay: null,
      playing: false,
      presetId: null,
    });
  },

  setHorizon: (horizon) => {
    const { scenario, cursorDay } = get();
    const limits = HORIZON_LIMITS[scenario.setting];
    const h = Math.round(Math.min(limits.max, Math.max(limits.min, horizon)));
    if (h === scenario.horizon) return;
    set({
      scenario: { ...scenario, horizon: h, outputStep: defaultOutputStep(scenario.setting, h) },
      cursorDay: Math.min(cursorDay, h),
      playDay: null,
      playing: false,
    });
  },

  setTreatment: (drug, on) => {
    const { scenario, selectedArm } = get();
    set({
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
    set({
      scenario: withArm(scenario, selectedArm, (arm) => ({ ...arm, treatments: { ...arm.treatments, [drug]: next } })),
    });
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
    set({
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
    set({ scenario: { ...scenario, arms }, meta: nextMeta, selectedArm: index + 1 });
  },

  renameArm: (index, name) => {
    const trimmed = clipName(name);
    if (isInvisibleName(trimmed)) return;
    set({ scenario: withArm(get().scenario, index, (arm) => ({ ...arm, name: trimmed })) });
  },

  toggleHidden: (index) => {
    set({ scenario: withArm(get().scenario, index, (arm) => ({ ...arm, hidden: !arm.hidden })) });
  },

  deleteArm: (index) => {
    const { scenario, meta, selectedArm } = get();
    if (scenario.arms.length <= ARM_LIMITS.minArms) return;
    const arms = scenario.arms.filter((_, i) => i !== index);
    set({
      scenario: { ...scenario, arms },
      meta: meta.filter((_, i) => i !== index),
      selectedArm: Math.max(0, Math.min(selectedArm > index ? selectedArm - 1 : selectedArm, arms.length - 1)),
    });
  },

  loadPreset: (presetId, scenario) => {
    set({
      scenario: structuredClone(scenario) as Scenario,
      meta: freshMeta(scenario.arms.length),
      selectedArm: Math.max(0, scenario.arms.length - 1),
      presetId,
      cursorDay: scenario.horizon,
      playDay: null,
      playing: false,
    });
  },

  setScenario: (scenario) => {
    set({
      scenario,
      meta: freshMeta(scenario.arms.length),
      selectedArm: 0,
      presetId: null,
      cursorDay: scenario.horizon,
      playDay: null,
      playing: false,
    });
  },
  setCohort: (cohort) => {
    const { scenario } = get();
    const next: Scenario = { ...scenario, cohort };
    if (!cohort) delete next.cohort;
    set({ scenario: next });
  },
  linkErrors: [],
  setLinkErrors: (linkErrors) => set({ linkErrors }),

  setResult: (result) => set({ result }),
  setStatus: (status, message = '', fault) => set({ status, statusMessage: message, statusFault: fault ?? null }),
  setRestartNotice: (notice) =>
    set({ restartNotice: notice ? { ...notice, id: (get().restartNotice?.id ?? 0) + 1 } : null }),
  setCursorDay: (day) => {
    const h = get().scenario.horizon;
    set({ cursorDay: Math.min(h, Math.max(0, day)) });
  },
  setPlayDay: (day) => set({ playDay: day }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  setLogScale: (logScale) => set({ logScale }),
  setCompartments: (compartments) => set({ compartments }),
  setMacrophageView: (macrophageView) => set({ macrophageView }),
  setDrugView: (drugView) => set({ drugView }),
}));

function setBooleanish<K extends 'axl' | 'cd8Depleted'>(
  set: (partial: Partial<ExplorerState>) => void,
  get: () => ExplorerState,
  key: K,
  value: Inputs[K],
): void {
  const { scenario, selectedArm } = get();
  const arm = scenario.arms[selectedArm];
  if (arm && arm.inputs[key] !== undefined) {
    set({ scenario: withArm(scenario, selectedArm, (a) => ({ ...a, inputs: { ...a.inputs, [key]: value } })) });
  } else {
    set({ scenario: { ...scenario, inputs: { ...scenario.inputs, [key]: value } } });
  }
}

/** The inputs the selected arm is simulated with. */
export function selectedInputs(state: Pick<ExplorerState, 'scenario' | 'selectedArm'>): Inputs {
  const arm = state.scenario.arms[state.selectedArm];
  return arm ? armInputs(state.scenario, arm) : state.scenario.inputs;
}

/** The scenario that is sent to the worker: hidden arms are not simulated. Returns the keys of the arms kept. */
export function visibleScenario(scenario: Scenario, meta: ArmMeta[]): { scenario: Scenario; keys: number[] } {
  const arms: Arm[] = [];
  const keys: number[] = [];
  scenario.arms.forEach((arm, i) => {
    if (!arm.hidden) {
      arms.push(arm);
      keys.push(meta[i]?.key ?? -1);
    }
  });
  return { scenario: { ...scenario, arms }, keys };
}
