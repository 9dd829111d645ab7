/**
 * The export client starts a short-lived simulation worker for a file export (the SBML model of an arm) and stops
 * it when the file is ready: an export is rare and must not wait behind, or cancel, the time courses the charts ask
 * the main worker for.
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';

export type WorkerFactory = () => Worker;

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'export' });
}

/** The SBML of one arm (armIndex from 0), computed in a worker. */
export async function sbmlOfArm(
  scenario: Scenario,
  armIndex: number,
  link: string,
  factory: WorkerFactory = defaultFactory,
): Promise<string> {
  const worker = factory();
  const api = Comlink.wrap<SimulationApi>(worker);
  try {
    return await api.sbml(scenario, armIndex, link);
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
