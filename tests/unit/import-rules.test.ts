// The arrows of docs/architecture.md are lint rules (biome.json, noRestrictedImports per folder). Each rule is proved
// here to fire on a bad import and to stay quiet on an allowed one: fixture files are written to a scratch copy of the
// project layout outside the linted tree, linted with the project's own configuration, and the diagnostics compared.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/** [file in the layout, import source, words the rule's message must contain] */
const BAD: [string, string, string][] = [
  ['src/components/Bad.tsx', '../model', 'Components do not import the model'],
  ['src/components/cohort/Bad.tsx', '../../model/cohort', 'Components do not import the model'],
  ['src/components/Bad2.tsx', '../worker/client', 'Components do not talk to workers'],
  ['src/components/Bad3.tsx', '../stats', 'Components do not compute'],
  ['src/components/Bad4.tsx', '../solver/dopri5', 'Components do not compute'],
  ['src/components/Bad5.tsx', '../cli/run', 'Components import store, charts, i18n, scenario'],
  ['src/store/bad.ts', '../model/presets', 'The store does not import the model'],
  ['src/store/bad2.ts', '../components/Arms', 'The store knows nothing of the views'],
  ['src/store/bad3.ts', '../charts/palette', 'The store knows nothing of the views'],
  ['src/store/bad4.ts', '../stats', 'The store does not compute statistics'],
  ['src/store/bad5.ts', '../worker/api', 'only through their clients'],
  ['src/store/bad6.ts', '../formats/csv', 'The store imports scenario, worker client'],
  ['src/worker/bad.ts', '../model/cohort', 'through its public face'],
  ['src/worker/bad2.ts', '../store/explorer', 'The worker imports model, scenario and stats only'],
  ['src/worker/bad3.ts', '../i18n', 'The worker imports model, scenario and stats only'],
  ['src/cli/bad.ts', '../model/simulate', 'through its public face'],
  ['src/cli/bad2.ts', '../worker/client', 'The CLI imports model, scenario, stats and formats only'],
  ['src/science/bad.ts', '../model/simulate', 'Science imports the model through its public face'],
  [
    'src/science/bad2.ts',
    '../worker/client',
    'Science (claims and their robustness) imports model, scenario and stats only',
  ],
  ['src/science/bad3.ts', '../i18n', 'Science (claims and their robustness) imports model, scenario and stats only'],
  ['src/model/bad.ts', '../scenario/codec', "The model imports the scenario's types only"],
  ['src/model/bad2.ts', '../scenario/catalogue/presets', "The model imports the scenario's types only"],
  ['src/model/bad3.ts', '../store/explorer', 'The model is pure science'],
  ['src/model/bad4.ts', '../worker/client', 'The model is pure science'],
  ['src/model/bad5.ts', '../i18n', 'The model is pure science'],
  ['src/solver/bad.ts', '../scenario/types', 'Solver, stats and formats know nothing of the app'],
  ['src/stats/bad.ts', '../model', 'Solver, stats and formats know nothing of the app'],
  ['src/formats/bad.ts', '../scenario/types', 'Solver, stats and formats know nothing of the app'],
  ['src/charts/bad.ts', '../store/explorer', 'knows nothing of the store or the components'],
  ['src/charts/bad2.ts', '../components/Arms', 'knows nothing of the store or the components'],
  ['src/charts/bad3.ts', '../model/series', 'Charts import formats and the scenario'],
  ['src/charts/bad4.ts', '../i18n', 'Charts import formats and the scenario'],
  ['src/scenario/bad.ts', '../model/treatments', 'The scenario does not import the model'],
  ['src/scenario/catalogue/bad2.ts', '../../model/simulate', 'The scenario does not import the model'],
  ['src/scenario/catalogue/bad.ts', '../../i18n', 'The scenario is the bottom of the house'],
  ['src/i18n/bad.ts', '../scenario/types', 'The message catalogues import nothing of the app'],
  ['src/lessons/bad.ts', '../store/explorer', 'Lessons are content'],
  ['src/App.tsx', './model', 'The app shell composes components'],
];

/** Allowed arrows: each must lint clean. */
const GOOD: [string, string][] = [
  ['src/components/Good.tsx', '../store/explorer'],
  ['src/components/cohort/Good.tsx', '../../scenario/catalogue/trial'],
  ['src/components/Good2.tsx', '../charts/timeSeries'],
  ['src/components/Good3.tsx', '../i18n'],
  ['src/store/good.ts', '../worker/client'],
  ['src/store/good2.ts', '../scenario/catalogue/presets'],
  ['src/worker/good.ts', '../model'],
  ['src/worker/good2.ts', '../stats'],
  ['src/cli/good.ts', '../model'],
  ['src/cli/good2.ts', '../formats/csv'],
  ['src/science/good.ts', '../model'],
  ['src/science/good2.ts', '../scenario/catalogue/presets'],
  ['src/science/good3.ts', '../stats/proportions'],
  ['src/cli/good3.ts', '../science/robustness'],
  ['src/model/good.ts', '../scenario/types'],
  ['src/model/good2.ts', '../scenario/catalogue/calendar'],
  ['src/model/good3.ts', '../solver/dopri5'],
  ['src/model/good4.ts', '../stats'],
  ['src/solver/good.ts', './types'],
  ['src/charts/good.ts', '../formats/csv'],
  ['src/charts/good2.ts', '../scenario/types'],
  ['src/scenario/catalogue/good.ts', '../types'],
  ['src/scenario/catalogue/good2.ts', '../../model/parameters'],
  ['src/i18n/good.ts', './en'],
];

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

let scratch = '';
let diagnostics: Diagnostic[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'import-rules-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  // The scratch layout is not a git checkout: lint every file in it.
  config.vcs = { enabled: false };
  config.files = { includes: ['**'] };
  writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
  for (const [file, source] of [...BAD.map(([f, s]) => [f, s]), ...GOOD]) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    writeFileSync(join(scratch, file), `import { value } from '${source}';\n\nexport const copy = value;\n`);
  }
  let out: string;
  try {
    out = execFileSync(biome, ['lint', '--reporter=json', '--only=style/noRestrictedImports', '.'], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // biome exits 1 when it found errors, which the bad fixtures are there to cause
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  diagnostics = (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const at = (file: string) => diagnostics.filter((d) => d.location.path.replaceAll('\\', '/').endsWith(file));

describe('import arrows are lint rules', () => {
  it.each(BAD)('%s importing %s is refused', (file, _source, words) => {
    const found = at(file);
    expect(found.map((d) => d.category)).toEqual(['lint/style/noRestrictedImports']);
    expect(found[0].message).toContain(words);
  });

  it.each(GOOD)('%s importing %s is allowed', (file) => {
    expect(at(file)).toEqual([]);
  });
});
