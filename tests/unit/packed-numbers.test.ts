// The statistics worker's answer travels with its long number arrays packed into one transferred Float64Array
// (worker/packedNumbers.ts): unpacking gives back exactly what was packed, and a trial's statistics cross the worker
// boundary as a few small objects and one buffer.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';
import { simulationApi } from '../../src/worker/api';
import {
  MIN_PACKED_LENGTH,
  type PackedNumbers,
  packNumbers,
  unpackNumbers,
  unpackNumbersInSlices,
} from '../../src/worker/packedNumbers';

function trial(size: number): Scenario {
  const preset = presetById('hcc-atezo-bev-trial');
  if (!preset?.scenario.cohort) throw new Error('preset missing');
  return { ...preset.scenario, cohort: { ...preset.scenario.cohort, size } };
}

/** Every array of numbers of at least `min` elements in a value. */
function numberArrays(x: unknown, min: number): number[][] {
  if (Array.isArray(x))
    return x.length >= min && x.every((v) => typeof v === 'number') ? [x] : x.flatMap((v) => numberArrays(v, min));
  if (x && typeof x === 'object') return Object.values(x).flatMap((v) => numberArrays(v, min));
  return [];
}

describe('number arrays packed for the statistics answer', () => {
  it('unpacks to exactly what was packed: special numbers, nesting, short and mixed arrays, other values', () => {
    const long = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? -0 : i / 3));
    long[5] = Number.NaN;
    long[6] = Number.POSITIVE_INFINITY;
    long[7] = Number.NEGATIVE_INFINITY;
    long[8] = Number.MIN_VALUE;
    long[9] = -Number.MAX_VALUE;
    const value = {
      a: long,
      nested: [{ b: long.slice(0, MIN_PACKED_LENGTH), c: [1, 2, 3] }, [long.slice(3), 'text']],
      mixed: [...long.slice(0, 20), null],
      strings: Array.from({ length: 20 }, (_, i) => `s${i}`),
      typed: Float64Array.of(1, 2, 3),
      empty: [],
      veryLong: Array.from({ length: 60_000 }, (_, i) => i * 0.5),
      n: null,
      flag: true,
      label: 'arm',
      level: 0.95,
    };
    const packed = packNumbers(value);
    expect(packed.numbers.length).toBe(40 + MIN_PACKED_LENGTH + 37 + 60_000);
    const back = unpackNumbers<typeof value>(packed);
    expect(back).toEqual(value);
    expect(Object.is(back.a[0], -0)).toBe(true);
    expect(back.a[5]).toBeNaN();
    expect(back.nested[0]).toEqual({ b: long.slice(0, MIN_PACKED_LENGTH), c: [1, 2, 3] });
    expect(Array.isArray(back.a)).toBe(true);
    // a packed value is not packed again
    expect(() => packNumbers(packed.value)).toThrow(/already/);
  });

  it("a trial's statistics come back from the worker's api equal, with their long arrays in one buffer", () => {
    const scenario = trial(300);
    const block = runCohortBlock(scenario, 0, 300);
    const expected = cohortStatistics(scenario, block);
    const packed = simulationApi.cohortStatistics(scenario, block) as PackedNumbers;
    expect(unpackNumbers(packed)).toEqual(expected);
    const arrays = numberArrays(expected, MIN_PACKED_LENGTH);
    expect(arrays.length).toBeGreaterThan(50);
    expect(packed.numbers.length).toBe(arrays.reduce((s, a) => s + a.length, 0));
    expect(numberArrays(packed.value, MIN_PACKED_LENGTH)).toEqual([]);
    // what is cloned besides the buffer is a small part of the unpacked statistics
    expect(serialize(packed.value).length).toBeLessThan(serialize(expected).length / 3);
  });

  it("unpacked in slices, a trial's statistics are the same value, handed out once every array is filled", async () => {
    const scenario = trial(300);
    const block = runCohortBlock(scenario, 0, 300);
    const packed = simulationApi.cohortStatistics(scenario, block) as PackedNumbers;
    const whole = unpackNumbers(packed);
    // the packed arrays: one stand-in each in the packed value
    const arrays = JSON.stringify(packed.value).split('__packedNumbers').length - 1;
    expect(arrays).toBeGreaterThan(50);
    // a clock that passes the slice at every array: a task before each
    let clock = 0;
    let yields = 0;
    let settled = false;
    const sliced = unpackNumbersInSlices(
      packed,
      1,
      () => clock++,
      async () => {
        yields++;
        expect(settled).toBe(false);
      },
    ).then((value) => {
      settled = true;
      return value;
    });
    const value = await sliced;
    expect(value).toStrictEqual(whole);
    expect(numberArrays(value, MIN_PACKED_LENGTH).every((a) => Object.keys(a).length === a.length)).toBe(true);
    expect(yields).toBe(arrays);
    // a clock that never passes it: one slice, no task given up
    yields = 0;
    expect(
      await unpackNumbersInSlices(
        packed,
        4,
        () => 0,
        async () => void yields++,
      ),
    ).toStrictEqual(whole);
    expect(yields).toBe(0);
    // the default clock and tasks
    expect(await unpackNumbersInSlices(packed)).toStrictEqual(whole);
  });
});
