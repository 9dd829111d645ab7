/**
 * The trial catalogue is what a virtual trial reports and draws from: the RECIST response codes, how many patients'
 * trajectories a spider plot keeps, and the share of NRF2-active tumours of each cancer type. It exists because the
 * model (which computes the outcomes) and the views (which label and colour them) must agree on these.
 */
import type { CancerType } from '../types';

/** RECIST 1.1 best overall response. */
export type Response = 'CR' | 'PR' | 'SD' | 'PD';
/** Response codes in the order results store them (a block's `best` is an index into this list). */
export const RESPONSE_CODES: readonly Response[] = ['CR', 'PR', 'SD', 'PD'];

/** Patients whose whole trajectories are kept for the spider plot. */
export const SPIDER_PATIENTS = 30;

/** Share of NRF2-active tumours per cancer type. */
export const NRF2_ACTIVE_SHARE: Record<CancerType, { share: number; source: string }> = {
  hcc: { share: 0.361, source: 'P-NRF2-positive in 36.1 % of 335 resected HCCs (Iseda et al. 2021)' },
  escc: { share: 0.359, source: 'NFE2L2 hotspot mutations in 35.9 % of oesophageal SCC (seed 002, C-CAT)' },
  lusc: { share: 0.196, source: 'NFE2L2 hotspot mutations in 19.6 % of lung SCC (seed 002, C-CAT)' },
  lung: { share: 0.11, source: 'KEAP1 mutations in 11.0 % of lung cancers (seed 002, C-CAT)' },
  'pan-cancer': { share: 0.025, source: 'KEAP1 mutations in 2.5 % of 60,056 advanced solid tumours (seed 002, C-CAT)' },
};
