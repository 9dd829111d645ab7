/**
 * TrialProblemNotice says why the current scenario cannot run as a trial (wrong setting, too few arms) and how to
 * fix it; it exists so that a disabled Run button is never unexplained.
 */
import { useT } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { COHORT_LIMITS } from '../../scenario/limits';
import { calibrationScenario, type TrialPlan } from '../../store/cohort';
import { useExplorer } from '../../store/explorer';
import { loadPreset } from '../../store/teaching';
import { formatCount } from './chartData';

export function TrialProblemNotice({ plan }: { plan: TrialPlan }) {
  const tc = useCohortT();
  const t = useT();
  const setScenario = useExplorer((s) => s.setScenario);
  const setting = useExplorer((s) => s.scenario.setting);
  if (!plan.problem) return null;
  return (
    <div className="trial-notice" data-testid="trial-problem" role="note">
      <p>
        {plan.problem.kind === 'setting'
          ? tc('trial.needSetting', { setting: t(`setting.${setting}`) })
          : tc('trial.needArms', { count: plan.problem.count })}
      </p>
      <button
        type="button"
        className="primary"
        data-testid="trial-use-preset"
        aria-describedby="trial-preset-hint"
        onClick={() => setScenario(calibrationScenario())}
      >
        {tc('trial.usePreset')}
      </button>
      <p id="trial-preset-hint" className="hint">
        {tc('trial.usePresetHint', { size: formatCount(COHORT_LIMITS.size.default) })}
      </p>
      <button
        type="button"
        data-testid="trial-use-imbrave150"
        aria-describedby="trial-imbrave150-hint"
        onClick={() => loadPreset('imbrave150-trial')}
      >
        {tc('trial.useImbrave150')}
      </button>
      <p id="trial-imbrave150-hint" className="hint">
        {tc('trial.useImbrave150Hint', { size: formatCount(COHORT_LIMITS.size.default) })}
      </p>
    </div>
  );
}
