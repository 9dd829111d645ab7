/**
 * Plausible models (Allen, Rieger & Musante 2016, CPT Pharmacometrics Syst Pharmacol 5:140–146): a member of the
 * parameter ensemble is kept only if its untreated (control) graft grows as measured control grafts grow. Treating
 * graft growth as free within ×0.7–1.3 ignores that every mouse study measures it in its untreated arm; the claims'
 * robustness over the accepted draws is reported beside the figure over all draws (docs/model.md, "Robustness of the
 * claims", "Plausible models").
 *
 * One criterion per mouse setting whose grafts are measured: the untreated arm's tumour volume on a day, within a
 * factor of a measured control mean. The seeds' releases give no control volumes, so each target is a published
 * control of the same kind of graft in the same host strain; the tolerance is wider than the study's SD because line
 * and inoculum differ from the seeds' (chosen: ×/÷2, one volume doubling of the graft either way). The EGFR-mutant
 * xenograft's target is a measured control's growth over its exponential phase, applied to the setting's own starting
 * volume (that control started from twice the setting's 100 mm³). The patient settings (calibrated to trials) have no
 * criterion and accept every draw.
 */
import { type EnsembleDraw, ensembleParameters, integratorFor, simulate } from '../model';
import type { Setting } from '../scenario/types';
import { SCENARIOS } from './claims';

export interface PlausibilityCriterion {
  setting: Setting;
  /** the scenario (a key of SCENARIOS) and its untreated arm whose volume is compared */
  scenario: string;
  arm: string;
  /** day of the readout */
  day: number;
  /** the measured control mean, mm³ (1 mg of tumour ≈ 1 mm³) */
  target: number;
  /** accepted within target / factor … target × factor */
  factor: number;
  /** the measurement: what, where, mean ± SD, n */
  source: string;
  /** the measured control in a few words, for the app's explanation (English and Japanese) */
  measured: { en: string; ja: string };
  /** why this tolerance */
  tolerance: string;
}

export const PLAUSIBILITY_CRITERIA: readonly PlausibilityCriterion[] = [
  {
    setting: 'hcc-mouse',
    scenario: 'nrf2-atezo-bev',
    arm: 'NRF2-low, untreated',
    day: 16,
    target: 77,
    factor: 2,
    source:
      'Hepa1-6 HCC grafts in C57BL/6 mice, PBS controls: tumour weight on day 16 0.077 ± 0.017 g (mean ± SD, n = 5; ' +
      'Oncotarget 2015;6:27252, Fig. 1B, PMC4694987)',
    measured: {
      en: 'untreated Hepa1-6 liver-cancer grafts in C57BL/6 mice, weighed on day 16',
      ja: 'C57BL/6マウスに移植したHepa1-6肝癌の無治療対照（16日目の腫瘍重量）',
    },
    tolerance:
      "chosen: ×/÷2, one volume doubling either way; the study's SD (22 %) is one experiment's, and its line and " +
      "inoculum are not the seeds' (seeds 000 and 001 name neither)",
  },
  {
    setting: 'crc-liver',
    scenario: 'il6-pdl1',
    arm: 'IL-6 high, untreated',
    day: 21,
    target: 594,
    factor: 2,
    source:
      'CT-26 colon cancer cells injected into the spleen of BALB/c mice (the route of seed 004), controls: spleen ' +
      'tumour 594 ± 51 mm³ on day 21 (mean ± SD, n = 10; Shinohara, Killion, Kuniyasu, Kumar & Fidler, Clin Cancer Res, "Therapy of CT-26 murine colon cancer ' +
      'experimental liver metastasis by CPT-11 in combination with JBT-3002", table)',
    measured: {
      en: 'untreated CT-26 colon-cancer cells injected into the spleen of BALB/c mice, measured on day 21',
      ja: 'BALB/cマウスの脾臓に注入したCT-26大腸癌細胞の無治療対照（21日目の腫瘍体積）',
    },
    tolerance:
      'chosen: ×/÷2, one volume doubling either way; that study injected 10⁴ cells, the setting starts from 10⁶, and ' +
      'its tumour is the spleen graft, not the liver metastases the setting stands for',
  },
  {
    setting: 'lung-egfr',
    scenario: 'osimertinib-igf1r',
    arm: 'Untreated',
    day: 10,
    // 100 mm³ (the setting's graft at day 0) × 2.672, the measured control's growth over its first 10 days
    target: 267,
    factor: 2,
    source:
      'HCC827 (EGFR exon 19 deletion) lung adenocarcinoma xenografts in female BALB/c nude mice, vehicle controls ' +
      '(mean of n = 5, calipers every 3 days to day 18, randomised at about 200 mm³): the Simeoni growth curve fitted to ' +
      'them (Hu, Lin, Ji, Yuan, Xia & Yang, Pharmaceutics 2026;18:408, Table S19: λ0 = 0.1032/day, λ1 = 51.08 mm³/day, ' +
      'k1 = 0.016/day, k2 = 0.0045/day) grows 2.67-fold in its first 10 days (200 → 534 mm³), still in its exponential ' +
      'phase; the same fold from the setting’s 100 mm³ is 267 mm³. Consistent with it: an exponential model fitted to ' +
      'EGFR-mutant NSCLC xenografts, control and EGFR-inhibitor arms together, net growth 0.0855/day (34.9 % between ' +
      'animals; Martin, Aarons & Yates, Cancer Chemother Pharmacol 2018, PMC6132866): 235 mm³ on day 10 from 100 mm³',
    measured: {
      en: 'untreated HCC827 EGFR-mutant lung-cancer xenografts in nude mice: their growth over 10 days (2.67-fold), applied to this graft’s 100 mm³',
      ja: 'ヌードマウスに移植したEGFR変異肺癌HCC827の無治療対照（10日間で2.67倍の増殖を、この腫瘍の100 mm³に当てはめた値）',
    },
    tolerance:
      'chosen: ×/÷2 as above; the control is HCC827, not the AXL-low line of seed 003 (its release names no line and ' +
      'gives no control volume), and it started from 200 mm³, so its growth fold over its exponential phase is compared, ' +
      'not its volume',
  },
];

/** The criterion of a setting, if it has one. */
export function plausibilityCriterion(setting: Setting): PlausibilityCriterion | undefined {
  return PLAUSIBILITY_CRITERIA.find((c) => c.setting === setting);
}

/** The accepted band of a criterion, mm³. */
export function acceptedBand(c: PlausibilityCriterion): { low: number; high: number } {
  return { low: c.target / c.factor, high: c.target * c.factor };
}

/** The untreated arm's volume (mm³) on the criterion's day, with these parameters (the setting's own if none). */
export function controlVolume(c: PlausibilityCriterion, draw?: EnsembleDraw): number {
  const build = SCENARIOS[c.scenario];
  if (!build) throw new Error(`plausibility criterion reads scenario "${c.scenario}", which claims.ts does not define`);
  const s = build();
  const arms = s.arms.filter((a) => a.name === c.arm);
  if (arms.length !== 1) throw new Error(`scenario "${c.scenario}" has no arm "${c.arm}"`);
  const result = simulate(
    { ...s, arms, outputStep: 1, horizon: Math.max(c.day, 1) },
    draw
      ? { parameterOverrides: ensembleParameters(draw, c.setting), integrator: integratorFor('ensemble') }
      : { integrator: integratorFor('ensemble') },
  );
  const a = result.arms[0];
  const k = a.t.findIndex((t) => t >= c.day - 1e-9);
  return k >= 0 ? a.series.tumourVolume[k] : Number.NaN;
}

/** Whether a volume lies in the criterion's band. */
export function withinBand(c: PlausibilityCriterion, volume: number): boolean {
  const { low, high } = acceptedBand(c);
  return volume >= low && volume <= high;
}

/** For each setting with a criterion, whether this draw's control grows as measured. */
export function plausibleSettings(draw: EnsembleDraw): Map<Setting, boolean> {
  return new Map(PLAUSIBILITY_CRITERIA.map((c) => [c.setting, withinBand(c, controlVolume(c, draw))]));
}
