/**
 * Main-thread client of the simulation worker.
 *
 * Coalescing: at most one request is in flight and at most one waits behind it; a newer request replaces the waiting
 * one (latest wins). A slider dragged across its range therefore never builds a backlog: when the worker answers,
 * the newest scenario is sent next and everything in between is skipped.
 *
 * Failure: a worker that throws (an error event or a rejected call), fails to load, or does not answer in time (hung,
 * or closed by itself or the browser, which raises no event at all) is terminated, a fresh worker is started after a
 * short pause, and the latest request is sent again. When the fresh worker answers, `onRecovered` says what went
 * wrong, so the page can tell the user that the simulator was restarted. After `maxFailures` failures in a row the
 * client gives up and reports 'unavailable'; a later request (a user action) tries once more. A scenario the solver
 * cannot follow is no fault of the worker: it is reported ('error', kind 'unsolvable') without a restart or a retry,
 * and the next request goes to the same worker.
 *
 * Deadlines: a worker that has answered once is known to be loaded and warm, and a simulation takes milliseconds, so
 * it gets `watchdogMs` per request. A fresh worker's first answer also waits for the script to download and for the
 * warm-up, so it gets the longer `startupMs`.
 */
import * as Comlink from 'comlink';
import type { SimulationResult } from '../model';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';

/** The result types the store and the views read, from the model's public face. */
export type { SeriesName, SimulationResult } from '../model';

export type ClientStatus = 'idle' | 'computing' | 'ready' | 'error' | 'unavailable';

/**
 * What went wrong: the worker threw or failed to load ('crashed'), or it missed its deadline ('timeout'); or the
 * worker is fine but the model cannot be solved for this scenario ('unsolvable': the solver gave up, as it can at
 * extreme parameters with heavy dosing). An unsolvable scenario restarts nothing: it would fail again the same way.
 */
export type FaultKind = 'crashed' | 'timeout' | 'unsolvable';

/** The error a worker sends back when the solver cannot follow a scenario (src/solver/types.ts SolverError). */
export function isUnsolvable(error: unknown): boolean {
  return error instanceof Error && error.name === 'SolverError';
}

export interface Fault {
  kind: FaultKind;
  /** technical detail (the worker's error message), for logs and the status line */
  message: string;
}

export interface ClientCallbacks {
  onResult: (result: SimulationResult, scenario: Scenario) => void;
  onStatus: (status: ClientStatus, message?: string, fault?: Fault) => void;
  /** a restarted worker has answered: `fault` is the last failure, `restarts` how many restarts it took */
  onRecovered?: (fault: Fault, restarts: number) => void;
}

export interface SimulationClient {
  /** Ask for a simulation of `scenario`; earlier pending requests are dropped. */
  request: (scenario: Scenario) => void;
  /** Stop the worker. */
  dispose: () => void;
}

export type WorkerFactory = () => Worker;

export interface ClientOptions {
  factory?: WorkerFactory;
  /** deadline of a request to a worker that has answered before, ms */
  watchdogMs?: number;
  /** deadline of a fresh worker's first answer (script download, start-up and warm-up included), ms */
  startupMs?: number;
  /** failures in a row after which the client reports 'unavailable' */
  maxFailures?: number;
  /** pause before the n-th restart in a row: n times this, ms */
  restartDelayMs?: number;
}

/** A simulation takes milliseconds (a patient preset ~2 ms); a few seconds without an answer means a hung worker. */
export const WATCHDOG_MS = 4_000;
/** Downloading and compiling the worker on a slow connection and phone, then the warm-up over every preset. */
export const STARTUP_MS = 15_000;
export const MAX_FAILURES = 3;
const RESTART_DELAY_MS = 400;

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

export function createSimulationClient(callbacks: ClientCallbacks, o: ClientOptions = {}): SimulationClient {
  const factory = o.factory ?? defaultFactory;
  const watchdogMs = o.watchdogMs ?? WATCHDOG_MS;
  const startupMs = o.startupMs ?? STARTUP_MS;
  const maxFailures = o.maxFailures ?? MAX_FAILURES;
  const restartDelayMs = o.restartDelayMs ?? RESTART_DELAY_MS;

  let worker: Worker | null = null;
  let remote: Comlink.Remote<SimulationApi> | null = null;
  /** the current worker has answered at least once */
  let warm = false;
  let inFlight: Scenario | null = null;
  let pending: Scenario | null = null;
  let last: Scenario | null = null;
  let requestId = 0;
  let failures = 0;
  let lastFault: Fault | null = null;
  /** bumped whenever a worker is started or stopped: callbacks of an older one are ignored */
  let generation = 0;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function start(): void {
    generation++;
    const mine = generation;
    warm = false;
    worker = factory();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(mine, { kind: 'crashed', message: event.message || 'the simulator stopped' });
    });
    worker.addEventListener('messageerror', () => fail(mine, { kind: 'crashed', message: 'a message was unreadable' }));
    remote = Comlink.wrap<SimulationApi>(worker);
    remote.warmUp().catch(() => {
      // a failed warm-up shows up again on the first real request
    });
  }

  function stop(): void {
    generation++;
    clearTimeout(watchdog);
    watchdog = undefined;
    if (remote) remote[Comlink.releaseProxy]();
    worker?.terminate();
    worker = null;
    remote = null;
  }

  function fail(gen: number, fault: Fault): void {
    if (disposed || gen !== generation) return; // a stale worker's error after it was replaced
    stop();
    failures++;
    lastFault = fault;
    const retry = pending ?? inFlight ?? last;
    inFlight = null;
    pending = null;
    if (failures >= maxFailures) {
      callbacks.onStatus('unavailable', fault.message, fault);
      return;
    }
    callbacks.onStatus('error', fault.message, fault);
    // Restart after a short pause, so that the message can be read and a crash loop does not spin.
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (disposed) return;
      const next = pending ?? retry;
      pending = null;
      if (next) send(next);
    }, restartDelayMs * failures);
  }

  function send(scenario: Scenario): void {
    if (!remote) start();
    const api = remote as Comlink.Remote<SimulationApi>;
    const gen = generation;
    inFlight = scenario;
    last = scenario;
    requestId++;
    callbacks.onStatus('computing');
    const deadline = warm ? watchdogMs : startupMs;
    watchdog = setTimeout(
      () => fail(gen, { kind: 'timeout', message: `no answer within ${deadline / 1000} s` }),
      deadline,
    );
    api.simulate(scenario, requestId).then(
      (result) => {
        if (disposed || gen !== generation) return;
        clearTimeout(watchdog);
        watchdog = undefined;
        warm = true;
        if (failures > 0 && lastFault) callbacks.onRecovered?.(lastFault, failures);
        failures = 0;
        lastFault = null;
        inFlight = null;
        const next = pending;
        pending = null;
        if (next) {
          send(next);
          // Still draw this answer: while dragging, intermediate frames keep the curves moving.
          if (result) callbacks.onResult(result, scenario);
          return;
        }
        if (result) callbacks.onResult(result, scenario);
        callbacks.onStatus('ready');
      },
      (error: unknown) => {
        if (disposed || gen !== generation) return;
        if (isUnsolvable(error)) {
          clearTimeout(watchdog);
          watchdog = undefined;
          warm = true;
          inFlight = null;
          const fault: Fault = { kind: 'unsolvable', message: (error as Error).message };
          callbacks.onStatus('error', fault.message, fault);
          const next = pending;
          pending = null;
          if (next) send(next);
          return;
        }
        fail(gen, { kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  return {
    request(scenario) {
      if (disposed) return;
      // Busy, or waiting to restart: keep only the newest request; it is sent when the worker is free.
      if (inFlight || restartTimer !== undefined) {
        pending = scenario;
        last = scenario;
        return;
      }
      send(scenario);
    },
    dispose() {
      disposed = true;
      clearTimeout(restartTimer);
      restartTimer = undefined;
      stop();
    },
  };
}
