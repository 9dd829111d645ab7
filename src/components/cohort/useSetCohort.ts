/**
 * useSetCohort is the hook that changes some of the scenario's virtual-trial settings, within their limits; it
 * exists so that every trial control commits settings the same way.
 */
import { defaultCohort } from '../../scenario/defaults';
import type { CohortSettings } from '../../scenario/types';
import { clampCohort } from '../../store/cohort';
import { useExplorer } from '../../store/explorer';

/** Writes a change of the trial settings into the scenario (so it is in the link), within the limits. */
export function useSetCohort(): (change: Partial<CohortSettings>) => void {
  const setCohort = useExplorer((s) => s.setCohort);
  return (change) => {
    const current = useExplorer.getState().scenario.cohort ?? defaultCohort();
    setCohort(clampCohort({ ...current, ...change }));
  };
}
