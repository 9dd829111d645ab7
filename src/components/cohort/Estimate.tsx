/**
 * Estimate is a table cell with an estimate and its interval on a second line; it exists so that every interval in
 * the trial's tables reads the same way.
 */
import { splitEstimate } from './chartData';

/**
 * An estimate with its interval on a second, smaller line. `label`: the cell's column, which a phone's card layout
 * shows beside the value (the table's header row is hidden there).
 */
export function Estimate({ text, testId, label }: { text: string; testId?: string; label?: string }) {
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
