/**
 * TreatmentEditor is the selected arm's treatment schedule editor (which drugs, doses, windows); it exists because
 * treatment is the experiment's main lever.
 */
import { useT } from '../i18n';
import { DRUG_CATALOGUE } from '../scenario/catalogue/drugs';
import { doseRange, SCHEDULE_LIMITS } from '../scenario/limits';
import { DRUG_IDS } from '../scenario/types';
import { scaleOf, useExplorer } from '../store/explorer';
import { ArmSwatch } from './ArmSwatch';
import { DoseWindowTrack } from './DoseWindowTrack';
import { NumberField } from './NumberField';
import { TimeAxis } from './TimeAxis';

export function TreatmentEditor() {
  const t = useT();
  // narrow selectors: a slider move (a new scenario, same arms) does not re-render this on the input path
  const arm = useExplorer((s) => s.scenario.arms[s.selectedArm]);
  const scale = useExplorer((s) => scaleOf(s.scenario));
  const horizon = useExplorer((s) => s.scenario.horizon);
  const setting = useExplorer((s) => s.scenario.setting);
  const slot = useExplorer((s) => s.meta[s.selectedArm]?.slot ?? 0);
  const setTreatment = useExplorer((s) => s.setTreatment);
  const setSchedule = useExplorer((s) => s.setSchedule);
  if (!arm) return null;
  const none = Object.keys(arm.treatments).length === 0;

  return (
    <section className="treatments" aria-labelledby="treatments-heading" data-testid="treatments">
      <div className="section-head">
        <h2 id="treatments-heading">{t('panel.treatments')}</h2>
        <p className="for-arm">
          <ArmSwatch slot={slot} /> <span data-testid="treatments-arm">{t('treatment.for', { arm: arm.name })}</span>
        </p>
      </div>
      <p className="hint">{t('treatment.help')}</p>
      {none ? <p className="hint empty">{t('treatment.none')}</p> : null}
      <div className="treatment-grid">
        <div className="treatment-row head">
          <span />
          <TimeAxis horizon={horizon} />
        </div>
        {DRUG_IDS.map((drug) => {
          const schedule = arm.treatments[drug];
          const label = t(`drug.${drug}`);
          const range = doseRange(drug, setting);
          return (
            <div key={drug} className={`treatment-row${schedule ? ' on' : ''}`} data-testid={`treatment-${drug}`}>
              <div className="treatment-fields">
                <label className="checkbox drug-toggle">
                  <input
                    type="checkbox"
                    data-testid={`drug-${drug}`}
                    checked={!!schedule}
                    onChange={(e) => setTreatment(drug, e.currentTarget.checked)}
                    aria-label={t('treatment.given', { drug: label })}
                  />
                  <span>{label}</span>
                </label>
                {schedule ? (
                  <div className="schedule-fields">
                    <NumberField
                      label={t('treatment.dose')}
                      unit={DRUG_CATALOGUE[drug][scale].unit}
                      value={schedule.dose}
                      min={range.min}
                      max={range.max}
                      step={range.step}
                      testId={`dose-${drug}`}
                      onCommit={(dose) => setSchedule(drug, { dose })}
                    />
                    <NumberField
                      label={t('treatment.start')}
                      unit={t('treatment.days')}
                      check={(v) =>
                        v >= schedule.stop
                          ? t('treatment.startNotBeforeStop', { stop: schedule.stop, value: schedule.start })
                          : null
                      }
                      value={schedule.start}
                      min={SCHEDULE_LIMITS.start.min}
                      max={SCHEDULE_LIMITS.start.max}
                      step={1}
                      testId={`start-${drug}`}
                      onCommit={(start) => setSchedule(drug, { start })}
                    />
                    <NumberField
                      label={t('treatment.stop')}
                      unit={t('treatment.days')}
                      check={(v) =>
                        v <= schedule.start
                          ? t('treatment.stopNotAfterStart', { start: schedule.start, value: schedule.stop })
                          : null
                      }
                      note={schedule.stop > horizon ? t('treatment.pastHorizon', { horizon }) : null}
                      value={schedule.stop}
                      min={0}
                      max={SCHEDULE_LIMITS.start.max + SCHEDULE_LIMITS.interval.max}
                      step={1}
                      testId={`stop-${drug}`}
                      onCommit={(stop) => setSchedule(drug, { stop })}
                    />
                    <NumberField
                      label={t('treatment.interval')}
                      unit={t('treatment.days')}
                      value={schedule.interval}
                      min={SCHEDULE_LIMITS.interval.min}
                      max={SCHEDULE_LIMITS.interval.max}
                      step={SCHEDULE_LIMITS.interval.step}
                      testId={`interval-${drug}`}
                      onCommit={(interval) => setSchedule(drug, { interval })}
                    />
                  </div>
                ) : null}
              </div>
              {schedule ? (
                <DoseWindowTrack drug={drug} schedule={schedule} horizon={horizon} />
              ) : (
                <div className="track off" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
