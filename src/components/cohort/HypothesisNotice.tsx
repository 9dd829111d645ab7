/**
 * HypothesisNotice labels the arms whose add-on is a hypothesis (the COX-2 inhibitor): what the model's effect rests
 * on, that a trial has not tested it, and the clinical caveat; it exists so that a striking figure for such an arm is
 * never read as a prediction or a recommendation.
 */
import { memo } from 'react';
import { useCohortT } from '../../i18n/cohort';
import { hypothesisArms } from '../../scenario/catalogue/trial';
import { ArmSwatch } from '../ArmSwatch';
import type { TrialSnapshot } from './TrialResults';

export const HypothesisNotice = memo(function HypothesisNotice({
  scenario,
  slots,
}: Pick<TrialSnapshot, 'scenario' | 'slots'>) {
  const tc = useCohortT();
  const arms = scenario ? hypothesisArms(scenario.arms) : [];
  if (!scenario || arms.length === 0) return null;
  return (
    <section
      className="trial-card trial-hypothesis"
      aria-labelledby="trial-hypothesis-heading"
      data-testid="trial-hypothesis"
    >
      <h3 id="trial-hypothesis-heading">
        <span className="hypothesis-badge">{tc('hypothesis.badge')}</span>
        {tc('hypothesis.heading')}
      </h3>
      <ul className="trial-arms">
        {arms.map((a) => (
          <li key={a}>
            <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
            {scenario.arms[a].name}
          </li>
        ))}
      </ul>
      <p>{tc('hypothesis.body')}</p>
      <p>
        <strong>{tc('hypothesis.caveatLabel')}</strong> {tc('hypothesis.caveat')}
      </p>
      <p className="hint">
        {tc('hypothesis.sources', { evidence: tc('source.cox2Evidence'), caveat: tc('source.cox2Caveat') })}
      </p>
    </section>
  );
});
