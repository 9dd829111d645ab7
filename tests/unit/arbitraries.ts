/**
 * fast-check arbitraries for scenarios. Every value they produce is valid (validateScenario returns []), and they
 * reach the corners: range ends, full-precision doubles, tiny and huge dosing windows, names with the link's own
 * punctuation, non-ASCII and astral characters.
 */
import fc from 'fast-check';
import {
  ARM_LIMITS,
  type Arm,
  AXL_LEVELS,
  CANCER_TYPES,
  COHORT_LIMITS,
  COMPARTMENT_VIEWS,
  type CohortSettings,
  checkOutputStep,
  checkSchedule,
  DOSE_LIMITS,
  type DoseSchedule,
  DRUG_IDS,
  type DrugId,
  ENSEMBLE_DRAWS_LIMITS,
  HORIZON_LIMITS,
  INPUT_RANGE,
  type Inputs,
  isCohortSetting,
  LINK_LANGUAGES,
  MACROPHAGE_VIEWS,
  OUTPUT_STEP_LIMITS,
  SCHEDULE_LIMITS,
  type Scenario,
  SETTING_SCALE,
  SETTINGS,
  type Setting,
  type ViewOptions,
  validateScenario,
} from '../../src/scenario';
import { PARAMETER_IDS, parameterRange } from '../../src/scenario/catalogue';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { isInvisibleName, stripNameControls } from '../../src/scenario/names';

/** Any double in [min, max] (never -0). */
export function arbDouble(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true }).map((x) => x + 0);
}

/**
 * A number in [min, max]: an end of the range, a multiple of `step` (what a slider produces) or any double (what a
 * hand-edited link may hold).
 */
export function arbIn(min: number, max: number, step: number): fc.Arbitrary<number> {
  const steps = fc
    .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
    .map((k) => k * step)
    .filter((x) => x >= min && x <= max);
  return fc.oneof(fc.constantFrom(min, max), steps, arbDouble(min, max));
}

export const arbSetting: fc.Arbitrary<Setting> = fc.constantFrom(...SETTINGS);

export const arbInputs: fc.Arbitrary<Inputs> = fc.record({
  nrf2: arbIn(INPUT_RANGE.min, INPUT_RANGE.max, INPUT_RANGE.step),
  neat1: arbIn(INPUT_RANGE.min, INPUT_RANGE.max, INPUT_RANGE.step),
  il6: arbIn(INPUT_RANGE.min, INPUT_RANGE.max, INPUT_RANGE.step),
  axl: fc.constantFrom(...AXL_LEVELS),
  cd8Depleted: fc.boolean(),
});

export const arbPartialInputs: fc.Arbitrary<Partial<Inputs>> = fc.record(
  {
    nrf2: arbIn(INPUT_RANGE.min, INPUT_RANGE.max, INPUT_RANGE.step),
    neat1: arbIn(INPUT_RANGE.min, INPUT_RANGE.max, INPUT_RANGE.step),
    il6: arbIn(INPUT_RANGE.min, INPUT_RANGE.max, INPUT_RANGE.step),
    axl: fc.constantFrom(...AXL_LEVELS),
    cd8Depleted: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Characters that mean something in a link or in the arm syntax, plus some text from outside ASCII. */
const TRICKY_CHARS = [
  '*',
  '**',
  '%',
  '%2A',
  '+',
  '&',
  '=',
  '#',
  '?',
  '/',
  ':',
  '@',
  '-',
  '!',
  '~',
  ' ',
  '\u00a0',
  '\t',
  'hide',
  'atz:1@0-1/1',
  'a',
  'Z',
  '9',
  'é',
  '対照',
  '😀',
  '\u{10FFFF}',
  '\u200d',
];

/** A valid arm name: trimmed, 1 to 40 code points, well-formed Unicode, plain text with something visible. */
export const arbArmName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      'Control',
      'Atezo/bev',
      'NRF2-high, untreated',
      '対照群',
      'アテゾリズマブ＋ベバシズマブ',
      '*',
      'a**b',
    ),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength: 1, maxLength: 20 }),
  )
  .map((s) => [...stripNameControls(s).name.trim()].slice(0, ARM_LIMITS.nameMaxLength).join('').trim())
  .filter((s) => s.length > 0 && !isInvisibleName(s));

/** A valid schedule of `drug` in `setting`: any dose, start and interval in range, any window up to 2000 doses. */
export function arbSchedule(drug: DrugId, setting: Setting): fc.Arbitrary<DoseSchedule> {
  const dose = DOSE_LIMITS[drug][SETTING_SCALE[setting]];
  const { start, interval, maxDoses } = SCHEDULE_LIMITS;
  return fc
    .record({
      dose: arbIn(0, dose.max, dose.step),
      start: arbIn(start.min, start.max, start.step),
      interval: arbIn(interval.min, interval.max, interval.step),
      // the window: a few days, or a fraction of the longest allowed (maxDoses intervals)
      window: fc.oneof(
        arbIn(0.25, 100, 0.25).map((days) => ({ days })),
        arbDouble(Number.MIN_VALUE, 1).map((fraction) => ({ fraction })),
      ),
    })
    .map(({ dose, start, interval, window }) => ({
      dose,
      start,
      stop: start + ('days' in window ? window.days : window.fraction * maxDoses * interval),
      interval,
    }))
    .filter((s) => checkSchedule('t', 't', drug, s, setting).length === 0);
}

export function arbArm(setting: Setting): fc.Arbitrary<Arm> {
  return fc.record({
    name: arbArmName,
    inputs: arbPartialInputs,
    treatments: fc
      .subarray([...DRUG_IDS], { maxLength: DRUG_IDS.length })
      .chain((drugs) => fc.record(Object.fromEntries(drugs.map((d) => [d, arbSchedule(d, setting)])))) as fc.Arbitrary<
      Arm['treatments']
    >,
    hidden: fc.boolean(),
  });
}

/** Horizon, then an output step that gives 2 to 5000 points over it. */
function arbGrid(setting: Setting): fc.Arbitrary<{ horizon: number; outputStep: number }> {
  const h = HORIZON_LIMITS[setting];
  return arbIn(h.min, h.max, h.step).chain((horizon) =>
    arbIn(Math.max(OUTPUT_STEP_LIMITS.min, horizon / OUTPUT_STEP_LIMITS.maxPoints), horizon, OUTPUT_STEP_LIMITS.step)
      .filter((outputStep) => checkOutputStep(outputStep, horizon) === null)
      .map((outputStep) => ({ horizon, outputStep })),
  );
}

/** A whole number in [min, max]: an end of the range or any integer between. */
function arbWhole(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
}

/**
 * Valid model parameter changes in a setting: a few parameters of the table, each anywhere in its documented range
 * (the ends included), at full double precision.
 */
export function arbParameters(setting: Setting): fc.Arbitrary<Partial<Record<string, number>>> {
  return fc
    .uniqueArray(fc.constantFrom(...PARAMETER_IDS), { minLength: 1, maxLength: 6 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) => {
          const r = parameterRange(id, setting);
          return fc.oneof(fc.constantFrom(r.min, r.max), arbDouble(r.min, r.max)).map((x) => [id, x] as const);
        }),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs));
}

/** Valid cohort settings: whole size and seed (range ends included), any cancer type, any interval and cut-off. */
export const arbCohort: fc.Arbitrary<CohortSettings> = fc.record({
  size: arbWhole(COHORT_LIMITS.size.min, COHORT_LIMITS.size.max),
  seed: arbWhole(COHORT_LIMITS.seed.min, COHORT_LIMITS.seed.max),
  cancer: fc.constantFrom(...CANCER_TYPES),
  assessmentInterval: arbIn(
    COHORT_LIMITS.assessmentInterval.min,
    COHORT_LIMITS.assessmentInterval.max,
    COHORT_LIMITS.assessmentInterval.step,
  ),
  pge2Cutoff: arbIn(COHORT_LIMITS.pge2Cutoff.min, COHORT_LIMITS.pge2Cutoff.max, COHORT_LIMITS.pge2Cutoff.step),
});

/**
 * A valid scenario (validateScenario returns []), including the limit on the length of its link. In the setting that
 * allows one (hcc-patient), about half of them are virtual trials with cohort settings.
 */
export const arbScenario: fc.Arbitrary<Scenario> = arbSetting
  .chain((setting) =>
    fc.record({
      setting: fc.constant(setting),
      grid: arbGrid(setting),
      inputs: arbInputs,
      arms: fc.array(arbArm(setting), { minLength: ARM_LIMITS.minArms, maxLength: ARM_LIMITS.maxArms }),
      cohort: isCohortSetting(setting) ? fc.option(arbCohort, { nil: undefined }) : fc.constant(undefined),
      parameters: fc.option(arbParameters(setting), { nil: undefined }),
    }),
  )
  .map(({ setting, grid, inputs, arms, cohort, parameters }): Scenario => {
    const s: Scenario = { setting, ...grid, inputs, arms };
    if (cohort) s.cohort = cohort;
    if (parameters) s.parameters = parameters;
    return s;
  })
  .filter((s) => validateScenario(s).length === 0);

/** Any view options (chart options and language), each one present or not. */
export const arbView: fc.Arbitrary<ViewOptions> = fc.record(
  {
    logScale: fc.boolean(),
    compartments: fc.constantFrom(...COMPARTMENT_VIEWS),
    macrophageView: fc.constantFrom(...MACROPHAGE_VIEWS),
    drugView: fc.constantFrom(...DRUG_IDS),
    language: fc.constantFrom(...LINK_LANGUAGES),
    ensembleDraws: fc.integer({ min: ENSEMBLE_DRAWS_LIMITS.min, max: ENSEMBLE_DRAWS_LIMITS.max }),
    preset: fc.constantFrom(...PRESETS.map((p) => p.id)),
  },
  { requiredKeys: [] },
);
