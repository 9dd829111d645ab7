/**
 * Connects the store to the worker: every change of the scenario (or of which arms are hidden) sends the visible
 * arms to the worker client, which coalesces requests; results and status come back into the store.
 */
import type { Scenario } from '../scenario/types';
import { createSimulationClient, type SimulationClient } from '../worker/client';
import { useExplorer, visibleScenario } from './explorer';

export function connectSimulation(): () => void {
  // Keys of the arms in each requested scenario, so a result can be matched to the arms it was computed for.
  const keysOf = new WeakMap<Scenario, number[]>();
  const client: SimulationClient = createSimulationClient({
    onResult: (result, scenario) => {
      useExplorer.getState().setResult({ result, scenario, keys: keysOf.get(scenario) ?? [] });
    },
    onStatus: (status, message, fault) => {
      const state = useExplorer.getState();
      state.setStatus(status, message, fault?.kind);
      if (status === 'unavailable') state.setRestartNotice(null);
    },
    // A restarted worker answered: tell the user (the status line has moved on to "up to date").
    onRecovered: (fault, restarts) => useExplorer.getState().setRestartNotice({ kind: fault.kind, restarts }),
  });

  const send = () => {
    const { scenario, meta } = useExplorer.getState();
    const visible = visibleScenario(scenario, meta);
    if (visible.scenario.arms.length === 0) {
      useExplorer.getState().setStatus('ready');
      return;
    }
    keysOf.set(visible.scenario, visible.keys);
    client.request(visible.scenario);
  };

  send();
  const unsubscribe = useExplorer.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) send();
  });
  return () => {
    unsubscribe();
    client.dispose();
  };
}
