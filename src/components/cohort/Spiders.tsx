/**
 * Spiders is the virtual trial's spider plots (each patient's change from baseline over time, per arm); it exists to
 * show how responses unfold, not only where they end.
 */
import { memo, useMemo } from 'react';
import { DAYS_PER_MONTH } from '../../charts/format';
import { drawSpider } from '../../charts/spider';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { outputGrid } from '../../scenario/catalogue/calendar';
import { SPIDER_PATIENTS } from '../../scenario/catalogue/trial';
import { defaultCohort } from '../../scenario/defaults';
import { ArmSwatch } from '../ArmSwatch';
import { NARROW_QUERY, useMediaQuery } from '../useMediaQuery';
import { hypothesisNotes, REFERENCES, responseLegend, spiderLines } from './chartData';
import { Figure } from './Figure';
import { ResponseLegend } from './ResponseLegend';
import type { FigureCardProps } from './TrialResults';
import { useRunArms } from './useRunArms';

export const Spiders = memo(function Spiders({
  waiting,
  block,
  scenario,
  slots,
  stem,
  running,
}: FigureCardProps<'block'>) {
  const tc = useCohortT();
  const { names, hypotheses } = useRunArms(scenario);
  const narrow = useMediaQuery(NARROW_QUERY);
  const lang = locale();
  const arms = scenario?.arms ?? [];
  const horizon = scenario?.horizon ?? 0;
  const interval = scenario?.cohort?.assessmentInterval ?? defaultCohort().assessmentInterval;
  const lines = useMemo(() => {
    if (!block) return [];
    const days = outputGrid(horizon, interval);
    return block.arms.map((_, a) => spiderLines(block, a, days));
  }, [block, horizon, interval]);
  const height = narrow ? 220 : 260;
  const xLabel = tc('chart.months');
  const yLabel = tc('chart.change');
  // the same drawing across renders that change only the text, so a figure is not redrawn (Figure's queue)
  const draws = useMemo(
    () =>
      lines.map((l) =>
        l.length > 0
          ? (svg: SVGSVGElement, width: number) =>
              drawSpider(svg, l, {
                width,
                height,
                timeFactor: 1 / DAYS_PER_MONTH,
                maxTime: horizon,
                xLabel,
                yLabel,
                references: REFERENCES,
                locale: lang,
              })
          : null,
      ),
    [lines, height, horizon, xLabel, yLabel, lang],
  );
  return (
    <section className="trial-card" aria-labelledby="trial-spider-heading">
      <h3 id="trial-spider-heading">{tc('chart.spider')}</h3>
      <ResponseLegend />
      <div className="trial-grid">
        {arms.map((arm, a) => {
          const l = lines[a];
          const has = l !== undefined && l.length > 0;
          return (
            <Figure
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              key={a}
              testId={`trial-spider-${a}`}
              title={
                <>
                  <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
                  {arm.name}
                </>
              }
              summary={has ? tc('summary.spider', { n: l.length, name: arm.name }) : (waiting ?? '')}
              height={height}
              message={has ? null : (waiting ?? tc('run.waiting'))}
              loading
              file={{
                title: `${tc('chart.spider')}: ${arm.name}`,
                name: () => `${stem()}-spider-arm${a + 1}`,
                notes: hypothesisNotes(names, hypotheses, [a], (arms) => tc('hypothesis.fileNote', { arms })),
                legend: responseLegend((r) => tc(`response.${r}`)),
              }}
              draw={draws[a] ?? null}
              running={running}
            />
          );
        })}
      </div>
      <p className="chart-note">{tc('chart.spiderNote', { count: SPIDER_PATIENTS })}</p>
    </section>
  );
});
