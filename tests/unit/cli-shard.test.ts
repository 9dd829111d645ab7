// Sharded runs: `cohort --shard k/N` parts merged by `merge` give exactly the single run's output.
import { describe, expect, it } from 'vitest';
import { runCohortCli } from '../../src/cli/cohort-run';
import { runMergeCli } from '../../src/cli/merge-run';
import { joinShards, parseShardArgument, shardOutput, shardRange } from '../../src/cli/shard';

const QUERY = 'n=50&seed=3&arm=Control&arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21';

/** Runs the shards and merges them through the merge command's file reader. */
function mergedRun(query: string, count: number, extra: string[] = []): { merged: string; shards: string[] } {
  const shards: string[] = [];
  for (let k = 1; k <= count; k++) {
    const out = runCohortCli([...extra, '--shard', `${k}/${count}`, query]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    shards.push(out.stdout);
  }
  const files = new Map(shards.map((text, i) => [`part-${i + 1}.json`, text]));
  // given in another order than 1..N: merge orders them by index
  const merged = runMergeCli([...files.keys()].reverse(), (path) => files.get(path) ?? '');
  expect(merged.stderr).toBe('');
  expect(merged.status).toBe(0);
  return { merged: merged.stdout, shards };
}

describe('sharded cohort runs', () => {
  it('4 shards merged equal one run byte for byte (JSON)', () => {
    const single = runCohortCli([QUERY]);
    expect(single.status).toBe(0);
    const { merged, shards } = mergedRun(QUERY, 4);
    expect(merged).toBe(single.stdout);
    // the shards are parts: 50 patients as 12, 13, 12, 13
    expect(shards.map((s) => JSON.parse(s).to - JSON.parse(s).from)).toEqual([12, 13, 12, 13]);
  });

  it('shards merged equal one run byte for byte (CSV), whatever the number of shards', () => {
    const single = runCohortCli(['--format', 'csv', QUERY]);
    expect(mergedRun(QUERY, 3, ['--format', 'csv']).merged).toBe(single.stdout);
    expect(mergedRun(QUERY, 1, ['--format', 'csv']).merged).toBe(single.stdout);
  });

  it('the lung trial (FLAURA preset, lung-patient setting) merged from 3 shards equals one run byte for byte', () => {
    const lung = `s=lung-patient&h=1092&n=30&seed=2&cancer=lung&arm=Untreated&arm=Osimertinib*osi:80@0-1092/1`;
    const single = runCohortCli([lung]);
    expect(single.stderr).toBe('');
    expect(single.status).toBe(0);
    expect(mergedRun(lung, 3).merged).toBe(single.stdout);
    const out = JSON.parse(single.stdout);
    // overall survival is part of the lung trial's statistics, and it has no biomarker splits
    expect(out.arms[1].medianOsDays).toBeDefined();
    expect(out.biomarkers).toEqual([]);
  });

  it('refuses a missing, repeated or foreign shard with a message naming it', () => {
    const parts = [1, 2, 3].map((k) => runCohortCli(['--shard', `${k}/3`, QUERY]).stdout);
    const other = runCohortCli(['--shard', '3/3', QUERY.replace('seed=3', 'seed=4')]).stdout;
    const names = (texts: string[]) => texts.map((text, i) => ({ name: `f${i}`, text }));
    expect(joinShards(names([parts[0], parts[1]]))).toEqual({ errors: ['shard 3/3 is missing'] });
    expect(joinShards(names([parts[0], parts[1], parts[1]]))).toEqual({
      errors: ['shard 2/3 is given twice', 'shard 3/3 is missing'],
    });
    const foreign = joinShards(names([parts[0], parts[1], other]));
    expect('errors' in foreign && foreign.errors[0]).toMatch(/shards of different runs: query/);
    expect(joinShards(names(['{"a":1}']))).toEqual({
      errors: ['f0: not a shard file (written by a command run with --shard k/N)'],
    });
    const bad = runMergeCli(['x.json'], () => 'not json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('merge: x.json: not JSON\n');
  });

  it('reads --shard k/N with 1 <= k <= N and says what is wrong otherwise', () => {
    expect(parseShardArgument('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShardArgument('0/4')).toEqual({ error: '--shard: k must be 1 to 4, not 0' });
    expect(parseShardArgument('5/4')).toEqual({ error: '--shard: k must be 1 to 4, not 5' });
    expect(parseShardArgument('two')).toEqual({ error: '--shard must look like k/N (for example 2/4), not "two"' });
    const out = runCohortCli(['--shard', '9/4', QUERY]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('cohort: --shard: k must be 1 to 4, not 9\n');
  });

  it('shard ranges tile the items in order, sizes differing by at most one', () => {
    for (const total of [0, 1, 7, 50, 10_000]) {
      for (const count of [1, 2, 3, 4, 7, 16]) {
        let at = 0;
        for (let index = 1; index <= count; index++) {
          const { from, to } = shardRange(total, { index, count });
          expect(from).toBe(at);
          expect(to - from).toBeGreaterThanOrEqual(Math.floor(total / count));
          expect(to - from).toBeLessThanOrEqual(Math.ceil(total / count));
          at = to;
        }
        expect(at).toBe(total);
      }
    }
  });

  it('a shard refuses values JSON cannot carry exactly', () => {
    expect(() => shardOutput('x', 'json', '', { index: 1, count: 1 }, 1, { a: [Number.NaN] })).toThrow(/not finite/);
  });
});
