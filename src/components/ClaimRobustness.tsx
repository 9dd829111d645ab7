/**
 * ClaimRobustness is the note under a preset that says in how many parameter sets each of its claims holds: over the
 * sets consistent with untreated graft growth (where the setting has a measured control to compare with) and over all
 * drawn sets, with what "consistent" means and its source. It exists so that a student sees how firm a reproduced
 * finding is, and on what the firmer figure rests.
 */
import { useLanguage, useT } from '../i18n';
import { type PresetClaimRobustness, presetClaimRobustness, presetPlausibilityCriteria } from '../scenario/robustness';

const pct = (x: number) => Math.round(100 * x);

function interval(t: ReturnType<typeof useT>, c: PresetClaimRobustness): string {
  const all = t('presets.robustness.interval', {
    lower: pct(c.lower),
    upper: pct(c.upper),
    holds: c.holds,
    n: c.draws,
  });
  if (!c.plausible) return all;
  const p = c.plausible;
  return `${t('presets.robustness.intervalPlausible', {
    lower: pct(p.lower),
    upper: pct(p.upper),
    holds: p.holds,
    n: p.draws,
  })}; ${t('presets.robustness.intervalAll', { text: all })}`;
}

/**
 * The claims a preset reproduces and in how many parameter sets each holds, as written to the data file by
 * `npm run -s robustness -- --write` (docs/model.md, "Robustness of the claims", "Plausible models"). Shown closed
 * under the preset.
 */
export function ClaimRobustness({ presetId }: { presetId: string }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const claims = presetClaimRobustness(presetId);
  if (claims.length === 0) return null;
  const criteria = presetPlausibilityCriteria(presetId);
  const unfiltered = claims.some((c) => !c.plausible);
  return (
    <details className="claim-robustness" data-testid={`claims-${presetId}`}>
      <summary>{t('presets.robustness.summary', { n: claims[0].draws })}</summary>
      <ul>
        {claims.map((c) => (
          <li key={c.id} data-testid={`claim-${presetId}-${c.id}`} title={interval(t, c)}>
            <span className="claim-text">
              {c.id}: {language === 'ja' ? c.text.ja : c.text.en}
            </span>{' '}
            <span
              className="claim-holds"
              data-fraction={c.fraction}
              data-plausible-fraction={c.plausible ? c.plausible.fraction : undefined}
            >
              {c.plausible ? (
                <>
                  {t('presets.robustness.holdsPlausible', { pct: pct(c.plausible.fraction) })}
                  <span className="claim-holds-all">
                    {t('presets.robustness.holdsAllToo', { all: pct(c.fraction) })}
                  </span>
                </>
              ) : (
                t('presets.robustness.holdsAll', { pct: pct(c.fraction) })
              )}
            </span>
          </li>
        ))}
      </ul>
      <details className="claim-robustness-explained" data-testid={`claims-${presetId}-explained`}>
        <summary>{t('presets.robustness.explainSummary')}</summary>
        <p>{t('presets.robustness.explainAll', { n: claims[0].draws })}</p>
        {criteria.map((k) => (
          <div key={k.setting} className="claim-criterion" data-testid={`criterion-${presetId}-${k.setting}`}>
            <p>
              {t('presets.robustness.explainPlausible', {
                day: k.day,
                factor: k.factor,
                target: k.target,
                low: k.low,
                high: k.high,
                accepted: k.accepted,
                draws: k.draws,
                measured: language === 'ja' ? k.measured.ja : k.measured.en,
              })}{' '}
              {t('presets.robustness.standIn', { factor: k.factor })}
            </p>
            <p className="citation">{t('presets.robustness.source', { source: k.source })}</p>
          </div>
        ))}
        {unfiltered ? (
          <p data-testid={`claims-${presetId}-no-criterion`}>{t('presets.robustness.noCriterion')}</p>
        ) : null}
      </details>
    </details>
  );
}
