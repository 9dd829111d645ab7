/**
 * ChartFrame is the figure every chart sits in: a caption with the title and the chart's own controls, an optional
 * legend, the box the chart draws into (with a message over it while there is nothing to draw) and a footer. It
 * exists so that the explorer's time courses and the trial's figures share one markup, one set of styles and one
 * way of saying "waiting" or "failed".
 */
import type { CSSProperties, ReactNode, RefObject } from 'react';

interface ChartFrameProps {
  testId: string;
  title: ReactNode;
  /** the explorer's charts are h3 under the panel's h2; the trial's figures are h4 under a card's h3 */
  heading: 'h3' | 'h4';
  className: string;
  /** extra data-* attributes of the figure (e.g. data-lines) */
  data?: Record<`data-${string}`, string | number>;
  controls?: ReactNode;
  legend?: ReactNode;
  /** the element the chart measures its width from */
  boxRef: RefObject<HTMLDivElement | null>;
  boxStyle: CSSProperties;
  /** the drawing surface (an SVG, perhaps inside a focusable wrapper) */
  children: ReactNode;
  /** shown over the chart instead of data (empty, waiting, failed); null when there is data */
  message?: ReactNode;
  /** the message's extra class, role and test id */
  messageClass?: string;
  messageRole?: string;
  messageTestId?: string;
  /** the message is a spinner-like "waiting" rather than a final word */
  loading?: boolean;
  footer?: ReactNode;
}

export function ChartFrame({
  testId,
  title,
  heading: Heading,
  className,
  data,
  controls,
  legend,
  boxRef,
  boxStyle,
  children,
  message,
  messageClass,
  messageRole,
  messageTestId,
  loading,
  footer,
}: ChartFrameProps) {
  const messageClasses = ['chart-message', messageClass, loading ? 'loading' : null].filter(Boolean).join(' ');
  return (
    <figure className={className} data-testid={testId} {...data}>
      <figcaption>
        <Heading>{title}</Heading>
        {controls ? <div className="chart-controls">{controls}</div> : null}
      </figcaption>
      {legend}
      <div className="chart-box" ref={boxRef} style={boxStyle}>
        {children}
        {message ? (
          <div className={messageClasses} role={messageRole} data-testid={messageTestId}>
            {message}
          </div>
        ) : null}
      </div>
      {footer}
    </figure>
  );
}
