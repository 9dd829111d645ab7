/**
 * Uncertainty bands of the time-series charts (BAND_SERIES: tumour volume, CD8, macrophages, PGE2, PD-L1, CD24, toxicity): when switched on, the visible arms are simulated over the first
 * BAND_MEMBERS members of the plausible parameter ensemble (model/ensemble.ts, seed 1: the claims' robustness
 * ensemble) in one pool worker, and the 5 %, 50 % and 95 % quantiles per arm and day are kept. Computed while the user
 * is idle: each scenario change cancels the run under way and starts a new one BAND_IDLE_MS after the last change, in
 * its own worker (never the one the sliders use, and one worker only, so the other core stays with the sliders).
 * Bands belong to the scenario object they were computed for; a view shows them only for the current one.
 */
import { create } from 'zustand';
import { outputGrid } from '../scenario/catalogue/calendar';
import type { Scenario } from '../scenario/types';
import { AnalysisCancelled, type AnalysisRun, runEnsembleBands } from '../worker/analysisPool';
import { type ArmMeta, type SeriesName, useExplorer, visibleScenario } from './explorer';

export const BAND_MEMBERS = 100;
export const BAND_SEED = 1;
export const BAND_IDLE_MS = 700;

/** The series that get bands: every time-series chart's (the drug levels, which the ensemble does not move, apart). */
export const BAND_SERIES = [
  'tumourVolume',
  'cd8',
  'm1Fraction',
  'm1',
  'pge2Plasma',
  'pdl1',
  'cd24',
  'igf1rToxicity',
] as const satisfies readonly SeriesName[];
export type BandSeries = (typeof BAND_SERIES)[number];

export interface BandQuantiles {
  lower: Float64Array;
  median: Float64Array;
  upper: Float64Array;
}

export interface BandArm {
  key: number;
  slot: number;
  t: Float64Array;
  /** the 5 %, 50 % and 95 % quantiles of each series of BAND_SERIES */
  series: Record<BandSeries, BandQuantiles>;
}

export type BandStatus = 'off' | 'waiting' | 'running' | 'done' | 'error';

interface BandsState {
  on: boolean;
  status: BandStatus;
  done: number;
  total: number;
  error: string | null;
  /** the explorer scenario the bands were computed for, and the bands of its visible arms */
  scenario: Scenario | null;
  arms: BandArm[];
  setOn: (on: boolean) => void;
}

let run: AnalysisRun<Float64Array> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function stop(): void {
  clearTimeout(timer);
  timer = undefined;
  run?.cancel();
  run = null;
}

function start(): void {
  const { scenario: full, meta } = useExplorer.getState();
  const { scenario, keys } = visibleScenario(full, meta);
  if (scenario.arms.length === 0) {
    useBands.setState({ status: 'done', scenario: full, arms: [] });
    return;
  }
  const t = outputGrid(scenario.horizon, scenario.outputStep);
  const points = t.length;
  const slotOf = (key: number) => meta.find((m: ArmMeta) => m.key === key)?.slot ?? 0;
  useBands.setState({ status: 'running', done: 0, total: BAND_MEMBERS, error: null });
  const mine = runEnsembleBands(
    { scenario, seed: BAND_SEED, series: BAND_SERIES },
    BAND_MEMBERS,
    points,
    (done, total) => {
      if (run === mine) useBands.setState({ done, total });
    },
    { workers: 1, blockSize: 10 },
  );
  run = mine;
  mine.result.then(
    (q) => {
      if (run !== mine) return;
      run = null;
      // quantile k of series s, arm a: q[k * S * A * T + (s * A + a) * T + ...]
      const arms = scenario.arms.length;
      const width = BAND_SERIES.length * arms * points;
      const slice = (k: number, s: number, a: number) =>
        q.slice(k * width + (s * arms + a) * points, k * width + (s * arms + a + 1) * points);
      useBands.setState({
        status: 'done',
        scenario: full,
        arms: keys.map((key, a) => ({
          key,
          slot: slotOf(key),
          t,
          series: Object.fromEntries(
            BAND_SERIES.map((name, s) => [
              name,
              { lower: slice(0, s, a), median: slice(1, s, a), upper: slice(2, s, a) },
            ]),
          ) as Record<BandSeries, BandQuantiles>,
        })),
      });
    },
    (error: unknown) => {
      if (error instanceof AnalysisCancelled || run !== mine) return;
      run = null;
      useBands.setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    },
  );
}

function schedule(): void {
  stop();
  useBands.setState({ status: 'waiting' });
  timer = setTimeout(() => {
    timer = undefined;
    start();
  }, BAND_IDLE_MS);
}

export const useBands = create<BandsState>()((set) => ({
  on: false,
  status: 'off',
  done: 0,
  total: BAND_MEMBERS,
  error: null,
  scenario: null,
  arms: [],
  setOn(on) {
    set({ on });
    if (on) schedule();
    else {
      stop();
      set({ status: 'off' });
    }
  },
}));

// A scenario edit while the bands are on: recompute once the user pauses.
useExplorer.subscribe((state, previous) => {
  if (state.scenario !== previous.scenario && useBands.getState().on) schedule();
});
