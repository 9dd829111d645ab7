/**
 * ArmOnlyToggle is the "This arm only" box beside a biology control: on, the selected arm keeps its own value of
 * that input (starting from the value it sees now); off, it follows the shared value again. It exists so that any
 * arm, not only one from a preset, can have its own biology (an NRF2-high arm beside an NRF2-low one).
 */
import { useT } from '../i18n';
import type { Inputs } from '../scenario/types';
import { useExplorer } from '../store/explorer';

export function ArmOnlyToggle({ input, label }: { input: keyof Inputs; label: string }) {
  const t = useT();
  const on = useExplorer((s) => s.scenario.arms[s.selectedArm]?.inputs[input] !== undefined);
  const arm = useExplorer((s) => s.scenario.arms[s.selectedArm]?.name ?? '');
  const single = useExplorer((s) => s.scenario.arms.length <= 1);
  const setArmOnly = useExplorer((s) => s.setArmOnly);
  // with one arm, "this arm only" and "all arms" are the same; the box is shown only once it can differ (or is on)
  if (single && !on) return null;
  return (
    <label className="arm-only checkbox">
      <input
        type="checkbox"
        data-testid={`arm-only-${input}`}
        checked={on}
        aria-label={t('control.armOnlyLabel', { input: label, arm })}
        onChange={(e) => setArmOnly(input, e.currentTarget.checked)}
      />
      <span aria-hidden="true">{t('control.armOnly')}</span>
    </label>
  );
}
