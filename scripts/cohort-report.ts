// Prints the calibration figures of docs/model.md ("Virtual cohort"): npx tsx scripts/cohort-report.ts [patients] [seed]

import { cohortStatistics, runCohortBlock } from '../src/model/cohort';
import { PRESETS } from '../src/scenario/catalogue/presets';
import type { Scenario } from '../src/scenario/types';

const preset = PRESETS.find((p) => p.id === 'imbrave150');
if (!preset) throw new Error('preset imbrave150 missing');
const base = preset.scenario;
const size = Number(process.argv[2] ?? 300);
const s: Scenario = {
  ...base,
  inputs: { ...base.inputs },
  arms: [base.arms[1], base.arms[2]],
  cohort: { size, seed: Number(process.argv[3] ?? 1), cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 },
};
const t0 = performance.now();
const block = runCohortBlock(s, 0, size);
const ms = performance.now() - t0;
const st = cohortStatistics(s, block);
console.log(`${size} patients x ${s.arms.length} arms: ${ms.toFixed(0)} ms`);
for (const a of st.arms)
  console.log(
    a.name,
    JSON.stringify(a.responses),
    `ORR ${(100 * a.orr.estimate).toFixed(1)}% [${(100 * a.orr.lower).toFixed(1)}, ${(100 * a.orr.upper).toFixed(1)}]`,
    `DCR ${(100 * a.dcr.estimate).toFixed(1)}%`,
    `mPFS ${((a.medianPfs.median ?? NaN) / 30.44).toFixed(1)} mo [${((a.medianPfs.lower ?? NaN) / 30.44).toFixed(1)}, ${((a.medianPfs.upper ?? NaN) / 30.44).toFixed(1)}]`,
    `mOS ${((a.medianOs.median ?? NaN) / 30.44).toFixed(1)} mo`,
    `OS12 ${(100 * (a.os12?.estimate ?? NaN)).toFixed(1)}%`,
    `TTR median ${((a.timeToResponse.median ?? NaN) / 30.44).toFixed(1)} mo, ${(100 * a.timeToResponse.firstOrSecond).toFixed(0)}% at scan 1-2`,
  );
for (const c of st.comparisons)
  console.log(
    `HR ${c.cox.hazardRatio.toFixed(2)} [${c.cox.lower.toFixed(2)}, ${c.cox.upper.toFixed(2)}] log-rank p ${c.logRank.pValue.toExponential(2)}; OS HR ${c.osCox.hazardRatio.toFixed(2)} [${c.osCox.lower.toFixed(2)}, ${c.osCox.upper.toFixed(2)}]`,
  );
for (const b of st.biomarkers)
  console.log(
    b.name,
    'high n',
    b.high.arms[0].patients,
    'mPFS',
    ((b.high.arms[0].medianPfs.median ?? NaN) / 30.44).toFixed(1),
    'ORR',
    (100 * b.high.arms[0].orr.estimate).toFixed(0),
    '| low n',
    b.low.arms[0].patients,
    'mPFS',
    ((b.low.arms[0].medianPfs.median ?? NaN) / 30.44).toFixed(1),
    'ORR',
    (100 * b.low.arms[0].orr.estimate).toFixed(0),
    'p',
    b.logRankP.map((p) => p.toExponential(1)).join(','),
  );
