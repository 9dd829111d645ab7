/**
 * Main-thread client of a fit (the toolkit's "fit to your measurements"): one worker of its own, started for the fit
 * and terminated when it ends, fails or is cancelled (a Levenberg–Marquardt fit is serial, so more workers would not
 * help; the simulation worker the sliders use stays free). Progress arrives through a Comlink-proxied callback.
 */
import * as Comlink from 'comlink';
import type { FitProgress, FitRequest, FitRun } from './analysis';
import { AnalysisCancelled, type AnalysisRun } from './analysisPool';
import type { SimulationApi } from './api';
import type { WorkerFactory } from './cohortPool';

export type { FitProgress, FitRequest, FitRun, FittedCurve } from './analysis';

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'fit' });
}

export function runFit(
  request: FitRequest,
  onProgress: (progress: FitProgress) => void,
  factory: WorkerFactory = defaultFactory,
): AnalysisRun<FitRun> {
  const worker = factory();
  const remote = Comlink.wrap<SimulationApi>(worker);
  let stopped = false;
  let rejectRun: (reason: unknown) => void = () => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    remote[Comlink.releaseProxy]();
    worker.terminate();
  };
  const result = new Promise<FitRun>((resolve, reject) => {
    rejectRun = reject;
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (stopped) return;
      stop();
      reject(new Error(event.message || 'the fit worker stopped'));
    });
    remote
      .fitRun(
        request,
        Comlink.proxy((p: FitProgress) => {
          if (!stopped) onProgress(p);
        }),
      )
      .then(
        (run) => {
          if (stopped) return;
          stop();
          resolve(run);
        },
        (error: unknown) => {
          if (stopped) return;
          stop();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
  });
  return {
    result,
    cancel() {
      if (stopped) return;
      stop();
      rejectRun(new AnalysisCancelled());
    },
  };
}
