/**
 * Cox proportional-hazards model with one binary covariate (x = 0: reference arm, x = 1: comparison arm), fitted by
 * Newton–Raphson (with step halving) on the partial likelihood. With one binary covariate the likelihood depends only
 * on the risk table: at each distinct event time t_j, n_0j, n_1j at risk and d_0j, d_1j events (d_j = d_0j + d_1j).
 * With r = e^β, A_j = n_0j + r n_1j, D_j = d_0j + r d_1j:
 *
 * - Breslow (1974):  ℓ(β) = Σ_j [ d_1j β − d_j log A_j ];
 * - Efron (1977):    ℓ(β) = Σ_j [ d_1j β − Σ_{l=0}^{d_j−1} log(A_j − (l/d_j) D_j) ].
 *
 * Both coincide when there are no tied event times. Efron's is the more accurate with ties and is R's coxph default;
 * Breslow's is SAS PHREG's and Stata's default. The default here is Efron.
 *
 * Reported: HR = e^β̂ with the Wald interval exp(β̂ ± z·se), se = I(β̂)^(−1/2); the Wald test (β̂/se)², the score test
 * U(0)²/I(0) (equal to the log-rank statistic when no event times are tied; with ties it uses a binomial rather than
 * the hypergeometric variance (Breslow) or Efron's correction, so it differs slightly) and the
 * likelihood-ratio test 2(ℓ(β̂) − ℓ(0)), each with its chi-square(1) p-value. `pValue` is the Wald p, the one that
 * matches the interval.
 */

import { chiSquareSf, normalQuantile } from './distributions';
import { buildRiskTable, type EventInput, type RiskTable, type SurvivalSample, type TimeInput } from './risk-table';

export type Ties = 'efron' | 'breslow';

export interface CoxOptions {
  /** handling of tied event times, default 'efron' */
  ties?: Ties;
  /** confidence level of the Wald interval, default 0.95 */
  level?: number;
  /** maximum Newton iterations, default 50 */
  maxIterations?: number;
}

export interface CoxResult {
  /** e^β̂: hazard of the comparison arm relative to the reference arm */
  hazardRatio: number;
  /** β̂ */
  logHazardRatio: number;
  /** se(β̂) = I(β̂)^(−1/2) */
  standardError: number;
  /** Wald confidence limits of the hazard ratio */
  lower: number;
  upper: number;
  level: number;
  /** β̂ / se */
  waldZ: number;
  /** two-sided Wald p-value (reported as `pValue`) */
  waldP: number;
  /** score (Rao) test statistic at β = 0, chi-square on 1 df */
  scoreStatistic: number;
  scoreP: number;
  /** likelihood-ratio statistic 2(ℓ(β̂) − ℓ(0)), chi-square on 1 df */
  likelihoodRatioStatistic: number;
  likelihoodRatioP: number;
  /** the Wald p-value */
  pValue: number;
  logLikelihood: number;
  logLikelihoodNull: number;
  ties: Ties;
  iterations: number;
  /**
   * false when Newton–Raphson did not converge, typically because the estimate is infinite (no events in one arm, or
   * every event in one arm happens before any in the other); the figures are then those of the last iterate.
   */
  converged: boolean;
}

interface Evaluation {
  loglik: number;
  score: number;
  information: number;
}

/** Compact per-event-time counts: the only rows that enter the likelihood. */
interface EventRows {
  n0: Float64Array;
  n1: Float64Array;
  d0: Float64Array;
  d1: Float64Array;
}

function eventRows(table: RiskTable): EventRows {
  const m = table.time.length;
  let rows = 0;
  for (let j = 0; j < m; j++) if (table.events[j] + table.events[m + j] > 0) rows++;
  const out: EventRows = {
    n0: new Float64Array(rows),
    n1: new Float64Array(rows),
    d0: new Float64Array(rows),
    d1: new Float64Array(rows),
  };
  let r = 0;
  for (let j = 0; j < m; j++) {
    const d0 = table.events[j];
    const d1 = table.events[m + j];
    if (d0 + d1 === 0) continue;
    out.n0[r] = table.atRisk[j];
    out.n1[r] = table.atRisk[m + j];
    out.d0[r] = d0;
    out.d1[r] = d1;
    r++;
  }
  return out;
}

function evaluate(rows: EventRows, beta: number, ties: Ties): Evaluation {
  const r = Math.exp(beta);
  let loglik = 0;
  let score = 0;
  let information = 0;
  const { n0, n1, d0, d1 } = rows;
  for (let j = 0; j < n0.length; j++) {
    const d = d0[j] + d1[j];
    loglik += d1[j] * beta;
    score += d1[j];
    if (ties === 'breslow' || d === 1) {
      const a = n0[j] + r * n1[j];
      const p = (r * n1[j]) / a;
      loglik -= d * Math.log(a);
      score -= d * p;
      information += d * p * (1 - p);
    } else {
      const a = n0[j] + r * n1[j];
      const a1 = r * n1[j]; // dA/dβ
      const dd = d0[j] + r * d1[j];
      const dd1 = r * d1[j]; // dD/dβ
      for (let l = 0; l < d; l++) {
        const f = l / d;
        const s = a - f * dd;
        const p = (a1 - f * dd1) / s; // the covariate is 0/1, so the second derivative of s equals the first
        loglik -= Math.log(s);
        score -= p;
        information += p * (1 - p);
      }
    }
  }
  return { loglik, score, information };
}

function fitCox(table: RiskTable, options: CoxOptions): CoxResult {
  const ties = options.ties ?? 'efron';
  const level = options.level ?? 0.95;
  const maxIterations = options.maxIterations ?? 50;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const rows = eventRows(table);
  const atZero = evaluate(rows, 0, ties);
  let beta = 0;
  let current = atZero;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    if (!(current.information > 0)) break;
    let step = current.score / current.information;
    let next = evaluate(rows, beta + step, ties);
    // Step halving: the partial log-likelihood is concave in β, so a full Newton step can only overshoot.
    for (let h = 0; h < 30 && !(next.loglik >= current.loglik); h++) {
      step /= 2;
      next = evaluate(rows, beta + step, ties);
    }
    beta += step;
    const change = Math.abs(next.loglik - current.loglik);
    current = next;
    if (Math.abs(step) <= 1e-10 * (1 + Math.abs(beta)) || change <= 1e-13 * (1 + Math.abs(current.loglik))) {
      converged = Math.abs(beta) < 30 && current.information > 0;
      break;
    }
    if (Math.abs(beta) > 50) break;
  }
  const se = 1 / Math.sqrt(current.information);
  const z = normalQuantile(0.5 + level / 2);
  const waldZ = beta / se;
  const waldP = chiSquareSf(waldZ * waldZ, 1);
  const scoreStatistic = atZero.information > 0 ? (atZero.score * atZero.score) / atZero.information : Number.NaN;
  const likelihoodRatioStatistic = Math.max(0, 2 * (current.loglik - atZero.loglik));
  return {
    hazardRatio: Math.exp(beta),
    logHazardRatio: beta,
    standardError: se,
    lower: Math.exp(beta - z * se),
    upper: Math.exp(beta + z * se),
    level,
    waldZ,
    waldP,
    scoreStatistic,
    scoreP: chiSquareSf(scoreStatistic, 1),
    likelihoodRatioStatistic,
    likelihoodRatioP: chiSquareSf(likelihoodRatioStatistic, 1),
    pValue: waldP,
    logLikelihood: current.loglik,
    logLikelihoodNull: atZero.loglik,
    ties,
    iterations,
    converged,
  };
}

/** Hazard ratio of `comparison` versus `reference` (two arms) by a Cox model with the arm as the only covariate. */
export function coxHazardRatio(
  reference: SurvivalSample,
  comparison: SurvivalSample,
  options: CoxOptions = {},
): CoxResult {
  return fitCox(buildRiskTable([reference, comparison]), options);
}

/** The same model from one sample with a 0/1 covariate per subject (truthy = comparison arm). */
export function coxBinary(
  time: TimeInput,
  event: EventInput,
  covariate: EventInput,
  options: CoxOptions = {},
): CoxResult {
  const n = time.length;
  if (covariate.length !== n) throw new RangeError(`time has ${n} entries but covariate has ${covariate.length}`);
  if (event.length !== n) throw new RangeError(`time has ${n} entries but event has ${event.length}`);
  let n1 = 0;
  for (let i = 0; i < n; i++) if (covariate[i]) n1++;
  const t0 = new Float64Array(n - n1);
  const e0 = new Uint8Array(n - n1);
  const t1 = new Float64Array(n1);
  const e1 = new Uint8Array(n1);
  let i0 = 0;
  let i1 = 0;
  for (let i = 0; i < n; i++) {
    if (covariate[i]) {
      t1[i1] = time[i];
      e1[i1++] = event[i] ? 1 : 0;
    } else {
      t0[i0] = time[i];
      e0[i0++] = event[i] ? 1 : 0;
    }
  }
  return coxHazardRatio({ time: t0, event: e0 }, { time: t1, event: e1 }, options);
}
