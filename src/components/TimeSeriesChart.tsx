/**
 * TimeSeriesChart is one explorer chart: a ChartFrame with a keyboard-operable cursor, drawn by charts/timeSeries.ts
 * when on screen; it exists so that every time course shares one cursor, one playback clip and one failure boundary.
 */
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { displayUnits, formatColumn, formatTime, sampleAt } from '../charts/format';
import {
  bottomMargin,
  type ChartArea,
  type ChartLine,
  type ChartPoint,
  type DoseTick,
  drawTimeSeries,
  MARGIN,
  plotLeftOf,
} from '../charts/timeSeries';
import { isLanguage, locale, tIn, useT } from '../i18n';
import { doseTimes } from '../scenario/catalogue/calendar';
import { type Arm, DRUG_IDS, type DrugId } from '../scenario/types';
import { scaleOf, useExplorer } from '../store/explorer';
import { ArmSwatch } from './ArmSwatch';
import { ChartFrame } from './ChartFrame';
import { PanelBoundary } from './PanelBoundary';
import { DRAW_PENDING_ATTRIBUTE, drawWhenSeen, STALE_ATTRIBUTE, useInView, useSeen } from './useInView';
import { useReportError } from './useReportError';
import { useWidth } from './useWidth';

/** A chart frame in its own error boundary: a chart that cannot be drawn never takes the others with it. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  return (
    <PanelBoundary name={`chart-${props.id}`} label={props.title}>
      <SeenChart {...props} />
    </PanelBoundary>
  );
}

/**
 * The chart's data as it is shown: below the fold, what it last showed while a slider moves (useSeen), so that the
 * memoised body below neither renders nor draws at every move; the latest once input pauses or when scrolled to.
 */
function SeenChart(props: TimeSeriesChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const inView = useInView(box);
  const lines = useSeen(props.lines, inView);
  const areas = useSeen(props.areas, inView);
  const points = useSeen(props.points, inView);
  // showing older data than it was given (below the fold during a drag): the figure says so (STALE_ATTRIBUTE)
  const behind = lines !== props.lines || areas !== props.areas || points !== props.points;
  return (
    <TimeSeriesChartBody
      {...props}
      lines={lines}
      areas={areas}
      points={points}
      box={box}
      inView={inView}
      behind={behind}
    />
  );
}

export interface TimeSeriesChartProps {
  id: string;
  title: string;
  yLabel: string;
  lines: ChartLine[];
  areas?: ChartArea[];
  /** measurements drawn over the curves (the toolkit's imported data) */
  points?: ChartPoint[];
  height: number;
  logScale?: boolean;
  yFactor?: number;
  yDomain?: [number, number];
  controls?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

const TimeSeriesChartBody = memo(function TimeSeriesChartBody({
  id,
  title,
  yLabel,
  lines,
  areas,
  points,
  height,
  logScale = false,
  yFactor = 1,
  yDomain,
  controls,
  footer,
  wide,
  box,
  inView,
  behind,
}: TimeSeriesChartProps & { box: RefObject<HTMLDivElement | null>; inView: boolean; behind: boolean }) {
  const t = useT();
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box);
  // narrow selectors: a slider move (a new scenario, same arms) does not re-render this on the input path
  const selectedArmOfScenario = useExplorer((s) => s.scenario.arms[s.selectedArm]);
  const scale = useExplorer((s) => scaleOf(s.scenario));
  const horizon = useExplorer((s) => s.scenario.horizon);
  const outputStep = useExplorer((s) => s.scenario.outputStep);
  const slot = useExplorer((s) => s.meta[s.selectedArm]?.slot ?? 0);
  const cursorDay = useExplorer((s) => s.cursorDay);
  const playDay = useExplorer((s) => s.playDay);
  // only what the chart shows of the status: ready <-> computing (every slider move) does not re-render it
  const failed = useExplorer((s) => s.status === 'error' || s.status === 'unavailable');
  const errored = useExplorer((s) => s.status === 'error');
  const hasResult = useExplorer((s) => s.result !== null);
  const setCursorDay = useExplorer((s) => s.setCursorDay);
  // A pointer over the plot moves the shared cursor (every chart and the readout follow it) for as long as it is
  // there: when it leaves (a mouse moved away, a finger lifted, a touch taken over by scrolling) the cursor goes back
  // to the day it had before, unless a mouse click put it there or something else (Play, the day box) moved it since.
  const hover = useRef<{ before: number; set: number } | null>(null);
  const [plotLeft, setPlotLeft] = useState(MARGIN.left);
  const pointCursor = useRef((day: number) => {
    const before = hover.current?.before ?? useExplorer.getState().cursorDay;
    setCursorDay(day);
    hover.current = { before, set: useExplorer.getState().cursorDay };
  }).current;
  const endHover = () => {
    const pointed = hover.current;
    hover.current = null;
    setActive(false);
    if (pointed && useExplorer.getState().cursorDay === pointed.set) setCursorDay(pointed.before);
  };
  const units = displayUnits(scale);
  // Keyed on the selected arm and the horizon, not the whole scenario: a slider move (a new scenario with the same
  // arms) then keeps the same ticks, so the charts are not redrawn with the old result on the input path; they
  // redraw once, when the new result arrives.
  const doses = useMemo(() => doseTicks(selectedArmOfScenario, horizon, slot), [selectedArmOfScenario, horizon, slot]);
  const language = locale();
  const doseLabels = useMemo(() => doseRowLabels(language), [language]);
  // the chart grows by its dose rows beyond the first, so that with many drugs the plot keeps its height
  const doseRowCount = useMemo(() => doses.reduce((n, d) => Math.max(n, d.row + 1), 0), [doses]);
  const drawnHeight = height + bottomMargin(doseRowCount) - bottomMargin(1);
  const xLabel = t(units.time === 'months' ? 'unit.months' : 'unit.days');
  const reportError = useReportError();

  // Off screen the draw waits (drawWhenSeen), and it runs in an effect after the paint: the figure is marked as
  // behind its data from this commit on (layout effect: before any reader sees the commit with data-stale gone),
  // until the draw of these lines clears the mark.
  const drawnLines = useRef<ChartLine[] | null>(null);
  useLayoutEffect(() => {
    if (!inView && drawnLines.current !== lines)
      svg.current?.closest('figure')?.setAttribute(DRAW_PENDING_ATTRIBUTE, '');
  });

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    // A draw deferred to a timer throws outside React: hand its error to the boundary like a render error.
    return drawWhenSeen(
      inView,
      () => {
        try {
          drawTimeSeries(
            element,
            { lines, areas, doses, doseLabels, points },
            {
              id,
              width,
              height: drawnHeight,
              horizon,
              timeFactor: units.timeFactor,
              yFactor,
              logScale,
              yDomain,
              xLabel,
              yLabel,
              clipDay: playDay,
              cursorDay,
              locale: locale(),
              onCursor: pointCursor,
            },
          );
          drawnLines.current = lines;
          // where the plot starts after this draw (the tooltip is placed on its scale); the same number is no re-render
          setPlotLeft(plotLeftOf(element));
        } catch (error) {
          reportError(error);
        }
      },
      undefined,
      element.closest('figure'),
    );
  }, [
    reportError,
    inView,
    lines,
    areas,
    doses,
    doseLabels,
    points,
    id,
    width,
    drawnHeight,
    horizon,
    units.timeFactor,
    yFactor,
    logScale,
    yDomain,
    xLabel,
    yLabel,
    playDay,
    cursorDay,
    pointCursor,
  ]);

  const step = Math.max(horizon / 100, outputStep);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const big = e.shiftKey ? 10 : 1;
    let day: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') day = cursorDay + step * big;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') day = cursorDay - step * big;
    else if (e.key === 'Home') day = 0;
    else if (e.key === 'End') day = horizon;
    if (day === null) return;
    e.preventDefault();
    setCursorDay(Math.round(day * 100) / 100);
  };

  const empty = lines.length === 0;
  const message = empty ? (hasResult ? t('chart.empty') : failed ? t('chart.failed') : t('chart.waiting')) : null;
  const timeText = `${t(units.time === 'months' ? 'cursor.month' : 'cursor.day')} ${formatTime(cursorDay, units, locale())}`;

  // The arms drawn (their main lines), in the scenario's order: the chart's own legend, and the tooltip's rows.
  const names = useExplorer((s) => s.scenario.arms);
  const meta = useExplorer((s) => s.meta);
  const mainLines = lines.filter((l) => l.variant !== 'secondary' && l.colour === undefined);
  const legendArms = mainLines.map((l) => ({
    key: l.arm,
    slot: l.slot,
    name: names[meta.findIndex((m) => m.key === l.arm)]?.name ?? '',
  }));
  // The tooltip shows while the pointer is over the chart or the chart has keyboard focus: each arm's value at the
  // cursor, next to it (left of the cursor in the right half, so it never covers the line being read).
  const [active, setActive] = useState(false);
  const tipValues = active
    ? formatColumn(
        mainLines.map((l) => sampleAt(l.t, l.values, cursorDay) * yFactor),
        locale(),
      )
    : [];
  // on the drawn plot's x scale: its left edge moves right of MARGIN.left when the y title needs room (presenter type)
  const plotWidth = Math.max(1, Math.max(200, width) - MARGIN.right - plotLeft);
  const cursorX = plotLeft + (Math.min(horizon, Math.max(0, cursorDay)) / horizon) * plotWidth;
  const rightHalf = cursorX > width / 2;
  const legend =
    legendArms.length > 0 ? (
      <ul className="chart-legend" data-testid={`legend-${id}`} aria-label={t('chart.legend', { title })}>
        {legendArms.map((a) => (
          <li key={a.key} className="chart-legend-item">
            <ArmSwatch slot={a.slot} width={24} height={12} />
            <span>{a.name}</span>
          </li>
        ))}
      </ul>
    ) : null;

  return (
    <ChartFrame
      testId={`chart-${id}`}
      title={title}
      heading="h3"
      className={`chart${wide ? ' wide' : ''}`}
      data={{ 'data-lines': lines.length, ...(behind ? { [STALE_ATTRIBUTE]: '' } : {}) }}
      controls={controls}
      boxRef={box}
      boxStyle={{ height: drawnHeight }}
      message={message}
      messageTestId="chart-message"
      loading={!hasResult && !errored}
      footer={footer}
      legend={legend}
    >
      <div
        className="chart-focus"
        role="slider"
        tabIndex={0}
        aria-label={t('chart.description', { title, count: lines.length })}
        aria-valuemin={0}
        aria-valuemax={horizon}
        aria-valuenow={cursorDay}
        aria-valuetext={timeText}
        onKeyDown={onKeyDown}
        onPointerEnter={() => setActive(true)}
        onPointerLeave={endHover}
        onPointerCancel={endHover}
        onPointerUp={(e) => {
          // a finger or a pen lifted: nothing points any more (a mouse is still there, and its click pins the cursor)
          if (e.pointerType !== 'mouse') endHover();
        }}
        onPointerDown={(e) => {
          if (e.pointerType === 'mouse') hover.current = null;
        }}
        onTouchEnd={endHover}
        onFocus={(e) => {
          // by keyboard only: a tap focuses the chart too (after the finger is lifted), and must not leave a tooltip
          if (e.currentTarget.matches(':focus-visible')) setActive(true);
        }}
        onBlur={() => setActive(false)}
      >
        <svg ref={svg} data-testid={`svg-${id}`} aria-hidden="true" />
      </div>
      {active && mainLines.length > 0 ? (
        <div
          className="chart-tooltip"
          data-testid={`tooltip-${id}`}
          aria-hidden="true"
          style={
            rightHalf
              ? { right: `${Math.max(0, width - cursorX + 10)}px`, top: `${MARGIN.top}px` }
              : { left: `${cursorX + 10}px`, top: `${MARGIN.top}px` }
          }
        >
          <p className="chart-tooltip-time">
            {timeText} · {yLabel}
          </p>
          <ul>
            {legendArms.map((a, i) => (
              <li key={a.key} className="chart-tooltip-row">
                <ArmSwatch slot={a.slot} width={20} height={10} />
                <span className="chart-tooltip-name">{a.name}</span>
                <span className="chart-tooltip-value">{tipValues[i]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </ChartFrame>
  );
});

/** The short name of each drug beside its row of dose ticks, in the page's language. */
function doseRowLabels(language: string): Record<DrugId, string> {
  return Object.fromEntries(
    DRUG_IDS.map((d) => [d, tIn(isLanguage(language) ? language : 'en', `dose.short.${d}`)]),
  ) as Record<DrugId, string>;
}

/** Dose days of the selected arm, one row per drug given. */
function doseTicks(arm: Arm | undefined, horizon: number, slot: number): DoseTick[] {
  if (!arm) return [];
  const ticks: DoseTick[] = [];
  let row = 0;
  for (const drug of DRUG_IDS) {
    const schedule = arm.treatments[drug];
    if (!schedule) continue;
    for (const day of doseTimes(schedule, horizon)) ticks.push({ day, drug, row, slot });
    row++;
  }
  return ticks;
}
