/**
 * The researcher's toolkit in the page: a scan (one variable, or two as a heat map), a tornado or a Sobol' analysis of the explorer's visible arms, run in
 * the worker pool (worker/analysisPool.ts) with progress and cancel, never on the main thread and never in the
 * simulation worker the sliders use. The store keeps the last outcome with what it was computed from (the variable
 * or factors, the readout, the arms and their palette slots, the model parameters changed from their defaults), so
 * that the charts, their captions, their tables and their exports all say the same thing.
 */
import { create } from 'zustand';
import { PARAMETER_KEY_PREFIX, type ParameterId } from '../scenario/catalogue/parameters';
import { axisValues, checkScanProblems, type ScanAxis, type ScanSpec, scanAxis, scanSize } from '../scenario/scan';
import type { Scenario } from '../scenario/types';
import { defaultRange, type Factor, parameterChanges, parseVariable, type Variable } from '../scenario/variables';
import {
  AnalysisCancelled,
  type AnalysisRun,
  runScan,
  runSensitivity,
  type SensitivityResult,
} from '../worker/analysisPool';
import { type ArmMeta, useExplorer, visibleScenario } from './explorer';

export type ToolkitKind = 'scan' | 'heatmap' | 'tornado' | 'sobol';
export type ToolkitStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ChangedParameter {
  id: string;
  value: number;
  default: number;
}

export interface OutcomeArm {
  name: string;
  slot: number;
}

export interface ScanOutcome {
  kind: 'scan';
  variable: string;
  x: number[];
  log: boolean;
  readout: string;
  arms: OutcomeArm[];
  /** per arm, one value per x */
  values: number[][];
}

/** A 2-D scan: the readout over a grid of two variables' values, drawn as a heat map per arm. */
export interface HeatmapOutcome {
  kind: 'heatmap';
  /** the first variable (columns) and the second (rows) */
  variables: [string, string];
  x: number[];
  y: number[];
  /** the variables' units ('' when none) */
  units: [string, string];
  readout: string;
  arms: OutcomeArm[];
  /** per arm, one value per grid point, index i0 * y.length + i1 */
  values: number[][];
  /** a map of one arm minus another (one panel, `arms` = [that difference]), drawn on a diverging scale */
  difference: { arm: string; versus: string } | null;
}

export interface SensitivityOutcome {
  kind: 'tornado' | 'sobol';
  readout: string;
  /** the arm read, and the arm it is compared with (the readout is the first minus the second) */
  arm: string;
  versus: string | null;
  factors: { name: string; low: number; high: number }[];
  samples: number;
  runs: number;
  result: SensitivityResult;
}

export type Outcome = (ScanOutcome | HeatmapOutcome | SensitivityOutcome) & {
  /** the explorer's scenario it was computed from (a different one means the outcome is out of date) */
  scenario: Scenario;
  changed: ChangedParameter[];
};

export interface ScanRequest {
  variable: string;
  min: number;
  max: number;
  points: number;
  readout: string;
}

export interface HeatmapAxisRequest {
  variable: string;
  min: number;
  max: number;
  points: number;
}

export interface HeatmapRequest {
  axes: [HeatmapAxisRequest, HeatmapAxisRequest];
  readout: string;
  /** one visible arm (its index), or null for every visible arm (one panel each) */
  arm: number | null;
  /** with one arm: another visible arm, and the map shows the first minus this one */
  versus?: number | null;
}

export interface SensitivityRequestOptions {
  method: 'tornado' | 'sobol';
  parameters: ParameterId[];
  /** Sobol' base samples N (runs N (d + 2)) */
  samples: number;
  readout: string;
  /** indices into the visible arms */
  arm: number;
  versus: number | null;
}

interface ToolkitState {
  status: ToolkitStatus;
  kind: ToolkitKind | null;
  done: number;
  total: number;
  /** what went wrong, in English, and in Japanese when the problem is the request's (a worker's failure is English) */
  error: string | null;
  errorJa: string | null;
  outcome: Outcome | null;
  startScan: (request: ScanRequest) => void;
  startHeatmap: (request: HeatmapRequest) => void;
  startSensitivity: (request: SensitivityRequestOptions) => void;
  cancel: () => void;
}

/** Runs of a sensitivity design (model/analysis/sensitivity.ts designRunCount; the store does not import the model). */
export function runCount(method: 'tornado' | 'sobol', factors: number, samples: number): number {
  return method === 'sobol' ? samples * (factors + 2) : 1 + 2 * factors;
}

/** The visible arms of the explorer, with their palette slots. */
function visible(): { scenario: Scenario; arms: OutcomeArm[]; full: Scenario } {
  const { scenario, meta } = useExplorer.getState();
  const { scenario: shown, keys } = visibleScenario(scenario, meta);
  const slotOf = (key: number) => meta.find((m: ArmMeta) => m.key === key)?.slot ?? 0;
  return { scenario: shown, arms: shown.arms.map((a, i) => ({ name: a.name, slot: slotOf(keys[i]) })), full: scenario };
}

/** The performance measure of each finished analysis (start to result), read by the browser benchmark. */
export const TOOLKIT_MEASURE = 'timescape:toolkit-run';

let current: AnalysisRun<unknown> | null = null;
let started = 0;

function measure(total: number): void {
  try {
    performance.measure(TOOLKIT_MEASURE, { start: started, end: performance.now(), detail: { total } });
  } catch {
    // performance.measure with options is missing in old browsers; nothing else depends on it
  }
}

export const useToolkit = create<ToolkitState>()((set, get) => {
  const progress = (done: number, total: number) => {
    if (get().status === 'running') set({ done, total });
  };
  const fail = (error: unknown) => {
    if (error instanceof AnalysisCancelled) return;
    set({ status: 'error', error: error instanceof Error ? error.message : String(error), errorJa: null });
  };
  /** a request that cannot run: its problem in both languages */
  const refuse = (kind: ToolkitKind, error: string, errorJa: string) => set({ status: 'error', kind, error, errorJa });
  const unreadable = (kind: ToolkitKind, text: string, error: string) =>
    refuse(
      kind,
      error,
      `変数 '${text}' を読み取れません（p.<パラメーター>、nrf2、neat1、il6、<薬剤>.dose/start/window）`,
    );
  const begin = (kind: ToolkitKind, total: number) => {
    current?.cancel();
    started = performance.now();
    set({ status: 'running', kind, done: 0, total, error: null, errorJa: null });
  };
  /** Checks and runs a scan (one or two axes) of `scenario`, then stores what `outcome` makes of its values per arm. */
  const scan = (
    kind: 'scan' | 'heatmap',
    scenario: Scenario,
    spec: ScanSpec,
    readout: string,
    arms: OutcomeArm[],
    outcome: (values: number[][]) => Outcome,
  ) => {
    const problems = checkScanProblems(scenario, spec);
    if (problems.length > 0) {
      refuse(kind, problems.map((p) => p.message).join('; '), problems.map((p) => p.messageJa).join('、'));
      return;
    }
    const total = scanSize(spec);
    begin(kind, total);
    const run = runScan(scenario, spec, [readout], total, progress);
    current = run;
    run.result.then((block) => {
      if (current !== run) return;
      current = null;
      measure(total);
      const a = block.arms;
      const values = arms.map((_, k) => Array.from({ length: total }, (_, i) => block.values[i * a + k]));
      set({ status: 'done', outcome: outcome(values) });
    }, fail);
  };
  return {
    status: 'idle',
    kind: null,
    done: 0,
    total: 0,
    error: null,
    errorJa: null,
    outcome: null,
    startScan(request) {
      const { scenario, arms, full } = visible();
      const variable = parseVariable(request.variable);
      if ('error' in variable) {
        unreadable('scan', request.variable, variable.error);
        return;
      }
      const axis = scanAxis(scenario, variable, request.points, request.min, request.max);
      scan('scan', scenario, { axes: [axis] }, request.readout, arms, (values) => ({
        kind: 'scan',
        variable: request.variable,
        x: axisValues(axis),
        log: axis.log,
        readout: request.readout,
        arms,
        values,
        scenario: full,
        changed: parameterChanges(full),
      }));
    },
    startHeatmap(request) {
      const all = visible();
      const { full } = all;
      const one = request.arm !== null && request.arm >= 0 && request.arm < all.arms.length ? request.arm : null;
      const versus =
        one !== null &&
        request.versus !== undefined &&
        request.versus !== null &&
        request.versus !== one &&
        request.versus >= 0 &&
        request.versus < all.arms.length
          ? request.versus
          : null;
      const picked = one === null ? null : versus === null ? [one] : [one, versus];
      const scenario =
        picked === null ? all.scenario : { ...all.scenario, arms: picked.map((i) => all.scenario.arms[i]) };
      const arms = picked === null ? all.arms : picked.map((i) => all.arms[i]);
      const variables = request.axes.map((a) => parseVariable(a.variable));
      for (const [j, v] of variables.entries())
        if ('error' in v) {
          unreadable('heatmap', request.axes[j].variable, v.error);
          return;
        }
      if (request.axes[0].variable === request.axes[1].variable) {
        refuse('heatmap', 'choose two different variables', '異なる 2 つの変数を選んでください');
        return;
      }
      const axes = request.axes.map((a, j) => scanAxis(scenario, variables[j] as Variable, a.points, a.min, a.max)) as [
        ScanAxis,
        ScanAxis,
      ];
      const difference = versus === null ? null : { arm: arms[0].name, versus: arms[1].name };
      scan('heatmap', scenario, { axes }, request.readout, arms, (values) => ({
        kind: 'heatmap',
        variables: [request.axes[0].variable, request.axes[1].variable],
        x: axisValues(axes[0]),
        y: axisValues(axes[1]),
        units: [defaultRange(scenario, axes[0].variable).unit, defaultRange(scenario, axes[1].variable).unit],
        readout: request.readout,
        // a difference is one panel: the first arm's value minus the second's at every grid point
        arms: difference ? [{ name: `${difference.arm} − ${difference.versus}`, slot: arms[0].slot }] : arms,
        values: difference ? [values[0].map((v, i) => v - values[1][i])] : values,
        difference,
        scenario: full,
        changed: parameterChanges(full),
      }));
    },
    startSensitivity(request) {
      const { scenario, arms, full } = visible();
      const factors: Factor[] = [];
      const names: string[] = [];
      for (const id of request.parameters) {
        const v = parseVariable(`${PARAMETER_KEY_PREFIX}${id}`);
        if ('error' in v) continue;
        factors.push({ variable: v, range: defaultRange(scenario, v) });
        names.push(id);
      }
      if (factors.length === 0 || (request.method === 'sobol' && factors.length < 2)) {
        if (request.method === 'sobol')
          refuse('sobol', 'choose at least two parameters', 'パラメーターを 2 つ以上選んでください');
        else refuse('tornado', 'choose at least one parameter', 'パラメーターを 1 つ以上選んでください');
        return;
      }
      if (request.arm < 0 || request.arm >= scenario.arms.length) {
        refuse(request.method, 'choose a visible arm', '表示中の群を選んでください');
        return;
      }
      const versus = request.versus !== null && request.versus !== request.arm ? request.versus : null;
      const design = { method: request.method, factors: factors.length, samples: request.samples, seed: 1 };
      const total = runCount(request.method, factors.length, request.samples);
      begin(request.method, total);
      const run = runSensitivity(
        {
          scenario,
          factors,
          design,
          readout: request.readout,
          arms: versus === null ? [request.arm] : [request.arm, versus],
        },
        total,
        progress,
      );
      current = run;
      run.result.then((result) => {
        if (current !== run) return;
        current = null;
        measure(total);
        set({
          status: 'done',
          outcome: {
            kind: request.method,
            readout: request.readout,
            arm: arms[request.arm].name,
            versus: versus === null ? null : arms[versus].name,
            factors: factors.map((f, j) => ({ name: names[j], low: f.range.min, high: f.range.max })),
            samples: request.samples,
            runs: total,
            result,
            scenario: full,
            changed: parameterChanges(full),
          },
        });
      }, fail);
    },
    cancel() {
      if (!current) return;
      current.cancel();
      current = null;
      set({ status: 'cancelled' });
    },
  };
});
