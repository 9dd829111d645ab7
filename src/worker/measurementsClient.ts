/**
 * Reads a measurements file (the toolkit's "your own data") in a short-lived worker and stops it when done: the
 * parser lives with the formats, which the page's store does not import, and a large file never blocks the page.
 */
import * as Comlink from 'comlink';
import type { MeasurementRead } from '../formats/measurements';
import type { SimulationApi } from './api';

export type { Measurement, MeasurementProblem, MeasurementRead } from '../formats/measurements';
export type WorkerFactory = () => Worker;

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'measurements' });
}

export async function readMeasurementsInWorker(
  text: string,
  arms: string[],
  horizon: number,
  factory: WorkerFactory = defaultFactory,
): Promise<MeasurementRead> {
  const worker = factory();
  const api = Comlink.wrap<SimulationApi>(worker);
  try {
    return await api.readMeasurements(text, arms, horizon);
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
