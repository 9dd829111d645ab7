/**
 * The researcher's own measurements (a CSV file: day, arm, value[, sd][, n][, series]), read in a worker against the
 * explorer's arm names and horizon, kept with the file's name and each bad row's problem (English and Japanese), and
 * drawn by the charts as points with error bars (mean ± SD) on the matching chart and arm. Arms are matched by name
 * when drawn, so renaming an arm after the import hides its points rather than moving them to another arm. Removing
 * or replacing them removes the fitted curves (and the fit the exports write) too.
 */
import { create } from 'zustand';
import { type Measurement, type MeasurementProblem, readMeasurementsInWorker } from '../worker/measurementsClient';
import { useExplorer } from './explorer';
import { NO_FIT, useFitCurves } from './fitCurves';

export type { Measurement, MeasurementProblem };

interface MeasurementsState {
  fileName: string | null;
  status: 'none' | 'reading' | 'read' | 'error';
  rows: Measurement[];
  problems: MeasurementProblem[];
  error: string | null;
  load: (fileName: string, text: string) => Promise<void>;
  clear: () => void;
}

let generation = 0;

export const useMeasurements = create<MeasurementsState>()((set) => ({
  fileName: null,
  status: 'none',
  rows: [],
  problems: [],
  error: null,
  async load(fileName, text) {
    const mine = ++generation;
    const { scenario } = useExplorer.getState();
    // a fit of the previous file's data is not a fit of these
    useFitCurves.setState(NO_FIT);
    set({ fileName, status: 'reading', error: null });
    try {
      const read = await readMeasurementsInWorker(
        text,
        scenario.arms.map((a) => a.name),
        scenario.horizon,
      );
      if (mine !== generation) return;
      set({ status: 'read', rows: read.rows, problems: read.problems });
    } catch (error) {
      if (mine !== generation) return;
      set({ status: 'error', rows: [], problems: [], error: error instanceof Error ? error.message : String(error) });
    }
  },
  clear() {
    generation++;
    // the fitted curves go with the data they were fitted to
    useFitCurves.setState(NO_FIT);
    set({ fileName: null, status: 'none', rows: [], problems: [], error: null });
  },
}));
