/**
 * A FieldError is one problem with one field of a scenario, as the validator and the link decoder report it; its
 * code and field are what the interface words in the user's language. Kept apart from validate.ts so that the
 * catalogue (parameters.ts) can report problems without importing the validator that imports it.
 */
export type FieldErrorCode =
  | 'unknown-version'
  | 'unknown-key'
  | 'out-of-range'
  | 'not-a-number'
  | 'impossible-schedule'
  | 'too-long'
  | 'malformed'
  | 'duplicate'
  | 'too-many'
  /** a field that the rest of the scenario rules out (cohort settings outside the hcc-patient setting) */
  | 'incompatible'
  /** a value from an older link whose meaning changed, converted to the current one (a notice, not a refusal) */
  | 'migrated';

/**
 * One problem with one field.
 *
 * `field` names the field as a path into the scenario, with the shared inputs flat: 'v' (format version), 'query'
 * (the link as a whole), 'setting', 'horizon', 'outputStep', 'nrf2', 'neat1', 'il6', 'axl', 'cd8Depleted', 'arms',
 * 'arm[i]', 'arm[i].name', 'arm[i].hidden', 'arm[i].inputs', 'arm[i].inputs.nrf2', 'arm[i].treatments',
 * 'arm[i].treatments.igf1ri', 'arm[i].treatments.igf1ri.stop', ... `i` counts from 0 (in a link: the i-th `arm`
 * parameter). The cohort settings are 'cohort' (the cohort as a whole), 'cohort.size', 'cohort.seed',
 * 'cohort.cancer', 'cohort.assessmentInterval' and 'cohort.pge2Cutoff'. A model parameter is 'p.<id>' (its link key,
 * e.g. 'p.tCellKillRate'), the parameter table as a whole 'parameters'. An unknown top-level query key is reported
 * under its own name.
 *
 * `message` is plain English for the user: it quotes the value, states the allowed range and, from the decoder,
 * says what was done instead.
 */
export interface FieldError {
  field: string;
  message: string;
  code: FieldErrorCode;
  /** the message in Japanese, where one is written (model parameters, arm names); the link notice shows it in Japanese */
  messageJa?: string;
}

/** A value quoted in a message, cut short so a pasted essay does not become the message. */
export function quote(text: string, max = 30): string {
  const chars = [...text];
  return `'${chars.length > max ? `${chars.slice(0, max).join('')}…` : text}'`;
}
