/**
 * A trial's result does not depend on how its patients are cut into blocks (the pool sizes blocks by measured cost, so
 * the plan differs from run to run and machine to machine): for several block plans, done in any order, the merged
 * blocks equal the cohort run in one piece, every field, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { blockMerger, mergeBlocks, runCohortBlock } from '../../src/model/cohort';
import type { Scenario } from '../../src/scenario/types';
import { twoArmTrial } from './trial-fixtures';

const trial = (size: number): Scenario => twoArmTrial(size, 7);

/** Block boundaries of [0, size): sizes 1..maxBlock from a fixed pseudo-random sequence. */
function plan(size: number, maxBlock: number, seed: number): [number, number][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const blocks: [number, number][] = [];
  for (let from = 0; from < size; ) {
    const to = Math.min(size, from + 1 + Math.floor(next() * maxBlock));
    blocks.push([from, to]);
    from = to;
  }
  // done in a shuffled order, as blocks come back from workers
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  }
  return blocks;
}

describe('a trial in blocks', () => {
  const size = 30;
  const scenario = trial(size);
  const whole = runCohortBlock(scenario, 0, size);

  it.each([
    { name: 'single patients', maxBlock: 1, seed: 1 },
    { name: 'small blocks', maxBlock: 4, seed: 2 },
    { name: 'mixed blocks', maxBlock: 12, seed: 3 },
    { name: 'two halves', maxBlock: 15, seed: 4 },
  ])('equals the cohort in one piece for any block plan: $name', ({ maxBlock, seed }) => {
    const blocks = plan(size, maxBlock, seed).map(([from, to]) => runCohortBlock(scenario, from, to));
    expect(mergeBlocks(blocks)).toStrictEqual(whole);
    // the pool's running merge, read at every block, ends at the same cohort
    const merger = blockMerger();
    for (const block of blocks) {
      merger.add(block);
      merger.merged();
    }
    expect(merger.merged()).toStrictEqual(whole);
  });
});
