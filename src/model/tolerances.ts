/**
 * Solver tolerances per use, from the tolerance study (`npm run study:tolerance`, docs/performance.md): the loosest
 * tolerance that changes nothing a user reads, each candidate checked against a run 100x tighter.
 *
 * - interactive (the explorer's curves): 1e-6. Every series of every preset within a pixel of the tighter run on a
 *   4K chart (0.73 px, P(eradication) of osimertinib-igf1r); at 1e-5 the IGF-1R toxicity curve is 3.3 px off.
 * - trial (virtual patients): 1e-4. Best response, progression and the PFS day (within a pixel of a 4K survival
 *   curve) of every patient-arm equal the tighter run's in 6,000 of 6,000 patient-arms already at 1e-3 (the loosest
 *   candidate); one decade inside that, since users' trials have other arms than the study's. Their steps are mostly
 *   bounded by dose times, not by accuracy, so a looser tolerance saves little.
 * - ensemble (many virtual patients or parameter samples read as endpoints): as the trial.
 * Absolute tolerances scale with rtol from absoluteTolerances() (which is set for rtol 1e-6).
 */
import type { Integrator } from '../solver/types';
import { absoluteTolerances, DEFAULT_RTOL, modelIntegrator } from './simulate';

export type SolverUse = 'interactive' | 'trial' | 'ensemble';

export const TOLERANCES: Readonly<Record<SolverUse, { rtol: number }>> = Object.freeze({
  interactive: { rtol: DEFAULT_RTOL },
  trial: { rtol: 1e-4 },
  ensemble: { rtol: 1e-4 },
});

/** Absolute tolerances for a relative tolerance: absoluteTolerances() scaled by rtol / DEFAULT_RTOL. */
export function absoluteTolerancesFor(rtol: number): Float64Array {
  return absoluteTolerances().map((a) => (a * rtol) / DEFAULT_RTOL);
}

/** An integrator with the tolerances of a use, or of an explicit rtol (atol scaled with it). */
export function integratorFor(use: SolverUse | number): Integrator {
  const rtol = typeof use === 'number' ? use : TOLERANCES[use].rtol;
  return modelIntegrator(rtol, absoluteTolerancesFor(rtol));
}
