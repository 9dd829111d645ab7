/**
 * Figure is a virtual-trial chart in its own error boundary: a ChartFrame whose SVG is drawn by a chart function at
 * the box's width; it exists so that the trial's figures share sizing, summaries and failure handling.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { ChartFrame } from '../ChartFrame';
import { PanelBoundary } from '../PanelBoundary';
import { useWidth } from '../useWidth';

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
}

/** A chart in a figure: caption, optional controls and legend, the SVG (role img, summary as name), a note. */
export function Figure(props: FigureProps) {
  // In its own boundary: a figure that cannot be drawn leaves the table and the other figures in place.
  return (
    <PanelBoundary name={`figure-${props.testId}`} label={typeof props.title === 'string' ? props.title : undefined}>
      <FigureBody {...props} />
    </PanelBoundary>
  );
}

function FigureBody({ testId, title, summary, height, draw, message, loading, controls, legend, note }: FigureProps) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box, 480);

  useEffect(() => {
    if (svg.current && draw) draw(svg.current, width);
  }, [draw, width]);

  return (
    <ChartFrame
      testId={testId}
      title={title}
      heading="h4"
      className="chart trial-figure"
      controls={controls}
      legend={legend}
      boxRef={box}
      boxStyle={{ minHeight: height }}
      message={message}
      messageClass="trial-message"
      messageRole="note"
      loading={loading}
      footer={note ? <p className="chart-note">{note}</p> : null}
    >
      <svg ref={svg} role="img" aria-label={message ?? summary} data-testid={`svg-${testId}`} height={height} />
    </ChartFrame>
  );
}
