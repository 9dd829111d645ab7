/**
 * The SBML export is the model of one arm written as SBML Level 3 Version 2: the states as species (cells) or
 * parameters with units, every parameter with its value and source, the algebraic signals as assignment rules, the
 * drug levels as rate rules, doses, oral-dosing windows and the small-population rule as events.
 *
 * It mirrors equations.ts term by term (one block per equation, numbered as in docs/model.md, "Algebraic signals" A1–
 * A11 and "Equations" E1–E9). The schedule, the day-0 state and the parameter values come from the same
 * buildArmProblem() the solver uses, so only the right-hand side is written twice; tests/unit/sbml-export.test.ts
 * evaluates this file's expressions against TumourImmuneModel.derivatives at random states (a changed term fails
 * there with the state's name) and an independent SBML engine integrates every preset to the solver's curves.
 *
 * Changing equations.ts? Change the matching block below; a new parameter needs nothing here (the table is read).
 */
import type { Arm, Scenario } from '../scenario/types';
import { DRUG_IDS } from '../scenario/types';
import { DRUG_COUNT } from './equations';
import { type ModelParameters, PARAMETERS } from './parameters';
import { SETTING_INFO } from './settings';
import { type ArmProblem, buildArmProblem, type SimulateOptions } from './simulate';
import { CELLS_PER_MM3, STATE_NAMES } from './state';
import { DRUGS, pharmacology } from './treatments';

/** Version of the export's layout (ids, rules, events); bumped when a consumer would need to change. */
export const SBML_EXPORT_VERSION = '3';

// ---------------------------------------------------------------------------------------------------------------
// A small expression tree: written to MathML, and evaluated by the tests against the solver's right-hand side.

export type Expr =
  | { k: 'num'; v: number; unit?: string }
  | { k: 'ref'; id: string }
  | { k: 'time' }
  | { k: 'apply'; op: 'plus' | 'minus' | 'times' | 'divide' | 'power'; args: Expr[] }
  | { k: 'compare'; op: 'lt' | 'gt' | 'geq'; args: [Expr, Expr] }
  | { k: 'piecewise'; value: Expr; condition: Expr; otherwise: Expr };

const num = (v: number, unit = 'dimensionless'): Expr => ({ k: 'num', v, unit });
const ref = (id: string): Expr => ({ k: 'ref', id });
const TIME: Expr = { k: 'time' };
const term = (x: Expr | string): Expr => (typeof x === 'string' ? ref(x) : x);
const add = (...a: (Expr | string)[]): Expr => ({ k: 'apply', op: 'plus', args: a.map(term) });
const sub = (a: Expr | string, b: Expr | string): Expr => ({ k: 'apply', op: 'minus', args: [term(a), term(b)] });
const mul = (...a: (Expr | string)[]): Expr => ({ k: 'apply', op: 'times', args: a.map(term) });
const div = (a: Expr | string, b: Expr | string): Expr => ({ k: 'apply', op: 'divide', args: [term(a), term(b)] });
const pow = (a: Expr | string, b: Expr | string): Expr => ({ k: 'apply', op: 'power', args: [term(a), term(b)] });
const oneMinus = (a: Expr | string): Expr => sub(num(1), a);
const compare = (op: 'lt' | 'gt' | 'geq', a: Expr | string, b: Expr | string): Expr => ({
  k: 'compare',
  op,
  args: [term(a), term(b)],
});
const piecewise = (value: Expr | string, condition: Expr, otherwise: Expr | string): Expr => ({
  k: 'piecewise',
  value: term(value),
  condition,
  otherwise: term(otherwise),
});

/** Evaluates an expression; `values` holds every id it refers to. */
export function evaluate(e: Expr, values: Readonly<Record<string, number>>, t = 0): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'ref': {
      const v = values[e.id];
      if (v === undefined) throw new Error(`SBML expression refers to an undefined id "${e.id}"`);
      return v;
    }
    case 'time':
      return t;
    case 'apply': {
      const a = e.args.map((x) => evaluate(x, values, t));
      if (e.op === 'plus') return a.reduce((s, x) => s + x, 0);
      if (e.op === 'times') return a.reduce((s, x) => s * x, 1);
      if (e.op === 'minus') return a.length === 1 ? -a[0] : a[0] - a[1];
      if (e.op === 'divide') return a[0] / a[1];
      return a[0] ** a[1];
    }
    case 'compare': {
      const [a, b] = e.args.map((x) => evaluate(x, values, t));
      return (e.op === 'lt' ? a < b : e.op === 'gt' ? a > b : a >= b) ? 1 : 0;
    }
    case 'piecewise':
      return evaluate(e.condition, values, t) ? evaluate(e.value, values, t) : evaluate(e.otherwise, values, t);
  }
}

/** The ids an expression refers to. */
export function references(e: Expr, out = new Set<string>()): Set<string> {
  if (e.k === 'ref') out.add(e.id);
  else if (e.k === 'apply') for (const a of e.args) references(a, out);
  else if (e.k === 'compare') for (const a of e.args) references(a, out);
  else if (e.k === 'piecewise') {
    references(e.value, out);
    references(e.condition, out);
    references(e.otherwise, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The model of one arm as data.

export interface SbmlQuantity {
  id: string;
  name: string;
  value: number;
  /** an id of UNITS, or undefined when the unit is not expressible */
  units?: string;
  /** the unit as written in the parameter table (kept in the notes) */
  unitText: string;
  constant: boolean;
  note: string;
  sbo?: string;
}

export interface SbmlRule {
  variable: string;
  math: Expr;
  /** the equation in docs/model.md */
  equation: string;
}

export interface SbmlEvent {
  id: string;
  name: string;
  trigger: Expr;
  assignments: { variable: string; math: Expr }[];
}

export interface SbmlModel {
  id: string;
  name: string;
  notes: string[];
  /** species: populations counted in cells, in the nominal compartment `tumour` */
  species: SbmlQuantity[];
  parameters: SbmlQuantity[];
  assignmentRules: SbmlRule[];
  rateRules: SbmlRule[];
  events: SbmlEvent[];
  /** the scale's NCBI taxon (mouse 10090, human 9606) */
  taxon: string;
}

/** Unit definitions: id -> [kind, exponent, scale, multiplier][]. */
const UNITS: Record<string, [string, number, number, number][]> = {
  day: [['second', 1, 0, 86400]],
  per_day: [['second', -1, 0, 86400]],
  cell: [['item', 1, 0, 1]],
  cell_per_day: [
    ['item', 1, 0, 1],
    ['second', -1, 0, 86400],
  ],
  nM: [
    ['mole', 1, -9, 1],
    ['litre', -1, 0, 1],
  ],
  nM_per_day: [
    ['mole', 1, -9, 1],
    ['litre', -1, 0, 1],
    ['second', -1, 0, 86400],
  ],
  mm3: [['litre', 1, -6, 1]],
  pg_per_mL: [
    ['gram', 1, -12, 1],
    ['litre', -1, -3, 1],
  ],
  pg_per_cell_per_day: [
    ['gram', 1, -12, 1],
    ['item', -1, 0, 1],
    ['second', -1, 0, 86400],
  ],
  litre_per_day: [
    ['litre', 1, 0, 1],
    ['second', -1, 0, 86400],
  ],
  /** the 1000 of "L/day x 1000 mL/L" (a pure number whose unit says what it converts) */
  mL_per_L: [['dimensionless', 1, 0, 0.001]],
  cell_per_mm3: [
    ['item', 1, 0, 1],
    ['litre', -1, -6, 1],
  ],
  // the level per unit of dose (treatments.ts pharmacology): mg per unit x 1e-3 / molar mass / exposure / 1e-9
  mg: [['gram', 1, -3, 1]],
  g_per_mol: [
    ['gram', 1, 0, 1],
    ['mole', -1, 0, 1],
  ],
  /** the 1e-3 of "mg x 1e-3 g/mg" (as mL_per_L: a pure number whose unit says what it converts) */
  g_per_mg: [['dimensionless', 1, 0, 1000]],
  /** the 1e-9 of "mol/L / 1e-9 M/nM" */
  M_per_nM: [['dimensionless', 1, 0, 1e9]],
  /** an oral drug's average level per unit of daily dose: nM per (unit of dose / day) */
  nM_day: [
    ['mole', 1, -9, 1],
    ['litre', -1, 0, 1],
    ['second', 1, 0, 86400],
  ],
};

/** Units of the parameter table (parameters.ts) as SBML unit ids. */
function unitId(text: string): string | undefined {
  const known: Record<string, string> = {
    '1/day': 'per_day',
    cells: 'cell',
    'cells/day': 'cell_per_day',
    '-': 'dimensionless',
    relative: 'dimensionless',
    fraction: 'dimensionless',
    nM: 'nM',
    'nM/day': 'nM_per_day',
    mm3: 'mm3',
    'pg/mL': 'pg_per_mL',
    'pg/cell/day': 'pg_per_cell_per_day',
    'L/day': 'litre_per_day',
    L: 'litre',
    mg: 'mg',
    'g/mol': 'g_per_mol',
    'nM day': 'nM_day',
    // neat1PlasmaRelease: a number per 1e9 cells; the rule divides N by a literal 1e9 cells
    'per 1e9 cells': 'dimensionless',
    day: 'day',
    days: 'day',
    // immuneEscapeRate: events per cell division, a probability (the rule multiplies it by the birth flux in cells/day)
    'per division': 'dimensionless',
    // extinctionThreshold: compared with the lineage weights, which the file counts in cells (expected surviving lineages)
    lineages: 'cell',
  };
  return known[text];
}

/** Seed studies and the other sources the parameter notes cite (docs/model.md, "Sources"). */
export const SOURCE_DOIS: readonly [string, string][] = [
  ['seed 000: Yamamoto, Kodama et al., Hepatology 2026', '10.1097/HEP.0000000000001677'],
  ['seed 001: Tsuchiya, Namba et al., Oncogene 2025', '10.1038/s41388-025-03537-3'],
  ['seed 003: Wang, Yamada, ..., Yano, Nat Commun 2020', '10.1038/s41467-020-18442-4'],
  ['seed 004: Toyoshima, Kitamura et al., Cancer Immunol Res 2019', '10.1158/2326-6066.CIR-18-0766'],
  ['IMbrave150: Finn et al., N Engl J Med 2020', '10.1056/NEJMoa1915745'],
];

const TINY = 1e-30; // equations.ts: guards 0/0 when a population is empty

/** SBML ids of the drug levels and occupancies (SIds cannot hold the series' dots). */
export const drugLevelId = (drug: string): string => `drug_${drug}`;
const occupancyId = (drug: string): string => `theta_${drug}`;

/**
 * How each state of state.ts is written: populations counted in cells become species (in the nominal compartment
 * `tumour`), the others parameters with rate rules.
 */
const STATE_EXPORT: Record<string, { name: string; unit: 'cells' | 'fraction' | 'occupancy-days' }> = {
  sensitive: { name: 'drug-sensitive tumour cells', unit: 'cells' },
  persister: { name: 'drug-tolerant persister cells (seed 003)', unit: 'cells' },
  resistant: { name: 'resistant tumour cells', unit: 'cells' },
  cd8: { name: 'effector CD8 T cells in the tumour', unit: 'cells' },
  m1: { name: 'M1 (anti-tumour) macrophages', unit: 'cells' },
  m2: { name: 'M2 (pro-tumour) macrophages', unit: 'cells' },
  dcMaturation: { name: 'mature dendritic-cell fraction, 0..1', unit: 'fraction' },
  igf1rToxicity: { name: 'IGF-1R / insulin-receptor toxicity index: cumulative occupancy', unit: 'occupancy-days' },
  immuneEscape: { name: 'immune-escape variants: not killed by T cells or macrophages', unit: 'cells' },
  lineageSensitive: { name: 'lineage weight of sensitive cells: expected surviving lineages', unit: 'cells' },
  lineagePersister: { name: 'lineage weight of persisters', unit: 'cells' },
  lineageResistant: { name: 'lineage weight of resistant cells', unit: 'cells' },
  lineageEscape: { name: 'lineage weight of immune-escape variants', unit: 'cells' },
  t790m: { name: 'EGFR T790M cells: not killed by a first-generation EGFR inhibitor', unit: 'cells' },
  lineageT790m: { name: 'lineage weight of EGFR T790M cells', unit: 'cells' },
};

export interface SbmlOptions extends SimulateOptions {
  /** creation date written into the annotation (default: now) */
  created?: Date;
  /** the scenario's share link (query string), kept in the notes so the scenario can be reopened */
  link?: string;
}

/** Builds the SBML model of one arm from the solver's own problem (schedule, day-0 state, parameters). */
export function sbmlModel(scenario: Scenario, armIndex: number, options: SbmlOptions = {}): SbmlModel {
  const arm: Arm | undefined = scenario.arms[armIndex];
  if (!arm) throw new RangeError(`the scenario has no arm ${armIndex + 1}`);
  const problem: ArmProblem = buildArmProblem(scenario, arm, options);
  const p: ModelParameters = problem.model.p;
  const inputs = problem.model.inputs;
  const info = SETTING_INFO[scenario.setting];
  const scale = info.scale;

  const species: SbmlQuantity[] = [];
  const parameters: SbmlQuantity[] = [];
  const assignmentRules: SbmlRule[] = [];
  const rateRules: SbmlRule[] = [];
  const events: SbmlEvent[] = [];
  const constant = (id: string, name: string, value: number, unitText: string, note: string, sbo?: string) =>
    parameters.push({ id, name, value, units: unitId(unitText), unitText, constant: true, note, sbo });
  const variable = (id: string, name: string, unitText: string, note: string, value = 0) =>
    parameters.push({ id, name, value, units: unitId(unitText), unitText, constant: false, note });
  const rule = (variable: string, math: Expr, equation: string) => assignmentRules.push({ variable, math, equation });
  const rate = (variable: string, math: Expr, equation: string) => rateRules.push({ variable, math, equation });

  // --- parameters: every row of the parameter table, with this setting's value -------------------------------
  for (const row of PARAMETERS) {
    const changed = scenario.parameters?.[row.id] !== undefined;
    const by = changed ? 'this scenario' : `the setting ${scenario.setting}`;
    const value = p[row.id] === row[scale] ? '' : `, changed to ${p[row.id]} by ${by}`;
    const note = `${row.source}. ${scale} value ${row[scale]}${value}; range ${row.range[0]}-${row.range[1]} ${row.unit}.`;
    constant(row.id, row.id, p[row.id], row.unit, note, row.unit === '1/day' ? 'SBO:0000009' : 'SBO:0000002');
  }
  constant(
    'tiny',
    'guard against 0/0',
    TINY,
    'cells',
    'equations.ts: far below one cell; keeps empty-population ratios 0.',
  );

  // --- inputs of this arm (the sliders) ----------------------------------------------------------------------
  constant(
    'nrf2',
    'NRF2 activation',
    inputs.nrf2,
    '-',
    'input: 0 wild-type KEAP1/NRF2, 1 constitutively active (seeds 000, 002)',
  );
  constant('neat1', 'NEAT1 expression', inputs.neat1, '-', 'input: 0 low, 1 high (seed 001)');
  constant('il6', 'IL-6 level', inputs.il6, '-', 'input: 0 IL-6 deficient, 1 high (seed 004)');
  constant('axlHigh', 'AXL high (1) or low (0)', inputs.axl === 'high' ? 1 : 0, '-', 'input (seed 003)');
  constant('cd8Depleted', 'CD8 T cells depleted (1) or not (0)', inputs.cd8Depleted ? 1 : 0, '-', 'input (seed 004)');
  constant(
    'egfrMutant',
    'EGFR-mutant (1) or wild type (0)',
    inputs.egfr === 'mutant' ? 1 : 0,
    '-',
    "input: the tumour's EGFR status (osimertinib acts only on EGFR-mutant cells)",
  );

  // --- states ------------------------------------------------------------------------------------------------
  const [S, P, R, E, M1, M2, D, X, V, WS, WP, WR, WV, T, WT] = STATE_NAMES;
  const dayZero = info.establishedAtStart
    ? ' Day-0 value: the state the untreated tumour built while growing to its size at diagnosis (docs/model.md, "Established tumour").'
    : '';
  STATE_NAMES.forEach((name, i) => {
    const state = STATE_EXPORT[name];
    // A state added to state.ts needs a row in STATE_EXPORT (and a rate rule below): say so instead of guessing.
    if (!state) throw new Error(`sbml.ts: the state "${name}" has no entry in STATE_EXPORT`);
    const q: SbmlQuantity = {
      id: name,
      name: state.name,
      value: problem.y0[i],
      units: unitId(state.unit) ?? (state.unit === 'occupancy-days' ? 'day' : undefined),
      unitText: state.unit,
      constant: false,
      note: `${state.name}.${dayZero}`,
    };
    if (state.unit === 'cells') species.push({ ...q, sbo: 'SBO:0000240' });
    else parameters.push(q);
  });

  // --- drugs: occupancy and one-compartment pharmacokinetics ---------------------------------------------------
  DRUG_IDS.forEach((drug, slot) => {
    const d = DRUGS[drug];
    const pk = pharmacology(drug, scale, p);
    constant(
      `K_${drug}`,
      `${d.label}: level for half-maximal effect`,
      problem.model.halfMaximal[slot],
      'nM',
      `treatments.ts (${d.target}); docs/model.md, "Treatments"`,
    );
    // k_x = ln 2 / half-life: a rule on the parameter, so that changing the half-life in a tool changes the elimination
    const kel = problem.model.drugs.elimination[slot];
    parameters.push({
      id: `kel_${drug}`,
      name: `${d.label}: first-order elimination`,
      value: kel,
      units: unitId('1/day'),
      unitText: '1/day',
      constant: false,
      note: `assignment rule: ln 2 / ${d.pk.halfLife} (parameter table; treatments.ts)`,
      sbo: 'SBO:0000009',
    });
    rule(`kel_${drug}`, div(num(Math.LN2), d.pk.halfLife), 'k_x = ln 2 / half-life');
    // the level per unit of dose: mg per unit x 1e-3 / molar mass / exposure / 1e-9 (treatments.ts pharmacology), a
    // rule on the exposure parameter (volume of a bolus drug, CL/F of an oral one), so that changing it in a tool
    // changes the bolus amounts and the oral levels; the operations are the app's, in its order
    const unit = d[scale];
    constant(
      `mgPerUnit_${drug}`,
      `${d.label}: mg of drug per unit of dose`,
      unit.mgPerUnit,
      'mg',
      `treatments.ts (${scale}): 1 for a flat dose in mg, the body weight in kg for a dose in mg/kg (mouse 20 g, patient 70 kg)`,
    );
    constant(`molarMass_${drug}`, `${d.label}: molar mass`, unit.molarMass, 'g/mol', `treatments.ts (${scale})`);
    const perUnitUnit = d.route === 'bolus' ? 'nM' : 'nM day';
    variable(
      `nMPerUnit_${drug}`,
      `${d.label}: ${d.route === 'bolus' ? 'level jump per unit of dose' : 'average level per unit of daily dose'}`,
      perUnitUnit,
      `assignment rule: mgPerUnit_${drug} x 1e-3 / molarMass_${drug} / ${d.pk.exposure} / 1e-9 (treatments.ts)`,
      pk.nMPerUnit,
    );
    rule(
      `nMPerUnit_${drug}`,
      div(
        div(div(mul(`mgPerUnit_${drug}`, num(1e-3, 'g_per_mg')), `molarMass_${drug}`), d.pk.exposure),
        num(1e-9, 'M_per_nM'),
      ),
      'nM per unit = mg per unit x 1e-3 / molar mass / exposure / 1e-9',
    );
    variable(
      drugLevelId(drug),
      `${d.label}: level`,
      'nM',
      `${d.route === 'bolus' ? 'bolus doses as events' : 'zero-order oral input during the dosing window'}; nMPerUnit_${drug} per unit of dose (from ${d.pk.exposure}, parameter table; treatments.ts)`,
    );
    // theta_x = A_x / (A_x + K_x), 0 without drug (docs/model.md, "Algebraic signals")
    rule(
      occupancyId(drug),
      piecewise(
        div(drugLevelId(drug), add(drugLevelId(drug), `K_${drug}`)),
        compare('gt', drugLevelId(drug), num(0, 'nM')),
        num(0),
      ),
      'theta_x',
    );
    variable(occupancyId(drug), `${d.label}: target occupancy`, '-', 'assignment rule');
    // oral input: the sum of this drug's dosing windows, each switched on and off by events
    const windows = problem.oralWindows[slot];
    const schedule = arm.treatments[drug];
    if (windows.length > 0 && (!schedule || windows.length !== 3))
      throw new Error(`sbml.ts: ${drug} has oral windows that are not one per schedule`);
    if (d.route === 'bolus' && schedule)
      constant(
        `dose_${drug}`,
        `${d.label}: dose, units of dose`,
        schedule.dose,
        '-',
        "the arm's schedule (bolus events)",
      );
    const inputs: Expr[] = [];
    for (let w = 0; w < windows.length; w += 3) {
      const id = `oral_${drug}_${w / 3}`;
      // u = (dose x nM per unit / interval) x k_x: the window's average level times the elimination rule, so the
      // average level stays the dose's whatever the half-life (the model's choice, treatments.ts)
      const dose = schedule?.dose ?? Number.NaN;
      const interval = schedule?.interval ?? Number.NaN;
      constant(`${id}_dose`, `${d.label}: dose of window ${w / 3 + 1}, units of dose`, dose, '-', "the arm's schedule");
      constant(
        `${id}_interval`,
        `${d.label}: dosing interval of window ${w / 3 + 1}`,
        interval,
        'day',
        "the arm's schedule",
      );
      variable(
        `${id}_level`,
        `${d.label}: average level of window ${w / 3 + 1}`,
        'nM',
        `assignment rule: dose x nMPerUnit_${drug} / interval (treatments.ts): days ${windows[w]}-${windows[w + 1]}`,
        (dose * pk.nMPerUnit) / interval,
      );
      rule(
        `${id}_level`,
        div(mul(`${id}_dose`, `nMPerUnit_${drug}`), `${id}_interval`),
        'level = dose x nM per unit / interval',
      );
      variable(
        `${id}_rate`,
        `${d.label}: oral input in window ${w / 3 + 1}`,
        'nM/day',
        'assignment rule',
        windows[w + 2],
      );
      rule(`${id}_rate`, mul(`${id}_level`, `kel_${drug}`), 'u_x = level x k_x');
      variable(`${id}_on`, `${d.label}: window ${w / 3 + 1} open (1) or closed (0)`, '-', 'set by the window events');
      inputs.push(mul(`${id}_on`, `${id}_rate`));
    }
    // E8: dA_x/dt = u_x - k_x A_x (between events; boluses add to A_x)
    rate(
      drugLevelId(drug),
      sub(inputs.length ? add(...inputs) : num(0, 'nM_per_day'), mul(`kel_${drug}`, drugLevelId(drug))),
      'E8',
    );
  });

  // --- algebraic signals (docs/model.md, "Algebraic signals") --------------------------------------------------
  const signal = (id: string, name: string, unitText: string, math: Expr, equation: string) => {
    variable(id, name, unitText, `assignment rule (${equation})`);
    rule(id, math, equation);
  };
  signal('tumourCells', 'all tumour cells N = S + P + R + V + T', 'cells', add(S, P, R, V, T), 'N');
  signal(
    'tumourVolume',
    'tumour volume, mm3 (1e6 cells per mm3)',
    'mm3',
    div('tumourCells', num(CELLS_PER_MM3, 'cell_per_mm3')),
    'volume',
  );
  // A1: G = pge2Basal (1 + a_NRF2 nrf2)(1 - theta_cox2i), intratumoral PGE2 (tumour COX-2 activity)
  signal(
    'pge2Tumour',
    'intratumoral PGE2, relative',
    'relative',
    mul('pge2Basal', add(num(1), mul('nrf2Pge2Induction', 'nrf2')), oneMinus(occupancyId('cox2i'))),
    'A1',
  );
  // A2: I_G = I_max G^h / (G^h + G50^h)
  signal(
    'pge2Inhibition',
    'PGE2 exclusion of T cells',
    '-',
    div(
      mul('pge2MaxInhibition', pow('pge2Tumour', 'pge2Hill')),
      add(pow('pge2Tumour', 'pge2Hill'), pow('pge2Half', 'pge2Hill')),
    ),
    'A2',
  );
  // A1b: plasma PGE2, pg/mL = baseline + q N G / (CL x 1000 mL/L)
  signal(
    'pge2Plasma',
    'plasma PGE2, pg/mL',
    'pg/mL',
    add(
      'pge2PlasmaBaseline',
      div(mul('pge2CellProduction', 'tumourCells', 'pge2Tumour'), mul('pge2Clearance', num(1000, 'mL_per_L'))),
    ),
    'A1b',
  );
  // A1c: plasma NEAT1 = 1 + release N (1 + 4 neat1) / 1e9, relative to a tumour-free host
  signal(
    'neat1Plasma',
    'plasma NEAT1, relative',
    'relative',
    add(num(1), div(mul('neat1PlasmaRelease', 'tumourCells', add(num(1), mul(num(4), 'neat1'))), num(1e9, 'cell'))),
    'A1c',
  );
  // A3: I_IL6 = IL6 / (IL6 + K_IL6), IL6 = il6 (1 - theta_antiIL6)
  signal('il6Free', 'IL-6 after blockade', 'relative', mul('il6', oneMinus(occupancyId('antiIL6'))), 'A3');
  signal('il6Signal', 'IL-6 signalling', '-', div('il6Free', add('il6Free', 'il6Half')), 'A3');
  // A4: Psi = 1 / (1 + nu (1 - theta_bev)); theta_bev also blocks VEGF-driven growth
  signal(
    'angiogenesisBlocked',
    'VEGF signalling blocked, 1 - (1 - theta_bev)(1 - theta_sorafenib)',
    '-',
    oneMinus(mul(oneMinus(occupancyId('bevacizumab')), oneMinus(occupancyId('sorafenib')))),
    'A4',
  );
  signal(
    'vascularAccess',
    'vascular access',
    '-',
    div(num(1), add(num(1), mul('vegfExclusion', oneMinus(occupancyId('bevacizumab'))))),
    'A4',
  );
  // A5: IFN = E / (E + 0.05 N) + c_IFN1 (1 - I_IL6)
  signal(
    'ifn',
    'interferon signal',
    'relative',
    add(div(E, add(E, mul(num(0.05), 'tumourCells'), 'tiny')), mul('type1IfnFromDc', oneMinus('il6Signal'))),
    'A5',
  );
  // A6: PDL1 = PDL1_0 (1 + r_IFN IFN / (IFN + K_IFN)) (1 - theta_atezolizumab)
  signal(
    'pdl1',
    'free tumour PD-L1, relative',
    'relative',
    mul(
      'pdl1Basal',
      add(num(1), div(mul('pdl1IfnInduction', 'ifn'), add('ifn', 'pdl1IfnHalf'))),
      oneMinus(occupancyId('atezolizumab')),
    ),
    'A6',
  );
  // A7: H_PD1 = y^n / (1 + y^n), y = PDL1 (1 - theta_antiPD1) / PD1_50
  signal(
    'pd1Engaged',
    'PD-1 engagement y',
    'relative',
    div(mul('pdl1', oneMinus(occupancyId('antiPD1'))), 'pd1HalfPdl1'),
    'A7',
  );
  signal(
    'pd1Inhibition',
    'PD-1 brake',
    '-',
    div(pow('pd1Engaged', 'pd1Hill'), add(num(1), pow('pd1Engaged', 'pd1Hill'))),
    'A7',
  );
  // A8: CD24 = CD24_0 (1 + a_NEAT1 neat1)(1 - theta_antiCD24); the series is CD24 / CD24_0
  signal(
    'cd24Level',
    'free CD24 in units of half engagement',
    'relative',
    mul('cd24Basal', add(num(1), mul('neat1Cd24Induction', 'neat1')), oneMinus(occupancyId('antiCD24'))),
    'A8',
  );
  signal('cd24', 'free CD24 relative to a NEAT1-low tumour', 'relative', div('cd24Level', 'cd24Basal'), 'A8');
  // A9: H_CD24 = CD24^2 / (1 + CD24^2)
  signal(
    'cd24Engagement',
    'CD24 engagement',
    '-',
    div(pow('cd24Level', num(2)), add(num(1), pow('cd24Level', num(2)))),
    'A9',
  );
  signal('m2Fraction', 'fM2 = M2 / (M1 + M2)', 'fraction', div(M2, add(M1, M2, 'tiny')), 'fM2');
  // A10: T-cell kill = k_T E / (K_TC N + E) (1 - H_PD1)(1 - s_M2 fM2)(1 - s_IL6 I_IL6)(1 - s_PGE2 I_PGE2)
  signal(
    'tCellKill',
    'T-cell kill per tumour cell',
    '1/day',
    mul(
      div(mul('tCellKillRate', E), add(mul('tCellKillHalfRatio', 'tumourCells'), E, 'tiny')),
      oneMinus('pd1Inhibition'),
      oneMinus(mul('m2KillSuppression', 'm2Fraction')),
      oneMinus(mul('il6KillSuppression', 'il6Signal')),
      oneMinus(mul('pge2EffectorSuppression', 'pge2Inhibition')),
    ),
    'A10',
  );
  // A11: phagocytosis = k_ph M1 / (M1 + K_MC N) (1 - H_CD24)
  signal(
    'phagocytosis',
    'phagocytosis per tumour cell',
    '1/day',
    mul(
      div(mul('phagocytosisRate', M1), add(M1, mul('phagocytosisHalfRatio', 'tumourCells'), 'tiny')),
      oneMinus('cd24Engagement'),
    ),
    'A11',
  );
  signal('immuneKill', 'kill = T-cell kill + phagocytosis', '1/day', add('tCellKill', 'phagocytosis'), 'kill');
  // growth = (1 - N/K)(1 + g_M2 fM2) max(1 - a_VEGF theta_angio, 0)(1 - a_sor theta_sorafenib)
  signal(
    'growth',
    'logistic growth factor with M2 support and VEGF-driven angiogenesis',
    '-',
    mul(
      oneMinus(div('tumourCells', 'carryingCapacity')),
      add(num(1), mul('m2GrowthSupport', 'm2Fraction')),
      // max(1 - a_VEGF theta_angio, 0): at most all of the growth is lost (equations.ts)
      piecewise(
        oneMinus(mul('angiogenesisGrowthDependence', 'angiogenesisBlocked')),
        compare('lt', mul('angiogenesisGrowthDependence', 'angiogenesisBlocked'), num(1)),
        num(0),
      ),
      oneMinus(mul('sorafenibGrowthInhibition', occupancyId('sorafenib'))),
    ),
    'growth',
  );
  // seed 003 switches, and the seed-004 control experiment; osimertinib acts only on EGFR-mutant tumours
  signal(
    'osimertinibEffect',
    'theta_o = egfrMutant theta_osimertinib',
    '-',
    mul('egfrMutant', occupancyId('osimertinib')),
    'theta_o',
  );
  // a first-generation inhibitor blocks EGFR with a sensitising mutation, not EGFR T790M
  signal(
    'gefitinibEffect',
    'theta_g = egfrMutant theta_gefitinib',
    '-',
    mul('egfrMutant', occupancyId('gefitinib')),
    'theta_g',
  );
  signal(
    'egfrBlocked',
    'theta_S = 1 - (1 - theta_o)(1 - theta_g): either inhibitor on the sensitising mutation',
    '-',
    oneMinus(mul(oneMinus('osimertinibEffect'), oneMinus('gefitinibEffect'))),
    'theta_S',
  );
  signal('persisterEntryRate', 'sigma theta_S', '1/day', mul('persisterEntry', 'egfrBlocked'), 'E1');
  signal(
    'persisterReversionRate',
    'rho (1 - theta_S)',
    '1/day',
    mul('persisterReversion', oneMinus('egfrBlocked')),
    'E1',
  );
  signal('resistanceAcquisitionRate', 'mu theta_o', '1/day', mul('resistanceAcquisition', 'osimertinibEffect'), 'E2');
  signal('t790mAcquisitionRate', 'mu_T theta_g', '1/day', mul('t790mAcquisition', 'gefitinibEffect'), 'E2');
  signal(
    'igf1rDependence',
    'phi_IGF: 1 AXL-low, axlHighIgf1rDependence AXL-high',
    '-',
    piecewise('axlHighIgf1rDependence', compare('gt', 'axlHigh', num(0.5)), num(1)),
    'phi_IGF',
  );
  signal(
    'tCellRecruitmentActive',
    'a_E: 0 when CD8 T cells are depleted',
    '1/day',
    mul('tCellRecruitment', oneMinus('cd8Depleted')),
    'a_E',
  );

  signal(
    'osimertinibKillRate',
    'k_osi (theta_o + r_g theta_g (1 - theta_o)): each inhibitor at its own potency',
    '1/day',
    mul(
      'osimertinibKill',
      add('osimertinibEffect', mul('gefitinibRelativeKill', 'gefitinibEffect', oneMinus('osimertinibEffect'))),
    ),
    'E1',
  );
  signal('t790mKillRate', 'k_osi theta_o (T790M cells)', '1/day', mul('osimertinibKill', 'osimertinibEffect'), 'E3c');
  // sorafenib's pro-apoptotic kill, independent of growth: k_apo theta_sorafenib
  signal(
    'sorafenibKillRate',
    'k_apo theta_sorafenib',
    '1/day',
    mul('sorafenibApoptosis', occupancyId('sorafenib')),
    'E1',
  );
  // births behind the net growth rate and crowding: growth+ = max(growth, 0), crowding = max(-growth, 0)
  signal('growthUp', 'max(growth, 0)', '-', piecewise('growth', compare('gt', 'growth', num(0)), num(0)), 'b_S');
  signal(
    'crowding',
    'max(-growth, 0)',
    '-',
    piecewise(sub(num(0), 'growth'), compare('lt', 'growth', num(0)), num(0)),
    'b_S',
  );
  signal(
    'escapeFlux',
    'u_V b_S S, b_S = r_S growth+ / (1 - cell loss)',
    'cells/day',
    div(mul('immuneEscapeRate', 'sensitiveGrowthRate', 'growthUp', S), oneMinus('cellLossFactor')),
    'E1',
  );

  // --- equations (docs/model.md, "Equations") ------------------------------------------------------------------
  // E1: dS/dt = r_S S growth - kill S - (k_osi theta_o + sigma theta_o + k_apo theta_sor) S + rho (1 - theta_o) P - u_V b_S S
  rate(
    S,
    sub(
      add(
        sub(
          sub(mul('sensitiveGrowthRate', S, 'growth'), mul('immuneKill', S)),
          mul(add('osimertinibKillRate', 'persisterEntryRate', 'sorafenibKillRate'), S),
        ),
        mul('persisterReversionRate', P),
      ),
      'escapeFlux',
    ),
    'E1',
  );
  // E2: dP/dt = sigma theta_o S - (rho (1 - theta_o) + mu theta_o + d_P + k_IGF phi_IGF theta_i + kill + k_apo theta_sor) P
  rate(
    P,
    sub(
      mul('persisterEntryRate', S),
      mul(
        add(
          'persisterReversionRate',
          'resistanceAcquisitionRate',
          't790mAcquisitionRate',
          'persisterDeath',
          mul('igf1rPersisterKill', 'igf1rDependence', occupancyId('igf1ri')),
          'immuneKill',
          'sorafenibKillRate',
        ),
        P,
      ),
    ),
    'E2',
  );
  // E3: dR/dt = r_R R growth + mu theta_o P - (kill + k_apo theta_sor) R
  rate(
    R,
    sub(
      add(mul('resistantGrowthRate', R, 'growth'), mul('resistanceAcquisitionRate', P)),
      mul(add('immuneKill', 'sorafenibKillRate'), R),
    ),
    'E3',
  );
  // E3b: dV/dt = r_S V growth - (k_osi theta_S + k_apo theta_sor) V + u_V b_S S (immune-escape variants)
  rate(
    V,
    add(
      sub(mul('sensitiveGrowthRate', V, 'growth'), mul(add('osimertinibKillRate', 'sorafenibKillRate'), V)),
      'escapeFlux',
    ),
    'E3b',
  );
  // E3c: dT/dt = r_R T growth + mu_T theta_g P - (kill + k_osi theta_o + k_apo theta_sor) T (EGFR T790M cells)
  rate(
    T,
    sub(
      add(mul('resistantGrowthRate', T, 'growth'), mul('t790mAcquisitionRate', P)),
      mul(add('immuneKill', 't790mKillRate', 'sorafenibKillRate'), T),
    ),
    'E3c',
  );
  // Lineage weights (docs/model.md, "Cure as a probability"): dw/dt = -death w (w / N) - out w + in
  const share = (w: string, c: string): Expr => piecewise(div(w, c), compare('lt', w, c), num(1));
  signal(
    'intrinsicLossS',
    'delta_S = r_S (growth+ loss / (1 - loss) + crowding)',
    '1/day',
    mul('sensitiveGrowthRate', add(div(mul('growthUp', 'cellLossFactor'), oneMinus('cellLossFactor')), 'crowding')),
    'delta',
  );
  signal(
    'intrinsicLossR',
    'delta_R = r_R (growth+ loss / (1 - loss) + crowding)',
    '1/day',
    mul('resistantGrowthRate', add(div(mul('growthUp', 'cellLossFactor'), oneMinus('cellLossFactor')), 'crowding')),
    'delta',
  );
  signal(
    'persisterLoss',
    'd_P + k_IGF phi_IGF theta_i + kill + k_apo theta_sor',
    '1/day',
    add(
      'persisterDeath',
      mul('igf1rPersisterKill', 'igf1rDependence', occupancyId('igf1ri')),
      'immuneKill',
      'sorafenibKillRate',
    ),
    'E2',
  );
  rate(
    WS,
    add(
      sub(
        sub(
          num(0, 'cell_per_day'),
          mul(add('intrinsicLossS', 'immuneKill', 'osimertinibKillRate', 'sorafenibKillRate'), WS, share(WS, S)),
        ),
        mul('persisterEntryRate', WS),
      ),
      mul('persisterReversionRate', WP),
    ),
    'W1',
  );
  rate(
    WP,
    add(
      sub(
        sub(num(0, 'cell_per_day'), mul('persisterLoss', WP, share(WP, P))),
        mul(add('persisterReversionRate', 'resistanceAcquisitionRate', 't790mAcquisitionRate'), WP),
      ),
      mul('persisterEntryRate', WS),
    ),
    'W2',
  );
  rate(
    WR,
    add(
      sub(num(0, 'cell_per_day'), mul(add('intrinsicLossR', 'immuneKill', 'sorafenibKillRate'), WR, share(WR, R))),
      mul('resistanceAcquisitionRate', WP),
    ),
    'W3',
  );
  rate(
    WV,
    add(
      sub(
        num(0, 'cell_per_day'),
        mul(add('intrinsicLossS', 'osimertinibKillRate', 'sorafenibKillRate'), WV, share(WV, V)),
      ),
      mul('escapeFlux', share(WS, S)),
    ),
    'W4',
  );
  rate(
    WT,
    add(
      sub(
        num(0, 'cell_per_day'),
        mul(add('intrinsicLossR', 'immuneKill', 't790mKillRate', 'sorafenibKillRate'), WT, share(WT, T)),
      ),
      mul('t790mAcquisitionRate', WP),
    ),
    'W5',
  );
  variable('removedLineages', 'lineage weight removed from the curves by the small-population rule', 'cells', 'events');
  signal(
    'eradicationProbability',
    'P(eradication) = exp(-(w_S + w_P + w_R + w_V + w_T + removed))',
    '-',
    // the weights count expected lineages in cells: divided by one cell, the exponent is a pure number
    pow(num(Math.E), sub(num(0), div(add(WS, WP, WR, WV, WT, 'removedLineages'), num(1, 'cell')))),
    'P',
  );
  // E4: dE/dt = a_E (1 - p_phi H_CD24) D Psi (1 - I_G)(1 - s_M2 fM2) N - (d_E + k_exh H_PD1) E
  rate(
    E,
    sub(
      mul(
        'tCellRecruitmentActive',
        oneMinus(mul('phagocyticPriming', 'cd24Engagement')),
        D,
        'vascularAccess',
        oneMinus('pge2Inhibition'),
        oneMinus(mul('m2KillSuppression', 'm2Fraction')),
        'tumourCells',
      ),
      mul(add('tCellDeath', mul('tCellExhaustion', 'pd1Inhibition')), E),
    ),
    'E4',
  );
  // E5, E6: macrophages, recruited per tumour cell; M1 -> M2 by CD24 engagement and IL-6, M2 -> M1 by T-cell IFN-gamma
  signal('macrophageInflux', 's_M N', 'cells/day', mul('macrophageRecruitment', 'tumourCells'), 'E5');
  signal(
    'm1ToM2',
    'k12 (1 + c24 H_CD24) (1 - p_IL6 (1 - I_IL6))',
    '1/day',
    mul(
      'm1ToM2Rate',
      add(num(1), mul('cd24Polarisation', 'cd24Engagement')),
      oneMinus(mul('il6M2Polarisation', oneMinus('il6Signal'))),
    ),
    'E5',
  );
  signal(
    'm2ToM1',
    'k21 (1 + r_IFN,M E / (E + 0.05 N))',
    '1/day',
    mul('m2ToM1Rate', add(num(1), div(mul('ifnRepolarisation', E), add(E, mul(num(0.05), 'tumourCells'), 'tiny')))),
    'E5',
  );
  rate(
    M1,
    sub(
      add(sub(mul('macrophageInflux', 'm1RecruitedFraction'), mul('m1ToM2', M1)), mul('m2ToM1', M2)),
      mul('macrophageDeath', M1),
    ),
    'E5',
  );
  rate(
    M2,
    sub(
      add(sub(mul('macrophageInflux', oneMinus('m1RecruitedFraction')), mul('m2ToM1', M2)), mul('m1ToM2', M1)),
      mul('macrophageDeath', M2),
    ),
    'E6',
  );
  // E7: dD/dt = k_D (1 - I_IL6)(1 - 0.5 I_G)(1 - s_STING nrf2) N / (N + K_A) (1 - D) - d_D D
  rate(
    D,
    sub(
      mul(
        'dcMaturationRate',
        oneMinus('il6Signal'),
        oneMinus(mul(num(0.5), 'pge2Inhibition')),
        oneMinus(mul('nrf2StingSuppression', 'nrf2')),
        div('tumourCells', add('tumourCells', 'dcAntigenHalf')),
        oneMinus(D),
      ),
      mul('dcLoss', D),
    ),
    'E7',
  );
  // E9: dX/dt = theta_i
  rate(X, ref(occupancyId('igf1ri')), 'E9');

  // --- events: doses, oral windows, and the small-population rule ---------------------------------------------
  // a compartment whose lineage weight is below the threshold leaves the curves; its weight is kept as removed
  const pairs: [string, string][] = [
    [S, WS],
    [P, WP],
    [R, WR],
    [V, WV],
    [T, WT],
  ];
  const extinction = [
    ...pairs.flatMap(([c, w]) => [
      { variable: c, math: piecewise(num(0, 'cell'), compare('lt', w, 'extinctionThreshold'), c) },
      { variable: w, math: piecewise(num(0, 'cell'), compare('lt', w, 'extinctionThreshold'), w) },
    ]),
    {
      variable: 'removedLineages',
      math: add(
        'removedLineages',
        ...pairs.map(([, w]) => piecewise(w, compare('lt', w, 'extinctionThreshold'), num(0, 'cell'))),
      ),
    },
  ];
  const horizon = scenario.horizon;
  problem.breakpoints.forEach((b, i) => {
    if (b.t >= horizon) return;
    const assignments: SbmlEvent['assignments'] = [];
    const what: string[] = [];
    // a bolus adds dose x nMPerUnit_<drug> (the amount of simulate.ts, a rule on the exposure parameter)
    const bolus = new Float64Array(DRUG_COUNT);
    const doses = new Float64Array(DRUG_COUNT);
    for (let j = 0; j < b.boluses.length; j += 2) {
      bolus[b.boluses[j]] += b.boluses[j + 1];
      doses[b.boluses[j]]++;
    }
    bolus.forEach((nM, slot) => {
      if (nM === 0) return;
      const drug = DRUG_IDS[slot];
      const id = drugLevelId(drug);
      const amount = mul(`dose_${drug}`, `nMPerUnit_${drug}`);
      assignments.push({ variable: id, math: add(id, doses[slot] === 1 ? amount : mul(num(doses[slot]), amount)) });
      what.push(`${drug} +${round(nM)} nM`);
    });
    problem.oralWindows.forEach((w, slot) => {
      for (let j = 0; j < w.length; j += 3) {
        if (!(w[j + 1] > w[j])) continue;
        const on = `oral_${DRUG_IDS[slot]}_${j / 3}_on`;
        if (w[j] === b.t) {
          assignments.push({ variable: on, math: num(1) });
          what.push(`${DRUG_IDS[slot]} oral dosing starts`);
        } else if (w[j + 1] === b.t) {
          assignments.push({ variable: on, math: num(0) });
          what.push(`${DRUG_IDS[slot]} oral dosing ends`);
        }
      }
    });
    events.push({
      id: `breakpoint_${i}`,
      name: `day ${b.t}: ${what.length ? what.join(', ') : 'start'}; small-population rule`,
      trigger: compare('geq', TIME, num(b.t, 'day')),
      assignments: [...assignments, ...extinction],
    });
  });
  constant(
    'extinctionCheckPeriod',
    'days between check days of the small-population rule',
    problem.checkPeriod,
    'day',
    `simulate.ts EXTINCTION_CHECK_DAYS (${scale}): daily in mice, weekly in patients`,
  );
  variable('nextExtinctionCheck', 'the next check day', 'day', 'advanced by the check event', problem.checkPeriod);
  events.push({
    id: 'extinction_check',
    name: 'check day: a tumour compartment with fewer than extinctionThreshold surviving lineages is set to 0',
    trigger: compare('geq', TIME, 'nextExtinctionCheck'),
    assignments: [
      ...extinction,
      { variable: 'nextExtinctionCheck', math: add('nextExtinctionCheck', 'extinctionCheckPeriod') },
    ],
  });

  const armName = arm.name;
  const notes = [
    `TIMEscape tumour-immune model, export version ${SBML_EXPORT_VERSION}: arm ${armIndex + 1} of ${scenario.arms.length}, "${armName}", setting ${scenario.setting} (${info.label}), ${scenario.horizon} days, output every ${scenario.outputStep} days.`,
    options.link ? `Scenario link (query string): ${options.link}` : '',
    'Equations, parameters and sources: docs/model.md of TIMEscape; ids of rules and parameters follow it (A1-A11 algebraic signals, E1-E9 equations). Time in days; populations in cells; drug levels in nM; volume in mm3 (1e6 cells per mm3).',
    'Small-population rule: at every dose or dosing-window time and on every check day (extinctionCheckPeriod) a tumour compartment whose lineage weight is below extinctionThreshold is set to 0 with its weight, which is added to removedLineages (events). Outputs at an event time are the values after the event.',
    'Drug levels are integrated here (rate rules with bolus events); TIMEscape computes the same one-compartment pharmacokinetics in closed form.',
    'Not in this file: TIMEscape reads populations as max(0, y) in its right-hand side (the equations keep them non-negative, so this only matters for round-off); the virtual-trial (cohort) sampling of patients and its RECIST response assessment; the cure probability is here as the lineage-weight rate rules W1-W4 and eradicationProbability.',
  ].filter((s) => s);

  return {
    id: `timescape_${scenario.setting.replace(/-/g, '_')}_arm${armIndex + 1}`,
    name: `TIMEscape: ${armName} (${scenario.setting})`,
    notes,
    species,
    parameters,
    assignmentRules,
    rateRules,
    events,
    taxon: scale === 'mouse' ? '10090' : '9606',
  };
}

function round(x: number): string {
  return String(Number(x.toPrecision(6)));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing XML.

/** Text safe inside XML elements and attributes: markup escaped, characters XML 1.0 forbids replaced. */
export function xmlText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\uFFFD';
      continue;
    }
    const forbidden =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xdc00 && c <= 0xdfff) || c >= 0xfffe;
    out += forbidden ? '\uFFFD' : (XML_ESCAPES[s[i]] ?? s[i]);
  }
  return out;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function cn(v: number, unit?: string): string {
  const u = unit ? ` sbml:units="${unit}"` : '';
  if (!Number.isFinite(v))
    return v > 0 ? '<infinity/>' : v < 0 ? '<apply><minus/><infinity/></apply>' : '<notanumber/>';
  const s = String(v);
  const e = s.indexOf('e');
  if (e < 0) return `<cn${u}>${s}</cn>`;
  return `<cn type="e-notation"${u}>${s.slice(0, e)}<sep/>${s.slice(e + 1).replace('+', '')}</cn>`;
}

export function mathml(e: Expr): string {
  switch (e.k) {
    case 'num':
      return cn(e.v, e.unit);
    case 'ref':
      return `<ci>${e.id}</ci>`;
    case 'time':
      return '<csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">time</csymbol>';
    case 'apply':
      return `<apply><${e.op}/>${e.args.map(mathml).join('')}</apply>`;
    case 'compare':
      return `<apply><${e.op}/>${e.args.map(mathml).join('')}</apply>`;
    case 'piecewise':
      return `<piecewise><piece>${mathml(e.value)}${mathml(e.condition)}</piece><otherwise>${mathml(e.otherwise)}</otherwise></piecewise>`;
  }
}

const MATH_OPEN =
  '<math xmlns="http://www.w3.org/1998/Math/MathML" xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core">';
const math = (e: Expr) => `${MATH_OPEN}${mathml(e)}</math>`;
const notes = (lines: string[]) =>
  `<notes><body xmlns="http://www.w3.org/1999/xhtml">${lines.map((l) => `<p>${xmlText(l)}</p>`).join('')}</body></notes>`;

function quantityXml(q: SbmlQuantity, tag: 'species' | 'parameter'): string {
  const units = q.units ? (tag === 'species' ? ` substanceUnits="${q.units}"` : ` units="${q.units}"`) : '';
  const sbo = q.sbo ? ` sboTerm="${q.sbo}"` : '';
  const unitNote = q.units ? '' : ` Unit: ${q.unitText}.`;
  const body = `${notes([`${q.note}${unitNote}`])}`;
  if (tag === 'species') {
    return `      <species id="${q.id}" name="${xmlText(q.name)}" compartment="tumour" initialAmount="${q.value}"${units} hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"${sbo}>${body}</species>`;
  }
  return `      <parameter id="${q.id}" name="${xmlText(q.name)}" value="${q.value}"${units} constant="${q.constant}"${sbo}>${body}</parameter>`;
}

/** The SBML Level 3 Version 2 document of a model. */
export function sbmlDocument(model: SbmlModel, created: Date = new Date()): string {
  const stamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const units = Object.entries(UNITS)
    .map(
      ([id, parts]) =>
        `      <unitDefinition id="${id}"><listOfUnits>${parts
          .map(
            ([kind, exponent, scale, multiplier]) =>
              `<unit kind="${kind}" exponent="${exponent}" scale="${scale}" multiplier="${multiplier}"/>`,
          )
          .join('')}</listOfUnits></unitDefinition>`,
    )
    .join('\n');
  const dois = SOURCE_DOIS.map(
    ([, doi]) => `<rdf:li rdf:resource="https://identifiers.org/doi:${xmlText(doi)}"/>`,
  ).join('');
  const annotation = `<annotation><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:vCard4="http://www.w3.org/2006/vcard/ns#" xmlns:bqbiol="http://biomodels.net/biology-qualifiers/" xmlns:bqmodel="http://biomodels.net/model-qualifiers/"><rdf:Description rdf:about="#model_meta"><dcterms:creator><rdf:Bag><rdf:li rdf:parseType="Resource"><vCard4:hasName rdf:parseType="Resource"><vCard4:family-name>TIMEscape</vCard4:family-name><vCard4:given-name>SBML export</vCard4:given-name></vCard4:hasName><vCard4:organization-name>TIMEscape</vCard4:organization-name></rdf:li></rdf:Bag></dcterms:creator><dcterms:created rdf:parseType="Resource"><dcterms:W3CDTF>${stamp}</dcterms:W3CDTF></dcterms:created><dcterms:modified rdf:parseType="Resource"><dcterms:W3CDTF>${stamp}</dcterms:W3CDTF></dcterms:modified><bqmodel:isDescribedBy><rdf:Bag>${dois}</rdf:Bag></bqmodel:isDescribedBy><bqbiol:hasTaxon><rdf:Bag><rdf:li rdf:resource="https://identifiers.org/taxonomy:${model.taxon}"/></rdf:Bag></bqbiol:hasTaxon></rdf:Description></rdf:RDF></annotation>`;
  const sourceNotes = [...model.notes, ...SOURCE_DOIS.map(([what, doi]) => `Source: ${what}, doi ${doi}`)];
  const rule = (tag: string, r: SbmlRule) =>
    `      <${tag} variable="${r.variable}">${notes([`docs/model.md: ${r.equation}`])}${math(r.math)}</${tag}>`;
  const event = (e: SbmlEvent) =>
    `      <event id="${e.id}" name="${xmlText(e.name)}" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">${math(e.trigger)}</trigger><listOfEventAssignments>${e.assignments
      .map((a) => `<eventAssignment variable="${a.variable}">${math(a.math)}</eventAssignment>`)
      .join('')}</listOfEventAssignments></event>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model metaid="model_meta" id="${model.id}" name="${xmlText(model.name)}" substanceUnits="cell" timeUnits="day" volumeUnits="mm3" extentUnits="cell">
    ${notes(sourceNotes)}
    ${annotation}
    <listOfUnitDefinitions>
${units}
    </listOfUnitDefinitions>
    <listOfCompartments>
      <compartment id="tumour" name="tumour (nominal: populations are cell counts)" spatialDimensions="3" size="1" units="mm3" constant="true"/>
    </listOfCompartments>
    <listOfSpecies>
${model.species.map((q) => quantityXml(q, 'species')).join('\n')}
    </listOfSpecies>
    <listOfParameters>
${model.parameters.map((q) => quantityXml(q, 'parameter')).join('\n')}
    </listOfParameters>
    <listOfRules>
${model.assignmentRules.map((r) => rule('assignmentRule', r)).join('\n')}
${model.rateRules.map((r) => rule('rateRule', r)).join('\n')}
    </listOfRules>
    <listOfEvents>
${model.events.map(event).join('\n')}
    </listOfEvents>
  </model>
</sbml>
`;
}

/** SBML of one arm of a scenario (armIndex from 0). */
export function exportSbml(scenario: Scenario, armIndex: number, options: SbmlOptions = {}): string {
  return sbmlDocument(sbmlModel(scenario, armIndex, options), options.created);
}
