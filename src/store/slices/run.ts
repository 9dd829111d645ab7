/**
 * The run slice is the explorer's record of the simulation worker: the latest result (matched to the arms it was
 * computed for), the client's status and what went wrong, and the notice shown after a restart. It exists so that the
 * worker's news has one owner: store/simulation.ts writes it, the views only read it.
 */
import type { StateCreator } from 'zustand';
import type { Scenario } from '../../scenario/types';
import type { ClientStatus, FaultKind, SimulationResult } from '../../worker/client';

export interface ResultView {
  result: SimulationResult;
  /** keys of the arms in result.arms, in order */
  keys: number[];
  /** the scenario that was simulated (hidden arms left out) */
  scenario: Scenario;
}

export interface RunSlice {
  result: ResultView | null;
  status: ClientStatus;
  statusMessage: string;
  /** what went wrong while status is 'error' or 'unavailable' */
  statusFault: FaultKind | null;
  /** the simulator was restarted after a fault and has answered again: shown until dismissed or timed out */
  restartNotice: { kind: FaultKind; restarts: number; id: number } | null;

  setResult: (result: ResultView) => void;
  setStatus: (status: ClientStatus, message?: string, fault?: FaultKind) => void;
  setRestartNotice: (notice: { kind: FaultKind; restarts: number } | null) => void;
}

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set, get) => ({
  result: null,
  status: 'idle',
  statusMessage: '',
  statusFault: null,
  restartNotice: null,

  setResult: (result) => set({ result }),
  setStatus: (status, message = '', fault) => set({ status, statusMessage: message, statusFault: fault ?? null }),
  setRestartNotice: (notice) =>
    set({ restartNotice: notice ? { ...notice, id: (get().restartNotice?.id ?? 0) + 1 } : null }),
});
