/**
 * Toolkit is the explorer's analyses panel: a scan of one variable (a parameter, a slider, a drug's start day, window
 * or dose) against a readout, a heat map of two (on a small grid, 8 × 8 by default, its cost shown before it runs), a tornado (each chosen parameter at both ends of its range) or Sobol' indices (first
 * order and total, with bootstrap intervals) over the visible arms. It sets up the request, shows progress with a
 * cancel, and hands the outcome to ToolkitResult; the store runs it in the worker pool.
 */
import {
  lazy,
  memo,
  type RefObject,
  Suspense,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { type ParameterId, parameterRange, variableParameters } from '../../scenario/catalogue/parameters';
import { DRUG_CODES } from '../../scenario/encode';
import {
  DAY_READOUTS,
  TOOL_READOUTS,
  TOOL_SAMPLES,
  type ToolReadout,
  type ToolSettings,
} from '../../scenario/toolSettings';
import { DRUG_IDS, type Scenario } from '../../scenario/types';
import { defaultRange, parseVariable } from '../../scenario/variables';
import { useExplorer } from '../../store/explorer';
import { useMeasurements } from '../../store/measurements';
import { loadChunk } from '../../store/release';
import { runCount, type ToolkitKind, useToolkit } from '../../store/toolkit';
import { useToolSettings } from '../../store/toolSettings';
import { MeasurementsImport } from './MeasurementsImport';
import { groupLabel, PARAMETER_GROUPS, parameterGroup } from './parameterGroups';
import { ToolkitResult } from './ToolkitResult';
import './toolkit.css';
import { useInView, useSeen } from '../useInView';
import { useRunFocus } from '../useRunFocus';

// the fit panel (and its residual plot) loads as its own chunk once measurements have been imported
const FitPanel = lazy(() => loadChunk(() => import('./FitPanel')).then((m) => ({ default: m.FitPanel })));

/** The parameters of the question "which parameters decide whether COX-2 inhibition rescues NRF2-high tumours?". */
export const DEFAULT_FACTORS: ParameterId[] = [
  'pge2Half',
  'pge2MaxInhibition',
  'nrf2Pge2Induction',
  'pge2Hill',
  'pge2Basal',
  'tCellKillRate',
  'tCellRecruitment',
  'tCellDeath',
];

const READOUTS = TOOL_READOUTS;
type ReadoutKind = ToolReadout;

export function readoutText(kind: ReadoutKind, day: number): string {
  return DAY_READOUTS.has(kind) ? `${kind}@${day}` : kind;
}

/**
 * A link's analysis is computed when it opens if it costs at most this many model solves (a 6 × 6 difference map is
 * 72, the 8 × 8 default over five arms 320; chosen so that a shared link never starts minutes of work unasked);
 * a larger one is set up and waits for Run.
 */
export const LINK_AUTORUN_SOLVES = 400;

/** The visible position of the scenario's arm `index` (null when hidden or absent), and back. */
function visibleIndex(scenario: Scenario, index: number | undefined): number | null {
  if (index === undefined || !scenario.arms[index] || scenario.arms[index].hidden) return null;
  return scenario.arms.slice(0, index).filter((a) => !a.hidden).length;
}
function scenarioIndex(scenario: Scenario, visible: number | null): number | undefined {
  if (visible === null) return undefined;
  const all = scenario.arms.map((a, i) => (a.hidden ? -1 : i)).filter((i) => i >= 0);
  return all[visible];
}

/** The form's starting values: the link's analysis where it gives them, the panel's defaults otherwise. */
function initialForm(scenario: Scenario, linked: ToolSettings | null) {
  const tool = linked && linked.kind !== 'fit' ? linked : null;
  const readout = tool?.readout ?? 'volume@28';
  const at = readout.indexOf('@');
  const heat = tool?.kind === 'heatmap';
  const scan = tool?.kind === 'scan' || heat;
  const x = scan ? tool?.x : undefined;
  const y = heat ? tool?.y : undefined;
  const variable = x?.variable ?? 'p.tCellKillRate';
  const variable2 = y?.variable ?? 'p.tCellRecruitment';
  return {
    kind: (tool?.kind ?? 'scan') as ToolkitKind,
    readout: (at < 0 ? readout : readout.slice(0, at)) as ReadoutKind,
    day: at < 0 ? 28 : Number(readout.slice(at + 1)),
    variable,
    range: x ? { min: x.min, max: x.max } : rangeOf(scenario, variable),
    points: tool?.kind === 'scan' && x ? x.points : 21,
    variable2,
    range2: y ? { min: y.min, max: y.max } : rangeOf(scenario, variable2),
    gridX: heat && x ? x.points : 8,
    gridY: y ? y.points : 8,
    heatArm: heat ? visibleIndex(scenario, tool?.arm) : null,
    heatVersus: heat ? visibleIndex(scenario, tool?.versus) : null,
    chosen: (tool?.factors && !heat && tool.kind !== 'scan'
      ? tool.factors.filter((f) => f.startsWith('p.')).map((f) => f.slice(2))
      : DEFAULT_FACTORS) as ParameterId[],
    samples: tool?.samples ?? 128,
    arm: (!scan ? visibleIndex(scenario, tool?.arm) : null) ?? 0,
    versus: !scan ? visibleIndex(scenario, tool?.versus) : null,
  };
}

const DRUG_KEYS = Object.fromEntries(DRUG_IDS.map((d) => [d, `drug.${d}` as MessageKey])) as Record<
  (typeof DRUG_IDS)[number],
  MessageKey
>;

interface VariableOption {
  value: string;
  label: string;
}

/** Every variable a scan of this scenario may move: parameters, the three sliders, each given drug's schedule. */
function variableOptions(scenario: Scenario, t: ReturnType<typeof useT>): VariableOption[] {
  const out: VariableOption[] = [];
  for (const key of ['nrf2', 'neat1', 'il6'] as const)
    out.push({ value: key, label: t(`control.${key}` as MessageKey) });
  for (const drug of DRUG_IDS) {
    if (!scenario.arms.some((a) => !a.hidden && a.treatments[drug])) continue;
    const name = t(DRUG_KEYS[drug]);
    for (const field of ['start', 'window', 'dose'] as const)
      out.push({ value: `${DRUG_CODES[drug]}.${field}`, label: t(`tool.variable.${field}`, { drug: name }) });
  }
  for (const id of variableParameters(scenario.setting)) out.push({ value: `p.${id}`, label: id });
  return out;
}

function rangeOf(scenario: Scenario, variable: string): { min: number; max: number } {
  const v = parseVariable(variable);
  if ('error' in v) return { min: 0, max: 1 };
  const r = defaultRange(scenario, v);
  return { min: r.min, max: r.max };
}

/** A labelled number input that passes on every finite number typed. */
function NumberInput(props: {
  label: string;
  testId: string;
  value: number;
  min?: number;
  max?: number;
  onValue: (v: number) => void;
}) {
  return (
    <label className="number">
      <span>{props.label}</span>
      <input
        type="number"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (e.currentTarget.value.trim() !== '' && Number.isFinite(v)) props.onValue(v);
        }}
      />
    </label>
  );
}

/** A scan axis: its variable, its range and its number of points (test ids tool-variable, tool-from, … + suffix). */
function VariableFields(props: {
  label: string;
  suffix: string;
  options: VariableOption[];
  variable: string;
  range: { min: number; max: number };
  points: number;
  maxPoints: number;
  onVariable: (v: string) => void;
  onRange: (update: (r: { min: number; max: number }) => { min: number; max: number }) => void;
  onPoints: (n: number) => void;
}) {
  const t = useT();
  const { suffix, range } = props;
  return (
    <>
      <label className="select">
        <span>{props.label}</span>
        <select
          data-testid={`tool-variable${suffix}`}
          value={props.variable}
          onChange={(e) => props.onVariable(e.currentTarget.value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <NumberInput
        label={t('tool.from')}
        testId={`tool-from${suffix}`}
        value={range.min}
        onValue={(v) => props.onRange((r) => ({ ...r, min: v }))}
      />
      <NumberInput
        label={t('tool.to')}
        testId={`tool-to${suffix}`}
        value={range.max}
        onValue={(v) => props.onRange((r) => ({ ...r, max: v }))}
      />
      <NumberInput
        label={t('tool.points')}
        testId={`tool-points${suffix}`}
        min={2}
        max={props.maxPoints}
        value={props.points}
        onValue={(v) => props.onPoints(Math.max(2, Math.min(props.maxPoints, Math.round(v))))}
      />
    </>
  );
}

export function Toolkit() {
  // a link read (on opening, or Back/Forward to another analysis) fills the form anew
  const revision = useToolSettings((s) => s.linkRevision);
  // deferred: a slider move re-renders the toolkit's form in the background, not on the input path (the urgent
  // render keeps the old scenario, so the memoised form below does not re-render in it at all); below the fold, not
  // at every move at all: the form shows the scenario once input pauses or when scrolled to (useSeen; a run reads
  // the scenario from the store, store/toolkit.ts)
  const box = useRef<HTMLElement>(null);
  const scenario = useSeen(useDeferredValue(useExplorer((s) => s.scenario)), useInView(box));
  return <ToolkitPanel key={revision} revision={revision} scenario={scenario} box={box} />;
}

const ToolkitPanel = memo(function ToolkitPanel({
  revision,
  scenario,
  box,
}: {
  revision: number;
  scenario: Scenario;
  /** the panel's section, which the toolkit watches to know whether it is on screen */
  box: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const id = useId();
  const status = useToolkit((s) => s.status);
  const done = useToolkit((s) => s.done);
  const total = useToolkit((s) => s.total);
  const error = useToolkit((s) => (useLanguage.getState().language === 'ja' ? (s.errorJa ?? s.error) : s.error));
  useLanguage((s) => s.language);
  const startScan = useToolkit((s) => s.startScan);
  const startSensitivity = useToolkit((s) => s.startSensitivity);
  const startHeatmap = useToolkit((s) => s.startHeatmap);
  const cancel = useToolkit((s) => s.cancel);
  const measured = useMeasurements((s) => s.rows.length > 0);

  const [initial] = useState(() => initialForm(scenario, useToolSettings.getState().settings));
  const [kind, setKind] = useState<ToolkitKind>(initial.kind);
  const [readout, setReadout] = useState<ReadoutKind>(initial.readout);
  const [day, setDay] = useState(initial.day);
  const [variable, setVariable] = useState(initial.variable);
  const [range, setRange] = useState(initial.range);
  const [points, setPoints] = useState(initial.points);
  const [variable2, setVariable2] = useState(initial.variable2);
  const [range2, setRange2] = useState(initial.range2);
  // a heat map's grid starts small (8 × 8 = 64 simulations): its cost grows with the product
  const [gridX, setGridX] = useState(initial.gridX);
  const [gridY, setGridY] = useState(initial.gridY);
  const [heatArm, setHeatArm] = useState<number | null>(initial.heatArm);
  const [heatVersus, setHeatVersus] = useState<number | null>(initial.heatVersus);
  const [chosen, setChosen] = useState<ParameterId[]>(initial.chosen);
  const [samples, setSamples] = useState(initial.samples);
  const [arm, setArm] = useState(initial.arm);
  const [versus, setVersus] = useState<number | null>(initial.versus);
  // a link's analysis too large to run unasked: its cost, shown until it is run
  const [waiting, setWaiting] = useState<number | null>(null);

  const options = useMemo(() => variableOptions(scenario, t), [scenario, t]);
  const shown = scenario.arms.filter((a) => !a.hidden);
  const variable_ = options.some((o) => o.value === variable) ? variable : (options.at(-1)?.value ?? variable);
  const variable2_ = options.some((o) => o.value === variable2) ? variable2 : (options.at(-2)?.value ?? variable2);
  const heatArmIndex = heatArm !== null && heatArm < shown.length ? heatArm : null;
  const heatVersusIndex =
    heatArmIndex !== null && heatVersus !== null && heatVersus < shown.length && heatVersus !== heatArmIndex
      ? heatVersus
      : null;
  const heatArms = heatArmIndex === null ? shown.length : heatVersusIndex === null ? 1 : 2;
  const available = new Set(variableParameters(scenario.setting));
  const factors = chosen.filter((p) => available.has(p));
  const armIndex = Math.min(arm, Math.max(0, shown.length - 1));
  const versusIndex = versus !== null && versus < shown.length && versus !== armIndex ? versus : null;
  const day_ = Math.max(0, Math.min(scenario.horizon, day));
  const readoutString = readoutText(readout, day_);
  const runs = kind === 'scan' ? points : kind === 'heatmap' ? gridX * gridY : runCount(kind, factors.length, samples);
  const running = status === 'running';
  // keyboard focus follows the action: to Cancel when a run starts, back to Run when it ends
  const focus = useRunFocus(running);
  // a heat map of a variable against itself is a line: the run waits for a second, different variable
  const same = kind === 'heatmap' && variable_ === variable2_;

  const chooseVariable = (value: string) => {
    setVariable(value);
    setRange(rangeOf(scenario, value));
  };
  const chooseVariable2 = (value: string) => {
    setVariable2(value);
    setRange2(rangeOf(scenario, value));
  };
  const toggle = (p: ParameterId, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((x) => x !== p), p] : list.filter((x) => x !== p)));
  const solves =
    kind === 'scan'
      ? runs * shown.length
      : kind === 'heatmap'
        ? runs * heatArms
        : runs * (versusIndex === null ? 1 : 2);
  /** The analysis as the link writes it (arms counted over all of the scenario's, hidden ones too). */
  const settings = (): ToolSettings => {
    if (kind === 'scan') return { kind, x: { variable: variable_, ...range, points }, readout: readoutString };
    if (kind === 'heatmap')
      return {
        kind,
        x: { variable: variable_, ...range, points: gridX },
        y: { variable: variable2_, ...range2, points: gridY },
        readout: readoutString,
        arm: scenarioIndex(scenario, heatArmIndex),
        versus: scenarioIndex(scenario, heatVersusIndex),
      };
    return {
      kind,
      readout: readoutString,
      arm: scenarioIndex(scenario, armIndex),
      versus: scenarioIndex(scenario, versusIndex),
      factors: factors.map((p) => `p.${p}`),
      ...(kind === 'sobol' ? { samples } : {}),
    };
  };
  const start = () => {
    setWaiting(null);
    useToolSettings.getState().setSettings(settings());
    if (kind === 'scan')
      startScan({ variable: variable_, min: range.min, max: range.max, points, readout: readoutString });
    else if (kind === 'heatmap')
      startHeatmap({
        axes: [
          { variable: variable_, min: range.min, max: range.max, points: gridX },
          { variable: variable2_, min: range2.min, max: range2.max, points: gridY },
        ],
        readout: readoutString,
        arm: heatArmIndex,
        versus: heatVersusIndex,
      });
    else
      startSensitivity({
        method: kind,
        parameters: factors,
        samples,
        readout: readoutString,
        arm: armIndex,
        versus: versusIndex,
      });
  };

  // a link's analysis is taken up once: run at once when cheap, otherwise set up with its cost shown
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per link read (the panel is keyed by it)
  useEffect(() => {
    const store = useToolSettings.getState();
    const linked = store.settings;
    if (revision === 0 || store.takenUp >= revision || !linked || linked.kind === 'fit') return;
    store.takeUp(revision);
    if (same) return;
    if (solves <= LINK_AUTORUN_SOLVES) start();
    else setWaiting(solves);
  }, []);

  const statusText =
    status === 'running'
      ? t('tool.status.running', { done, total })
      : status === 'done'
        ? t('tool.status.done', { total })
        : status === 'cancelled'
          ? t('tool.status.cancelled')
          : status === 'error'
            ? t('tool.status.error', { message: error ?? '' })
            : '';

  return (
    <section ref={box} className="toolkit" aria-labelledby={`${id}-heading`} data-testid="toolkit">
      <h2 id={`${id}-heading`}>{t('tool.title')}</h2>
      <p className="hint">{t('tool.intro')}</p>
      <div className="toolkit-form">
        <label className="select">
          <span>{t('tool.kind')}</span>
          <select data-testid="tool-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ToolkitKind)}>
            <option value="scan">{t('tool.kind.scan')}</option>
            <option value="heatmap">{t('tool.kind.heatmap')}</option>
            <option value="tornado">{t('tool.kind.tornado')}</option>
            <option value="sobol">{t('tool.kind.sobol')}</option>
          </select>
        </label>
        <label className="select">
          <span>{t('tool.readout')}</span>
          <select
            data-testid="tool-readout"
            value={readout}
            onChange={(e) => setReadout(e.currentTarget.value as ReadoutKind)}
          >
            {READOUTS.map((r) => (
              <option key={r} value={r}>
                {t(`tool.readout.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {DAY_READOUTS.has(readout) ? (
          <NumberInput
            label={t('tool.day')}
            testId="tool-day"
            min={0}
            max={scenario.horizon}
            value={day}
            onValue={setDay}
          />
        ) : null}
        {kind === 'scan' || kind === 'heatmap' ? (
          <>
            <VariableFields
              label={t('tool.variable')}
              suffix=""
              options={options}
              variable={variable_}
              range={range}
              points={kind === 'scan' ? points : gridX}
              maxPoints={kind === 'scan' ? 200 : 40}
              onVariable={chooseVariable}
              onRange={setRange}
              onPoints={kind === 'scan' ? setPoints : setGridX}
            />
            {kind === 'scan' ? null : (
              <>
                <VariableFields
                  label={t('tool.variable2')}
                  suffix="2"
                  options={options}
                  variable={variable2_}
                  range={range2}
                  points={gridY}
                  maxPoints={40}
                  onVariable={chooseVariable2}
                  onRange={setRange2}
                  onPoints={setGridY}
                />
                <label className="select">
                  <span>{t('tool.heatmapArm')}</span>
                  <select
                    data-testid="tool-heatmap-arm"
                    value={heatArmIndex ?? ''}
                    onChange={(e) => setHeatArm(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
                  >
                    <option value="">{t('tool.heatmapArm.all')}</option>
                    {shown.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: arms are chosen by their position among the visible
                      <option key={i} value={i}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </label>
                {heatArmIndex !== null ? (
                  <label className="select">
                    <span>{t('tool.heatmapVersus')}</span>
                    <select
                      data-testid="tool-heatmap-versus"
                      value={heatVersusIndex ?? ''}
                      onChange={(e) =>
                        setHeatVersus(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
                      }
                    >
                      <option value="">{t('tool.versus.none')}</option>
                      {shown.map((a, i) =>
                        i === heatArmIndex ? null : (
                          // biome-ignore lint/suspicious/noArrayIndexKey: arms are chosen by their position among the visible
                          <option key={i} value={i}>
                            {a.name}
                          </option>
                        ),
                      )}
                    </select>
                  </label>
                ) : null}
              </>
            )}
          </>
        ) : (
          <>
            <label className="select">
              <span>{t('tool.arm')}</span>
              <select data-testid="tool-arm" value={armIndex} onChange={(e) => setArm(Number(e.currentTarget.value))}>
                {shown.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: arms are chosen by their position among the visible
                  <option key={i} value={i}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="select">
              <span>{t('tool.versus')}</span>
              <select
                data-testid="tool-versus"
                value={versusIndex ?? ''}
                onChange={(e) => setVersus(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
              >
                <option value="">{t('tool.versus.none')}</option>
                {shown.map((a, i) =>
                  i === armIndex ? null : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: arms are chosen by their position among the visible
                    <option key={i} value={i}>
                      {a.name}
                    </option>
                  ),
                )}
              </select>
            </label>
            {kind === 'sobol' ? (
              <label className="select">
                <span>{t('tool.samples')}</span>
                <select
                  data-testid="tool-samples"
                  value={samples}
                  onChange={(e) => setSamples(Number(e.currentTarget.value))}
                >
                  {TOOL_SAMPLES.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <details className="tool-factors" data-testid="tool-factors">
              <summary>{t('tool.parameters', { count: factors.length })}</summary>
              {PARAMETER_GROUPS.map((group) => {
                const ids = [...available].filter((p) => parameterGroup(p) === group);
                if (ids.length === 0) return null;
                return (
                  <fieldset key={group}>
                    <legend>{t(groupLabel(group))}</legend>
                    {ids.map((p) => {
                      const r = parameterRange(p, scenario.setting);
                      return (
                        <label key={p} className="checkbox" title={`${r.min}–${r.max} ${r.unit}`}>
                          <input
                            type="checkbox"
                            data-testid={`tool-factor-${p}`}
                            checked={factors.includes(p)}
                            onChange={(e) => toggle(p, e.currentTarget.checked)}
                          />
                          <span>{p}</span>
                        </label>
                      );
                    })}
                  </fieldset>
                );
              })}
            </details>
          </>
        )}
      </div>
      <div className="toolkit-run">
        <button
          ref={focus.run}
          {...focus.runProps}
          type="button"
          className="primary"
          data-testid="tool-run"
          disabled={running || same}
          onClick={start}
        >
          {t('tool.run')}
        </button>
        {same ? (
          <span className="hint" role="alert" data-testid="tool-same">
            {t('tool.heatmapSame')}
          </span>
        ) : null}
        <span className="hint" data-testid="tool-cost">
          {kind === 'heatmap'
            ? t('tool.heatmapCost', { x: gridX, y: gridY, arms: heatArms, runs, solves: runs * heatArms })
            : t('tool.runs', { runs })}
        </span>
        {running ? (
          <>
            <progress
              data-testid="tool-progress"
              max={total || 1}
              value={done}
              aria-label={t('tool.progress', { done, total })}
            />
            <button ref={focus.cancel} {...focus.cancelProps} type="button" data-testid="tool-cancel" onClick={cancel}>
              {t('tool.cancel')}
            </button>
          </>
        ) : null}
      </div>
      <p className="toolkit-status" role="status" data-testid="tool-status">
        {waiting !== null && status === 'idle' ? t('tool.linkWaiting', { solves: waiting }) : statusText}
      </p>
      <ToolkitResult />
      <MeasurementsImport />
      {measured ? (
        <Suspense fallback={<p className="hint">{t('fit.loading')}</p>}>
          <FitPanel />
        </Suspense>
      ) : null}
    </section>
  );
});
