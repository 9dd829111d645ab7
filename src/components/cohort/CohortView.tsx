/**
 * CohortView is the virtual-trial page: its settings, run controls and results; it exists so that the explorer's
 * arms can be given to a cohort of virtual patients.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useCohortT } from '../../i18n/cohort';
import { clampCohort, planTrial, runLinkedTrial, trialKey, useCohort } from '../../store/cohort';
import { useExplorer } from '../../store/explorer';
import { prewarmTrial } from '../../store/trialWarm';
import { TrialResults } from './TrialResults';
import { TrialRunStatus } from './TrialRunStatus';
import { TrialSettings } from './TrialSettings';
import { useSkipOffscreen } from './useSkipOffscreen';
import './cohort.css';

/** The virtual-trial view: settings and run controls beside the results. */
export function CohortView() {
  const tc = useCohortT();
  const scenario = useExplorer((s) => s.scenario);
  const meta = useExplorer((s) => s.meta);
  const plan = useMemo(() => planTrial(scenario, meta), [scenario, meta]);
  const runKey = useCohort((s) => s.key);
  const planKey = useMemo(
    () => (plan.scenario.cohort ? trialKey({ ...plan.scenario, cohort: clampCohort(plan.scenario.cohort) }) : ''),
    [plan],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // result cards off screen are skipped by the browser's rendering once laid out (useSkipOffscreen.ts)
  const results = useRef<HTMLElement>(null);
  useSkipOffscreen(results);

  // Opened from a trial's link (or reloaded at the trial): the trial runs again from its seed, with its progress.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, with the plan the page opened with
  useEffect(() => {
    runLinkedTrial(plan, scenario.cohort !== undefined);
  }, []);
  // The trial's workers start and compile while the person reads the settings, once per page: with the first plan
  // that can run, at once or later (Use preset), after its cost is measured (store/trialWarm.ts prewarmTrial).
  useEffect(() => prewarmTrial(plan), [plan]);

  // Arriving from the view switch: move focus to the view's heading so screen readers announce the new view.
  useEffect(() => {
    if (document.activeElement?.closest('.view-switch')) heading.current?.focus();
  }, []);

  return (
    <main className="trial" id="trial-view" data-testid="trial-view" aria-labelledby="trial-heading">
      <aside className="trial-side">
        <h2 id="trial-heading" tabIndex={-1} ref={heading}>
          {tc('trial.heading')}
        </h2>
        <p className="hint" data-testid="trial-intro">
          {tc('trial.intro', {
            patients: tc(plan.scenario.setting === 'lung-patient' ? 'trial.patients.lung' : 'trial.patients.hcc'),
          })}
        </p>
        <TrialSettings plan={plan} />
      </aside>
      <section className="trial-main" id="trial-results" ref={results} aria-label={tc('results.heading')}>
        <TrialRunStatus stale={runKey !== '' && runKey !== planKey} />
        <TrialResults />
      </section>
    </main>
  );
}
