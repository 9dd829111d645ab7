/**
 * Command line: the robustness of every claim over the plausible parameter ensemble.
 *
 *   npm run -s robustness                      table on stdout
 *   npm run -s robustness -- --format json     JSON on stdout
 *   npm run -s robustness -- --write           also updates docs/model.md and src/scenario/claim-robustness.json
 *   npm run -s robustness -- --draws 1000 --seed 7
 *   npm run -s robustness -- --claims S2.2,S2.3      only these claims (not with --write)
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

const USAGE = `usage: robustness [--format table|json] [--draws N] [--seed S] [--claims ID,ID...] [--write]
  Runs every claim at the default point and on N plausible parameter sets (default ${ROBUSTNESS_DRAWS}, seed ${ROBUSTNESS_SEED}).
  --claims  only these claims (ids of src/science/claims.ts, e.g. S2.2,'claim 1'); not with --write
  --write   updates the generated section of docs/model.md and src/scenario/claim-robustness.json
`;

function main(args: string[]): number {
  let format = 'table';
  let draws = ROBUSTNESS_DRAWS;
  let seed = ROBUSTNESS_SEED;
  let write = false;
  let only: string[] | undefined;
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
    else if (a === '--claims')
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
  const report = measureRobustness({
    draws,
    seed,
    claims,
    onDraw: (done, total) => {
      if (process.stderr.isTTY && (done % 20 === 0 || done === total)) process.stderr.write(`\r${done}/${total} draws`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(format === 'json' ? robustnessJson(robustnessData(report)) : robustnessTable(report));
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
