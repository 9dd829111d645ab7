/**
 * The explorer store is the one Zustand store of the explorer, composed of three slices (Zustand's slices pattern),
 * each owning one concern: what is simulated (slices/scenario.ts: the scenario and its arms), what the worker said
 * (slices/run.ts: result, status, faults) and how it is looked at (slices/view.ts: cursor, playback and the chart
 * options as one `view` object). It exists so that components subscribe to one store with narrow selectors.
 */
import { create } from 'zustand';
import { defaultScenario } from '../scenario/defaults';
import type { Arm, Inputs, Scenario } from '../scenario/types';
import { armInputs } from '../scenario/types';
import type { SeriesName, SimulationResult } from '../worker/client';
import { createRunSlice, type RunSlice } from './slices/run';
import { type ArmMeta, createScenarioSlice, type ScenarioSlice } from './slices/scenario';
import { createViewSlice, type ViewSlice } from './slices/view';

export type { ResultView } from './slices/run';
export type { ArmMeta, LinkError, ScenarioSnapshot, UndoNotice, UndoNoticeKind } from './slices/scenario';
export { clampSchedule, HISTORY_LIMIT, scaleOf } from './slices/scenario';
export type { ChartView, CompartmentView, MacrophageView } from './slices/view';
export { DEFAULT_VIEW } from './slices/view';
export type { SeriesName, SimulationResult };

export type NumericInputKey = 'nrf2' | 'neat1' | 'il6';

export type ExplorerState = ScenarioSlice & RunSlice & ViewSlice;

const initialScenario = defaultScenario();

export const useExplorer = create<ExplorerState>()((...a) => ({
  ...createScenarioSlice(initialScenario)(...a),
  ...createRunSlice(...a),
  ...createViewSlice(initialScenario.horizon)(...a),
}));

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
