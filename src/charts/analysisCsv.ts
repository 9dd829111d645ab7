/**
 * Tidy CSV of the toolkit's analyses, as drawn: a scan (one row per point and arm), a heat map (one row per grid
 * point and arm), a tornado (one row per factor),
 * Sobol' indices (one row per factor, with their bootstrap intervals). Every file starts with the same two columns,
 * `analysis` and `changed_parameters` (the scenario's edited model parameters, "" when none), so that a table taken
 * out of the page still says that it was computed with changed parameters. Numbers in full precision.
 */
import { csvField } from '../formats/csv';
import type { HeatmapData } from './heatmap';
import type { ScanData } from './scan';
import type { SobolRow } from './sobol';
import type { TornadoData } from './tornado';

function rows(header: string[], body: (string | number)[][]): string {
  return `${[header.join(','), ...body.map((r) => r.map((v) => csvField(v)).join(','))].join('\r\n')}\r\n`;
}

export function scanCsv(data: ScanData, variable: string, readout: string, changed: string): string {
  const body: (string | number)[][] = [];
  data.x.forEach((x, i) => {
    for (const l of data.lines) body.push(['scan', changed, variable, x, l.name, readout, l.values[i]]);
  });
  return rows(['analysis', 'changed_parameters', 'variable', 'value', 'arm', 'readout', 'output'], body);
}

/** A 2-D scan: one row per grid point and arm, both variables' values in their own columns. */
export function heatmapCsv(
  data: HeatmapData,
  variables: readonly [string, string],
  readout: string,
  changed: string,
): string {
  const body: (string | number)[][] = [];
  const ny = data.y.length;
  data.x.forEach((x, i0) => {
    data.y.forEach((y, i1) => {
      for (const p of data.panels)
        body.push(['heatmap', changed, variables[0], x, variables[1], y, p.name, readout, p.values[i0 * ny + i1]]);
    });
  });
  return rows(
    ['analysis', 'changed_parameters', 'variable', 'value', 'variable2', 'value2', 'arm', 'readout', 'output'],
    body,
  );
}

export function tornadoCsv(
  data: TornadoData,
  ranges: readonly { low: number; high: number }[],
  readout: string,
  changed: string,
): string {
  return rows(
    ['analysis', 'changed_parameters', 'factor', 'low', 'high', 'readout', 'base', 'output_low', 'output_high'],
    data.rows.map((r, i) => [
      'tornado',
      changed,
      r.name,
      ranges[i]?.low ?? '',
      ranges[i]?.high ?? '',
      readout,
      data.base,
      r.outputLow,
      r.outputHigh,
    ]),
  );
}

export function sobolCsv(indices: readonly SobolRow[], readout: string, samples: number, changed: string): string {
  return rows(
    [
      'analysis',
      'changed_parameters',
      'factor',
      'readout',
      'samples',
      'first',
      'first_lower',
      'first_upper',
      'total',
      'total_lower',
      'total_upper',
    ],
    indices.map((r) => [
      'sobol',
      changed,
      r.name,
      readout,
      samples,
      r.first,
      r.firstLower,
      r.firstUpper,
      r.total,
      r.totalLower,
      r.totalUpper,
    ]),
  );
}
