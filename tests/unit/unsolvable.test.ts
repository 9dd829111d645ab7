// A scenario the solver cannot follow (it gives up at extreme parameters with heavy dosing, SolverError): the
// commands say so with status 1 and no stack trace. The model is replaced by one that fails, so the test does not
// depend on which link happens to be too stiff today (scripts/limits-cost.ts lists those); other errors still throw.
import { describe, expect, it, vi } from 'vitest';

const solverError = () =>
  Object.assign(new Error('step size underflow (h = 1e-14) at t = 4.1'), { name: 'SolverError' });

vi.mock('../../src/model', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model')>();
  return {
    ...real,
    simulate: () => {
      throw solverError();
    },
    runCohortBlock: () => {
      throw solverError();
    },
  };
});

describe('an unsolvable scenario on the command line', () => {
  it('simulate and cohort: status 1, a message naming the solver failure, nothing on stdout', async () => {
    const { guardSolver } = await import('../../src/cli/io');
    const { runCli } = await import('../../src/cli/run');
    const { runCohortCli } = await import('../../src/cli/cohort-run');
    expect(guardSolver('simulate', () => runCli(['s=hcc-mouse&arm=A']))).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'simulate: this scenario cannot be simulated: the solver could not follow it (step size underflow (h = 1e-14) at t = 4.1); change a parameter or a schedule\n',
    });
    const cohort = guardSolver('cohort', () => runCohortCli(['n=10&arm=A&arm=B']));
    expect(cohort.status).toBe(1);
    expect(cohort.stderr).toMatch(/^cohort: this scenario cannot be simulated: the solver could not follow it/);
  });

  it('any other error is a bug and is not hidden', async () => {
    const { guardSolver } = await import('../../src/cli/io');
    expect(() =>
      guardSolver('simulate', () => {
        throw new TypeError('x is undefined');
      }),
    ).toThrow('x is undefined');
  });
});
