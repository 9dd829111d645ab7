/**
 * PfsChart is the virtual trial's Kaplan–Meier figure of progression-free survival per arm; it exists because PFS is
 * the trial's primary end point.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { DAYS_PER_MONTH } from '../../charts/format';
import { drawKaplanMeier, type KmCurveData, kaplanMeierHeight } from '../../charts/kaplanMeier';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { useCohort } from '../../store/cohort';
import { NARROW_QUERY, useMediaQuery } from '../useMediaQuery';
import { armCurves, formatMedian, horizonMonths, stemOf } from './chartData';
import { Figure } from './Figure';
import { Legend } from './Legend';
import { TrialHelp } from './TrialHelp';

export function PfsChart({ waiting }: { waiting: string | null }) {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const slots = useCohort((s) => s.slots);
  const horizon = useCohort((s) => s.scenario?.horizon ?? 0);
  const stem = useCohort(stemOf);
  const [showCi, setShowCi] = useState(false);
  const narrow = useMediaQuery(NARROW_QUERY);
  const ciId = useId();
  const curves = useMemo(() => (statistics ? armCurves(statistics, slots) : []), [statistics, slots]);
  const lang = locale();
  const plotHeight = narrow ? 250 : 320;
  const draw = useCallback(
    (svg: SVGSVGElement, width: number) =>
      drawKaplanMeier(svg, curves, {
        width,
        plotHeight,
        timeFactor: 1 / DAYS_PER_MONTH,
        maxTime: horizon || undefined,
        xLabel: tc('chart.months'),
        yLabel: tc('chart.pfs'),
        showCi,
        atRiskTitle: tc('chart.atRisk'),
        locale: lang,
      }),
    [curves, plotHeight, horizon, showCi, tc, lang],
  );
  const medians = statistics
    ? statistics.arms.map((a) => formatMedian(a.medianPfs, tc('results.notReached'), lang))
    : [];
  return (
    <Figure
      testId="trial-km"
      title={tc('chart.km')}
      summary={kmSummary(tc, curves, medians)}
      height={kaplanMeierHeight(plotHeight, curves.length || 2, true)}
      draw={statistics ? draw : null}
      message={waiting}
      loading={waiting !== null}
      file={{
        title: tc('chart.km'),
        name: `${stem}-km-pfs`,
        legend: curves.map((c) => ({ name: c.label, colour: c.colour, dash: c.dash })),
      }}
      note={<TrialHelp topics={['untreated', 'steps']} testId="trial-km-help" />}
      controls={
        <label className="checkbox" htmlFor={ciId}>
          <input
            id={ciId}
            type="checkbox"
            data-testid="trial-km-ci"
            checked={showCi}
            onChange={(e) => setShowCi(e.currentTarget.checked)}
          />
          {tc('chart.kmCi')}
        </label>
      }
      legend={
        <Legend
          label={tc('chart.legend')}
          items={[
            ...curves.map((c) => ({ key: c.key, label: c.label, colour: c.colour, dash: c.dash })),
            { key: 'censored', label: tc('chart.censored'), colour: 'transparent' },
          ]}
        />
      }
    />
  );
}

function kmSummary(tc: ReturnType<typeof useCohortT>, curves: KmCurveData[], medians: string[]): string {
  const arms = curves
    .map((c, i) => tc('summary.kmArm', { name: c.label, n: c.patients, median: medians[i] }))
    .join(' ');
  return tc('summary.km', { months: horizonMonths(curves), arms });
}
