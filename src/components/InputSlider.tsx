/**
 * InputSlider is one labelled slider of the tumour's biology (NRF2, NEAT1, IL-6) with its spoken value; it exists so
 * that the three sliders behave and read alike.
 */
import { useId } from 'react';
import { type MessageKey, useT } from '../i18n';
import { INPUT_RANGE } from '../scenario/limits';
import { type NumericInputKey, selectedInputs, useExplorer } from '../store/explorer';
import { ArmOnlyToggle } from './ArmOnlyToggle';

export function InputSlider({ spec }: { spec: SliderSpec }) {
  const t = useT();
  const id = useId();
  const value = useExplorer((s) => selectedInputs(s)[spec.key]);
  const armOverride = useExplorer((s) => s.scenario.arms[s.selectedArm]?.inputs[spec.key] !== undefined);
  const setInput = useExplorer((s) => s.setInput);
  const words = describeValue(spec, value, t);
  return (
    <div className="slider" data-testid={`control-${spec.key}`}>
      <div className="slider-head">
        <label htmlFor={id}>{t(spec.label)}</label>
        <output htmlFor={id} data-testid={`value-${spec.key}`}>
          {value.toFixed(2)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        data-testid={`slider-${spec.key}`}
        min={INPUT_RANGE.min}
        max={INPUT_RANGE.max}
        step={INPUT_RANGE.step}
        value={value}
        aria-valuetext={`${value.toFixed(2)}: ${words}`}
        onChange={(e) => setInput(spec.key, Number(e.currentTarget.value))}
      />
      <div className="slider-ends" aria-hidden="true">
        <span>{t(spec.min)}</span>
        <span>{t(spec.max)}</span>
      </div>
      <div className="scope">
        <span>{t('control.scopeLabel', { scope: t(armOverride ? 'control.scope.arm' : 'control.scope.shared') })}</span>
        <ArmOnlyToggle input={spec.key} label={t(spec.label)} />
      </div>
    </div>
  );
}

interface SliderSpec {
  key: NumericInputKey;
  label: MessageKey;
  min: MessageKey;
  max: MessageKey;
}

export const SLIDERS: readonly SliderSpec[] = [
  { key: 'nrf2', label: 'control.nrf2', min: 'control.nrf2.min', max: 'control.nrf2.max' },
  { key: 'neat1', label: 'control.neat1', min: 'control.neat1.min', max: 'control.neat1.max' },
  { key: 'il6', label: 'control.il6', min: 'control.il6.min', max: 'control.il6.max' },
];

/** The word for a slider position: the end labels near the ends, "intermediate" in between. */
function describeValue(spec: SliderSpec, value: number, t: ReturnType<typeof useT>): string {
  if (value <= 0.1) return t(spec.min);
  if (value >= 0.9) return t(spec.max);
  return t('control.mid');
}
