/**
 * Estimate is a table cell with an estimate and its interval on a second line; it exists so that every interval in
 * the trial's tables reads the same way.
 */
import { splitEstimate } from './chartData';

/** An estimate with its interval on a second, smaller line. */
export function Estimate({ text, testId }: { text: string; testId?: string }) {
  const [estimate, interval] = splitEstimate(text);
  return (
    <td data-testid={testId} aria-label={text}>
      <span className="estimate">{estimate}</span>
      {interval ? <span className="interval">{interval}</span> : null}
    </td>
  );
}
