// The simulation client's fault handling, with fake workers: each "worker" is the Comlink API over its own
// MessageChannel, and a plan says how it behaves on each call (answer, throw, reject, hang, answer late).
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/model/series';
import { defaultScenario } from '../../src/scenario/defaults';
import type { Scenario } from '../../src/scenario/types';
import {
  type ClientOptions,
  type ClientStatus,
  createSimulationClient,
  type Fault,
  type SimulationClient,
} from '../../src/worker/client';

type Behaviour = 'answer' | 'throw' | 'reject' | 'unsolvable' | 'hang' | 'late';

interface Call {
  worker: number;
  scenario: Scenario;
}

function fakeWorkers(plan: (worker: number, call: number) => Behaviour) {
  const calls: Call[] = [];
  let created = 0;
  let terminated = 0;
  const factory = (): Worker => {
    const index = created++;
    let call = 0;
    const { port1, port2 } = new MessageChannel();
    const api = {
      async warmUp(): Promise<void> {},
      async simulate(scenario: Scenario): Promise<SimulationResult | null> {
        const behaviour = plan(index, call++);
        calls.push({ worker: index, scenario });
        const result: SimulationResult = { arms: [] };
        switch (behaviour) {
          case 'throw':
            // An uncaught exception in a worker: an error event on the Worker object, and no answer.
            setTimeout(() => port1.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught boom' })));
            return new Promise(() => {});
          case 'reject':
            throw new Error('the solver failed');
          case 'unsolvable':
            // what simulateArm throws when the solver gives up (src/solver/types.ts SolverError)
            throw Object.assign(new Error('step size underflow (h = 1e-14) at t = 4.1'), { name: 'SolverError' });
          case 'hang':
            return new Promise(() => {});
          case 'late':
            return new Promise((resolve) => setTimeout(() => resolve(result), 150));
          default:
            return result;
        }
      },
    };
    Comlink.expose(api, port2);
    return Object.assign(port1, {
      terminate() {
        terminated++;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
  return {
    factory,
    calls,
    created: () => created,
    terminated: () => terminated,
  };
}

function harness(plan: (worker: number, call: number) => Behaviour, options: ClientOptions = {}) {
  const workers = fakeWorkers(plan);
  const statuses: ClientStatus[] = [];
  const results: Scenario[] = [];
  const recovered: { fault: Fault; restarts: number }[] = [];
  const client: SimulationClient = createSimulationClient(
    {
      onResult: (_result, scenario) => results.push(scenario),
      onStatus: (status) => statuses.push(status),
      onRecovered: (fault, restarts) => recovered.push({ fault, restarts }),
    },
    // Generous deadlines unless a test is about them: a loaded machine must not turn a slow answer into a fault.
    { factory: workers.factory, watchdogMs: 1000, startupMs: 1000, restartDelayMs: 1, ...options },
  );
  return { client, workers, statuses, results, recovered };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the client');
    await wait(2);
  }
}

function scenario(horizon: number): Scenario {
  return { ...defaultScenario(), horizon };
}

describe('simulation client faults', () => {
  it('answers a request with its result and reports ready', async () => {
    const h = harness(() => 'answer');
    const s = scenario(20);
    h.client.request(s);
    await until(() => h.statuses.at(-1) === 'ready');
    expect(h.results).toEqual([s]);
    expect(h.workers.created()).toBe(1);
    expect(h.recovered).toEqual([]);
    h.client.dispose();
  });

  it('a worker that throws is restarted and the request re-run on the new worker', async () => {
    const h = harness((worker) => (worker === 0 ? 'throw' : 'answer'));
    const s = scenario(21);
    h.client.request(s);
    await until(() => h.statuses.at(-1) === 'ready');
    expect(h.statuses).toEqual(['computing', 'error', 'computing', 'ready']);
    expect(h.workers.calls.map((c) => [c.worker, c.scenario])).toEqual([
      [0, s],
      [1, s],
    ]);
    expect(h.workers.terminated()).toBe(1);
    expect(h.results).toEqual([s]);
    expect(h.recovered).toEqual([{ fault: { kind: 'crashed', message: 'Uncaught boom' }, restarts: 1 }]);
    h.client.dispose();
  });

  it('a call that rejects counts as a crash: restart and re-run', async () => {
    const h = harness((worker) => (worker === 0 ? 'reject' : 'answer'));
    h.client.request(scenario(22));
    await until(() => h.statuses.at(-1) === 'ready');
    expect(h.workers.created()).toBe(2);
    expect(h.recovered[0]?.fault).toEqual({ kind: 'crashed', message: 'the solver failed' });
  });

  it('a scenario the solver cannot follow is reported, without a restart or a retry; the next request is answered', async () => {
    const h = harness((_worker, call) => (call === 0 ? 'unsolvable' : 'answer'));
    const faults: (Fault | undefined)[] = [];
    const client = createSimulationClient(
      {
        onResult: (_r, sc) => h.results.push(sc),
        onStatus: (status, _message, fault) => {
          h.statuses.push(status);
          faults.push(fault);
        },
      },
      { factory: h.workers.factory, watchdogMs: 1000, startupMs: 1000, restartDelayMs: 1 },
    );
    const bad = scenario(30);
    client.request(bad);
    await until(() => h.statuses.at(-1) === 'error');
    await wait(30);
    expect(h.statuses).toEqual(['computing', 'error']);
    expect(faults.at(-1)).toEqual({ kind: 'unsolvable', message: 'step size underflow (h = 1e-14) at t = 4.1' });
    expect(h.workers.calls).toHaveLength(1); // not sent again
    const good = scenario(31);
    client.request(good);
    await until(() => h.statuses.at(-1) === 'ready');
    expect(h.results).toEqual([good]);
    expect(h.workers.created()).toBe(1); // the same worker
    expect(h.workers.terminated()).toBe(0);
    client.dispose();
    h.client.dispose();
  });

  it('a warm worker that hangs is restarted by the watchdog and the latest request re-run', async () => {
    const h = harness((worker, call) => (worker === 0 && call === 1 ? 'hang' : 'answer'), { watchdogMs: 40 });
    h.client.request(scenario(23));
    await until(() => h.statuses.at(-1) === 'ready');
    const second = scenario(24);
    h.client.request(second);
    await until(() => h.results.length === 2);
    expect(h.workers.calls.map((c) => c.worker)).toEqual([0, 0, 1]);
    expect(h.results.at(-1)).toBe(second);
    expect(h.recovered).toEqual([{ fault: { kind: 'timeout', message: 'no answer within 0.04 s' }, restarts: 1 }]);
    expect(h.statuses.at(-1)).toBe('ready');
    h.client.dispose();
  });

  it("a fresh worker's first answer gets the longer start-up deadline", async () => {
    // 'late' answers after 150 ms: too slow for a warm worker (40 ms), in time for a fresh one (1 s).
    const h = harness((_worker, call) => (call === 0 ? 'late' : 'answer'), { watchdogMs: 40 });
    h.client.request(scenario(25));
    await until(() => h.statuses.at(-1) === 'ready');
    expect(h.workers.created()).toBe(1);
    expect(h.statuses).toEqual(['computing', 'ready']);
    h.client.dispose();
  });

  it("a timed-out worker's late answer is ignored; only the restarted worker's answer is drawn", async () => {
    const h = harness((worker) => (worker === 0 ? 'late' : 'answer'), { startupMs: 40 });
    const s = scenario(26);
    h.client.request(s);
    await until(() => h.statuses.at(-1) === 'ready');
    await wait(200); // past the late answer of worker 0
    expect(h.results).toEqual([s]);
    expect(h.workers.calls.map((c) => c.worker)).toEqual([0, 1]);
    h.client.dispose();
  });

  it('three failures in a row: the client gives up and reports unavailable', async () => {
    const h = harness(() => 'throw');
    h.client.request(scenario(27));
    await until(() => h.statuses.at(-1) === 'unavailable');
    await wait(50);
    expect(h.workers.created()).toBe(3);
    expect(h.workers.terminated()).toBe(3);
    expect(h.statuses.filter((s) => s === 'error')).toHaveLength(2);
    expect(h.statuses.at(-1)).toBe('unavailable');
    expect(h.results).toEqual([]);
    h.client.dispose();
  });

  it('a success between failures resets the count', async () => {
    // Worker 0 answers once then throws; worker 1 throws; worker 2 answers once then throws; worker 3 answers.
    const h = harness((worker, call) => (worker === 1 || call > 0 ? 'throw' : 'answer'));
    h.client.request(scenario(28));
    await until(() => h.statuses.at(-1) === 'ready');
    h.client.request(scenario(29));
    await until(() => h.statuses.at(-1) === 'ready' && h.results.length === 2);
    h.client.request(scenario(30));
    await until(() => h.statuses.at(-1) === 'ready' && h.results.length === 3);
    expect(h.statuses).not.toContain('unavailable');
    expect(h.workers.created()).toBe(4);
    h.client.dispose();
  });

  it('requests made while restarting are coalesced: only the newest is sent to the new worker', async () => {
    const h = harness((worker) => (worker === 0 ? 'throw' : 'answer'), { restartDelayMs: 60 });
    h.client.request(scenario(31));
    await until(() => h.statuses.includes('error'));
    const newest = scenario(33);
    h.client.request(scenario(32));
    h.client.request(newest);
    await until(() => h.statuses.at(-1) === 'ready');
    expect(h.workers.created()).toBe(2);
    expect(h.workers.calls.filter((c) => c.worker === 1).map((c) => c.scenario)).toEqual([newest]);
    expect(h.results).toEqual([newest]);
    h.client.dispose();
  });

  it('dispose stops the worker and cancels a pending restart', async () => {
    const h = harness(() => 'throw', { restartDelayMs: 30 });
    h.client.request(scenario(34));
    await until(() => h.statuses.includes('error'));
    h.client.dispose();
    await wait(80);
    expect(h.workers.created()).toBe(1);
  });
});
