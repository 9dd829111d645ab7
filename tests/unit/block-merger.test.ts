// The running merge of a trial's partial results (blockMerger): every merge it gives equals mergeBlocks of the same
// blocks, field for field and bit for bit, whatever the blocks' sizes and the order they come in; and a trial run
// through the worker pool, which merges that way, gives exactly the cohort of one block.
import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { blockMerger, type CohortBlock, mergeBlocks, runCohortBlock } from '../../src/model/cohort';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';
import { simulationApi } from '../../src/worker/api';
import { runCohort } from '../../src/worker/cohortPool';

/** A small seeded generator (mulberry32), so that every order and value here is the same in every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values with the awkward ones in (NaN, -0, infinities) so that a copy that changes any bit shows. */
function values(n: number, next: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = next();
    out[i] = r < 0.05 ? Number.NaN : r < 0.1 ? -0 : r < 0.12 ? Number.POSITIVE_INFINITY : (r - 0.5) * 1000;
  }
  return out;
}

function bytes(n: number, next: () => number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

/** A synthetic block of patients [from, to) on `arms` arms; the cohort's first `spiderCount` patients have spiders. */
function block(from: number, to: number, arms: number, spiderCount: number, next: () => number): CohortBlock {
  const n = to - from;
  const spiders = Math.max(0, Math.min(to, spiderCount) - from);
  return {
    from,
    to,
    arms: Array.from({ length: arms }, () => ({
      pfsDays: values(n, next),
      progressed: bytes(n, next),
      osDays: values(n, next),
      death: bytes(n, next),
      responseDays: values(n, next),
      best: bytes(n, next),
      bestChange: values(n, next),
      crossover: bytes(n, next),
      spider: Array.from({ length: spiders }, () => values(1 + Math.floor(next() * 6), next)),
    })),
    nrf2Active: bytes(n, next),
    nrf2: values(n, next),
    neat1: values(n, next),
    il6: values(n, next),
    baselinePge2: values(n, next),
    baselineDiameter: values(n, next),
  };
}

/** Cuts [0, size) into blocks of the given sizes (cycled). */
function cut(size: number, sizes: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0, i = 0; from < size; i++) {
    const to = Math.min(size, from + sizes[i % sizes.length]);
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** Every field and every value, compared bit for bit (typed arrays as their bytes), types and lengths included. */
function expectSame(actual: CohortBlock, expected: CohortBlock): void {
  const typed = (a: Float64Array | Uint8Array, b: Float64Array | Uint8Array, what: string) => {
    expect(a.constructor, what).toBe(b.constructor);
    expect(a.length, what).toBe(b.length);
    expect(
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
      what,
    ).toBe(true);
  };
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  expect(actual.from).toBe(expected.from);
  expect(actual.to).toBe(expected.to);
  expect(actual.arms.length).toBe(expected.arms.length);
  for (const key of ['nrf2Active', 'nrf2', 'neat1', 'il6', 'baselinePge2', 'baselineDiameter'] as const) {
    typed(actual[key], expected[key], key);
  }
  actual.arms.forEach((arm, a) => {
    const other = expected.arms[a];
    expect(Object.keys(arm).sort()).toEqual(Object.keys(other).sort());
    for (const key of [
      'pfsDays',
      'progressed',
      'osDays',
      'death',
      'responseDays',
      'best',
      'bestChange',
      'crossover',
    ] as const) {
      typed(arm[key], other[key], `arm ${a} ${key}`);
    }
    expect(arm.spider.length, `arm ${a} spider`).toBe(other.spider.length);
    arm.spider.forEach((line, i) => {
      typed(line, other.spider[i], `arm ${a} spider ${i}`);
    });
  });
}

/** A deep copy, to check later that a merge once handed out never changes. */
const snapshot = (b: CohortBlock): CohortBlock => structuredClone(b);

const cases: { name: string; size: number; sizes: number[]; arms: number; spiders: number; order: string }[] = [
  { name: 'in order, even blocks', size: 1000, sizes: [100], arms: 8, spiders: 150, order: 'in order' },
  { name: 'reversed, uneven blocks', size: 733, sizes: [5, 37, 100, 1, 64], arms: 2, spiders: 100, order: 'reversed' },
  { name: 'two workers in turn', size: 1200, sizes: [38, 38, 250, 180, 40, 7], arms: 8, spiders: 150, order: 'pairs' },
  { name: 'shuffled, one patient per block', size: 97, sizes: [1], arms: 3, spiders: 50, order: 'shuffled' },
  { name: 'shuffled, mixed sizes', size: 2500, sizes: [13, 200, 5, 77, 400], arms: 5, spiders: 300, order: 'shuffled' },
  { name: 'one block', size: 40, sizes: [40], arms: 1, spiders: 0, order: 'in order' },
];

function ordered<T>(items: T[], order: string, next: () => number): T[] {
  if (order === 'reversed') return [...items].reverse();
  if (order === 'pairs') {
    // as two workers with two blocks in flight hand them back: 1 0 3 2 5 4 ...
    const out: T[] = [];
    for (let i = 0; i < items.length; i += 2)
      out.push(...(i + 1 < items.length ? [items[i + 1], items[i]] : [items[i]]));
    return out;
  }
  if (order === 'shuffled') {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  return items;
}

describe('blockMerger: the running merge of partial results', () => {
  for (const c of cases) {
    it(`equals mergeBlocks of the same blocks at every read, ${c.name}`, () => {
      const next = random(c.size * 31 + c.arms);
      const blocks = ordered(
        cut(c.size, c.sizes).map(([from, to]) => block(from, to, c.arms, c.spiders, next)),
        c.order,
        next,
      );
      const merger = blockMerger();
      const handed: { count: number; merge: CohortBlock; copy: CohortBlock }[] = [];
      blocks.forEach((b, i) => {
        merger.add(b);
        // read after some blocks only, as a page that shows partial results now and then
        if (next() < 0.4 || i === blocks.length - 1) {
          const merge = merger.merged();
          expectSame(merge, mergeBlocks(blocks.slice(0, i + 1)));
          handed.push({ count: i + 1, merge, copy: snapshot(merge) });
        }
      });
      expect(merger.count).toBe(blocks.length);
      // the same count again is the same merge; an older count is merged again, and still equal
      expect(merger.merged()).toBe(handed[handed.length - 1].merge);
      const older = Math.max(1, Math.floor(blocks.length / 2));
      expectSame(merger.merged(older), mergeBlocks(blocks.slice(0, older)));
      // the whole cohort in order, and no merge handed out was changed by the ones after it
      const all = merger.merged();
      expect(all.to).toBe(c.size);
      for (const h of handed) expectSame(h.merge, h.copy);
    });
  }

  it('reads at every block and at none in between give the same final merge', () => {
    const next = random(7);
    const blocks = ordered(
      cut(600, [9, 50, 120]).map(([from, to]) => block(from, to, 4, 80, next)),
      'shuffled',
      next,
    );
    const everyBlock = blockMerger();
    const atTheEnd = blockMerger();
    for (const b of blocks) {
      everyBlock.add(b);
      everyBlock.merged();
      atTheEnd.add(b);
    }
    expectSame(everyBlock.merged(), atTheEnd.merged());
    expectSame(everyBlock.merged(), mergeBlocks(blocks));
  });

  it('counts its copies: a read copies the last merge in runs, not every block again', () => {
    // 100 blocks in order, read after each: each read copies one run of the last merge and one new block per field
    const next = random(11);
    const blocks = cut(1000, [10]).map(([from, to]) => block(from, to, 2, 0, next));
    const merger = blockMerger();
    const original = Float64Array.prototype.set;
    let calls = 0;
    Float64Array.prototype.set = function (this: Float64Array, ...args: Parameters<Float64Array['set']>) {
      calls++;
      return original.apply(this, args);
    };
    try {
      for (const b of blocks) {
        merger.add(b);
        merger.merged();
      }
    } finally {
      Float64Array.prototype.set = original;
    }
    // per read: 2 arms x 4 Float64 fields + 5 covariates = 13 fields, at most 2 runs each (1 for the first read)
    // (mergeBlocks at every read would make 13 x (1 + 2 + ... + 100) = 65,650 calls)
    console.log(`blockMerger, 100 reads of 100 blocks: ${calls} Float64Array copies`);
    expect(calls).toBeLessThanOrEqual(13 * 2 * blocks.length);
  });
});

/** A worker stand-in: the real API over a MessageChannel (as in cohort-pool.test.ts). */
const factory = (): Worker => {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(simulationApi, port2);
  return Object.assign(port1, {
    terminate() {
      port1.close();
      port2.close();
    },
  }) as unknown as Worker;
};

describe('a trial through the pool (partial results merged as they come)', () => {
  it('gives exactly the cohort of one block, every field, with partial results read at every block', async () => {
    const preset = presetById('imbrave150');
    if (!preset) throw new Error('preset missing');
    const scenario: Scenario = {
      ...preset.scenario,
      arms: [preset.scenario.arms[1], preset.scenario.arms[2]],
      cohort: { size: 48, seed: 9, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 },
    };
    const partials: { done: number; to: number }[] = [];
    const run = runCohort(
      scenario,
      (p) => {
        partials.push({ done: p.done, to: p.partial.to });
      },
      { workers: 2, factory },
    );
    const result = await run.result;
    expectSame(result, runCohortBlock(scenario, 0, 48));
    expect(partials.length).toBeGreaterThan(2);
    for (const p of partials) expect(p.to).toBe(p.done);
  });
});
