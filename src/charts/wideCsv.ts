/**
 * The wide CSV export, for spreadsheets: one row per whole day, one column per arm and series, units in the header,
 * six significant digits, and comment lines first with the scenario's link (so that a sheet can be traced back to
 * what produced it). Values between output points are read off the output grid by linear interpolation, like the
 * cursor's readout. Pure: no DOM.
 */
import { csvField } from '../formats/csv';
import { sampleAt } from './format';

export interface WideArm {
  name: string;
  t: Float64Array;
  series: Record<string, Float64Array>;
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
    for (const c of kept) if (arm.series[c.series]) header.push(csvField(`${arm.name}: ${c.label}`));
  lines.push(header.join(','));
  const last = Math.max(0, ...arms.map((a) => (a.t.length > 0 ? a.t[a.t.length - 1] : 0)));
  for (let day = 0; day <= last + 1e-9; day++) {
    const row = [String(day)];
    for (const arm of arms) {
      for (const c of kept) {
        const values = arm.series[c.series];
        if (values) row.push(sixDigits(sampleAt(arm.t, values, day)));
      }
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
