/**
 * The wide CSV export, for spreadsheets: one row per whole day, one column per arm and series, units in the header,
 * six significant digits, and comment lines first with the scenario's link (so that a sheet can be traced back to
 * what produced it). Values between output points are read off the output grid by linear interpolation, like the
 * cursor's readout. Where the uncertainty band is on, each series that has one gets its 5 %, 50 % and 95 % quantiles
 * in three columns after its value (`<arm>: <label> p5`, `p50`, `p95`). Pure: no DOM.
 */
import { csvField } from '../formats/csv';
import { sampleAt } from './format';

export interface WideArm {
  name: string;
  t: Float64Array;
  series: Record<string, Float64Array>;
  /** the uncertainty band of a series (5 %, 50 %, 95 % quantiles at the arm's output times), where it is on */
  bands?: Readonly<Record<string, { lower: Float64Array; median: Float64Array; upper: Float64Array }>>;
}

/** The band of a series when it has one on the arm's own output times. */
function bandOf(arm: WideArm, series: string) {
  const band = arm.bands?.[series];
  return band && band.median.length === arm.t.length ? band : undefined;
}

export interface WideColumn {
  /** the series' internal name */
  series: string;
  /** what the header says, e.g. "tumour volume (mm³)" */
  label: string;
}

/** A number with six significant digits, without trailing zeros ("1697.23", "0.000123457", "1.23457e+7"). */
export function sixDigits(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(6)));
}

export function wideCsv(arms: WideArm[], columns: WideColumn[], comments: string[]): string {
  const lines = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`);
  const kept = columns.filter((c) => arms.some((a) => a.series[c.series]));
  const header = ['day'];
  for (const arm of arms)
    for (const c of kept) {
      if (!arm.series[c.series]) continue;
      header.push(csvField(`${arm.name}: ${c.label}`));
      // the band's quantiles beside the value, where the band is on
      if (bandOf(arm, c.series))
        for (const q of ['p5', 'p50', 'p95']) header.push(csvField(`${arm.name}: ${c.label} ${q}`));
    }
  lines.push(header.join(','));
  const last = Math.max(0, ...arms.map((a) => (a.t.length > 0 ? a.t[a.t.length - 1] : 0)));
  for (let day = 0; day <= last + 1e-9; day++) {
    const row = [String(day)];
    for (const arm of arms) {
      for (const c of kept) {
        const values = arm.series[c.series];
        if (!values) continue;
        row.push(sixDigits(sampleAt(arm.t, values, day)));
        const band = bandOf(arm, c.series);
        if (band) for (const q of [band.lower, band.median, band.upper]) row.push(sixDigits(sampleAt(arm.t, q, day)));
      }
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
