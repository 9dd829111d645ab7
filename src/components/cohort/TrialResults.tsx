/**
 * TrialResults is everything a trial run produces, partial while it runs; it exists to lay out the table and figures
 * in reading order.
 */
import { useDeferredValue, useEffect, useState } from 'react';
import { useCohortT } from '../../i18n/cohort';
import { BIOMARKER_SETTINGS } from '../../scenario/catalogue/trial';
import { useCohort } from '../../store/cohort';
import { afterNextPaint } from '../afterNextPaint';
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

/**
 * Groups of cards mounted after the response table and the spread across plausible models (one per painted frame):
 * the comparisons, survival, waterfalls, spiders, the biomarkers and exports.
 */
const MOUNT_GROUPS = 5;

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
  // ... and then a few cards at a time, one group per painted frame, top to bottom (a card mounts below the ones
  // before it, so nothing already shown moves): the first style and layout of the whole area, ~2,000 layout objects,
  // was the longest task of a run (70 ms of CPU; 200-660 ms of wall time on a loaded two-core machine).
  const [groups, setGroups] = useState(0);
  useEffect(() => {
    if (!shown) {
      setGroups(0);
      return;
    }
    if (groups >= MOUNT_GROUPS) return;
    return afterNextPaint(() => setGroups((g) => g + 1));
  }, [shown, groups]);
  if (!shown) return null;
  const waiting = hasBlock ? null : tc('run.waiting');
  return (
    <>
      <ArmTable />
      <EnsembleSpread />
      {groups >= 1 ? (
        <>
          <HypothesisNotice />
          <TrialComparison />
          <FlauraComparison />
        </>
      ) : null}
      {groups >= 2 ? (
        <section className="trial-card trial-km-pair" aria-labelledby="trial-survival-heading">
          <h3 id="trial-survival-heading">{tc('chart.survival')}</h3>
          <div className="trial-grid">
            <SurvivalChart waiting={waiting} endpoint="pfs" />
            <SurvivalChart waiting={waiting} endpoint="os" />
          </div>
        </section>
      ) : null}
      {groups >= 3 ? <Waterfalls waiting={waiting} /> : null}
      {groups >= 4 ? <Spiders waiting={waiting} /> : null}
      {groups >= 5 && biomarkers ? <Biomarkers waiting={waiting} /> : null}
      {groups >= 5 ? <TrialExports /> : null}
    </>
  );
}
