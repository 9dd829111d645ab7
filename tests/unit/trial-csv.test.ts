// The virtual trial's CSV files: patients, Kaplan–Meier tables and the response table, written from a real (small)
// run; arm names are user text and must never reach a spreadsheet as a formula.
import { describe, expect, it } from 'vitest';
import { KM_CSV_HEADER, kmCsv, patientCsv, responseCsv } from '../../src/charts/trialCsv';
import { kmTables, modelFigure, publishedText, responseRows } from '../../src/components/cohort/chartData';
import { parseCsv, readCsvField } from '../../src/formats/csv';
import { cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import { flauraComparisonScenario } from '../../src/model/flaura';
import { defaultSchedule } from '../../src/scenario/catalogue/drugs';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { IMBRAVE150_TARGETS, matchImbrave150Arms, RESPONSE_CODES } from '../../src/scenario/catalogue/trial';
import { defaultCohort } from '../../src/scenario/defaults';
import type { Scenario } from '../../src/scenario/types';
import { calibrationScenario } from '../../src/store/cohort';

const NAMES = ['=HYPERLINK("http://x","y")', '+1 arm, with comma', '-ve', '@SUM(A1)'];

function run(size: number): { scenario: Scenario; block: ReturnType<typeof runCohortBlock> } {
  const base = calibrationScenario();
  const scenario: Scenario = {
    ...base,
    arms: base.arms.map((a, i) => ({ ...a, name: NAMES[i] })),
    cohort: { ...defaultCohort(), size },
  };
  return { scenario, block: runCohortBlock(scenario, 0, size) };
}

const { scenario, block } = run(24);
const statistics = cohortStatistics(scenario, block);
const armNames = scenario.arms.map((a) => a.name);

/** No cell of the file starts a formula (after the parser has removed its quotes). */
function noFormula(rows: string[][]): void {
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@]|^-(?!\d)/);
}

describe('trial CSV exports', () => {
  it('patients: one row per patient and arm, in cohort order, with the outcomes the trial measured', () => {
    const rows = parseCsv(patientCsv(block, armNames, RESPONSE_CODES));
    expect(rows[0].slice(0, 6)).toEqual([
      'patient',
      'arm',
      'best_response',
      'best_change_pct',
      'pfs_days',
      'progressed',
    ]);
    expect(rows).toHaveLength(1 + 24 * scenario.arms.length);
    const arm1 = rows.slice(1 + 24, 1 + 48);
    expect(arm1.map((r) => Number(r[0]))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(arm1.map((r) => readCsvField(r[1])))).toEqual(new Set([NAMES[1]]));
    arm1.forEach((r, i) => {
      expect(r[2]).toBe(RESPONSE_CODES[block.arms[1].best[i]]);
      expect(Number(r[4])).toBe(block.arms[1].pfsDays[i]);
      expect(Number(r[5])).toBe(block.arms[1].progressed[i]);
    });
    noFormula(rows);
  });

  it("patients: FLAURA's comparator patients who crossed over to osimertinib at progression are marked, nobody else", () => {
    const lung = flauraComparisonScenario({}, 40, 1);
    const lungBlock = runCohortBlock(lung, 0, 40);
    const rows = parseCsv(patientCsv(lungBlock, ['comparator', 'osimertinib'], RESPONSE_CODES));
    const column = rows[0].indexOf('crossed_over');
    expect(column).toBeGreaterThan(0);
    const crossed = (arm: number) => rows.slice(1 + 40 * arm, 1 + 40 * (arm + 1)).map((r) => Number(r[column]));
    expect(crossed(0)).toEqual(Array.from(lungBlock.arms[0].crossover));
    expect(crossed(0).some((x) => x === 1)).toBe(true);
    expect(crossed(1).every((x) => x === 0)).toBe(true);
    // the HCC trial has no crossover: the column is there, 0 for every patient
    const hcc = parseCsv(patientCsv(block, armNames, RESPONSE_CODES));
    const h = hcc[0].indexOf('crossed_over');
    expect(hcc.slice(1).every((r) => r[h] === '0')).toBe(true);
  });

  it('Kaplan–Meier: a day-0 row then every distinct time with at risk, events and censored that add up', () => {
    const rows = parseCsv(kmCsv(kmTables(statistics)));
    expect(rows[0]).toEqual([...KM_CSV_HEADER]);
    for (const endpoint of ['PFS', 'OS'] as const) {
      for (let a = 0; a < scenario.arms.length; a++) {
        const mine = rows.slice(1).filter((r) => r[0] === endpoint && readCsvField(r[1]) === NAMES[a]);
        expect(mine[0]).toEqual([endpoint, mine[0][1], '0', '0', '24', '0', '0', '1', '1', '1']);
        // everyone leaves the risk set once: by an event or by censoring
        const left = mine.slice(1).reduce((n, r) => n + Number(r[5]) + Number(r[6]), 0);
        expect(left).toBe(24);
        const surv = mine.map((r) => Number(r[7]));
        for (let i = 1; i < surv.length; i++) expect(surv[i]).toBeLessThanOrEqual(surv[i - 1]);
        const km = endpoint === 'PFS' ? statistics.arms[a].pfs : statistics.arms[a].os;
        expect(surv.at(-1)).toBeCloseTo(km.survival.at(-1) ?? 1, 12);
      }
    }
    noFormula(rows);
  });

  it('response table: the counts, rates and hazard ratio the results table shows; an unreached limit is empty', () => {
    const rows = parseCsv(responseCsv(responseRows(statistics), RESPONSE_CODES));
    expect(rows[0].slice(0, 6)).toEqual(['arm', 'patients', 'CR', 'PR', 'SD', 'PD']);
    expect(rows).toHaveLength(1 + scenario.arms.length);
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    rows.slice(1).forEach((r, a) => {
      const arm = statistics.arms[a];
      expect(readCsvField(r[0])).toBe(NAMES[a]);
      expect(RESPONSE_CODES.map((c) => Number(r[col(c)]))).toEqual(RESPONSE_CODES.map((c) => arm.responses[c]));
      expect(Number(r[col('orr')])).toBe(arm.orr.estimate);
      const upper = r[col('median_pfs_days_upper_95')];
      expect(upper === '' ? null : Number(upper)).toBe(arm.medianPfs.upper);
      if (a === 0) expect(r[col('pfs_hr')]).toBe('');
      else expect(Number(r[col('pfs_hr')])).toBe(statistics.comparisons[a - 1].cox.hazardRatio);
    });
    noFormula(rows);
  });
});

describe('model vs IMbrave150', () => {
  it("finds the arms by their drugs, whatever their names; an arm with a third drug is not IMbrave150's", () => {
    const preset = PRESETS.find((p) => p.id === 'imbrave150');
    expect(preset).toBeDefined();
    // Untreated, Atezo/bev, Atezo/bev + celecoxib
    expect(matchImbrave150Arms(preset?.scenario.arms ?? [])).toEqual({ atezoBev: 1, sorafenib: -1 });
    const sorafenib = { name: 'x', inputs: {}, treatments: { sorafenib: defaultSchedule('sorafenib', 'patient') } };
    expect(matchImbrave150Arms([sorafenib, ...(preset?.scenario.arms ?? [])])).toEqual({ atezoBev: 2, sorafenib: 0 });
  });

  it('the hazard ratio is atezo/bev against sorafenib whichever arm comes first (inverted exactly when needed)', () => {
    const base = calibrationScenario();
    const sorafenib = {
      name: 'Sorafenib',
      inputs: {},
      treatments: { sorafenib: defaultSchedule('sorafenib', 'patient') },
    };
    const make = (arms: Scenario['arms']): Scenario => ({ ...base, arms, cohort: { ...defaultCohort(), size: 30 } });
    const first = make([sorafenib, base.arms[0]]);
    const second = make([base.arms[0], sorafenib]);
    const a = cohortStatistics(first, runCohortBlock(first, 0, 30));
    const b = cohortStatistics(second, runCohortBlock(second, 0, 30));
    const hr = IMBRAVE150_TARGETS.find((t) => t.id === 'pfsHr');
    if (!hr) throw new Error('no PFS HR target');
    const direct = modelFigure(a, hr, matchImbrave150Arms(first.arms), 'atezoBev', 'NR');
    const inverted = modelFigure(b, hr, matchImbrave150Arms(second.arms), 'atezoBev', 'NR');
    expect(direct).toMatch(/^\d\.\d\d \(\d\.\d\d–\d\.\d\d\)$/);
    expect(inverted).toBe(direct);
    // without a sorafenib arm there is no ratio to show
    expect(modelFigure(statistics, hr, matchImbrave150Arms(scenario.arms), 'atezoBev', 'NR')).toBeNull();
  });

  it('prints the published figures as the table does, with the interval when the source gives one', () => {
    const pfs = IMBRAVE150_TARGETS.find((t) => t.id === 'medianPfs');
    const orr = IMBRAVE150_TARGETS.find((t) => t.id === 'orr');
    if (!pfs?.atezoBev || !orr?.atezoBev) throw new Error('targets missing');
    expect(publishedText(pfs, pfs.atezoBev)).toBe('6.8 (5.7–8.3)');
    expect(publishedText(orr, orr.atezoBev)).toBe('27.3 %');
    for (const t of IMBRAVE150_TARGETS) expect(t.source.length).toBeGreaterThan(10);
  });
});
