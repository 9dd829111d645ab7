/**
 * The robustness figures the app shows (src/scenario/claim-robustness.json) and docs/model.md prints are the ones the
 * current model gives: after changing the model or a claim, regenerate them with `npm run -s robustness -- --write`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetClaimRobustness, presetPlausibilityCriteria } from '../../src/scenario/robustness';
import { CLAIMS } from '../../src/science/claims';
import { PLAUSIBILITY_CRITERIA } from '../../src/science/plausibility';
import { measureRobustness, ROBUSTNESS_DRAWS, ROBUSTNESS_SEED } from '../../src/science/robustness';
import {
  GENERATED_END,
  GENERATED_START,
  robustnessData,
  robustnessJson,
  robustnessMarkdown,
  robustnessTable,
  spliceGenerated,
} from '../../src/science/robustness-report';

const REGENERATE = 'stale: run `npm run -s robustness -- --write` and commit docs/model.md and the data file';

describe('the robustness figures in the app and in docs/model.md', () => {
  const report = measureRobustness({ draws: ROBUSTNESS_DRAWS, seed: ROBUSTNESS_SEED });

  it('the data file holds the figures of the current model and claims (200 draws, seed 1)', () => {
    const file = readFileSync(new URL('../../src/scenario/claim-robustness.json', import.meta.url), 'utf8');
    expect(JSON.parse(file), REGENERATE).toEqual(JSON.parse(robustnessJson(robustnessData(report))));
  });

  it('docs/model.md shows the same figures between its generated-section markers', () => {
    const docs = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    const start = docs.indexOf(GENERATED_START);
    const end = docs.indexOf(GENERATED_END);
    expect(start, 'start marker').toBeGreaterThan(0);
    expect(docs.slice(start + GENERATED_START.length, end).trim(), REGENERATE).toBe(robustnessMarkdown(report).trim());
  });

  it('every preset with claims lists each of them for the app, with a fraction in [0, 1]', () => {
    for (const c of CLAIMS) {
      const shown = presetClaimRobustness(c.preset).find((x) => x.id === c.id);
      expect(shown, c.id).toBeDefined();
      expect(shown?.fraction).toBeGreaterThanOrEqual(0);
      expect(shown?.fraction).toBeLessThanOrEqual(1);
      expect(shown?.draws).toBe(ROBUSTNESS_DRAWS);
    }
    expect(presetClaimRobustness('no-such-preset')).toEqual([]);
  });

  it('the app shows the plausible figure where a growth criterion filters the claim, with the criterion and its source', () => {
    for (const c of CLAIMS) {
      const shown = presetClaimRobustness(c.preset).find((x) => x.id === c.id);
      const row = report.claims.find((x) => x.id === c.id);
      if (!row?.plausible.filtered) {
        expect(shown?.plausible, c.id).toBeNull();
        continue;
      }
      expect(shown?.plausible?.holds, c.id).toBe(row.plausible.holds);
      expect(shown?.plausible?.draws, c.id).toBe(row.plausible.draws);
      expect(shown?.plausible?.settings.length, c.id).toBeGreaterThan(0);
    }
    const hcc = presetPlausibilityCriteria('nrf2-atezo-bev');
    expect(hcc.map((k) => k.setting)).toEqual(['hcc-mouse']);
    const criterion = PLAUSIBILITY_CRITERIA.find((k) => k.setting === 'hcc-mouse');
    expect(hcc[0]).toMatchObject({ source: criterion?.source, day: criterion?.day, target: criterion?.target });
    expect(hcc[0].measured.ja.length).toBeGreaterThan(0);
    expect(hcc[0].accepted).toBe(report.acceptance.find((a) => a.setting === 'hcc-mouse')?.accepted);
    // the patient and xenograft presets have none: every draw counts, and the app says so
    expect(presetPlausibilityCriteria('keap1-nrf2-patients')).toEqual([]);
    expect(presetClaimRobustness('keap1-nrf2-patients').every((c) => c.plausible === null)).toBe(true);
  });

  it('the generated section replaces only the text between its markers, and a document without them is refused', () => {
    const doc = `before\n${GENERATED_START}\nold\n${GENERATED_END}\nafter\n`;
    expect(spliceGenerated(doc, 'new')).toBe(`before\n${GENERATED_START}\nnew\n${GENERATED_END}\nafter\n`);
    expect(() => spliceGenerated('no markers', 'new')).toThrow(/markers/);
  });

  it('the table prints every claim with its count and interval, and the data file every check of a claim', () => {
    const table = robustnessTable(report);
    for (const c of report.claims) expect(table).toContain(`${c.holds}/${c.draws}`);
    const data = robustnessData(report);
    for (const c of data.claims) {
      const claim = CLAIMS.find((x) => x.id === c.id);
      expect(c.checks.length, c.id).toBe(report.claims.find((x) => x.id === c.id)?.checks.length);
      expect(claim, c.id).toBeDefined();
    }
  });
});
