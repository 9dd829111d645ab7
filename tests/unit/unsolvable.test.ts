// A scenario the solver cannot follow (it gives up at extreme parameters with heavy dosing, SolverError): the
// simulate command says so with status 1 and no stack trace. The model is replaced by one that fails, so the test
// does not depend on which link happens to be too stiff today (scripts/limits-cost.ts lists those).
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/model', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model')>();
  return {
    ...real,
    simulate: () => {
      throw Object.assign(new Error('step size underflow (h = 1e-14) at t = 4.1'), { name: 'SolverError' });
    },
  };
});

describe('an unsolvable scenario on the command line', () => {
  it('simulate: status 1, a message naming the solver failure, nothing on stdout', async () => {
    const { runCli } = await import('../../src/cli/run');
    const out = runCli(['s=hcc-mouse&arm=A']);
    expect(out).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'simulate: this scenario cannot be simulated: the solver could not follow it (step size underflow (h = 1e-14) at t = 4.1); change a parameter or a schedule\n',
    });
  });
});
