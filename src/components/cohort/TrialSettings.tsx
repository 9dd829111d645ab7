/**
 * TrialSettings is the virtual trial's settings (cohort size, seed, cancer type, assessment interval, PGE2 cut-off)
 * and the arms it will give; it exists to describe the trial before it runs.
 */
import { useId } from 'react';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import { BIOMARKER_SETTINGS, NRF2_ACTIVE_SHARE } from '../../scenario/catalogue/trial';
import { defaultCohort } from '../../scenario/defaults';
import { COHORT_LIMITS } from '../../scenario/limits';
import { CANCER_TYPES, type CancerType } from '../../scenario/types';
import { type TrialPlan, useCohort } from '../../store/cohort';
import { useExplorer } from '../../store/explorer';
import { ArmSwatch } from '../ArmSwatch';
import { NumberField } from '../NumberField';
import { useRunFocus } from '../useRunFocus';
import { TrialCost } from './TrialCost';
import { TrialProblemNotice } from './TrialProblemNotice';
import { useSetCohort } from './useSetCohort';

export function TrialSettings({ plan }: { plan: TrialPlan }) {
  const tc = useCohortT();
  const setCohort = useSetCohort();
  const cancerId = useId();
  const settings = plan.scenario.cohort ?? defaultCohort();
  const share = NRF2_ACTIVE_SHARE[settings.cancer];
  const status = useCohort((s) => s.status);
  const start = useCohort((s) => s.start);
  const cancel = useCohort((s) => s.cancel);
  const running = status === 'running';
  // keyboard focus follows the action: to Cancel when a run starts, back to Run when it ends
  const focus = useRunFocus(running);

  const disabled = plan.problem?.kind === 'setting';
  // the NRF2 share and the PGE2 cut-off describe the HCC trial's biomarker strata; the lung trial's patients have none
  const biomarkers = BIOMARKER_SETTINGS.includes(plan.scenario.setting);
  const weeks = settings.assessmentInterval / 7;

  return (
    <section className="trial-settings" aria-labelledby="trial-settings-heading">
      <h3 id="trial-settings-heading">{tc('trial.settings')}</h3>
      <TrialProblemNotice plan={plan} />
      {disabled ? null : (
        <>
          <NumberField
            label={tc('trial.size')}
            value={settings.size}
            min={COHORT_LIMITS.size.min}
            max={COHORT_LIMITS.size.max}
            step={COHORT_LIMITS.size.step}
            unit={tc('trial.sizeUnit')}
            testId="trial-size"
            onCommit={(size) => setCohort({ size })}
          />
          <NumberField
            label={tc('trial.seed')}
            value={settings.seed}
            min={COHORT_LIMITS.seed.min}
            max={COHORT_LIMITS.seed.max}
            step={1}
            testId="trial-seed"
            onCommit={(seed) => setCohort({ seed })}
          />
          <p className="hint">{tc('trial.seedHint')}</p>
          {biomarkers ? null : (
            <p className="hint" data-testid="trial-lung-population">
              {tc('trial.lungPopulation')}
            </p>
          )}
          {biomarkers ? (
            <div className="field">
              <label htmlFor={cancerId}>{tc('trial.cancer')}</label>
              <select
                id={cancerId}
                data-testid="trial-cancer"
                value={settings.cancer}
                aria-describedby={`${cancerId}-share`}
                onChange={(e) => setCohort({ cancer: e.currentTarget.value as CancerType })}
              >
                {CANCER_TYPES.map((c) => (
                  <option key={c} value={c}>
                    {tc(`trial.cancer.${c}` as CohortMessageKey)}
                  </option>
                ))}
              </select>
              <p id={`${cancerId}-share`} className="hint" data-testid="trial-nrf2-share">
                <strong>{tc('trial.nrf2Share', { share: (share.share * 100).toFixed(1) })}</strong>
                <br />
                {tc('trial.nrf2Source', { source: tc(`source.nrf2.${settings.cancer}` as CohortMessageKey) })}
              </p>
            </div>
          ) : null}
          <NumberField
            label={tc('trial.interval')}
            value={settings.assessmentInterval}
            min={COHORT_LIMITS.assessmentInterval.min}
            max={COHORT_LIMITS.assessmentInterval.max}
            step={COHORT_LIMITS.assessmentInterval.step}
            unit={tc('trial.intervalUnit')}
            testId="trial-interval"
            onCommit={(assessmentInterval) => setCohort({ assessmentInterval })}
          />
          <p className="hint">
            {tc('trial.intervalHint', { weeks: Number.isInteger(weeks) ? weeks : weeks.toFixed(1) })}
          </p>
          {biomarkers ? (
            <>
              <NumberField
                label={tc('trial.pge2Cutoff')}
                value={settings.pge2Cutoff}
                min={COHORT_LIMITS.pge2Cutoff.min}
                max={COHORT_LIMITS.pge2Cutoff.max}
                step={COHORT_LIMITS.pge2Cutoff.step}
                testId="trial-pge2-cutoff"
                onCommit={(pge2Cutoff) => setCohort({ pge2Cutoff })}
              />
              <p className="hint">{tc('trial.pge2CutoffHint')}</p>
            </>
          ) : null}

          <h4 className="trial-subheading">{tc('trial.arms')}</h4>
          <ol className="trial-arms" data-testid="trial-arms">
            {plan.scenario.arms.map((arm, i) => {
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: arms have no identity beyond their position here
                <li key={i}>
                  <ArmSwatch slot={plan.slots[i] ?? i} width={26} height={12} />
                  {arm.name}
                </li>
              );
            })}
          </ol>
          <p className="hint">{tc('trial.armsHint')}</p>
          {plan.hiddenArms > 0 ? <p className="hint">{tc('trial.hiddenArms', { count: plan.hiddenArms })}</p> : null}
          <p>
            <a href="#explorer">{tc('trial.editArms')}</a>
          </p>
        </>
      )}
      <TrialCost plan={plan} />
      <div className="trial-actions">
        <button
          ref={focus.run}
          {...focus.runProps}
          type="button"
          className="primary"
          data-testid="trial-run"
          disabled={running || plan.problem !== null}
          onClick={() => {
            // The link should reproduce the run: write the (default) settings into the scenario if it has none.
            if (!useExplorer.getState().scenario.cohort) setCohort({});
            start(plan);
            // On a phone the results are below the settings: bring the progress into view.
            if (matchMedia('(max-width: 900px)').matches) {
              document.getElementById('trial-results')?.scrollIntoView({ block: 'start' });
            }
          }}
        >
          {/* while a run is on, the (disabled) button says so, rather than offering to run again */}
          {running ? tc('run.busy') : status === 'idle' ? tc('run.start') : tc('run.again')}
        </button>
        <button
          ref={focus.cancel}
          {...focus.cancelProps}
          type="button"
          data-testid="trial-cancel"
          disabled={!running}
          onClick={() => cancel()}
        >
          {tc('run.cancel')}
        </button>
      </div>
    </section>
  );
}
