/**
 * The independent SBML engine reproduces known solutions before it is trusted with the model's export: a reaction
 * in a compartment (concentration semantics), logistic growth through a function definition and an initial
 * assignment, bolus doses as events (one at the start with initialValue false), and a zero-order input window
 * with a state-triggered event.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateFile, withFile } from './sbml-engine';

const fixture = (name: string) => fileURLToPath(new URL(`../sbml/${name}`, import.meta.url));

function expectClose(actual: number[] | undefined, expected: number[], rel = 1e-7) {
  expect(actual).toBeDefined();
  expect(actual?.length).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual?.[i] ?? Number.NaN;
    expect(Math.abs(a - e), `value ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(e), 1e-12));
  });
}

describe('independent SBML engine (libSBML + SciPy LSODA)', () => {
  it('integrates first-order conversion A -> B in a compartment of volume 2 to the exponential', () => {
    const times = [0, 1, 2, 5, 10];
    const r = simulateFile(fixture('exponential-decay.xml'), times, ['A', 'B']);
    expect(r.errors).toEqual([]);
    expectClose(
      r.values?.A,
      times.map((t) => 10 * Math.exp(-0.3 * t)),
    );
    expectClose(
      r.values?.B,
      times.map((t) => 10 - 10 * Math.exp(-0.3 * t)),
    );
  });

  it('integrates logistic growth through a function definition and an initial assignment', () => {
    const times = [0, 10, 30, 60];
    const r = simulateFile(fixture('logistic-growth.xml'), times, ['N', 'volume']);
    expect(r.errors).toEqual([]);
    const n = times.map((t) => 2e9 / (1 + (2e9 / 1e6 - 1) * Math.exp(-0.3 * t)));
    expectClose(r.values?.N, n);
    expectClose(
      r.values?.volume,
      n.map((x) => x / 1e6),
    );
  });

  it('gives bolus doses as events, the one at the start included, and shows the level after a dose at its time', () => {
    const times = [0, 1, 3, 4, 6, 9];
    const r = simulateFile(fixture('bolus-pk.xml'), times, ['A', 'occupancy']);
    expect(r.errors).toEqual([]);
    const a = times.map((t) => [0, 3, 6].reduce((s, d) => s + (d <= t ? 444 * Math.exp(-0.15 * (t - d)) : 0), 0));
    expectClose(r.values?.A, a);
    expectClose(
      r.values?.occupancy,
      a.map((x) => x / (x + 0.4)),
    );
  });

  it('switches a zero-order input on and off by events and locates a state-triggered event once', () => {
    const k = 1.5;
    const plateau = 30 / k;
    const level = (t: number) =>
      t < 2
        ? 0
        : t < 5
          ? plateau * (1 - Math.exp(-k * (t - 2)))
          : plateau * (1 - Math.exp(-3 * k)) * Math.exp(-k * (t - 5));
    const times = [0, 2, 3, 5, 6, 8, 12];
    const r = simulateFile(fixture('oral-window.xml'), times, ['A', 'u', 'tCross', 'count']);
    expect(r.errors).toEqual([]);
    expectClose(r.values?.A, times.map(level), 1e-6);
    expect(r.values?.u).toEqual([0, 30, 30, 0, 0, 0, 0]);
    const crossing = 5 + Math.log((plateau * (1 - Math.exp(-3 * k))) / 2.5) / k;
    expect(r.values?.tCross.at(-1)).toBeCloseTo(crossing, 7);
    expect(r.values?.count).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });

  it('reports libSBML errors of an invalid file instead of simulating it', () => {
    const invalid = `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="broken">
    <listOfRules>
      <rateRule variable="undeclared"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>1</cn></math></rateRule>
    </listOfRules>
  </model>
</sbml>
`;
    const r = withFile('broken.xml', invalid, (file) => simulateFile(file, [0, 1], ['undeclared']));
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.values).toBeUndefined();
  });
});
