// Prints the validation figures of docs/model.md (the seed claims on the presets): npx tsx scripts/validation-report.ts

import type { SeriesName } from '../src/model/series';
import { simulate, valueAt } from '../src/model/simulate';
import { presetById } from '../src/scenario/catalogue/presets';

function arms(id: string) {
  const preset = presetById(id);
  if (!preset) throw new Error(id);
  const result = simulate(preset.scenario);
  const byName = new Map(result.arms.map((a) => [a.name, a]));
  return (arm: string, series: SeriesName, day: number): number => {
    const a = byName.get(arm);
    if (!a) throw new Error(arm);
    return valueAt(a.t, a.series[series], day);
  };
}
const f = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(2) : x.toFixed(3));

const s1 = arms('nrf2-atezo-bev');
console.log('| claim | measure | value | expected |');
console.log('|---|---|---|---|');
const row = (claim: string, measure: string, value: number, expected: string) =>
  console.log(`| ${claim} | ${measure} | ${f(value)} | ${expected} |`);
row(
  'S1.1',
  'CD8 day 14, NRF2-high / NRF2-low, untreated',
  s1('NRF2-high, untreated', 'cd8', 14) / s1('NRF2-low, untreated', 'cd8', 14),
  '< 0.5',
);
row(
  'S1.2',
  'volume day 28, atezo/bev / untreated, NRF2-low',
  s1('NRF2-low, atezo/bev', 'tumourVolume', 28) / s1('NRF2-low, untreated', 'tumourVolume', 28),
  '<= 0.4',
);
row(
  'S1.3',
  'volume day 28, atezo/bev / untreated, NRF2-high',
  s1('NRF2-high, atezo/bev', 'tumourVolume', 28) / s1('NRF2-high, untreated', 'tumourVolume', 28),
  '>= 0.7',
);
row(
  'S1.4',
  'volume day 28, atezo/bev + COX-2i / untreated, NRF2-high',
  s1('NRF2-high, atezo/bev + COX-2i', 'tumourVolume', 28) / s1('NRF2-high, untreated', 'tumourVolume', 28),
  '<= 0.3',
);
row(
  'S1.4',
  'CD8 day 14, + COX-2i / atezo/bev alone, NRF2-high',
  s1('NRF2-high, atezo/bev + COX-2i', 'cd8', 14) / s1('NRF2-high, atezo/bev', 'cd8', 14),
  '> 2',
);
row(
  'claim 1',
  'plasma PGE2, NRF2-high / NRF2-low',
  s1('NRF2-high, atezo/bev', 'pge2Plasma', 14) / s1('NRF2-low, atezo/bev', 'pge2Plasma', 14),
  '> 2',
);
const s2 = arms('neat1-cd24');
const c2 = s2('NEAT1-high, untreated', 'tumourVolume', 15);
row('S2.1', 'volume day 15, NEAT1-high / NEAT1-low', c2 / s2('NEAT1-low, untreated', 'tumourVolume', 15), '> 1');
row(
  'S2.1',
  'M1 fraction day 15, NEAT1-high vs low',
  s2('NEAT1-high, untreated', 'm1Fraction', 15),
  `< 0.75 x ${f(s2('NEAT1-low, untreated', 'm1Fraction', 15))}`,
);
row(
  'S2.2',
  'volume day 15, anti-PD-1 / untreated, NEAT1-high',
  s2('NEAT1-high, anti-PD-1', 'tumourVolume', 15) / c2,
  '>= 0.85',
);
row(
  'S2.2',
  'volume day 15, anti-CD24 / untreated, NEAT1-high',
  s2('NEAT1-high, anti-CD24', 'tumourVolume', 15) / c2,
  '>= 0.85',
);
row(
  'S2.3',
  'volume day 15, combination / untreated, NEAT1-high',
  s2('NEAT1-high, anti-PD-1 + anti-CD24', 'tumourVolume', 15) / c2,
  '<= 0.8',
);
const s3 = arms('keap1-nrf2-patients');
row(
  'S3.1',
  'volume day 365 (cm3), mutant vs wild type on atezo/bev',
  s3('KEAP1/NRF2-mutant, atezo/bev', 'tumourVolume', 365) / 1000,
  `> ${f(s3('NRF2 wild type, atezo/bev', 'tumourVolume', 365) / 1000)}`,
);
const s4 = arms('osimertinib-igf1r');
row('S4.1', 'persister cells day 40, osimertinib alone', s4('Osimertinib 40 d', 'persisterVolume', 40) * 1e6, '>> 1');
row(
  'S4.1',
  'volume day 100 / day 40 (relapse), osimertinib alone',
  s4('Osimertinib 40 d', 'tumourVolume', 100) / s4('Osimertinib 40 d', 'tumourVolume', 40),
  '> 100',
);
row(
  'S4.2',
  'volume day 150, + IGF-1R inhibitor days 0–10',
  s4('Osimertinib + IGF-1R inhibitor days 0–10', 'tumourVolume', 150),
  '0',
);
row(
  'S4.3',
  'toxicity index, 40 days / 10 days of IGF-1R inhibitor',
  s4('Osimertinib + IGF-1R inhibitor days 0–40', 'igf1rToxicity', 150) /
    s4('Osimertinib + IGF-1R inhibitor days 0–10', 'igf1rToxicity', 150),
  '≈ 4',
);
row(
  'S4.4',
  'volume day 150 (mm3), AXL-high with the transient combination',
  s4('AXL-high: osimertinib + IGF-1R inh. 0–10', 'tumourVolume', 150),
  '> volume day 40',
);
const s5 = arms('il6-pdl1');
const hi = s5('IL-6 high, untreated', 'tumourVolume', 28);
const lo = s5('IL-6 deficient, untreated', 'tumourVolume', 28);
row(
  'S5.1',
  'mature DC day 21, IL-6 deficient / high',
  s5('IL-6 deficient, untreated', 'dcMaturation', 21) / s5('IL-6 high, untreated', 'dcMaturation', 21),
  '> 1.5',
);
row(
  'S5.1',
  'CD8 day 21, IL-6 deficient / high',
  s5('IL-6 deficient, untreated', 'cd8', 21) / s5('IL-6 high, untreated', 'cd8', 21),
  '> 1.5',
);
row(
  'claim 6',
  'PD-L1 day 21, IL-6 deficient / high',
  s5('IL-6 deficient, untreated', 'pdl1', 21) / s5('IL-6 high, untreated', 'pdl1', 21),
  '> 1',
);
row('S5.2', 'volume day 28, IL-6 deficient / high, untreated', lo / hi, '< 1');
row(
  'S5.3',
  'volume day 28, IL-6 deficient CD8-depleted / IL-6 high',
  s5('IL-6 deficient, CD8 depleted', 'tumourVolume', 28) / hi,
  '>= 0.85',
);
row(
  'S5.4',
  'volume day 28, anti-PD-L1 / untreated, IL-6 deficient',
  s5('IL-6 deficient, anti-PD-L1', 'tumourVolume', 28) / lo,
  '< 0.7',
);
row(
  'S5.4',
  'volume day 28, anti-PD-L1 / untreated, IL-6 high',
  s5('IL-6 high, anti-PD-L1', 'tumourVolume', 28) / hi,
  '> 0.85',
);
row(
  'S5.5',
  'volume day 28, anti-IL-6 + anti-PD-L1 / untreated, IL-6 high',
  s5('IL-6 high, anti-IL-6 + anti-PD-L1', 'tumourVolume', 28) / hi,
  '< product of monotherapies',
);
