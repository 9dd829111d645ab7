/**
 * useRunArms gives the arm names of the trial that ran and which of them are hypotheses (a drug without a randomised
 * trial, e.g. the COX-2 inhibitor): what every trial figure needs for its legend and its exported note.
 */
import { useMemo } from 'react';
import { hypothesisArms } from '../../scenario/catalogue/trial';
import type { Scenario } from '../../scenario/types';

export function useRunArms(scenario: Scenario | null): {
  names: string[];
  hypotheses: ReturnType<typeof hypothesisArms>;
} {
  const runArms = scenario?.arms;
  const names = useMemo(() => (runArms ?? []).map((arm) => arm.name), [runArms]);
  const hypotheses = useMemo(() => (runArms ? hypothesisArms(runArms) : []), [runArms]);
  return { names, hypotheses };
}
