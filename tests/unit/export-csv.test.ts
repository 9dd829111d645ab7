import { describe, expect, it } from 'vitest';
import { tidyCsv } from '../../src/charts/export';
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
    expect(csv).toBe("arm,day,series,value\r\n'=1+1,0,v,-2\r\n'=1+1,1,v,3\r\n");
  });
});
