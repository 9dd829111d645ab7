/**
 * SurvivalChart is a virtual trial's Kaplan–Meier figure of one end point per arm: progression-free survival (the
 * primary end point) or overall survival; it exists because a trial is read from these curves.
 */
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { DAYS_PER_MONTH } from '../../charts/format';
import { drawKaplanMeier, kaplanMeierHeight } from '../../charts/kaplanMeier';
import { armStyle } from '../../charts/palette';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { NARROW_QUERY, useMediaQuery } from '../useMediaQuery';
import { armCurves, type Endpoint, formatMedian, horizonMonths, hypothesisNotes } from './chartData';
import { Figure } from './Figure';
import { Legend } from './Legend';
import { type HelpTopic, TrialHelp } from './TrialHelp';
import type { FigureCardProps } from './TrialResults';
import { useRunArms } from './useRunArms';

const TEXT = {
  pfs: { title: 'chart.km', y: 'chart.pfs', summary: 'summary.km', arm: 'summary.kmArm', testId: 'trial-km' },
  os: { title: 'chart.kmOs', y: 'chart.os', summary: 'summary.kmOs', arm: 'summary.kmOsArm', testId: 'trial-km-os' },
} as const;

const HELP: Record<Endpoint, HelpTopic[]> = { pfs: ['untreated', 'steps'], os: ['os'] };

export const SurvivalChart = memo(function SurvivalChart({
  waiting,
  endpoint,
  statistics,
  scenario,
  slots,
  stem,
  running,
}: FigureCardProps<'statistics'> & { endpoint: Endpoint }) {
  const tc = useCohortT();
  const horizon = scenario?.horizon ?? 0;
  const { names, hypotheses } = useRunArms(scenario);
  const [showCi, setShowCi] = useState(false);
  const narrow = useMediaQuery(NARROW_QUERY);
  const ciId = useId();
  const text = TEXT[endpoint];
  const curves = useMemo(
    () => (statistics ? armCurves(statistics, slots, endpoint) : []),
    [statistics, slots, endpoint],
  );
  const lang = locale();
  const plotHeight = narrow ? 250 : 300;
  const draw = useCallback(
    (svg: SVGSVGElement, width: number) =>
      drawKaplanMeier(svg, curves, {
        width,
        plotHeight,
        timeFactor: 1 / DAYS_PER_MONTH,
        maxTime: horizon || undefined,
        xLabel: tc('chart.months'),
        yLabel: tc(text.y),
        showCi,
        atRiskTitle: tc('chart.atRisk'),
        locale: lang,
      }),
    [curves, plotHeight, horizon, showCi, tc, lang, text],
  );
  const medians = statistics
    ? statistics.arms.map((a) =>
        formatMedian(endpoint === 'pfs' ? a.medianPfs : a.medianOs, tc('results.notReached'), lang),
      )
    : [];
  const summary = tc(text.summary, {
    months: horizonMonths(curves),
    arms: curves.map((c, i) => tc(text.arm, { name: c.label, n: c.patients, median: medians[i] })).join(' '),
  });
  return (
    <Figure
      testId={text.testId}
      title={tc(text.title)}
      summary={summary}
      // before the first results: the run's arms give the number of at-risk rows, so the figure keeps its height
      height={kaplanMeierHeight(plotHeight, curves.length || names.length || 2, true)}
      draw={statistics ? draw : null}
      running={running}
      message={waiting}
      loading={waiting !== null}
      file={{
        title: tc(text.title),
        name: () => `${stem()}-km-${endpoint}`,
        notes: hypothesisNotes(
          names,
          hypotheses,
          names.map((_, i) => i),
          (arms) => tc('hypothesis.fileNote', { arms }),
        ),
        legend: curves.map((c) => ({ name: c.label, colour: c.colour, dash: c.dash })),
      }}
      note={<TrialHelp topics={HELP[endpoint]} testId={`${text.testId}-help`} />}
      controls={
        <label className="checkbox" htmlFor={ciId}>
          <input
            id={ciId}
            type="checkbox"
            data-testid={`${text.testId}-ci`}
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
            // the run's arms from its start (their curves come with the first results): the legend keeps its lines
            ...(curves.length > 0
              ? curves.map((c) => ({ key: c.key, label: c.label, colour: c.colour, dash: c.dash }))
              : names.map((name, a) => {
                  const style = armStyle(slots[a] ?? a);
                  return { key: `arm-${a}`, label: name, colour: style.colour, dash: style.dash };
                })),
            { key: 'censored', label: tc('chart.censored'), colour: 'transparent' },
          ]}
        />
      }
    />
  );
});
