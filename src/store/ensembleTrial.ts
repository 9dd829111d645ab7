/**
 * The virtual trial repeated over the plausible parameter ensemble (model/ensemble-trial.ts; seed 1: the claims'
 * robustness ensemble), on demand: it costs ENSEMBLE_TRIAL_DRAWS whole trials, so it runs only when asked, in the
 * analysis pool, with progress and cancel. It belongs to the trial it was computed for (trialKey): the views show it
 * beside that trial's sampling intervals only.
 */
import { create } from 'zustand';
import { ENSEMBLE_DRAWS_LIMITS } from '../scenario/view';
import {
  AnalysisCancelled,
  type AnalysisRun,
  type EnsembleTrialResult,
  runEnsembleTrial,
} from '../worker/analysisPool';
import { useCohort } from './cohort';
import { useExplorer } from './explorer';

export type { EnsembleSpread, EnsembleTrialResult } from '../worker/analysisPool';

/** Draws of the ensemble by default (chosen: enough for a 2.5–97.5 % range to mean something, few enough to wait for). */
export const ENSEMBLE_TRIAL_DRAWS: number = ENSEMBLE_DRAWS_LIMITS.default;
/** The sizes offered in the trial view (a link may give any whole number within ENSEMBLE_DRAWS_LIMITS). */
export const ENSEMBLE_DRAW_CHOICES: readonly number[] = [5, 10, 20, 50, 100];

/** The ensemble size chosen (kept in the link as a view option, `draws`), or the default. */
export function ensembleDraws(view: { ensembleDraws?: number } = useExplorer.getState().view): number {
  return view.ensembleDraws ?? ENSEMBLE_TRIAL_DRAWS;
}

/** Chooses the ensemble size (written to the link). */
export function setEnsembleDraws(draws: number): void {
  useExplorer.getState().setView({ ensembleDraws: draws });
}
export const ENSEMBLE_TRIAL_SEED = 1;

export type EnsembleTrialStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface EnsembleTrialState {
  status: EnsembleTrialStatus;
  done: number;
  total: number;
  /** trialKey of the trial the spreads belong to */
  key: string;
  result: EnsembleTrialResult | null;
  error: string;
  start: () => void;
  cancel: () => void;
}

let current: AnalysisRun<EnsembleTrialResult> | null = null;

export const useEnsembleTrial = create<EnsembleTrialState>()((set, get) => ({
  status: 'idle',
  done: 0,
  total: 0,
  key: '',
  result: null,
  error: '',

  start: () => {
    const { scenario, key, status } = useCohort.getState();
    if (!scenario || status !== 'done') return;
    get().cancel();
    const draws = ensembleDraws();
    set({ status: 'running', done: 0, total: draws, key, result: null, error: '' });
    const run = runEnsembleTrial(scenario, draws, ENSEMBLE_TRIAL_SEED, (done, total) => {
      if (current === run) set({ done, total });
    });
    current = run;
    run.result.then(
      (result) => {
        if (current !== run) return;
        current = null;
        set({ status: 'done', done: draws, result });
      },
      (error: unknown) => {
        if (current !== run) return;
        current = null;
        if (error instanceof AnalysisCancelled) set({ status: 'cancelled' });
        else set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      },
    );
  },

  cancel: () => {
    const run = current;
    if (!run) return;
    current = null;
    run.cancel();
    set({ status: 'cancelled' });
  },
}));

// A new trial run makes the spreads of the previous one out of date: stop a run of them and forget them.
useCohort.subscribe((state, previous) => {
  if (state.key === previous.key || state.status !== 'running') return;
  const ensemble = useEnsembleTrial.getState();
  if (ensemble.key !== '' && ensemble.key !== state.key) {
    ensemble.cancel();
    useEnsembleTrial.setState({ status: 'idle', key: '', result: null, done: 0, total: 0 });
  }
});
