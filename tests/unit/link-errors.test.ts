// A shared link's problems are worded from the error's code and field through the message catalogues, in English and
// in Japanese, whatever language the codec's detailed message is in.
import { afterEach, describe, expect, it } from 'vitest';
import { linkErrorDetail, linkErrorText, linkFieldText } from '../../src/components/linkErrorText';
import { useLanguage } from '../../src/i18n';
import { decodeScenario } from '../../src/scenario/codec';
import type { FieldErrorCode } from '../../src/scenario/validate';

const CODES: FieldErrorCode[] = [
  'unknown-version',
  'unknown-key',
  'out-of-range',
  'not-a-number',
  'impossible-schedule',
  'too-long',
  'malformed',
  'duplicate',
  'too-many',
  'incompatible',
];

afterEach(() => useLanguage.getState().setLanguage('en'));

describe('link errors in the user language', () => {
  it('a bad link is reported per field, in English and in Japanese, from the code and the field', () => {
    const { errors } = decodeScenario('v=1&s=hcc-mouse&h=9999&nrf2=abc&bogus=1&arm=A&arm=B;zzz');
    expect(errors.length).toBeGreaterThanOrEqual(3);
    const horizon = errors.find((e) => e.field === 'horizon');
    expect(horizon?.code).toBe('out-of-range');
    if (!horizon) throw new Error('no horizon error');
    expect(linkErrorText(horizon)).toBe('Horizon (h): a value outside its allowed range.');
    useLanguage.getState().setLanguage('ja');
    expect(linkErrorText(horizon)).toBe('期間（h）：値が許容範囲外です。');
    for (const e of errors) expect(linkErrorText(e)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('every error code has its own wording in both languages', () => {
    for (const language of ['en', 'ja'] as const) {
      useLanguage.getState().setLanguage(language);
      const texts = CODES.map((code) => linkErrorText({ code, field: 'setting' }));
      expect(new Set(texts).size).toBe(CODES.length);
    }
  });

  it('fields are named: arms counted from 1, parameters and chart options by their key', () => {
    expect(linkFieldText('arm[1].treatments.igf1ri.stop')).toBe('Arm 2');
    expect(linkFieldText('p.tCellKillRate')).toBe('Model parameter tCellKillRate');
    expect(linkFieldText('view.drugView')).toBe('Chart option drugView');
    expect(linkFieldText('cohort.size')).toBe('Virtual-trial settings');
    expect(linkFieldText('zzz')).toBe('Parameter zzz');
    useLanguage.getState().setLanguage('ja');
    expect(linkFieldText('arm[0].name')).toBe('群 1');
  });

  it('the detail is the Japanese one where the codec wrote it, else the English one marked as English', () => {
    const error = { field: 'arm[0].name', code: 'malformed' as const, message: 'English', messageJa: '日本語' };
    expect(linkErrorDetail(error, 'ja')).toEqual({ text: '日本語', lang: 'ja' });
    expect(linkErrorDetail({ ...error, messageJa: undefined }, 'ja')).toEqual({ text: 'English', lang: 'en' });
    expect(linkErrorDetail(error, 'en')).toEqual({ text: 'English', lang: 'en' });
  });
});
