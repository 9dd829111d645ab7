/**
 * A calibration worker thread: simulates a block of a cohort's patients under a population and answers with their
 * trajectories (typed arrays, transferred). Messages: { id, scenario, population, from, to }.
 */
import { parentPort } from 'node:worker_threads';
import { simulateTrajectories } from '../src/model/cohort';
import type { TrialPopulation } from '../src/model/population';
import type { Scenario } from '../src/scenario/types';

interface Message {
  id: number;
  scenario: Scenario;
  population: TrialPopulation;
  from: number;
  to: number;
}

parentPort?.on('message', (m: Message) => {
  const t = simulateTrajectories(m.scenario, m.from, m.to, m.population);
  const buffers = [t.days.buffer, t.baselinePge2.buffer, ...t.volumes.map((v) => v.buffer)] as ArrayBuffer[];
  parentPort?.postMessage({ id: m.id, trajectories: t }, buffers);
});
