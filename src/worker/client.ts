/**
 * Main-thread client of the simulation worker.
 *
 * Coalescing: at most one request is in flight and at most one waits behind it; a newer request replaces the waiting
 * one (latest wins). A slider dragged across its range therefore never builds a backlog: when the worker answers,
 * the newest scenario is sent next and everything in between is skipped.
 *
 * Failure: if the worker throws, fails to load, or does not answer within the watchdog time, it is terminated and a
 * fresh worker is started, and the last request is sent again. After MAX_RESTARTS failures in a row the client gives
 * up and reports 'unavailable'.
 */
import * as Comlink from 'comlink';
import type { SimulationResult } from '../model/series';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';

export type ClientStatus = 'idle' | 'computing' | 'ready' | 'error' | 'unavailable';

export interface ClientCallbacks {
  onResult: (result: SimulationResult, scenario: Scenario) => void;
  onStatus: (status: ClientStatus, message?: string) => void;
}

export interface SimulationClient {
  /** Ask for a simulation of `scenario`; earlier pending requests are dropped. */
  request: (scenario: Scenario) => void;
  /** Stop the worker. */
  dispose: () => void;
}

export type WorkerFactory = () => Worker;

const MAX_RESTARTS = 3;
/** No answer within this time counts as a failure (a hung or crashed worker). */
const WATCHDOG_MS = 20_000;

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

export function createSimulationClient(
  callbacks: ClientCallbacks,
  factory: WorkerFactory = defaultFactory,
): SimulationClient {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<SimulationApi> | null = null;
  let inFlight: Scenario | null = null;
  let pending: Scenario | null = null;
  let last: Scenario | null = null;
  let requestId = 0;
  let failures = 0;
  let generation = 0;
  let disposed = false;

  function start(): void {
    generation++;
    const mine = generation;
    worker = factory();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(mine, event.message || 'the simulator stopped');
    });
    worker.addEventListener('messageerror', () => fail(mine, 'a message could not be read'));
    remote = Comlink.wrap<SimulationApi>(worker);
    remote.warmUp().catch(() => {
      // a failed warm-up shows up again on the first real request
    });
  }

  function stop(): void {
    if (remote) remote[Comlink.releaseProxy]();
    worker?.terminate();
    worker = null;
    remote = null;
  }

  function fail(gen: number, message: string): void {
    if (disposed || gen !== generation) return; // a stale worker's error after it was replaced
    stop();
    failures++;
    const retry = pending ?? inFlight ?? last;
    inFlight = null;
    pending = null;
    if (failures > MAX_RESTARTS) {
      callbacks.onStatus('unavailable', message);
      return;
    }
    callbacks.onStatus('error', message);
    // Restart after a short pause, so that the error message can be read and a crash loop does not spin.
    setTimeout(() => {
      if (disposed) return;
      start();
      if (retry) send(retry);
    }, 400 * failures);
  }

  function send(scenario: Scenario): void {
    if (!remote) start();
    const api = remote as Comlink.Remote<SimulationApi>;
    const gen = generation;
    inFlight = scenario;
    last = scenario;
    requestId++;
    callbacks.onStatus('computing');
    const watchdog = setTimeout(() => fail(gen, 'no answer from the simulator'), WATCHDOG_MS);
    api.simulate(scenario, requestId).then(
      (result) => {
        clearTimeout(watchdog);
        if (disposed || gen !== generation) return;
        failures = 0;
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
        clearTimeout(watchdog);
        fail(gen, error instanceof Error ? error.message : String(error));
      },
    );
  }

  return {
    request(scenario) {
      if (disposed) return;
      if (inFlight) {
        pending = scenario;
        return;
      }
      send(scenario);
    },
    dispose() {
      disposed = true;
      stop();
    },
  };
}
