/**
 * TrialResults is everything a trial run produces, partial while it runs; it exists to lay out the table and figures
 * in reading order.
 */
import { useDeferredValue } from 'react';
import { useCohortT } from '../../i18n/cohort';
import { BIOMARKER_SETTINGS } from '../../scenario/catalogue/trial';
import { useCohort } from '../../store/cohort';
import { ArmTable } from './ArmTable';
import { Biomarkers } from './Biomarkers';
import { EnsembleSpread } from './EnsembleSpread';
import { FlauraComparison } from './FlauraComparison';
import { HypothesisNotice } from './HypothesisNotice';
import { Spiders } from './Spiders';
import { SurvivalChart } from './SurvivalChart';
import { TrialComparison } from './TrialComparison';
import { TrialExports } from './TrialExports';
import { Waterfalls } from './Waterfalls';

/** Everything a run produces, partial while it runs. */
export function TrialResults() {
  const tc = useCohortT();
  const status = useCohort((s) => s.status);
  const hasBlock = useCohort((s) => s.block !== null);
  // the lung trial's patients carry no biomarker strata (NRF2, PGE2, NEAT1): no biomarker view
  const biomarkers = useCohort((s) => s.scenario === null || BIOMARKER_SETTINGS.includes(s.scenario.setting));
  // The first results area of a run (its table and figures, placeholders until the first patients) is mounted in a
  // render of its own after the Run press's, which then commits only the run bar: the whole area in the click's task
  // was one long task (React's commit of ~400 elements and the page's layout around it).
  const shown = useDeferredValue(!(status === 'idle' || (!hasBlock && status !== 'running')));
  if (!shown) return null;
  const waiting = hasBlock ? null : tc('run.waiting');
  return (
    <>
      <ArmTable />
      <EnsembleSpread />
      <HypothesisNotice />
      <TrialComparison />
      <FlauraComparison />
      <section className="trial-card trial-km-pair" aria-labelledby="trial-survival-heading">
        <h3 id="trial-survival-heading">{tc('chart.survival')}</h3>
        <div className="trial-grid">
          <SurvivalChart waiting={waiting} endpoint="pfs" />
          <SurvivalChart waiting={waiting} endpoint="os" />
        </div>
      </section>
      <Waterfalls waiting={waiting} />
      <Spiders waiting={waiting} />
      {biomarkers ? <Biomarkers waiting={waiting} /> : null}
      <TrialExports />
    </>
  );
}
