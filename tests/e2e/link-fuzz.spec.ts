/**
 * Browser fuzz of shared links: seeded, reproducible malformed and hostile links opened in the real page, in both
 * languages. Each link is a few settings the person chose (the setting, an NRF2 value, a chart option, the language)
 * followed by generated damage: truncation, oversize, wrong types, Unicode, injected HTML and script, huge numbers,
 * NaN and Infinity, duplicated keys, unknown keys, old and future versions, broken percent-encoding.
 *
 * For every link: no uncaught error or console error; nothing the link holds runs (no flag set, no dialog, no image,
 * inline script or handler attribute); the app renders (the simulator is ready and the chart has its lines); a notice
 * in the current language exactly when the codec reports problems (the same number of them); and the settings the
 * link held that were usable are kept (NRF2, the language, the chart option), as the codec decodes them in Node.
 *
 * The seed and the count can be set with LINK_FUZZ_SEED and LINK_FUZZ_RUNS (per test; two tests run in parallel).
 */
import { expect, type Page, test } from '@playwright/test';
import fc from 'fast-check';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { decodeScenario, LINK_KEYS, PARAMETER_LINK_KEYS } from '../../src/scenario';
import { MAX_LINK_LENGTH } from '../../src/scenario/codec';
import { collectErrors } from './helpers';

const SEED = Number(process.env.LINK_FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.LINK_FUZZ_RUNS ?? 16);

const e = encodeURIComponent;

const HOSTILE = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>',
  'javascript:window.__xss=4//',
  '</title><iframe srcdoc="<script>parent.__xss=5</script>">',
  '{{constructor.constructor("window.__xss=6")()}}',
  '\u202eevil\u202c',
  '\u0000\u0007\u001b[2J',
];
const NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1e-400',
  '1e308',
  '99999999999999999999',
  '0x10',
  '1_0',
  '',
  '-0',
  '.',
  '1e',
  '++1',
];
/**
 * The codec's own key lists (src/scenario/encode.ts): a key added to the codec is fuzzed without editing this. Three
 * model parameters stand for the p.<id> keys (each read by the same code).
 */
const KEYS = [...LINK_KEYS, ...PARAMETER_LINK_KEYS.filter((_, i) => i % 20 === 0)];

/** One piece of damage appended to the person's settings. */
const damage: fc.Arbitrary<string> = fc.oneof(
  // wrong types and extreme numbers in known keys
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...NUMBERS, 'abc', '[1]', '{"a":1}', 'true', 'null'))
    .map(([k, v]) => `${k}=${e(v)}`),
  // hostile text anywhere: an arm name, an unknown key, a known key's value, an arm item
  fc
    .tuple(fc.constantFrom(...HOSTILE), fc.constantFrom('arm', 'key', 'value', 'item'), fc.constantFrom(...KEYS))
    .map(([text, where, key]) =>
      where === 'arm'
        ? `arm=${e(text)}`
        : where === 'key'
          ? `${e(text)}=1`
          : where === 'value'
            ? `${key}=${e(text)}`
            : `arm=A*${e(text)}*atz:${e(text)}@0-5/1`,
    ),
  // Unicode (any code points, lone surrogates written as escapes) as arm names and values
  fc
    .tuple(fc.string({ unit: 'binary', maxLength: 24 }), fc.constantFrom('arm', 'h', 'comp', 'zz'))
    .map(([text, key]) => `${key}=${e(text.replace(/[\ud800-\udfff]/g, '\ufffd'))}`),
  // duplicated keys, with another value
  fc
    .tuple(
      fc.constantFrom('s', 'v', 'h', 'nrf2', 'lang', 'comp', 'n'),
      fc.constantFrom('hcc-patient', '2', '7', '0.1', 'ja', 'stacked'),
    )
    .map(([k, v]) => `${k}=${v}`),
  // unknown keys
  fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z0-9]{0,8}$/)).map(([k, v]) => `x${k}=${v}`),
  // old and future versions, and a version that is not a number
  fc.constantFrom('v=0', 'v=-1', 'v=2', 'v=99', 'v=1.5', 'v=one'),
  // broken percent-encoding and stray separators
  fc.constantFrom(
    '%',
    '%zz',
    'arm=%E0%A4%A',
    '&&&',
    '==',
    '=1',
    'arm=',
    'arm=*',
    'arm=A**',
    'arm=A*atz:',
    'arm=A*atz:1@',
    'arm=A*atz:1@5-1/1',
  ),
  // schedules at and past the limits
  fc
    .tuple(
      fc.constantFrom('atz', 'bev', 'pd1', 'cox2', 'osi', 'zzz'),
      fc.constantFrom('1e9', '-1', '0', 'NaN', '10'),
      fc.constantFrom('0-1825/0.25', '0-99999/0.01', '5-1/1', '0-28/0', 'a-b/c'),
    )
    .map(([drug, dose, window]) => `arm=B*${drug}:${dose}@${window}`),
);

/** The person's own settings (always first), the damage after them, and how the whole link is cut or swollen. */
const link: fc.Arbitrary<{ query: string }> = fc
  .record({
    language: fc.constantFrom<'en' | 'ja'>('en', 'ja'),
    nrf2: fc.constantFrom('0.25', '0.7', '1'),
    comp: fc.constantFrom('stacked', 'separate'),
    damage: fc.array(damage, { minLength: 1, maxLength: 6 }),
    shape: fc.constantFrom('whole', 'whole', 'whole', 'truncated', 'oversize'),
    cut: fc.nat(),
  })
  .map(({ language, nrf2, comp, damage: parts, shape, cut }) => {
    const own = `s=hcc-mouse&nrf2=${nrf2}&comp=${comp}&lang=${language}&arm=Control`;
    let query = [own, ...parts].join('&');
    if (shape === 'truncated') query = query.slice(0, own.length + (cut % (query.length - own.length + 1)));
    if (shape === 'oversize') query = `${query}&zz=${'9'.repeat(MAX_LINK_LENGTH)}`;
    return { query };
  });

/** What the codec makes of the link (in Node, the same code the page runs). */
function expected(query: string, fallback: 'en' | 'ja') {
  const decoded = decodeScenario(query);
  return {
    errors: decoded.errors.length,
    nrf2: decoded.scenario.inputs.nrf2,
    language: decoded.view.language ?? fallback,
    comp: decoded.view.compartments,
  };
}

async function installTraps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __xss?: number; __dialogs: number };
    w.__dialogs = 0;
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      (window as unknown as Record<string, () => void>)[name] = () => {
        w.__dialogs++;
      };
    }
  });
  page.on('dialog', (dialog) => dialog.dismiss().catch(() => undefined));
}

async function check(page: Page, query: string, errors: string[]): Promise<void> {
  const want = expected(query, 'en');
  const label = `link ${JSON.stringify(query.length > 300 ? `${query.slice(0, 300)}… (${query.length} characters)` : query)}`;
  await page.goto(`/?${query}`);
  // the app renders
  await expect(page.getByTestId('status'), label).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.locator('[data-testid="svg-volume"] path.line').first(), label).toHaveAttribute('d', /^M/);
  // a notice in the current language exactly when the codec reports problems, one item per problem (up to 6)
  const notice = page.getByTestId('link-notice');
  if (want.errors > 0) {
    const catalogue = want.language === 'ja' ? ja : en;
    await expect(notice, label).toContainText(catalogue['link.problems']);
    await expect(notice.getByTestId('link-error'), label).toHaveCount(Math.min(6, want.errors));
  } else await expect(notice, label).toHaveCount(0);
  // the usable settings are kept
  await expect(page.locator('html'), label).toHaveAttribute('lang', want.language);
  await expect(page.getByTestId('slider-nrf2'), label).toHaveValue(String(want.nrf2));
  if (want.comp) await expect(page, label).toHaveURL(new RegExp(`comp=${want.comp}`));
  // nothing the link holds ran or became markup
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: number }).__xss ?? null,
    dialogs: (window as unknown as { __dialogs: number }).__dialogs,
    images: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
    ),
  }));
  expect(found, label).toEqual({ flag: null, dialogs: 0, images: 0, iframes: 0, inlineScripts: 0, handlers: [] });
  expect(errors, label).toEqual([]);
}

for (const [part, seed] of [
  [1, SEED],
  [2, SEED + 1],
] as const) {
  test(`seeded malformed and hostile links, part ${part} (seed ${seed}, ${RUNS} links): no error, nothing runs, a notice in the current language, usable settings kept`, async ({
    page,
  }) => {
    // about 0.5 s a link on a quiet machine; several seconds under heavy load
    test.setTimeout(300_000);
    const errors = collectErrors(page);
    await installTraps(page);
    const links = fc.sample(link, { seed, numRuns: RUNS });
    const started = Date.now();
    for (const { query } of links) await check(page, query, errors);
    console.log(`link fuzz part ${part}: ${links.length} links in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

test(`every key the codec reads, damaged once (${KEYS.length} links): no error, nothing runs, a notice in the current language, usable settings kept`, async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = collectErrors(page);
  await installTraps(page);
  const values = [...NUMBERS, ...HOSTILE, 'abc', '[1]'];
  const own = 's=hcc-mouse&nrf2=0.7&comp=stacked&lang=ja&arm=Control';
  for (const [i, key] of KEYS.entries()) {
    await check(page, `${own}&${key}=${e(values[i % values.length])}`, errors);
  }
});
