/**
 * The distribution of P(eradication) at day 150 over the plausible ensemble (docs/model.md, "Why the claims below
 * 80 % fail", S4.2 / S4.3): for each IGF-1R arm of the seed-003 preset, the default point, the lowest draw, quantiles
 * and the highest draw, the share of draws at or above a few thresholds, and the day-150 volume (the model's curve:
 * the expected cells, including those of a relapse that happens with probability 1 - P) of the lowest draws.
 *
 *   npx tsx scripts/eradication-distribution.ts            200 draws, seed 1 (the robustness figures')
 *   npx tsx scripts/eradication-distribution.ts 1000 7
 *
 * The arms are run as the ensemble runs them (one-day output grid, each draw's lung-egfr parameters).
 */
import { ensembleDraws, ensembleParameters, simulate } from '../src/model';
import { SCENARIOS } from '../src/science/claims';
import { ROBUSTNESS_DRAWS, ROBUSTNESS_SEED } from '../src/science/robustness';

const draws = Number(process.argv[2] ?? ROBUSTNESS_DRAWS);
const seed = Number(process.argv[3] ?? ROBUSTNESS_SEED);
const ARMS = ['Osimertinib + IGF-1R inhibitor days 0–10', 'Osimertinib + IGF-1R inhibitor days 0–40'];
const THRESHOLDS = [0.5, 0.75, 0.9, 0.95];

const base = SCENARIOS['osimertinib-igf1r']();
const scenario = { ...base, outputStep: 1, arms: base.arms.filter((a) => ARMS.includes(a.name)) };

interface Point {
  p: number;
  volume: number;
}
const run = (overrides?: ReturnType<typeof ensembleParameters>): Map<string, Point> =>
  new Map(
    simulate(scenario, { parameterOverrides: overrides }).arms.map((a) => [
      a.name,
      { p: a.summary.eradicationProbability, volume: a.summary.volumeEnd },
    ]),
  );

const atDefault = run();
const rows = ensembleDraws(draws, seed).map((d) => run(ensembleParameters(d, 'lung-egfr')));

/** the q-quantile of sorted values (linear between order statistics) */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => (x === 0 ? '0' : x < 0.01 ? x.toExponential(1) : x.toPrecision(3));

console.log(`P(eradication) at day 150, ${draws} draws (seed ${seed}) of the plausible ensemble, lung-egfr`);
console.log(
  '| arm | default point | lowest | 5 % | 25 % | median | 75 % | highest | ' +
    THRESHOLDS.map((t) => `>= ${t}`).join(' | ') +
    ' |',
);
console.log(`|${' --- |'.repeat(8 + THRESHOLDS.length)}`);
for (const arm of ARMS) {
  const ps = rows.map((r) => r.get(arm)?.p ?? Number.NaN).sort((a, b) => a - b);
  const d = atDefault.get(arm);
  const share = (t: number) => `${((100 * ps.filter((p) => p >= t).length) / ps.length).toFixed(1)} %`;
  console.log(
    `| ${arm} | ${f3(d?.p ?? Number.NaN)} | ${f3(ps[0])} | ${[0.05, 0.25, 0.5, 0.75].map((q) => f3(quantile(ps, q))).join(' | ')} | ${f3(ps[ps.length - 1])} | ${THRESHOLDS.map(share).join(' | ')} |`,
  );
}

console.log('\nday-150 volume (mm³) against P(eradication), each arm:');
for (const arm of ARMS) {
  const pts = rows.map((r) => r.get(arm) as Point);
  const d = atDefault.get(arm) as Point;
  const above = pts.filter((x) => x.volume >= 5);
  const positive = pts.filter((x) => x.volume > 0);
  const range = (xs: Point[], key: keyof Point) =>
    xs.length > 0 ? `${f2(Math.min(...xs.map((x) => x[key])))}–${f2(Math.max(...xs.map((x) => x[key])))}` : '(none)';
  console.log(
    `  ${arm}: default ${f2(d.volume)} mm³; volume >= 5 mm³ in ${above.length} draws (their P ${range(above, 'p')}, ` +
      `volume ${range(above, 'volume')}); volume > 0 in ${positive.length} (their P ${range(positive, 'p')})`,
  );
}
