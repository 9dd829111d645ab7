/**
 * Command line: the robustness of every claim over the plausible parameter ensemble.
 *
 *   npm run -s robustness                      table on stdout
 *   npm run -s robustness -- --format json     JSON on stdout
 *   npm run -s robustness -- --write           also updates docs/model.md and src/scenario/claim-robustness.json
 *   npm run -s robustness -- --draws 1000 --seed 7
 *   npm run -s robustness -- --claims S2.2,S2.3      only these claims (not with --write)
 *   npm run -s robustness -- --max-seconds 60        stop after a minute with the draws done (marked partial, status 3)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLAIMS, type Claim, claimById } from '../science/claims';
import { measureRobustness, ROBUSTNESS_DRAWS, ROBUSTNESS_SEED } from '../science/robustness';
import {
  robustnessData,
  robustnessJson,
  robustnessMarkdown,
  robustnessTable,
  spliceGenerated,
} from '../science/robustness-report';
import { parseArgs } from './options';
import { MAX_SECONDS_USAGE, PARTIAL_STATUS, processSink, readMaxSeconds, startProgress } from './progress';

const USAGE = `usage: robustness [--format table|json] [--draws N] [--seed S] [--claims ID,ID...] [--write] [--max-seconds N]
  Runs every claim at the default point and on N plausible parameter sets (default ${ROBUSTNESS_DRAWS}, seed ${ROBUSTNESS_SEED}),
  and over the first N draws whose untreated grafts grow as measured (src/science/plausibility.ts), with the
  acceptance rate of each setting's criterion.
  --claims  only these claims (ids of src/science/claims.ts, e.g. S2.2,'claim 1'); not with --write
  --write   updates the generated section of docs/model.md and src/scenario/claim-robustness.json
${MAX_SECONDS_USAGE}; the fractions
                   are then over the draws done, JSON has "partial", the table says PARTIAL; not with --write
  Progress (draws done, time left) goes to stderr.
`;

function main(args: string[]): number {
  let format = 'table';
  let draws = ROBUSTNESS_DRAWS;
  let seed = ROBUSTNESS_SEED;
  let write = false;
  let only: string[] | undefined;
  let maxSeconds: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === '--format') format = value();
    else if (a === '--draws') draws = Number(value());
    else if (a === '--seed') seed = Number(value());
    else if (a === '--write') write = true;
    else if (a === '--max-seconds' || a.startsWith('--max-seconds=')) {
      const read = readMaxSeconds(parseArgs([a.startsWith('--max-seconds=') ? a : `--max-seconds=${value()}`]));
      if (read !== null && typeof read === 'object') {
        process.stderr.write(`robustness: ${read.error}\n`);
        return 2;
      }
      maxSeconds = read;
    } else if (a === '--claims')
      only = value()
        .split(',')
        .map((id) => id.trim());
    else {
      process.stderr.write(`robustness: unknown argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (format !== 'table' && format !== 'json') {
    process.stderr.write(`robustness: --format must be table or json, got ${format}\n`);
    return 2;
  }
  if (!Number.isInteger(draws) || draws < 1 || draws > 100_000) {
    process.stderr.write('robustness: --draws must be an integer from 1 to 100000\n');
    return 2;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    process.stderr.write('robustness: --seed must be an integer from 0 to 4294967295\n');
    return 2;
  }
  if (write && maxSeconds !== null) {
    process.stderr.write('robustness: --write needs every draw (leave out --max-seconds)\n');
    return 2;
  }
  let claims: Claim[] | undefined;
  if (only) {
    const unknown = only.filter((id) => !claimById(id));
    if (unknown.length > 0) {
      process.stderr.write(
        `robustness: no claim ${unknown.join(', ')}; claims: ${CLAIMS.map((c) => c.id).join(', ')}\n`,
      );
      return 2;
    }
    if (write) {
      process.stderr.write('robustness: --write needs every claim (leave out --claims)\n');
      return 2;
    }
    claims = only.map((id) => claimById(id) as Claim);
  }
  const progress = startProgress('robustness', draws, 'draws', maxSeconds, processSink());
  const report = measureRobustness({ draws, seed, claims, shouldStop: (done) => progress.step(done) });
  progress.finish();
  const partial = progress.partial(report.draws);
  if (format === 'json') {
    const data = robustnessData(report);
    process.stdout.write(partial ? `${JSON.stringify({ ...data, partial }, null, 2)}\n` : robustnessJson(data));
  } else {
    if (partial)
      process.stdout.write(`PARTIAL: ${report.draws} of ${draws} draws (stopped by --max-seconds ${maxSeconds})\n`);
    process.stdout.write(robustnessTable(report));
  }
  if (partial) {
    process.stderr.write(progress.partialMessage(report.draws));
    return PARTIAL_STATUS;
  }
  if (write) {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const docs = `${root}docs/model.md`;
    writeFileSync(docs, spliceGenerated(readFileSync(docs, 'utf8'), robustnessMarkdown(report)));
    writeFileSync(`${root}src/scenario/claim-robustness.json`, robustnessJson(robustnessData(report)));
    process.stderr.write('robustness: wrote docs/model.md and src/scenario/claim-robustness.json\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
