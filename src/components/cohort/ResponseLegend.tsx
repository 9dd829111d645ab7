/**
 * ResponseLegend is the colour key of the RECIST responses (CR, PR, SD, PD); it exists because the waterfall and
 * spider figures colour patients by response.
 */
import { useCohortT } from '../../i18n/cohort';
import { RESPONSE_CODES } from '../../scenario/catalogue/trial';
import { RESPONSE_COLOURS } from './chartData';
import { Legend } from './Legend';

export function ResponseLegend() {
  const tc = useCohortT();
  return (
    <Legend
      label={tc('chart.legend')}
      items={RESPONSE_CODES.map((r) => ({
        key: r,
        label: `${r}: ${tc(`response.${r}`)}`,
        colour: RESPONSE_COLOURS[r],
        box: true,
      }))}
    />
  );
}
