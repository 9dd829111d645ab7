/**
 * ClaimRobustness is the note under a preset that says in how many plausible parameter sets each of its claims
 * holds; it exists so that a student sees how firm a reproduced finding is.
 */
import { useLanguage, useT } from '../i18n';
import { presetClaimRobustness } from '../scenario/robustness';

/**
 * The claims a preset reproduces and in how many plausible parameter sets each holds, as written to the data file by
 * `npm run -s robustness -- --write` (docs/model.md, "Robustness of the claims"). Shown closed under the preset.
 */
export function ClaimRobustness({ presetId }: { presetId: string }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const claims = presetClaimRobustness(presetId);
  if (claims.length === 0) return null;
  return (
    <details className="claim-robustness" data-testid={`claims-${presetId}`}>
      <summary>{t('presets.robustness.summary', { n: claims[0].draws })}</summary>
      <ul>
        {claims.map((c) => (
          <li
            key={c.id}
            data-testid={`claim-${presetId}-${c.id}`}
            title={t('presets.robustness.interval', {
              lower: Math.round(100 * c.lower),
              upper: Math.round(100 * c.upper),
              holds: c.holds,
              n: c.draws,
            })}
          >
            <span className="claim-text">
              {c.id}: {language === 'ja' ? c.text.ja : c.text.en}
            </span>{' '}
            <span className="claim-holds" data-fraction={c.fraction}>
              {t('presets.robustness.holds', { pct: Math.round(100 * c.fraction) })}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
