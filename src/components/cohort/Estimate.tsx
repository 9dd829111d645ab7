/**
 * Estimate is a table cell with an estimate and its interval on a second line; it exists so that every interval in
 * the trial's tables reads the same way.
 */
import { splitEstimate } from './chartData';

/**
 * An estimate with its interval on a second, smaller line. `label`: the cell's column, which a phone's card layout
 * shows beside the value (the table's header row is hidden there). `pending`: the run has no figure yet; `text` is a
 * placeholder of the figure's width, drawn as a blank bar (Pending), so the table already has its final size.
 */
export function Estimate({
  text,
  testId,
  label,
  pending = false,
}: {
  text: string;
  testId?: string;
  label?: string;
  pending?: boolean;
}) {
  if (pending) return <Pending sample={text} label={label} testId={testId} />;
  const [estimate, interval] = splitEstimate(text);
  return (
    <td data-testid={testId} aria-label={text} data-label={label}>
      <span className="value">
        <span className="estimate">{estimate}</span>
        {interval ? <span className="interval">{interval}</span> : null}
      </span>
    </td>
  );
}

/**
 * A cell whose figure has not been computed yet: a blank bar as wide as `sample` (drawn by CSS from the data
 * attribute, so the sample is never text a reader or a screen reader meets), on two lines when `sample` has an interval.
 */
export function Pending({
  sample,
  label,
  testId,
  plain = false,
  className,
}: {
  sample: string;
  label?: string;
  testId?: string;
  /** a plain figure (a count, a p-value), not an estimate with its interval */
  plain?: boolean;
  /** the cell's class, as the figure's own cell will have it (so both take the same room) */
  className?: string;
}) {
  const [estimate, interval] = plain ? [sample, ''] : splitEstimate(sample);
  return (
    <td className={className} data-testid={testId} data-label={label} data-pending="true">
      <span className="value" aria-hidden="true">
        <span className={plain ? 'pending-bar' : 'estimate pending-bar'} data-sample={estimate} />
        {interval ? <span className="interval pending-bar" data-sample={interval} /> : null}
      </span>
    </td>
  );
}
