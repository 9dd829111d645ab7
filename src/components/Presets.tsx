/**
 * Presets is the row of the seed experiments, one click each; it exists so that every study's experiment can be
 * loaded as a ready scenario.
 */
import { useT } from '../i18n';
import { PRESETS } from '../scenario/catalogue/presets';
import { useExplorer } from '../store/explorer';
import { dynamicKey, loadPreset } from '../store/teaching';
import { ClaimRobustness } from './ClaimRobustness';
import { Explain, PRESET_EXPLANATIONS } from './Explain';

/** The studies' experiments, one click each. Titles and summaries come from the catalogues, keyed by preset id. */
export function Presets() {
  const t = useT();
  const presetId = useExplorer((s) => s.presetId);
  return (
    <section className="panel-section" aria-labelledby="presets-heading">
      <h2 id="presets-heading">{t('panel.presets')}</h2>
      <ul className="presets">
        {PRESETS.map((preset) => {
          const [first, second] = t(dynamicKey(`preset.${preset.id}.summary`)).split('\n');
          const active = preset.id === presetId;
          return (
            <li key={preset.id} className={active ? 'preset active' : 'preset'}>
              <button
                type="button"
                data-testid={`preset-${preset.id}`}
                aria-pressed={active}
                aria-describedby={`preset-summary-${preset.id}`}
                onClick={() => loadPreset(preset.id)}
              >
                {t(dynamicKey(`preset.${preset.id}.title`))}
              </button>
              <div id={`preset-summary-${preset.id}`} className="preset-summary">
                <p>{first}</p>
                {second ? <p>{second}</p> : null}
                <p className="citation">
                  <cite>{preset.citation}</cite>
                  {preset.doi ? (
                    <>
                      {' · '}
                      <a href={`https://doi.org/${preset.doi}`} target="_blank" rel="noreferrer noopener">
                        {t('presets.doi', { doi: preset.doi })}
                      </a>
                    </>
                  ) : null}
                </p>
                <ClaimRobustness presetId={preset.id} />
                <Explain topics={PRESET_EXPLANATIONS[preset.id]} testId={`preset-explain-${preset.id}`} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
