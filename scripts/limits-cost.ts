/**
 * What the codec's limits cost (`npm run study:limits`): the heaviest link and trial the codec accepts (built from
 * src/scenario/limits.ts by src/scenario/worst.ts), and lighter ones along each limit, to show how the cost grows
 * with arms, horizon, doses and patients. Two measures:
 *
 *  - solver steps (accepted + rejected) and right-hand-side evaluations: deterministic, the same on every machine;
 *    tests/unit/limits-cost.test.ts holds the worst link to a step budget;
 *  - wall time on this machine (the fastest of REPEATS runs, with the load average printed next to it).
 *
 * The reasoning from these figures to the limits is in docs/performance.md, "Codec limits and what they cost".
 */
import { cpus, loadavg } from 'node:os';
import { runCohortBlock, simulate } from '../src/model';
import {
  COHORT_LIMITS,
  encodeScenario,
  longestSetting,
  parameterCorner,
  SCHEDULE_LIMITS,
  type Scenario,
  worstScenario,
  worstTrial,
} from '../src/scenario';
import { createRandom } from '../src/stats';

const REPEATS = Number(process.env.STUDY_REPEATS ?? 3);
const PATIENTS = Number(process.env.STUDY_PATIENTS ?? 6);

/** The fastest of REPEATS runs: CPU time of this process (user + system, what the run itself costs, whatever the
 * load) and wall time (what a person waits for on this machine as loaded now), ms. */
function fastest(run: () => void): { cpu: number; wall: number } {
  let cpu = Number.POSITIVE_INFINITY;
  let wall = Number.POSITIVE_INFINITY;
  for (let k = 0; k < REPEATS; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { cpu, wall };
}

function explorerRow(label: string, scenario: Scenario): string {
  const result = simulate(scenario);
  const steps = result.arms.reduce((s, a) => s + a.stats.acceptedSteps + a.stats.rejectedSteps, 0);
  const rhs = result.arms.reduce((s, a) => s + a.stats.rhsEvaluations, 0);
  const ms = fastest(() => simulate(scenario));
  // doses at start, start + interval, ... before stop
  const doses = scenario.arms.reduce(
    (n, arm) =>
      n +
      Object.values(arm.treatments).reduce(
        (m, t) => m + (t ? Math.ceil((t.stop - t.start) / t.interval - 1e-9) : 0),
        0,
      ),
    0,
  );
  return `| ${label} | ${scenario.arms.length} | ${scenario.horizon} | ${doses.toLocaleString('en')} | ${encodeScenario(scenario).length.toLocaleString('en')} | ${steps.toLocaleString('en')} | ${rhs.toLocaleString('en')} | ${ms.cpu.toFixed(0)} | ${ms.wall.toFixed(0)} |`;
}

function trialRow(label: string, scenario: Scenario): { row: string; msPerPatient: number } {
  runCohortBlock(scenario, 0, 1); // compiled code, as in a running trial
  const measured = fastest(() => runCohortBlock(scenario, 0, PATIENTS));
  const ms = measured.cpu / PATIENTS;
  const size = scenario.cohort?.size ?? 0;
  const seconds = (ms * size) / 1000;
  return {
    row: `| ${label} | ${scenario.arms.length} | ${scenario.horizon} | ${scenario.cohort?.assessmentInterval} | ${ms.toFixed(1)} | ${(measured.wall / PATIENTS).toFixed(1)} | ${size.toLocaleString('en')} | ${seconds.toFixed(0)} | ${(seconds / 2).toFixed(0)} |`,
    msPerPatient: ms,
  };
}

console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; fastest of ${REPEATS}\n`,
);

const setting = longestSetting();
const maxDoses = SCHEDULE_LIMITS.maxDoses;
console.log(`Explorer: one simulation of every arm (${setting}; what each slider move costs, in the worker)\n`);
console.log(
  '| scenario | arms | horizon (days) | doses | link (characters) | solver steps | RHS evaluations | CPU ms | wall ms |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(explorerRow('worst link (every limit)', worstScenario()));
for (const arms of [1, 2, 4]) console.log(explorerRow(`${arms} arm(s)`, worstScenario({ arms })));
for (const horizon of [365, 730]) console.log(explorerRow(`horizon ${horizon} days`, worstScenario({ horizon })));
for (const dosesPerDrug of [1, 100, 1000])
  console.log(explorerRow(`${dosesPerDrug} dose(s) per drug`, worstScenario({ dosesPerDrug })));

// the parameter box's corners: every parameter at an end of its documented range (a link may set any of them)
const CORNERS = Number(process.env.STUDY_CORNERS ?? 8);
const random = createRandom(1);
let worstCorner = { steps: 0, rhs: 0, label: '' };
const cornerSteps: number[] = [];
const failures: string[] = [];
for (let k = 0; k < CORNERS + 2; k++) {
  const high = k === 0 ? () => false : k === 1 ? () => true : () => random.next() < 0.5;
  const scenario = { ...worstScenario(), parameters: parameterCorner(setting, high) };
  let result: ReturnType<typeof simulate>;
  try {
    result = simulate(scenario);
  } catch (error) {
    failures.push(
      `corner ${k} (${k === 0 ? 'all minima' : k === 1 ? 'all maxima' : 'random'}): ${(error as Error).message}`,
    );
    continue;
  }
  const steps = result.arms.reduce((s, a) => s + a.stats.acceptedSteps + a.stats.rejectedSteps, 0);
  const rhs = result.arms.reduce((s, a) => s + a.stats.rhsEvaluations, 0);
  cornerSteps.push(steps);
  const label =
    k === 0 ? 'every parameter at its minimum' : k === 1 ? 'every parameter at its maximum' : `random corner ${k}`;
  if (steps > worstCorner.steps) worstCorner = { steps, rhs, label };
}
if (failures.length > 0) console.log(`\nThe solver FAILED on ${failures.length} corners:\n  ${failures.join('\n  ')}`);
console.log(
  `\nWorst link at ${CORNERS + 2} corners of the parameter box (all minima, all maxima, ${CORNERS} random, seed 1): solver steps of those it solved ${cornerSteps.map((n) => n.toLocaleString('en')).join(', ')}; the most: ${worstCorner.label}, ${worstCorner.steps.toLocaleString('en')} steps, ${worstCorner.rhs.toLocaleString('en')} RHS evaluations`,
);

console.log(
  `\nTrial: per patient (every arm), trial solver, ${PATIENTS} patients timed; the cohort's CPU time on 1 worker and on 2\n`,
);
console.log(
  '| trial | arms | horizon (days) | assessed every (days) | CPU ms per patient | wall ms per patient | patients | CPU s on 1 worker | on 2 |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const worst = trialRow('worst trial (every limit)', worstTrial());
console.log(worst.row);
console.log(trialRow('2 arms', worstTrial({ arms: 2 })).row);
console.log(trialRow('horizon 540 days', worstTrial({ horizon: 540 })).row);
console.log(trialRow(`${maxDoses} -> 1 dose per drug`, worstTrial({ dosesPerDrug: 1 })).row);
console.log(
  trialRow(
    'default trial size (500), 2 arms, 540 days',
    worstTrial({ arms: 2, horizon: 540, size: COHORT_LIMITS.size.default }),
  ).row,
);
console.log(`\nload average now ${loadavg()[0].toFixed(1)}`);
