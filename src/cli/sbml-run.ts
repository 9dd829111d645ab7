/**
 * The sbml command as a pure function of its arguments: the SBML Level 3 Version 2 model of one arm of a scenario
 * (or of every arm, one file each, and a SED-ML time course of them, with --out). Bad input: status 2, one line per problem, nothing on stdout.
 */
import { exportSbml, sedmlDocument } from '../model';
import { decodeScenario } from '../scenario/codec';
import type { CliOutput } from './run';
import { queryPart } from './run';

const USAGE = `usage: sbml [--arm N] [--out DIR] '<query string or share URL>'
  Prints the scenario as SBML Level 3 Version 2 (one model per arm) for COPASI, tellurium, libRoadRunner, ...
  --arm N     the arm to print, 1 = the first (default 1)
  --out DIR   write every arm to DIR/timescape-arm<N>.xml and the time course of all of them to
              DIR/timescape.sedml (SED-ML) instead, and print the file names
`;

export interface SbmlCliOutput extends CliOutput {
  /** files to write (with --out): name relative to DIR, and text */
  files: { name: string; text: string }[];
  /** the --out directory, when given */
  outDir?: string;
}

const fail = (stderr: string): SbmlCliOutput => ({ status: 2, stdout: '', stderr, files: [] });

export function runSbmlCli(args: string[], now: Date = new Date()): SbmlCliOutput {
  let armText: string | undefined;
  let outDir: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { status: 0, stdout: USAGE, stderr: '', files: [] };
    if (a === '--arm' || a === '--out') {
      const value = args[++i];
      if (value === undefined || value === '') return fail(`sbml: ${a} needs a value\n${USAGE}`);
      if (a === '--arm') armText = value;
      else outDir = value;
    } else if (a.startsWith('--arm=')) armText = a.slice('--arm='.length);
    else if (a.startsWith('--out=')) outDir = a.slice('--out='.length);
    else if (a.startsWith('--')) return fail(`sbml: unknown option ${a}\n${USAGE}`);
    else positional.push(a);
  }
  if (positional.length !== 1) return fail(`sbml: expected one query string, got ${positional.length}\n${USAGE}`);
  if (armText !== undefined && outDir !== undefined) return fail('sbml: give either --arm or --out, not both\n');

  const decoded = decodeScenario(queryPart(positional[0]));
  if (decoded.errors.length > 0) {
    return fail(`${decoded.errors.map((e) => `sbml: ${e.field}: ${e.message}`).join('\n')}\n`);
  }
  const scenario = decoded.scenario;
  const count = scenario.arms.length;
  const options = { created: now, link: decoded.normalised };

  if (outDir !== undefined) {
    const files = scenario.arms.map((_, i) => ({
      name: `timescape-arm${i + 1}.xml`,
      text: exportSbml(scenario, i, options),
    }));
    files.push({
      name: 'timescape.sedml',
      text: sedmlDocument(
        scenario,
        files.map((f) => f.name),
      ),
    });
    return { status: 0, stdout: `${files.map((f) => f.name).join('\n')}\n`, stderr: '', files, outDir };
  }
  const arm = armText === undefined ? 1 : Number(armText);
  if (!Number.isInteger(arm) || arm < 1 || arm > count) {
    return fail(`sbml: --arm must be a whole number from 1 to ${count} (the scenario's arms), not "${armText}"\n`);
  }
  return { status: 0, stdout: exportSbml(scenario, arm - 1, options), stderr: '', files: [] };
}
