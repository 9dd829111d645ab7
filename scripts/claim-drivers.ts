/**
 * Which parameters decide a claim over the plausible ensemble (docs/model.md, "Why the claims below 80 % fail"):
 * for each claim and check, the Spearman rank correlation of every parameter's quantile with the check's value, and
 * the share of draws in which the claim holds in the lowest and highest third of its top parameters' intervals.
 *
 *   npx tsx scripts/claim-drivers.ts                      the claims below 80 %; 200 draws, seed 1
 *   npx tsx scripts/claim-drivers.ts 'S2.2,claim 1' 400
 *   npx tsx scripts/claim-drivers.ts 'S5.2,S5.3' 400 plausible   only the draws whose control grafts grow as measured
 *
 * With `plausible`, each claim is ranked over those of the first N draws that are accepted in all its settings
 * (src/science/plausibility.ts), as its plausible figure is counted.
 */
import { ensembleDraws, ensembleParameters } from '../src/model';
import { PARAMETERS } from '../src/model/parameters';
import { CLAIMS } from '../src/science/claims';
import { controlVolume, PLAUSIBILITY_CRITERIA, withinBand } from '../src/science/plausibility';
import { claimScenarios, ROBUSTNESS_SEED, runClaims } from '../src/science/robustness';

const ids = (process.argv[2] ?? 'S1.2,claim 1,S2.3,S5.2,S5.3,S4.2,S4.3,FLAURA-lung,PGE2-patients').split(',');
const n = Number(process.argv[3] ?? 200);
const plausibleOnly = process.argv[4] === 'plausible';
const claims = CLAIMS.filter((c) => ids.includes(c.id));
const scenarios = claimScenarios(claims);
/** the settings with a plausibility criterion that each claim runs in */
const criterionSettings = new Map(
  claims.map((c) => [
    c.id,
    [...new Set(Object.keys(c.arms).map((k) => scenarios.get(k)?.setting))].filter((st) =>
      PLAUSIBILITY_CRITERIA.some((k) => k.setting === st),
    ),
  ]),
);

interface Row {
  quantiles: Record<string, number>;
  holds: Map<string, boolean>;
  values: Map<string, number[]>;
  /** per setting with a criterion: this draw's control graft grows as measured */
  accepted: Map<string, boolean>;
}
const allRows: Row[] = ensembleDraws(n, ROBUSTNESS_SEED).map((draw) => {
  const run = runClaims(claims, { outputStep: 1, parameters: (s) => ensembleParameters(draw, s) }, scenarios);
  const accepted = new Map(
    plausibleOnly ? PLAUSIBILITY_CRITERIA.map((c) => [c.setting, withinBand(c, controlVolume(c, draw))]) : [],
  );
  const row: Row = { quantiles: { ...draw.quantiles }, holds: new Map(), values: new Map(), accepted };
  for (const c of claims) {
    const o = run.outcomes.get(c.id);
    row.holds.set(c.id, o?.holds ?? false);
    row.values.set(
      c.id,
      (o?.checks ?? []).map((k) => (Number.isFinite(k.value) ? k.value : Number.MAX_VALUE)),
    );
  }
  return row;
});

function ranks(a: number[]): number[] {
  const order = a.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const r = new Array<number>(a.length);
  order.forEach(([, i], k) => {
    r[i] = k;
  });
  return r;
}
function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const m = (a.length - 1) / 2;
  let s = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    s += (ra[i] - m) * (rb[i] - m);
    sa += (ra[i] - m) ** 2;
    sb += (rb[i] - m) ** 2;
  }
  return sa > 0 && sb > 0 ? s / Math.sqrt(sa * sb) : 0;
}
let rows: Row[] = allRows;
function top(values: number[], count: number): { id: string; r: number }[] {
  return PARAMETERS.map((p) => ({
    id: p.id,
    r: spearman(
      rows.map((row) => row.quantiles[p.id]),
      values,
    ),
  }))
    .sort((a, b) => Math.abs(b.r) - Math.abs(a.r))
    .slice(0, count);
}
const share = (group: Row[], id: string): string =>
  group.length > 0 ? `${Math.round((100 * group.filter((r) => r.holds.get(id)).length) / group.length)} %` : '-';

for (const c of claims) {
  const settings = criterionSettings.get(c.id) ?? [];
  rows = plausibleOnly ? allRows.filter((r) => settings.every((st) => r.accepted.get(st as string))) : allRows;
  const holds = rows.filter((r) => r.holds.get(c.id)).length;
  const over = plausibleOnly && settings.length > 0 ? ` plausible draws (of the first ${n})` : '';
  console.log(`\n${c.id}: holds in ${holds}/${rows.length}${over}`);
  const checks = rows[0].values.get(c.id)?.length ?? 0;
  for (let k = 0; k < checks; k++) {
    const values = rows.map((r) => r.values.get(c.id)?.[k] ?? 0);
    console.log(
      `  check ${k}: ${top(values, 6)
        .map((x) => `${x.id} ${x.r.toFixed(2)}`)
        .join(', ')}`,
    );
  }
  for (const x of top(
    rows.map((r) => (r.holds.get(c.id) ? 1 : 0)),
    4,
  )) {
    const low = rows.filter((r) => r.quantiles[x.id] < 1 / 3);
    const high = rows.filter((r) => r.quantiles[x.id] > 2 / 3);
    console.log(`  ${x.id}: holds in ${share(low, c.id)} of its lowest third, ${share(high, c.id)} of its highest`);
  }
}
