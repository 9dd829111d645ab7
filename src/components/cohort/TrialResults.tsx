/**
 * TrialResults is everything a trial run produces, partial while it runs; it exists to lay out the table and figures
 * in reading order.
 */
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCohortT } from '../../i18n/cohort';
import { BIOMARKER_SETTINGS } from '../../scenario/catalogue/trial';
import { type CohortState, useCohort } from '../../store/cohort';
import { afterNextPaint } from '../afterNextPaint';
import { ArmTable } from './ArmTable';
import { Biomarkers } from './Biomarkers';
import { stemOf } from './chartData';
import { EnsembleSpread } from './EnsembleSpread';
import { FlauraComparison } from './FlauraComparison';
import { HypothesisNotice } from './HypothesisNotice';
import { Spiders } from './Spiders';
import { SurvivalChart } from './SurvivalChart';
import { TrialComparison } from './TrialComparison';
import { TrialExports } from './TrialExports';
import { Waterfalls } from './Waterfalls';

/**
 * Groups of cards mounted after the response table (one per painted frame, top to bottom): the survival table's first
 * half of rows, its second half, the spread across plausible models (with the hypothesis notice), the comparisons,
 * survival, waterfalls, spiders, the biomarkers and exports. Each frame lays out at most ~350 objects (the response
 * table, 8 arms; the whole table and spread in one frame were ~880, the run's longest task at its start).
 */
const MOUNT_GROUPS = 8;

/** What the result cards show of the trial store: the run's scenario, status and results. */
export type TrialSnapshot = Pick<CohortState, 'status' | 'scenario' | 'slots' | 'key' | 'block' | 'statistics'> & {
  /** patients done once the run has ended (0 while it runs: the run bar shows the count, the cards need not) */
  ended: number;
  total: number;
};

/** A figure card's props: its part of the snapshot, the file stem of its exports and the veil's text. */
export type FigureCardProps<Data extends 'block' | 'statistics'> = Pick<TrialSnapshot, Data | 'scenario' | 'slots'> & {
  /** "waiting for the first patients" before a run's first results, else null */
  waiting: string | null;
  /**
   * the file name's stem of the figures' exports (stemOf: the seed and the patients shown), read when a figure is
   * saved: a stable function, so that a partial block, which changes the patients' count, re-renders only the cards
   * that show the block
   */
  stem: () => string;
  running: boolean;
};

const snapshot = (s: CohortState): TrialSnapshot => ({
  status: s.status,
  scenario: s.scenario,
  slots: s.slots,
  key: s.key,
  block: s.block,
  statistics: s.statistics,
  ended: s.status === 'running' ? 0 : s.done,
  total: s.total,
});

/** Everything a run produces, partial while it runs. */
export function TrialResults() {
  const tc = useCohortT();
  // The cards are drawn from a deferred copy of the store's results, and each is given only its own part of it (they
  // are memo components): a store update (Run pressed, a partial block, its statistics) first commits the run bar
  // alone, then the cards whose part changed in a render of their own, which React renders in slices and interrupts
  // for input. Read from the store by each card, a partial result re-rendered its cards in one task (13-31 ms of CPU),
  // and Run again re-rendered the whole area into its placeholders in the click's task (~750 layout objects).
  // The first results area of a run (its table and figures, placeholders until the first patients) is thus mounted in
  // a render of its own after the Run press's, which commits only the run bar: the whole area in the click's task was
  // one long task (React's commit of ~400 elements and the page's layout around it).
  const view = useDeferredValue(useCohort(useShallow(snapshot)));
  const { status, scenario, slots, key, block, statistics } = view;
  const hasBlock = block !== null;
  const running = status === 'running';
  // the lung trial's patients carry no biomarker strata (NRF2, PGE2, NEAT1): no biomarker view
  const biomarkers = scenario === null || BIOMARKER_SETTINGS.includes(scenario.setting);
  const shown = !(status === 'idle' || (!hasBlock && !running));
  // the figures' file names, read when one is saved (the patients' count changes with every block)
  const stem = stemOf(view);
  const shownStem = useRef(stem);
  useLayoutEffect(() => {
    shownStem.current = stem;
  }, [stem]);
  const fileStem = useCallback(() => shownStem.current, []);
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
  // what every figure card is given besides its data (each value a stable reference between renders: memo compares
  // them one by one)
  const figure = { waiting, scenario, slots, stem: fileStem, running };
  const arms = statistics?.arms.length ?? scenario?.arms.length ?? 0;
  return (
    <>
      <ArmTable
        statistics={statistics}
        scenario={scenario}
        slots={slots}
        running={running}
        survivalRows={groups >= 2 ? arms : groups >= 1 ? Math.ceil(arms / 2) : 0}
      />
      {groups >= 3 ? (
        <>
          <EnsembleSpread statistics={statistics} scenario={scenario} slots={slots} status={status} runKey={key} />
          <HypothesisNotice scenario={scenario} slots={slots} />
        </>
      ) : null}
      {groups >= 4 ? (
        <>
          <TrialComparison statistics={statistics} scenario={scenario} slots={slots} running={running} />
          <FlauraComparison statistics={statistics} scenario={scenario} slots={slots} running={running} />
        </>
      ) : null}
      {groups >= 5 ? (
        <section className="trial-card trial-km-pair" aria-labelledby="trial-survival-heading">
          <h3 id="trial-survival-heading">{tc('chart.survival')}</h3>
          <div className="trial-grid">
            {(['pfs', 'os'] as const).map((endpoint) => (
              <SurvivalChart key={endpoint} endpoint={endpoint} statistics={statistics} {...figure} />
            ))}
          </div>
        </section>
      ) : null}
      {groups >= 6 ? <Waterfalls block={block} statistics={statistics} {...figure} /> : null}
      {groups >= 7 ? <Spiders block={block} {...figure} /> : null}
      {groups >= 8 && biomarkers ? <Biomarkers statistics={statistics} {...figure} /> : null}
      {groups >= 8 ? (
        <TrialExports status={status} done={view.ended} total={view.total} hasStatistics={statistics !== null} />
      ) : null}
    </>
  );
}
