/**
 * Layout of the state vector: names, units, indices. Cells are counted in cells, time in days.
 */

export const SENSITIVE = 0; // drug-sensitive tumour cells, cells
export const PERSISTER = 1; // drug-tolerant persister cells, cells
export const RESISTANT = 2; // resistant tumour cells, cells
export const CD8 = 3; // effector CD8 T cells in the tumour, cells
export const M1 = 4; // M1 (anti-tumour) macrophages, cells
export const M2 = 5; // M2 (pro-tumour) macrophages, cells
export const DC = 6; // mature dendritic-cell fraction, 0..1
export const IGF1R_TOXICITY = 7; // cumulative IGF-1R occupancy, occupancy-days
export const ESCAPE = 8; // immune-escape variants (antigen-presentation or IFN-signalling loss), cells
/**
 * Lineage weights (docs/model.md, "Cure as a probability"): per tumour compartment, the expected number of independent
 * lineages still alive, in cells. P(eradication at t) = exp(-(sum of the five)). Each is <= its compartment.
 */
export const LINEAGE_SENSITIVE = 9;
export const LINEAGE_PERSISTER = 10;
export const LINEAGE_RESISTANT = 11;
export const LINEAGE_ESCAPE = 12;
/**
 * EGFR T790M cells (docs/model.md, "T790M and the first-generation inhibitors"): the sensitising mutation plus the
 * gatekeeper mutation; a first-generation inhibitor (gefitinib) does not kill them, osimertinib does.
 */
export const T790M = 13;
export const LINEAGE_T790M = 14;
export const STATE_SIZE = LINEAGE_T790M + 1;
/** the tumour compartments and their lineage weights, in the same order */
export const TUMOUR_COMPARTMENTS: readonly number[] = [SENSITIVE, PERSISTER, RESISTANT, ESCAPE, T790M];
export const LINEAGE_WEIGHTS: readonly number[] = [
  LINEAGE_SENSITIVE,
  LINEAGE_PERSISTER,
  LINEAGE_RESISTANT,
  LINEAGE_ESCAPE,
  LINEAGE_T790M,
];

/**
 * Drug levels are not states: one-compartment pharmacokinetics with bolus doses and zero-order oral input has a closed
 * form between breakpoints (DrugExposure in equations.ts), which is exact and keeps the fast drug transients (a mouse
 * small molecule clears at 5.5/day) from limiting the solver's steps.
 */
export const STATE_NAMES: readonly string[] = [
  'sensitive',
  'persister',
  'resistant',
  'cd8',
  'm1',
  'm2',
  'dcMaturation',
  'igf1rToxicity',
  'immuneEscape',
  'lineageSensitive',
  'lineagePersister',
  'lineageResistant',
  'lineageEscape',
  't790m',
  'lineageT790m',
];

/** Cells per mm3 of tumour (1e6 cells/mm3, i.e. 1e9 per cm3, the usual convention). */
export const CELLS_PER_MM3 = 1e6;
