import { useId } from 'react';
import { type MessageKey, useT } from '../i18n';
import { HORIZON_LIMITS, INPUT_RANGE } from '../scenario/limits';
import { SETTINGS, type Setting } from '../scenario/types';
import { type NumericInputKey, selectedInputs, useExplorer } from '../store/explorer';

interface SliderSpec {
  key: NumericInputKey;
  label: MessageKey;
  min: MessageKey;
  max: MessageKey;
}

const SLIDERS: readonly SliderSpec[] = [
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

function InputSlider({ spec }: { spec: SliderSpec }) {
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
      <p className="scope">
        {t('control.scopeLabel', { scope: t(armOverride ? 'control.scope.arm' : 'control.scope.shared') })}
      </p>
    </div>
  );
}

export function Controls() {
  const t = useT();
  const setting = useExplorer((s) => s.scenario.setting);
  const horizon = useExplorer((s) => s.scenario.horizon);
  const axl = useExplorer((s) => selectedInputs(s).axl);
  const cd8Depleted = useExplorer((s) => selectedInputs(s).cd8Depleted);
  const setSetting = useExplorer((s) => s.setSetting);
  const setHorizon = useExplorer((s) => s.setHorizon);
  const setInput = useExplorer((s) => s.setInput);
  const limits = HORIZON_LIMITS[setting];
  const settingId = useId();
  const horizonId = useId();

  return (
    <>
      <section className="panel-section" aria-labelledby="experiment-heading">
        <h2 id="experiment-heading">{t('panel.experiment')}</h2>
        <div className="field">
          <label htmlFor={settingId}>{t('control.setting')}</label>
          <select
            id={settingId}
            data-testid="setting"
            value={setting}
            onChange={(e) => setSetting(e.currentTarget.value as Setting)}
          >
            {SETTINGS.map((s) => (
              <option key={s} value={s}>
                {t(`setting.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={horizonId}>{t('control.horizon')}</label>
          <div className="inline">
            <input
              id={horizonId}
              type="number"
              data-testid="horizon"
              min={limits.min}
              max={limits.max}
              step={limits.step}
              value={horizon}
              onChange={(e) => {
                const v = Number(e.currentTarget.value);
                if (Number.isFinite(v) && v >= limits.min) setHorizon(v);
              }}
            />
            <span>{t('unit.days')}</span>
          </div>
        </div>
      </section>
      <section className="panel-section" aria-labelledby="biology-heading">
        <h2 id="biology-heading">{t('panel.biology')}</h2>
        {SLIDERS.map((spec) => (
          <InputSlider key={spec.key} spec={spec} />
        ))}
        <fieldset className="field segmented">
          <legend>{t('control.axl')}</legend>
          {(['low', 'high'] as const).map((level) => (
            <label key={level} className="segment">
              <input
                type="radio"
                name="axl"
                value={level}
                data-testid={`axl-${level}`}
                checked={axl === level}
                onChange={() => setInput('axl', level)}
              />
              <span>{t(`control.axl.${level}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field checkbox">
          <input
            type="checkbox"
            data-testid="cd8-depleted"
            checked={cd8Depleted}
            onChange={(e) => setInput('cd8Depleted', e.currentTarget.checked)}
          />
          <span>{t('control.cd8Depleted')}</span>
        </label>
      </section>
    </>
  );
}
