/**
 * Controls is the panel of the tumour's biology and the experiment's setting and horizon; it exists because these
 * are the inputs a student moves to ask "what if".
 */
import { useId } from 'react';
import { useT } from '../i18n';
import { EGFR_DEFAULT, HORIZON_LIMITS } from '../scenario/limits';
import { EGFR_STATUSES, SETTINGS, type Setting } from '../scenario/types';
import { selectedInputs, useExplorer } from '../store/explorer';
import { ArmOnlyToggle } from './ArmOnlyToggle';
import { InputSlider, SLIDERS } from './InputSlider';

export function Controls() {
  const t = useT();
  const setting = useExplorer((s) => s.scenario.setting);
  const horizon = useExplorer((s) => s.scenario.horizon);
  const axl = useExplorer((s) => selectedInputs(s).axl);
  const cd8Depleted = useExplorer((s) => selectedInputs(s).cd8Depleted);
  // absent: the setting's default (lung EGFR-mutant, HCC and CRC wild type)
  const egfr = useExplorer((s) => selectedInputs(s).egfr ?? EGFR_DEFAULT[s.scenario.setting]);
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
          <ArmOnlyToggle input="axl" label={t('control.axl')} />
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
        <fieldset className="field segmented">
          <legend>{t('control.egfr')}</legend>
          <ArmOnlyToggle input="egfr" label={t('control.egfr')} />
          {EGFR_STATUSES.map((status) => (
            <label key={status} className="segment">
              <input
                type="radio"
                name="egfr"
                value={status}
                data-testid={`egfr-${status}`}
                checked={egfr === status}
                onChange={() => setInput('egfr', status)}
              />
              <span>{t(`control.egfr.${status}`)}</span>
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
