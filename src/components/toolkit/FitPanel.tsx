/**
 * FitPanel is the toolkit's "fit parameters to your measurements": choose model parameters with their bounds and
 * starting values (each field checked on its own, in the page's language), run the fit in a worker with progress and
 * Cancel, then read the fitted values with standard errors and 95 % intervals (Wald, or profile likelihood), the
 * goodness of fit (SSR, χ²/dof, AIC), a residual plot and its table; the fitted curves are drawn over the explorer's
 * charts (Charts.tsx) and "Apply fitted values" sets them in the scenario as one undoable change. Loaded as its own
 * chunk (Toolkit.tsx), when measurements have been imported.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { drawResiduals, type ResidualPoint } from '../../charts/residuals';
import { locale, useT } from '../../i18n';
import { variableParameters } from '../../scenario/catalogue/parameters';
import { DRUG_CODES } from '../../scenario/encode';
import { DRUG_IDS } from '../../scenario/types';
import { useExplorer } from '../../store/explorer';
import {
  appliedValue,
  type FitField,
  type FitFieldProblem,
  type FitId,
  type FitOutcome,
  type FitProblem,
  fitIdRange,
  fitStart,
  useFit,
} from '../../store/fit';
import { useMeasurements } from '../../store/measurements';
import { useToolSettings } from '../../store/toolSettings';
import { useRunFocus } from '../useRunFocus';
import { useWidth } from '../useWidth';
import { type FitMessageKey, useFitT } from './fitMessages';
import { groupLabel, PARAMETER_GROUPS, parameterGroup } from './parameterGroups';

type T = ReturnType<typeof useFitT>;

/** A number with 4 significant digits in the page's locale. */
function sig(value: number, lang: string): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(3).replace('e+', 'e');
  return value.toLocaleString(lang, { maximumSignificantDigits: 4 });
}

/** A fit id as a variable's name (tool.f): parameters as p.<id>. */
function factorName(id: FitId): string {
  return /^[A-Za-z0-9]+$/.test(id) ? `p.${id}` : id;
}

/** The text of a field's value as the panel first shows it (a plain number a person can read and edit). */
function fieldText(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function fieldProblemText(p: FitFieldProblem, ft: T, lang: string): string {
  switch (p.code) {
    case 'not-a-number':
      return ft('fit.error.notNumber');
    case 'below-range':
      return ft('fit.error.belowRange', { limit: sig(p.limit, lang), unit: p.unit === '-' ? '' : p.unit });
    case 'above-range':
      return ft('fit.error.aboveRange', { limit: sig(p.limit, lang), unit: p.unit === '-' ? '' : p.unit });
    case 'order':
      return ft('fit.error.order');
    case 'start-outside':
      return ft('fit.error.startOutside', { min: sig(p.min, lang), max: sig(p.max, lang) });
  }
}

function problemText(p: FitProblem, ft: T): string {
  switch (p.code) {
    case 'no-parameters':
      return ft('fit.error.noParameters');
    case 'no-measurements':
      return ft('fit.error.noMeasurements');
    case 'too-few':
      return ft('fit.error.tooFew', { rows: p.rows, parameters: p.parameters });
    case 'sd-mixed':
      return ft('fit.error.sdMixed', { withSd: p.withSd, rows: p.rows });
  }
}

interface Row {
  id: FitId;
  min: string;
  max: string;
  start: string;
}

export function FitPanel() {
  const t = useT();
  const ft = useFitT();
  const id = useId();
  const lang = locale();
  const scenario = useExplorer((s) => s.scenario);
  const rows = useMeasurements((s) => s.rows);
  const fileName = useMeasurements((s) => s.fileName);
  const { status, progress, error, check, outcome, start, cancel, apply } = useFit();
  // the factors of a link's fit (tool=fit&tool.f=...), over their full ranges from the scenario's values
  const [chosen, setChosen] = useState<Row[]>(() => {
    const linked = useToolSettings.getState().settings;
    if (linked?.kind !== 'fit') return [];
    return (linked.factors ?? []).map((name) => {
      const id = name.startsWith('p.') ? name.slice(2) : name;
      const r = fitIdRange(scenario, id);
      return { id, min: fieldText(r.min), max: fieldText(r.max), start: fieldText(fitStart(scenario, id)) };
    });
  });
  const [adding, setAdding] = useState<FitId>('');
  const [profile, setProfile] = useState(false);
  const [scale, setScale] = useState<'log' | 'linear'>('log');
  const [applied, setApplied] = useState(false);

  const available = useMemo(() => variableParameters(scenario.setting), [scenario.setting]);
  const matched = useMemo(() => {
    const names = new Set(scenario.arms.map((a) => a.name));
    return rows.filter((r) => names.has(r.arm)).length;
  }, [rows, scenario.arms]);
  // doses, start days and window lengths of the drugs the measured arms are given (in every arm giving the drug)
  const schedules = useMemo(() => {
    const measured = new Set(rows.map((r) => r.arm));
    const given = DRUG_IDS.filter((d) => scenario.arms.some((a) => measured.has(a.name) && a.treatments[d]));
    return given.flatMap((d) => (['start', 'window', 'dose'] as const).map((f) => `${DRUG_CODES[d]}.${f}`));
  }, [rows, scenario.arms]);

  const add = (p: FitId) => {
    if (chosen.some((c) => c.id === p)) return;
    const r = fitIdRange(scenario, p);
    setChosen((list) => [
      ...list,
      { id: p, min: fieldText(r.min), max: fieldText(r.max), start: fieldText(fitStart(scenario, p)) },
    ]);
    setAdding('');
  };
  const edit = (p: FitId, change: Partial<Row>) =>
    setChosen((list) => list.map((c) => (c.id === p ? { ...c, ...change } : c)));
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const fields: FitField[] = chosen.map((c) => ({
    id: c.id,
    min: number(c.min),
    max: number(c.max),
    start: number(c.start),
  }));
  const run = () => {
    setApplied(false);
    // the link shares the fit's factors (the measurements stay in this browser)
    useToolSettings.getState().setSettings({ kind: 'fit', factors: chosen.map((c) => factorName(c.id)) });
    start({ fields, profile, scale });
  };
  const running = status === 'running';
  // keyboard focus follows the action: to Cancel when a run starts, back to Run when it ends
  const focus = useRunFocus(running);
  const problemOf = (p: FitId, field: 'min' | 'max' | 'start') =>
    check?.fields.find((f) => f.id === p && f.field === field);

  const progressText =
    progress === null
      ? ft('fit.progress.starting')
      : progress.phase === 'fit'
        ? ft('fit.progress.fit', {
            iterations: progress.iterations,
            evaluations: progress.evaluations,
            ssr: sig(progress.ssr, lang),
          })
        : ft('fit.progress.profile', {
            parameter: chosen[progress.factor]?.id ?? String(progress.factor + 1),
            index: progress.factor + 1,
            count: chosen.length,
            evaluations: progress.evaluations,
          });

  return (
    <section className="fit-panel" data-testid="fit-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{ft('fit.title')}</h3>
      <p className="hint">{ft('fit.intro')}</p>
      <p data-testid="fit-data">
        {fileName ? ft('fit.data', { file: fileName, rows: rows.length, matched }) : ft('fit.error.noMeasurements')}
      </p>
      <div className="fit-add">
        <label className="select">
          <span>{ft('fit.add')}</span>
          <select
            data-testid="fit-add"
            value={adding}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v) add(v);
              else setAdding('');
            }}
          >
            <option value="">{ft('fit.addChoose')}</option>
            {schedules.some((v) => !chosen.some((c) => c.id === v)) ? (
              <optgroup label={ft('fit.group.schedules')}>
                {schedules
                  .filter((v) => !chosen.some((c) => c.id === v))
                  .map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
              </optgroup>
            ) : null}
            {PARAMETER_GROUPS.map((group) => {
              const ids = available.filter((p) => parameterGroup(p) === group && !chosen.some((c) => c.id === p));
              if (ids.length === 0) return null;
              return (
                <optgroup key={group} label={t(groupLabel(group))}>
                  {ids.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
      </div>
      {chosen.length > 0 ? (
        <table className="fit-fields" data-testid="fit-fields">
          <thead>
            <tr>
              <th scope="col">{ft('fit.col.parameter')}</th>
              <th scope="col">{ft('fit.col.lower')}</th>
              <th scope="col">{ft('fit.col.upper')}</th>
              <th scope="col">{ft('fit.col.start')}</th>
              <th scope="col">
                <span className="visually-hidden">{ft('fit.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chosen.map((c) => {
              const r = fitIdRange(scenario, c.id);
              const unit = r.unit === '-' ? '' : r.unit;
              return (
                <tr key={c.id} data-testid={`fit-row-${c.id}`}>
                  <th scope="row">
                    {c.id}
                    {unit ? <span className="hint"> ({unit})</span> : null}
                  </th>
                  {(['min', 'max', 'start'] as const).map((field) => {
                    const problem = problemOf(c.id, field);
                    const errorId = `${id}-${c.id}-${field}-error`;
                    return (
                      <td key={field}>
                        <input
                          type="text"
                          inputMode="decimal"
                          data-testid={`fit-${field}-${c.id}`}
                          aria-label={ft(`fit.field.${field}` as FitMessageKey, { parameter: c.id })}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? errorId : undefined}
                          value={c[field]}
                          onChange={(e) => edit(c.id, { [field]: e.currentTarget.value })}
                        />
                        {problem ? (
                          <span className="field-error" id={errorId} data-testid={`fit-error-${field}-${c.id}`}>
                            {fieldProblemText(problem, ft, lang)}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      data-testid={`fit-remove-${c.id}`}
                      aria-label={ft('fit.removeNamed', { parameter: c.id })}
                      onClick={() => setChosen((list) => list.filter((x) => x.id !== c.id))}
                    >
                      {ft('fit.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div className="toolkit-form">
        <label className="select">
          <span>{ft('fit.scale')}</span>
          <select
            data-testid="fit-scale"
            value={scale}
            onChange={(e) => setScale(e.currentTarget.value as 'log' | 'linear')}
          >
            <option value="log">{ft('fit.scale.log')}</option>
            <option value="linear">{ft('fit.scale.linear')}</option>
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="fit-profile"
            checked={profile}
            onChange={(e) => setProfile(e.currentTarget.checked)}
          />
          <span>{ft('fit.profile')}</span>
        </label>
      </div>
      <div className="toolkit-run">
        <button
          ref={focus.run}
          {...focus.runProps}
          type="button"
          className="primary"
          data-testid="fit-run"
          disabled={running}
          onClick={run}
        >
          {ft('fit.run')}
        </button>
        {running ? (
          <>
            <progress data-testid="fit-progress" aria-label={progressText} />
            <button ref={focus.cancel} {...focus.cancelProps} type="button" data-testid="fit-cancel" onClick={cancel}>
              {t('tool.cancel')}
            </button>
          </>
        ) : null}
      </div>
      {check && check.problems.length > 0 ? (
        <ul className="field-error" role="alert" data-testid="fit-problems">
          {check.problems.map((p) => (
            <li key={p.code}>{problemText(p, ft)}</li>
          ))}
        </ul>
      ) : null}
      <p className="toolkit-status" role="status" data-testid="fit-status">
        {running
          ? progressText
          : status === 'cancelled'
            ? ft('fit.status.cancelled')
            : status === 'error'
              ? ft('fit.status.error', { message: error ?? '' })
              : check && (check.fields.length > 0 || check.problems.length > 0)
                ? ft('fit.status.invalid', { count: check.fields.length + check.problems.length })
                : status === 'done' && outcome
                  ? ft(outcome.converged ? 'fit.status.done' : 'fit.status.notConverged', {
                      iterations: outcome.iterations,
                      evaluations: outcome.evaluations,
                    })
                  : ''}
      </p>
      {outcome ? (
        <FitResultView
          outcome={outcome}
          current={outcome.scenario === scenario}
          applied={applied}
          onApply={() => {
            apply();
            setApplied(true);
          }}
        />
      ) : null}
    </section>
  );
}

function FitResultView(props: { outcome: FitOutcome; current: boolean; applied: boolean; onApply: () => void }) {
  const { outcome } = props;
  const ft = useFitT();
  const lang = locale();
  const meta = useExplorer((s) => s.meta);
  const arms = useExplorer((s) => s.scenario.arms);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box);
  const hasProfile = outcome.factors.some((f) => f.profile);
  const points = useMemo<ResidualPoint[]>(() => {
    const slotOf = new Map(arms.map((a, i) => [a.name, meta[i]?.slot ?? i]));
    return outcome.rows.map((r) => ({ arm: r.arm, slot: slotOf.get(r.arm) ?? 0, day: r.day, residual: r.residual }));
  }, [outcome, arms, meta]);
  const yLabel = ft(outcome.weighted ? 'fit.residual.weighted' : 'fit.residual.plain', {
    scale: ft(outcome.scale === 'log' ? 'fit.scale.log' : 'fit.scale.linear'),
  });
  useEffect(() => {
    if (!svg.current) return;
    drawResiduals(svg.current, points, {
      width: width || 600,
      height: 220,
      xLabel: ft('fit.residual.day'),
      yLabel,
      bands: outcome.weighted,
      locale: lang,
    });
  }, [points, width, ft, lang, yLabel, outcome.weighted]);
  const interval = (lo: number, hi: number, loB = false, hiB = false) =>
    `${sig(lo, lang)}${loB ? ` ${ft('fit.bounded')}` : ''} – ${sig(hi, lang)}${hiB ? ` ${ft('fit.bounded')}` : ''}`;
  const g = outcome.goodness;
  return (
    <div className="fit-result" data-testid="fit-result">
      {props.current || props.applied ? null : (
        <p className="chart-note stale" data-testid="fit-stale">
          {ft('fit.stale')}
        </p>
      )}
      <div className="toolkit-table fit-table-box">
        <table className="fit-table" data-testid="fit-table">
          <caption>{ft('fit.tableCaption', { file: outcome.fileName, points: g.points })}</caption>
          <thead>
            <tr>
              <th scope="col">{ft('fit.col.parameter')}</th>
              <th scope="col">{ft('fit.col.start')}</th>
              <th scope="col">{ft('fit.col.estimate')}</th>
              <th scope="col">{ft('fit.col.se')}</th>
              <th scope="col">{ft('fit.col.wald')}</th>
              {hasProfile ? <th scope="col">{ft('fit.col.profile')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {outcome.factors.map((f) => (
              <tr
                key={f.id}
                data-testid={`fit-result-${f.id}`}
                data-estimate={f.estimate}
                data-lower={f.profile?.lower ?? f.lower}
                data-upper={f.profile?.upper ?? f.upper}
              >
                <th scope="row">
                  {f.id}
                  {f.unit && f.unit !== '-' ? <span className="hint"> ({f.unit})</span> : null}
                </th>
                <td>{sig(f.start, lang)}</td>
                <td>{sig(f.estimate, lang)}</td>
                <td>{sig(f.standardError, lang)}</td>
                <td>{interval(f.lower, f.upper)}</td>
                {hasProfile ? (
                  <td>
                    {f.profile
                      ? interval(f.profile.lower, f.profile.upper, f.profile.lowerBounded, f.profile.upperBounded)
                      : '–'}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="fit-goodness" data-testid="fit-goodness">
        <div>
          <dt>{ft('fit.goodness.points')}</dt>
          <dd>
            {g.points} / {g.parameters}
          </dd>
        </div>
        <div>
          <dt>{ft('fit.goodness.ssr')}</dt>
          <dd data-testid="fit-ssr">{sig(g.ssr, lang)}</dd>
        </div>
        <div>
          <dt>{ft(outcome.weighted ? 'fit.goodness.chi2' : 'fit.goodness.variance')}</dt>
          <dd data-testid="fit-chi2">{sig(g.reducedChiSquare, lang)}</dd>
        </div>
        <div>
          <dt>{ft('fit.goodness.aic')}</dt>
          <dd data-testid="fit-aic">{sig(g.aic, lang)}</dd>
        </div>
      </dl>
      {outcome.changed.length > 0 ? (
        <p className="chart-note">
          {ft('fit.changedBase', { list: outcome.changed.map((c) => `${c.id} = ${sig(c.value, lang)}`).join('; ') })}
        </p>
      ) : null}
      <div className="chart-box" ref={box}>
        <figure className="fit-residuals" data-testid="fit-residuals" role="img" aria-label={ft('fit.residual.title')}>
          <figcaption>{ft('fit.residual.title')}</figcaption>
          <svg ref={svg} aria-hidden="true" />
        </figure>
      </div>
      <details className="toolkit-table" data-testid="fit-residual-table">
        <summary>{ft('fit.residual.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{ft('fit.col.line')}</th>
              <th scope="col">{ft('fit.col.arm')}</th>
              <th scope="col">{ft('fit.col.series')}</th>
              <th scope="col">{ft('fit.residual.day')}</th>
              <th scope="col">{ft('fit.col.measured')}</th>
              <th scope="col">{ft('fit.col.model')}</th>
              <th scope="col">{ft('fit.col.residual')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.arm}</td>
                <td>{r.series}</td>
                <td>{sig(r.day, lang)}</td>
                <td>{sig(r.value, lang)}</td>
                <td>{sig(r.model, lang)}</td>
                <td>{sig(r.residual, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="toolkit-run">
        <button
          type="button"
          className="primary"
          data-testid="fit-apply"
          disabled={!props.current || props.applied}
          onClick={props.onApply}
        >
          {ft('fit.apply')}
        </button>
        <span className="hint" data-testid="fit-apply-note">
          {props.applied
            ? ft('fit.applied', {
                list: outcome.factors
                  .map((f) => `${f.id} = ${sig(appliedValue(f, outcome.scenario), lang)}`)
                  .join('; '),
              })
            : props.current
              ? ft('fit.curveNote')
              : ''}
        </span>
      </div>
    </div>
  );
}
