/**
 * Fuzzing of the two entry points that read untrusted text: the scenario codec (share links) and the simulate
 * command. Seeded and reproducible: random strings over the link's alphabet, and valid links mutated by deleting,
 * inserting, duplicating, swapping and truncating. Each input must be handled without an uncaught exception; every
 * rejection names its field with a specific message; the decoded scenario is always valid and re-encodes to a link
 * that decodes without errors. FUZZ_RUNS scales the codec run (default 100,000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { decodeScenario, encodeScenario, LINK_KEYS, PARAMETER_LINK_KEYS, validateScenario } from '../../src/scenario';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { createRandom, type Random } from '../../src/stats';
import { arbScenario } from './arbitraries';

const CODEC_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const CLI_RUNS = Math.max(1000, Math.round(CODEC_RUNS / 5));

const ALPHABET =
  'v=&?*:@/-.+_~!,%#0123456789eE abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ日本語\u0000\uffff😀';
/** The codec's own key lists (src/scenario/encode.ts): a key added to the codec is fuzzed without editing this. */
const KEYS = [...LINK_KEYS];
const PARAMETER_KEYS = [...PARAMETER_LINK_KEYS];

function randomText(r: Random, max: number): string {
  const n = Math.floor(r.next() * max);
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[Math.floor(r.next() * ALPHABET.length)];
  return out;
}

/** A link-shaped random string: known and unknown keys with random values. */
function randomLink(r: Random): string {
  const parts: string[] = [];
  const count = Math.floor(r.next() * 12);
  for (let i = 0; i < count; i++) {
    const u = r.next();
    const key =
      u < 0.7
        ? KEYS[Math.floor(r.next() * KEYS.length)]
        : u < 0.8
          ? PARAMETER_KEYS[Math.floor(r.next() * PARAMETER_KEYS.length)]
          : randomText(r, 6);
    parts.push(`${key}=${randomText(r, 30)}`);
  }
  return parts.join('&');
}

/** A valid link with 1–4 random edits. */
function mutate(r: Random, link: string): string {
  let s = link;
  const edits = 1 + Math.floor(r.next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r.next() * (s.length + 1));
    const kind = Math.floor(r.next() * 6);
    if (kind === 0) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r.next() * 5));
    else if (kind === 1) s = s.slice(0, at) + randomText(r, 6) + s.slice(at);
    else if (kind === 2) s = s.slice(0, at) + s.slice(at, at + 20) + s.slice(at);
    else if (kind === 3) s = s.slice(0, at);
    else if (kind === 4)
      s = s.replace(/[0-9.]+/, ['-1', '1e999', 'NaN', '', '0x10', '1e-320'][Math.floor(r.next() * 6)]);
    else s = s.replace(/[a-z]+=/, `${randomText(r, 4)}=`);
  }
  return s;
}

function seedLinks(): string[] {
  const links = PRESETS.map((p) => encodeScenario(p.scenario));
  links.push(...fc.sample(arbScenario, { numRuns: 200, seed: 42 }).map(encodeScenario));
  return links;
}

describe('the link keys the fuzzers draw from', () => {
  it('are exactly the keys the codec reads: each is known to it, and a key outside them is reported as unknown', () => {
    expect(KEYS).toContain('egfr');
    for (const key of [...KEYS, ...PARAMETER_KEYS]) {
      const decoded = decodeScenario(`s=hcc-mouse&arm=A&${key}=zz`);
      expect(
        decoded.errors.filter((e) => e.code === 'unknown-key' && e.field === key),
        key,
      ).toEqual([]);
    }
    const unknown = decodeScenario('s=hcc-mouse&arm=A&nrf3=1');
    expect(unknown.errors.map((e) => e.code)).toContain('unknown-key');
  });
});

describe('fuzzing the scenario codec', () => {
  it(`handles ${CODEC_RUNS.toLocaleString('en')} random and mutated links: no exception, specific errors, valid result`, () => {
    const r = createRandom(20261123);
    const links = seedLinks();
    let rejected = 0;
    for (let i = 0; i < CODEC_RUNS; i++) {
      const kind = i % 3;
      const input = kind === 0 ? randomText(r, 200) : kind === 1 ? randomLink(r) : mutate(r, links[i % links.length]);
      const decoded = decodeScenario(input);
      if (decoded.errors.length > 0) rejected++;
      for (const e of decoded.errors) {
        if (!e.field || e.message.length < 10)
          throw new Error(`vague error for ${JSON.stringify(input)}: ${JSON.stringify(e)}`);
      }
      const problems = validateScenario(decoded.scenario);
      if (problems.length > 0) throw new Error(`invalid result for ${JSON.stringify(input)}: ${problems[0].message}`);
      if (decodeScenario(decoded.normalised).errors.length > 0) {
        throw new Error(`normalised link of ${JSON.stringify(input)} does not decode cleanly`);
      }
    }
    // most fuzzed inputs are wrong somewhere, and each of those produced at least one specific error
    expect(rejected).toBeGreaterThan(CODEC_RUNS / 2);
    // 100,000 decodes take 20-40 s on an idle machine and over 90 s on a loaded one: the time limit is not the test
  }, 300_000);
});

describe('fuzzing the simulate command', () => {
  it(`handles ${CLI_RUNS.toLocaleString('en')} random and mutated arguments: exit 0 with JSON, or exit 2 with messages`, () => {
    const r = createRandom(7);
    // short horizons keep the valid runs cheap; the decoding path is the same
    const links = PRESETS.map((p) => encodeScenario({ ...p.scenario, horizon: 3, outputStep: 1 }));
    let ok = 0;
    for (let i = 0; i < CLI_RUNS; i++) {
      const input = i % 2 === 0 ? mutate(r, links[i % links.length]) : randomLink(r);
      const args = i % 10 === 0 ? ['--format', 'csv', input] : [input];
      const out = runCli(args);
      if (out.status === 0) {
        ok++;
        if (out.stderr !== '' || out.stdout === '') throw new Error(`status 0 without output for ${input}`);
        if (args[0] !== '--format') {
          const json = JSON.parse(out.stdout) as { series: Record<string, number[][]> };
          for (const values of Object.values(json.series)) {
            for (const arm of values)
              for (const v of arm) if (!(v >= 0)) throw new Error(`bad value ${v} for ${input}`);
          }
        }
      } else {
        if (out.status !== 2 || out.stdout !== '' || !/^simulate: .+?: .{10,}/m.test(out.stderr)) {
          throw new Error(`bad rejection for ${JSON.stringify(input)}: ${out.status} ${out.stderr}`);
        }
      }
    }
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThan(CLI_RUNS);
  });
});
