/**
 * TrialCost says, before Run, how long the trial will take on this device (patients × arms × horizon, from a cost
 * per patient measured here: store/trialCost.ts); it exists so that a heavy trial is never started blind.
 *
 * Its box keeps the height of the longest thing it can say (the estimate, with wide placeholders, laid out hidden in
 * the same grid cell): the text changes from "Measuring…" to the estimate, and from the probe's to the last run's,
 * while a run is going, and on a phone the results sit below it, so a growing hint pushed the trial's figures down
 * (41 px at 390 px wide) when a run ended.
 */
import { useEffect } from 'react';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { defaultCohort } from '../../scenario/defaults';
import { clampCohort, type TrialPlan } from '../../store/cohort';
import {
  costKey,
  estimateSeconds,
  requestTrialCost,
  type TrialCostState,
  trialWorkers,
  useTrialCost,
} from '../../store/trialCost';
import { formatCount } from './chartData';

export function TrialCost({ plan }: { plan: TrialPlan }) {
  const tc = useCohortT();
  const cost = useTrialCost();
  useEffect(() => requestTrialCost(plan), [plan]);
  if (plan.problem) return null;
  const lang = locale();
  const size = clampCohort(plan.scenario.cohort ?? defaultCohort()).size;
  const workers = trialWorkers(size);
  const what = {
    patients: formatCount(size, lang),
    arms: plan.scenario.arms.length,
    days: formatCount(plan.scenario.horizon, lang),
    workers,
  };
  const known = cost.key === costKey(plan.scenario) ? cost : null;
  // the widest estimate: placeholders of the widest digits, the longer of the two sources
  const fromProbe = tc('cost.fromProbe', { count: formatCount(88, lang) });
  const fromRun = tc('cost.fromRun');
  const sizer = tc('cost.estimate', {
    ...what,
    duration: tc('cost.seconds', { value: (88.8).toLocaleString(lang) }),
    ms: (88.8).toLocaleString(lang),
    source: fromProbe.length >= fromRun.length ? fromProbe : fromRun,
  });
  return (
    <div className="trial-cost-box">
      <p className="hint trial-cost-sizer" aria-hidden="true">
        {sizer}
      </p>
      <CostText known={known} what={what} size={size} workers={workers} />
    </div>
  );
}

function CostText({
  known,
  what,
  size,
  workers,
}: {
  known: TrialCostState | null;
  what: { patients: string; arms: number; days: string; workers: number };
  size: number;
  workers: number;
}) {
  const tc = useCohortT();
  const lang = locale();
  if (known?.msPerPatient != null) {
    const seconds = estimateSeconds(known.msPerPatient, size, workers);
    const number = (v: number) => v.toLocaleString(lang, { maximumFractionDigits: v < 10 ? 1 : 0 });
    const duration =
      seconds < 120
        ? tc('cost.seconds', { value: number(seconds) })
        : tc('cost.minutes', { value: number(seconds / 60) });
    return (
      <p className="hint" data-testid="trial-cost" data-seconds={seconds.toFixed(3)}>
        {tc('cost.estimate', {
          ...what,
          duration,
          ms: number(known.msPerPatient),
          source: known.source === 'run' ? tc('cost.fromRun') : tc('cost.fromProbe', { count: known.patients }),
        })}
      </p>
    );
  }
  return (
    <p className="hint" data-testid="trial-cost" data-seconds="">
      {known?.error ? tc('cost.failed') : tc('cost.measuring', what)}
    </p>
  );
}
