/**
 * Scenario files: the JSON the export writes ({ format, version, link, scenario }) read back. The link inside is
 * what is loaded, through the same codec as a shared link, so a file is validated field by field like a link; the
 * `scenario` object beside it is for people and other programs to read. It exists so that an exported scenario
 * loads back, and a file that is not one (or a damaged one) says what is wrong without changing anything.
 */
import { decodeScenario, encodeLink } from '../scenario/codec';
import type { Scenario } from '../scenario/types';
import { validateScenario } from '../scenario/validate';
import type { FitSummary } from './fitCurves';
import type { Measurement } from './measurements';
import type { LinkError } from './slices/scenario';

export const SCENARIO_FILE_FORMAT = 'timescape-scenario';
/** A scenario file is a few kB; anything far larger is not one (and is not read into memory as text). */
export const SCENARIO_FILE_MAX_BYTES = 1_000_000;

export type ScenarioFileResult =
  | {
      ok: true;
      scenario: Scenario /** the preset its link names (its arms' names follow the language) */;
      preset: string | null;
    }
  | { ok: false; problem: 'too-large' | 'not-json' | 'not-scenario'; detail?: string }
  | { ok: false; problem: 'fields'; errors: LinkError[] };

/** What a scenario file carries beside the scenario: the imported measurements and the fit to them, when there are. */
export interface ScenarioFileExtras {
  measurements?: { file: string; rows: readonly Measurement[] };
  /** the fitted values with their intervals and the goodness of fit, and the link of the scenario fitted */
  fit?: FitSummary & { link: string };
}

/**
 * The JSON text of a scenario file for `scenario` with the link `query`; `measurements` and `fit` when given (read
 * back, the file loads its link; they are for people and other programs).
 */
export function scenarioFileText(
  scenario: Scenario,
  query: string,
  version: number,
  extras: ScenarioFileExtras = {},
): string {
  const file = {
    format: SCENARIO_FILE_FORMAT,
    version,
    link: query,
    scenario,
    ...(extras.measurements && extras.measurements.rows.length > 0 ? { measurements: extras.measurements } : {}),
    ...(extras.fit ? { fit: extras.fit } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a scenario file's text; never throws. A file with any invalid field is refused with every problem listed. */
export function readScenarioFile(text: string): ScenarioFileResult {
  if (text.length > SCENARIO_FILE_MAX_BYTES) return { ok: false, problem: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: 'not-scenario' };
  const file = data as Record<string, unknown>;
  if (file.format !== SCENARIO_FILE_FORMAT) return { ok: false, problem: 'not-scenario' };
  let query: string;
  if (typeof file.link === 'string') query = file.link;
  else if (file.scenario && typeof file.scenario === 'object') {
    // a file written by another program may carry the scenario object only: validate it, then take its link
    try {
      const errors = validateScenario(file.scenario as Scenario);
      if (errors.length > 0) return { ok: false, problem: 'fields', errors };
      query = encodeLink(file.scenario as Scenario, {});
    } catch {
      return { ok: false, problem: 'not-scenario' };
    }
  } else return { ok: false, problem: 'not-scenario' };
  const { scenario, errors, view } = decodeScenario(query);
  if (errors.length > 0) return { ok: false, problem: 'fields', errors };
  return { ok: true, scenario, preset: view.preset ?? null };
}
