/**
 * Output series of a simulation: stable names (they appear in CLI output, CSV exports and tests), units and meaning.
 * Time is always in days and volumes always in mm3; the view converts for display (months, cm3 at patient scale).
 */
import type { DrugId } from '../scenario/types';
import { DRUG_IDS } from '../scenario/types';

export const CORE_SERIES = [
  'tumourVolume', // mm3, all tumour cells
  'sensitiveVolume', // mm3, drug-sensitive cells
  'persisterVolume', // mm3, drug-tolerant persisters
  'resistantVolume', // mm3, resistant cells
  'escapeVolume', // mm3, immune-escape variants (not recognised by T cells)
  't790mVolume', // mm3, EGFR T790M cells (not killed by a first-generation EGFR inhibitor)
  'eradicationProbability', // probability that no tumour cell is left (0..1)
  'cd8', // effector CD8 T cells in the tumour, cells
  'cd8PerTumourCell', // effector CD8 T cells per tumour cell (infiltration density)
  'm1', // M1 macrophages, cells
  'm2', // M2 macrophages, cells
  'm1Fraction', // M1 / (M1 + M2)
  'dcMaturation', // mature dendritic-cell fraction, 0..1
  'pge2Plasma', // plasma PGE2, pg/mL: host baseline + tumour release (burden x COX-2 activity) / clearance
  'pge2Tumour', // intratumoral PGE2 (tumour COX-2 activity), relative to an NRF2-wild-type tumour without COX-2 inhibitor
  'neat1Plasma', // plasma NEAT1 relative to a tumour-free host (seed 001: falls after treatment)
  'cd24', // tumour CD24 relative to NEAT1-low tumour (1 = baseline), after anti-CD24 blockade
  'pdl1', // free (unblocked) tumour PD-L1, relative to baseline without IFN (1 = baseline)
  'igf1rToxicity', // cumulative IGF-1R / insulin-receptor inhibition, occupancy-days
] as const;
export type CoreSeriesName = (typeof CORE_SERIES)[number];
export type DrugSeriesName = `drug.${DrugId}`;
export type SeriesName = CoreSeriesName | DrugSeriesName;

export const DRUG_SERIES: readonly DrugSeriesName[] = DRUG_IDS.map((d) => `drug.${d}` as const);
export const SERIES_NAMES: readonly SeriesName[] = [...CORE_SERIES, ...DRUG_SERIES];

export const SERIES_UNITS: Record<SeriesName, string> = {
  tumourVolume: 'mm3',
  sensitiveVolume: 'mm3',
  persisterVolume: 'mm3',
  resistantVolume: 'mm3',
  escapeVolume: 'mm3',
  t790mVolume: 'mm3',
  eradicationProbability: 'probability',
  cd8: 'cells',
  cd8PerTumourCell: 'cells per tumour cell',
  m1: 'cells',
  m2: 'cells',
  m1Fraction: 'fraction',
  dcMaturation: 'fraction',
  pge2Plasma: 'pg/mL',
  pge2Tumour: 'relative',
  neat1Plasma: 'relative',
  cd24: 'relative',
  pdl1: 'relative',
  igf1rToxicity: 'occupancy-days',
  ...(Object.fromEntries(DRUG_SERIES.map((s) => [s, 'nM'])) as Record<DrugSeriesName, string>),
};

/** Key numbers of one arm, for readouts, tests and the CLI summary. */
export interface ArmSummary {
  name: string;
  /** tumour volume at day 0 and at the horizon, mm3 */
  volumeStart: number;
  volumeEnd: number;
  /** smallest tumour volume and the day it was reached */
  volumeNadir: number;
  dayOfNadir: number;
  /** first output day on which eradication is more likely than not (P(eradication) >= 0.5), or null */
  dayEradicated: number | null;
  /** probability that no tumour cell is left at the horizon (0..1) */
  eradicationProbability: number;
  /** cumulative IGF-1R / insulin-receptor toxicity index at the horizon, occupancy-days */
  igf1rToxicity: number;
}

export interface SolverStats {
  rhsEvaluations: number;
  acceptedSteps: number;
  rejectedSteps: number;
}

export interface ArmResult {
  name: string;
  /** output grid, days */
  t: Float64Array;
  series: Record<SeriesName, Float64Array>;
  summary: ArmSummary;
  stats: SolverStats;
}

export interface SimulationResult {
  arms: ArmResult[];
}
