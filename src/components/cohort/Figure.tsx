import { type ReactNode, useEffect, useRef } from 'react';
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
    <figure className="chart trial-figure" data-testid={testId}>
      <figcaption>
        <h4>{title}</h4>
        {controls ? <div className="chart-controls">{controls}</div> : null}
      </figcaption>
      {legend}
      <div className="chart-box" ref={box} style={{ minHeight: height }}>
        <svg ref={svg} role="img" aria-label={message ?? summary} data-testid={`svg-${testId}`} height={height} />
        {message ? (
          <div className={`chart-message trial-message${loading ? ' loading' : ''}`} role="note">
            {message}
          </div>
        ) : null}
      </div>
      {note ? <p className="chart-note">{note}</p> : null}
    </figure>
  );
}

/** A colour key: swatches (line or box) with labels. */
export function Legend({
  items,
  label,
}: {
  items: { key: string; label: string; colour: string; dash?: string; box?: boolean }[];
  label: string;
}) {
  return (
    <ul className="trial-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <svg width="26" height="12" aria-hidden="true" focusable="false">
            {item.box ? (
              <rect x="4" y="1" width="16" height="10" rx="2" fill={item.colour} />
            ) : (
              <line
                x1="1"
                x2="25"
                y1="6"
                y2="6"
                stroke={item.colour}
                strokeWidth="3"
                strokeDasharray={item.dash || undefined}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
