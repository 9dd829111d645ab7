/**
 * Figure is a virtual-trial chart in its own error boundary: a ChartFrame whose SVG is drawn by a chart function at
 * the box's width; it exists so that the trial's figures share sizing, summaries and failure handling.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { LegendEntry } from '../../charts/export';
import { useCohortT } from '../../i18n/cohort';
import { loadChunk } from '../../store/release';
import { ChartFrame } from '../ChartFrame';
import { PanelBoundary } from '../PanelBoundary';
import { useObservedWidth } from '../useWidth';
import { drawNow, forget, queueDraw } from './drawQueue';
import { LAID_OUT } from './useSkipOffscreen';

interface FigureProps {
  testId: string;
  title: ReactNode;
  /** text summary: the chart's accessible name */
  summary: string;
  /** SVG height before the first draw (the chart function sets the real one) */
  height: number;
  /** draws the chart into the SVG at the given width; called again when it or the width changes */
  draw: ((svg: SVGSVGElement, width: number) => void) | null;
  /** shown over the chart instead of data (empty, waiting); null when there is data */
  message?: string | null;
  loading?: boolean;
  controls?: ReactNode;
  legend?: ReactNode;
  note?: ReactNode;
  /** partial results of a running trial: drawn only when on screen (drawQueue.ts) */
  running: boolean;
  /**
   * the figure as a file (SVG and PNG): its title in the file, the file name without its extension (asked when saved:
   * it names the patients shown, which change with every partial block, and the figure need not re-render for it),
   * the legend drawn under it
   */
  file?: { title: string; name: () => string; legend: LegendEntry[]; notes?: readonly string[] };
}

/** The export code (SVG and PNG drawing) is loaded at the first export, not with the page: the explorer's chunk. */
const exporter = () => loadChunk(() => import('../../charts/export'));

/** A chart in a figure: caption, optional controls and legend, the SVG (role img, summary as name), a note. */
export function Figure(props: FigureProps) {
  // In its own boundary: a figure that cannot be drawn leaves the table and the other figures in place.
  return (
    <PanelBoundary name={`figure-${props.testId}`} label={typeof props.title === 'string' ? props.title : undefined}>
      <FigureBody {...props} />
    </PanelBoundary>
  );
}

function FigureBody({
  testId,
  title,
  summary,
  height,
  draw,
  message,
  loading,
  controls,
  legend,
  note,
  file,
  running,
}: FigureProps) {
  const tc = useCohortT();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  // null until the browser has laid the figure out (no forced layout when a run mounts every figure at once); read at
  // once in a card that is already skipped off screen (useSkipOffscreen.ts), where no observer answers
  const width = useObservedWidth(box, (element) => element.closest(`[${LAID_OUT}]`) !== null);
  const [saved, setSaved] = useState('');

  const save = async (format: 'svg' | 'png') => {
    const element = svg.current;
    if (!file || !element) return;
    if (box.current) drawNow(box.current);
    try {
      const { chartToSvg, download, svgToPng } = await exporter();
      const text = chartToSvg(element, file.title, file.legend, file.notes);
      const name = `${file.name()}.${format}`;
      download(name, format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await svgToPng(text, 2));
      setSaved(tc('export.saved', { file: name }));
    } catch (error) {
      setSaved(tc('export.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const canSave = file !== undefined && draw !== null && !message;
  const buttons = file ? (
    // biome-ignore lint/a11y/useSemanticElements: a named group of two buttons, not a form's fieldset
    <span className="figure-save" role="group" aria-label={tc('export.figure', { title: file.title })}>
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="small"
          data-testid={`${testId}-${format}`}
          disabled={!canSave}
          aria-label={tc('export.figureAs', { title: file.title, format: format.toUpperCase() })}
          onClick={() => save(format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </span>
  ) : null;

  // Drawn in a task of its own, figures on screen first (drawQueue.ts): a trial's figures never add up to one long task.
  useEffect(() => {
    const element = svg.current;
    const frame = box.current;
    if (!element || !frame) return;
    // Nothing to draw (a new run has no results yet): the last run's chart goes, so that nothing of it shows through
    // the waiting veil or passes for a partial result of the new run.
    if (!draw) {
      element.replaceChildren();
      return;
    }
    // drawn once its width is known (after the frame that first lays it out), not at a guess and then again
    if (width === null) return;
    return queueDraw(frame, () => draw(element, width), running);
  }, [draw, width, running]);
  useEffect(() => {
    const frame = box.current;
    return () => {
      if (frame) forget(frame);
    };
  }, []);

  return (
    <ChartFrame
      testId={testId}
      title={title}
      heading="h4"
      className="chart trial-figure"
      controls={
        controls || buttons ? (
          <>
            {controls}
            {buttons}
          </>
        ) : null
      }
      legend={legend}
      boxRef={box}
      boxStyle={{ minHeight: height }}
      message={message}
      messageClass="trial-message"
      messageRole="note"
      loading={loading}
      footer={
        <>
          {note ? <div className="chart-note">{note}</div> : null}
          {file ? (
            <p className="figure-saved hint" aria-live="polite" data-testid={`${testId}-saved`}>
              {saved}
            </p>
          ) : null}
        </>
      }
    >
      <svg ref={svg} role="img" aria-label={message ?? summary} data-testid={`svg-${testId}`} height={height} />
    </ChartFrame>
  );
}
