/**
 * Layout of the state vector: names, units, indices. Cells are counted in cells, drug levels in nM, time in days.
 */
import type { DrugId } from '../scenario/types';
import { DRUG_IDS } from '../scenario/types';

export const SENSITIVE = 0; // drug-sensitive tumour cells, cells
export const PERSISTER = 1; // drug-tolerant persister cells, cells
export const RESISTANT = 2; // resistant tumour cells, cells
export const CD8 = 3; // effector CD8 T cells in the tumour, cells
export const M1 = 4; // M1 (anti-tumour) macrophages, cells
export const M2 = 5; // M2 (pro-tumour) macrophages, cells
export const DC = 6; // mature dendritic-cell fraction, 0..1
export const DRUG0 = 7; // first drug level, nM; drugs follow in DRUG_IDS order
export const IGF1R_TOXICITY = DRUG0 + DRUG_IDS.length; // cumulative IGF-1R occupancy, occupancy-days
export const STATE_SIZE = IGF1R_TOXICITY + 1;

export const STATE_NAMES: readonly string[] = [
  'sensitive',
  'persister',
  'resistant',
  'cd8',
  'm1',
  'm2',
  'dcMaturation',
  ...DRUG_IDS.map((d) => `drug.${d}`),
  'igf1rToxicity',
];

export function drugIndex(drug: DrugId): number {
  return DRUG0 + DRUG_IDS.indexOf(drug);
}

/** Cells per mm3 of tumour (1e6 cells/mm3, i.e. 1e9 per cm3, the usual convention). */
export const CELLS_PER_MM3 = 1e6;
