/**
 * The merge command as a pure function of its arguments and the files' texts: joins the shard files of one sharded
 * run (`--shard k/N` of a command) into exactly the output of the single-machine run. See shard.ts.
 */
import './cohort-run'; // registers the cohort command's merge
import './scan-run'; // and the scan's
import './sensitivity-run'; // and the sensitivity analysis's
import type { CliOutput } from './run';
import { mergeShardTexts } from './shard';

export const MERGE_USAGE = `usage: merge <shard file> <shard file> ...
  Joins the N shard files of one run (a command run N times with --shard 1/N .. N/N) and prints the output of the
  whole run, identical to running the command once without --shard. Every shard must be given exactly once.
`;

export function runMergeCli(args: string[], read: (path: string) => string): CliOutput {
  if (args.includes('--help') || args.includes('-h')) return { status: 0, stdout: MERGE_USAGE, stderr: '' };
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) return { status: 2, stdout: '', stderr: `merge: unknown option ${unknown}\n${MERGE_USAGE}` };
  if (args.length === 0) return { status: 2, stdout: '', stderr: `merge: no shard files given\n${MERGE_USAGE}` };
  const texts: { name: string; text: string }[] = [];
  for (const path of args) {
    try {
      texts.push({ name: path, text: read(path) });
    } catch (e) {
      return { status: 2, stdout: '', stderr: `merge: ${path}: cannot read (${e instanceof Error ? e.message : e})\n` };
    }
  }
  return mergeShardTexts(texts);
}
