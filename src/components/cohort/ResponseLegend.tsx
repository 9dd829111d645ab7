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
