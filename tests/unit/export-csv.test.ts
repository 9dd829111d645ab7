import { describe, expect, it } from 'vitest';
import { TIDY_HEADER, tidyCsv, wrapText } from '../../src/charts/export';
import { csvField } from '../../src/formats/csv';

describe('CSV export of link text', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('<script>window.x=1</script>')).toBe('<script>window.x=1</script>');
    expect(csvField('"><svg onload=x>')).toBe('"""><svg onload=x>"');
  });

  it('opens formula-like names as text, numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://example.com","x")')).toBe(`"'=HYPERLINK(""http://example.com"",""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-ve control')).toBe("'-ve control");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe(`"'\tx"`);
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('Control')).toBe('Control');
  });

  it('writes one row per arm, day and series', () => {
    const csv = tidyCsv([{ name: '=1+1', t: Float64Array.of(0, 1), series: { v: Float64Array.of(-2, 3) } }]);
    expect(csv).toBe(`${TIDY_HEADER}\r\n'=1+1,0,v,-2,,,,,model,,,,,\r\n'=1+1,1,v,3,,,,,model,,,,,\r\n`);
    expect(TIDY_HEADER).toBe('arm,day,series,value,p5,p50,p95,changed_parameters,source,sd,n,se,lower,upper');
  });

  it('carries the uncertainty band’s 5/50/95 % quantiles where a series has one, and the changed parameters on every row (quoted: a semicolon separates fields in some spreadsheets)', () => {
    const arm = {
      name: 'A',
      t: Float64Array.of(0, 1),
      series: { tumourVolume: Float64Array.of(1, 2), drug: Float64Array.of(0, 5) },
    };
    const band = { lower: Float64Array.of(0.9, 1.5), median: Float64Array.of(1, 2.1), upper: Float64Array.of(1.1, 3) };
    const csv = tidyCsv([arm], {
      bands: new Map([['A', { tumourVolume: band }]]),
      changed: 'tCellKillRate=9;pge2Hill=2',
    });
    expect(csv.split('\r\n')).toEqual([
      TIDY_HEADER,
      'A,0,tumourVolume,1,0.9,1,1.1,"tCellKillRate=9;pge2Hill=2",model,,,,,',
      'A,1,tumourVolume,2,1.5,2.1,3,"tCellKillRate=9;pge2Hill=2",model,,,,,',
      'A,0,drug,0,,,,"tCellKillRate=9;pge2Hill=2",model,,,,,',
      'A,1,drug,5,,,,"tCellKillRate=9;pge2Hill=2",model,,,,,',
      '',
    ]);
  });

  it('carries the imported measurements with their SD and n, the fitted curves, and each fitted value with its standard error and 95 % interval', () => {
    const arm = { name: 'A', t: Float64Array.of(0, 7), series: { tumourVolume: Float64Array.of(100, 250) } };
    const csv = tidyCsv([arm], {
      changed: 'tCellKillRate=4.66',
      measurements: [
        { arm: 'A', day: 7, series: 'tumourVolume', value: 240, sd: 12.5, n: 5 },
        { arm: 'A', day: 14, series: 'tumourVolume', value: 410 },
      ],
      fittedCurves: [{ name: 'A', t: Float64Array.of(0, 7), series: { tumourVolume: Float64Array.of(100, 245) } }],
      fitted: [{ name: 'tCellKillRate', estimate: 4.66, standardError: 0.9, lower: 2.9, upper: 6.41 }],
    });
    expect(csv.split('\r\n').slice(3)).toEqual([
      'A,7,tumourVolume,240,,,,tCellKillRate=4.66,measured,12.5,5,,,',
      'A,14,tumourVolume,410,,,,tCellKillRate=4.66,measured,,,,,',
      'A,0,tumourVolume,100,,,,tCellKillRate=4.66,fitted,,,,,',
      'A,7,tumourVolume,245,,,,tCellKillRate=4.66,fitted,,,,,',
      ',,tCellKillRate,4.66,,,,tCellKillRate=4.66,fit,,,0.9,2.9,6.41',
      '',
    ]);
    // every row has the header's 14 fields
    for (const line of csv.trim().split('\r\n')) expect(line.split(',')).toHaveLength(14);
  });
});

describe('titles and notes of exported figures wrap to the figure', () => {
  const width = (line: string, size: number) =>
    [...line.trimEnd()].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(c) ? size : 0.6 * size), 0);

  it('breaks after spaces, keeps every line within the width, and joins back to the text', () => {
    const title = 'Waterfall: best change in tumour diameter: Atezo/bev + celecoxib';
    const lines = wrapText(title, 16, 400);
    expect(lines.length).toBe(2);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(width(line, 16)).toBeLessThanOrEqual(400);
    expect(wrapText('Tumour volume', 16, 400)).toEqual(['Tumour volume']);
  });

  it('breaks Japanese between characters, and gives an over-long word a line of its own', () => {
    const note = 'Atezo/bev + celecoxib：仮説（COX-2 阻害薬の上乗せ。臨床試験では未検証）であり、予測ではありません。';
    const lines = wrapText(note, 12, 200);
    expect(lines.join('')).toBe(note);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(width(line, 12)).toBeLessThanOrEqual(200);
    expect(wrapText('a '.concat('x'.repeat(80)), 12, 100)).toEqual(['a ', 'x'.repeat(80)]);
  });
});
