/**
 * Measurements a researcher brings: a CSV file with a header row and one measurement per row,
 *
 *   day,arm,value[,sd][,n][,series]
 *   0,Control,1.0,0.2,5
 *   7,"Atezo/bev",35.2,8.1,5
 *
 * day: days from day 0; arm: the name of a scenario arm (matched exactly, then ignoring case and surrounding space);
 * value: the measured mean; sd: its standard deviation (optional); n: animals or patients averaged (optional, a whole
 * number >= 1; with sd, the weight uses sd / sqrt(n)); series: which output is measured (optional, default
 * tumourVolume; any series name). Columns may come in any order; names are case-insensitive.
 *
 * A bad row is reported with its line number and what is wrong (in English and Japanese) and left out; every other
 * row is kept. Pure: no app imports.
 */
import { parseCsv, readCsvField } from './csv';

export interface Measurement {
  /** 1-based line of the file */
  line: number;
  day: number;
  arm: string;
  /** index of the arm in the scenario */
  armIndex: number;
  series: string;
  value: number;
  sd?: number;
  n?: number;
}

export interface MeasurementProblem {
  /** 1-based line of the file (1: the header) */
  line: number;
  message: string;
  messageJa: string;
}

export interface MeasurementRead {
  rows: Measurement[];
  problems: MeasurementProblem[];
}

const REQUIRED = ['day', 'arm', 'value'] as const;
const OPTIONAL = ['sd', 'n', 'series'] as const;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function number(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * Reads the file. `arms`: the scenario's arm names; `series`: the allowed series names; `horizon`: the last day
 * simulated (later measurements cannot be compared).
 */
export function readMeasurements(
  text: string,
  arms: readonly string[],
  series: readonly string[],
  horizon: number,
): MeasurementRead {
  const problems: MeasurementProblem[] = [];
  const rows: Measurement[] = [];
  const table = parseCsv(text.replace(/^\uFEFF/, ''));
  // blank lines are allowed anywhere
  const lines = table.map((cells, i) => ({ cells, line: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (lines.length === 0) {
    return {
      rows,
      problems: [{ line: 1, message: 'The file is empty.', messageJa: 'ファイルが空です。' }],
    };
  }
  const header = lines[0].cells.map((c) => readCsvField(c).trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter(
    (c) => !(REQUIRED as readonly string[]).includes(c) && !(OPTIONAL as readonly string[]).includes(c),
  );
  if (missing.length > 0 || unknown.length > 0) {
    const parts: string[] = [];
    const partsJa: string[] = [];
    if (missing.length > 0) {
      parts.push(`no ${missing.join(', ')} column`);
      partsJa.push(`${missing.join('、')} 列がありません`);
    }
    if (unknown.length > 0) {
      parts.push(`unknown column ${unknown.map((c) => `'${c}'`).join(', ')}`);
      partsJa.push(`不明な列 ${unknown.map((c) => `「${c}」`).join('、')}`);
    }
    return {
      rows,
      problems: [
        {
          line: lines[0].line,
          message: `The header has ${parts.join(' and ')}; the columns are day, arm, value and optionally sd, n, series.`,
          messageJa: `見出し行: ${partsJa.join('、')}。列は day, arm, value と、任意で sd, n, series です。`,
        },
      ],
    };
  }
  const at = (name: string) => header.indexOf(name);
  const armByName = new Map(arms.map((a, i) => [a, i]));
  const armByLoose = new Map(arms.map((a, i) => [a.trim().toLowerCase(), i]));
  for (const { cells, line } of lines.slice(1)) {
    const bad = (message: string, messageJa: string) =>
      problems.push({ line, message: `Line ${line}: ${message}`, messageJa: `${line} 行目: ${messageJa}` });
    if (cells.length !== header.length) {
      bad(
        `${cells.length} columns where the header has ${header.length}; the row is left out.`,
        `列の数が ${cells.length} で、見出し行の ${header.length} と合いません。この行は使いません。`,
      );
      continue;
    }
    const cell = (name: string) => (at(name) >= 0 ? readCsvField(cells[at(name)]).trim() : '');
    const reasons: [string, string][] = [];
    const day = number(cell('day'));
    if (day === undefined)
      reasons.push([`day '${cell('day')}' is not a number`, `day「${cell('day')}」が数値ではありません`]);
    else if (day < 0 || day > horizon) {
      reasons.push([
        `day ${day} is outside 0 to ${horizon} (the scenario's horizon)`,
        `day ${day} が 0〜${horizon}（シナリオの期間）の外です`,
      ]);
    }
    const value = number(cell('value'));
    if (value === undefined) {
      reasons.push([`value '${cell('value')}' is not a number`, `value「${cell('value')}」が数値ではありません`]);
    } else if (value < 0) reasons.push([`value ${value} is negative`, `value ${value} が負の値です`]);
    let sd: number | undefined;
    if (at('sd') >= 0 && cell('sd') !== '') {
      sd = number(cell('sd'));
      if (sd === undefined)
        reasons.push([`sd '${cell('sd')}' is not a number`, `sd「${cell('sd')}」が数値ではありません`]);
      else if (!(sd > 0)) reasons.push([`sd ${sd} is not positive`, `sd ${sd} が正の値ではありません`]);
    }
    let n: number | undefined;
    if (at('n') >= 0 && cell('n') !== '') {
      n = number(cell('n'));
      if (n === undefined || !Number.isInteger(n) || n < 1) {
        reasons.push([
          `n '${cell('n')}' is not a whole number of at least 1`,
          `n「${cell('n')}」が 1 以上の整数ではありません`,
        ]);
      }
    }
    const name = cell('arm');
    const armIndex = armByName.get(name) ?? armByLoose.get(name.toLowerCase());
    if (armIndex === undefined) {
      reasons.push([
        `arm '${name}' is not an arm of the scenario (${arms.map((a) => `'${a}'`).join(', ')})`,
        `群「${name}」はシナリオにありません（${arms.map((a) => `「${a}」`).join('、')}）`,
      ]);
    }
    const seriesName = cell('series') || 'tumourVolume';
    if (!series.includes(seriesName)) {
      reasons.push([
        `series '${seriesName}' is not an output series`,
        `series「${seriesName}」は出力系列ではありません`,
      ]);
    }
    if (reasons.length > 0) {
      bad(
        `${reasons.map((r) => r[0]).join('; ')}; the row is left out.`,
        `${reasons.map((r) => r[1]).join('。')}。この行は使いません。`,
      );
      continue;
    }
    rows.push({
      line,
      day: day as number,
      arm: arms[armIndex as number],
      armIndex: armIndex as number,
      series: seriesName,
      value: value as number,
      ...(sd !== undefined ? { sd } : {}),
      ...(n !== undefined ? { n } : {}),
    });
  }
  return { rows, problems };
}
