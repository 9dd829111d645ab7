/**
 * Waterfalls is the virtual trial's waterfall plots (each patient's best change, coloured by response, per arm); it
 * exists to show the spread of responses behind a response rate.
 */
import { memo, useMemo } from 'react';
import { drawWaterfall } from '../../charts/waterfall';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { NARROW_QUERY, useMediaQuery } from '../useMediaQuery';
import { hypothesisNotes, REFERENCES, responseCategories, responseLegend, waterfallBars } from './chartData';
import { Figure } from './Figure';
import { ResponseLegend } from './ResponseLegend';
import type { FigureCardProps } from './TrialResults';
import { useRunArms } from './useRunArms';

export const Waterfalls = memo(function Waterfalls({
  waiting,
  block,
  statistics,
  scenario,
  slots,
  stem,
  running,
}: FigureCardProps<'block' | 'statistics'>) {
  const tc = useCohortT();
  const { names, hypotheses } = useRunArms(scenario);
  const narrow = useMediaQuery(NARROW_QUERY);
  const lang = locale();
  const arms = scenario?.arms ?? [];
  const categories = useMemo(() => responseCategories(), []);
  const height = narrow ? 220 : 260;
  const yLabel = tc('chart.change');
  // One drawing per arm and block, its bars sorted only when it is drawn (a waterfall off screen during a run is not:
  // Figure's queue), and the same function across renders that change only the text, so a figure is not redrawn.
  const draws = useMemo(
    () =>
      block
        ? block.arms.map((_, a) => {
            let bars: ReturnType<typeof waterfallBars> | null = null;
            return (svg: SVGSVGElement, width: number) => {
              bars ??= waterfallBars(block, a);
              drawWaterfall(svg, { bars, categories }, { width, height, yLabel, references: REFERENCES, locale: lang });
            };
          })
        : [],
    [block, categories, height, yLabel, lang],
  );
  return (
    <section className="trial-card" aria-labelledby="trial-waterfall-heading">
      <h3 id="trial-waterfall-heading">{tc('chart.waterfall')}</h3>
      <ResponseLegend />
      <div className="trial-grid">
        {arms.map((arm, a) => {
          const stats = statistics?.arms[a];
          const summary = stats
            ? tc('summary.waterfall', {
                n: stats.patients,
                name: arm.name,
                cr: stats.responses.CR,
                pr: stats.responses.PR,
                sd: stats.responses.SD,
                pd: stats.responses.PD,
                orr: (stats.orr.estimate * 100).toFixed(1),
              })
            : (waiting ?? '');
          return (
            <Figure
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              key={a}
              testId={`trial-waterfall-${a}`}
              title={
                <>
                  <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
                  {arm.name}
                </>
              }
              summary={summary}
              height={height}
              message={draws[a] ? null : waiting}
              loading
              file={{
                title: `${tc('chart.waterfall')}: ${arm.name}`,
                name: () => `${stem()}-waterfall-arm${a + 1}`,
                notes: hypothesisNotes(names, hypotheses, [a], (arms) => tc('hypothesis.fileNote', { arms })),
                legend: responseLegend((r) => tc(`response.${r}`)),
              }}
              draw={draws[a] ?? null}
              running={running}
            />
          );
        })}
      </div>
      <p className="chart-note">{tc('chart.waterfallNote')}</p>
    </section>
  );
});
