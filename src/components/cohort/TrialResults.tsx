/**
 * TrialResults is everything a trial run produces, partial while it runs; it exists to lay out the table and figures
 * in reading order.
 */
import { useCohortT } from '../../i18n/cohort';
import { useCohort } from '../../store/cohort';
import { ArmTable } from './ArmTable';
import { Biomarkers } from './Biomarkers';
import { PfsChart } from './PfsChart';
import { Spiders } from './Spiders';
import { TrialExports } from './TrialExports';
import { Waterfalls } from './Waterfalls';

/** Everything a run produces, partial while it runs. */
export function TrialResults() {
  const tc = useCohortT();
  const status = useCohort((s) => s.status);
  const hasBlock = useCohort((s) => s.block !== null);
  if (status === 'idle' || (!hasBlock && status !== 'running')) return null;
  const waiting = hasBlock ? null : tc('run.waiting');
  return (
    <>
      <ArmTable />
      <PfsChart waiting={waiting} />
      <Waterfalls waiting={waiting} />
      <Spiders waiting={waiting} />
      <Biomarkers waiting={waiting} />
      <TrialExports />
    </>
  );
}
