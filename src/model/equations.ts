/**
 * The right-hand side of the tumour–immune ODE, allocation-free. Every term is a mechanism of one of the five studies
 * (or of a cited model); docs/model.md writes each equation out with its source. Fast signals (PGE2, IL-6 signalling,
 * IFN, PD-L1, CD24 engagement, drug occupancy) are algebraic: their turnover is hours, the cells' is days.
 */
import type { Inputs } from '../scenario/types';
import type { ModelParameters } from './parameters';
import {
  CD8,
  DC,
  ESCAPE,
  IGF1R_TOXICITY,
  LINEAGE_ESCAPE,
  LINEAGE_PERSISTER,
  LINEAGE_RESISTANT,
  LINEAGE_SENSITIVE,
  LINEAGE_T790M,
  M1,
  M2,
  PERSISTER,
  RESISTANT,
  SENSITIVE,
  T790M,
} from './state';

// Drug slots, in DRUG_IDS order.
const ATEZOLIZUMAB = 0;
const BEVACIZUMAB = 1;
const ANTI_PD1 = 2;
const COX2I = 3;
const ANTI_CD24 = 4;
const ANTI_IL6 = 5;
const OSIMERTINIB = 6;
const IGF1RI = 7;
const SORAFENIB = 8;
const GEFITINIB = 9;
export const DRUG_COUNT = 10;

/**
 * Drug levels in closed form. One-compartment pharmacokinetics with first-order elimination k and a zero-order input
 * u (oral dosing, constant within a segment) gives, from the level A0 at the segment start t0,
 *   A(t) = u/k + (A0 − u/k)·e^(−k (t − t0)),
 * exactly; bolus doses add to A0 at breakpoints. Computing levels this way instead of integrating them is exact, and
 * keeps fast drug transients from limiting the solver's steps.
 */
export class DrugExposure {
  /** per drug: first-order elimination, 1/day */
  readonly elimination: Float64Array;
  /** per drug: zero-order input in the current segment, nM/day */
  readonly input = new Float64Array(DRUG_COUNT);
  /** per drug: level at the segment start, nM */
  readonly start = new Float64Array(DRUG_COUNT);
  /** the current segment's start, days */
  t0 = 0;
  /** per drug: the levels at the time of the last levelsAt() call, nM (a workspace) */
  readonly levels = new Float64Array(DRUG_COUNT);

  constructor(elimination: Float64Array) {
    this.elimination = elimination;
  }

  /**
   * The time of the model's current evaluation, days: a one-element array, so that the time reaches the levels as an
   * unboxed double (a number argument to a call the compiler does not inline is boxed: one heap allocation per call).
   */
  readonly clock = new Float64Array(1);

  /** Fills and returns `levels` at time t of the current segment. */
  levelsAt(t: number): Float64Array {
    this.clock[0] = t;
    return this.levelsAtClock();
  }

  /** Fills and returns `levels` at time clock[0] of the current segment. */
  levelsAtClock(): Float64Array {
    const dt = this.clock[0] - this.t0;
    for (let k = 0; k < DRUG_COUNT; k++) {
      const a0 = this.start[k];
      const u = this.input[k];
      if (a0 === 0 && u === 0) {
        this.levels[k] = 0;
        continue;
      }
      const ke = this.elimination[k];
      const plateau = u / ke;
      this.levels[k] = plateau + (a0 - plateau) * Math.exp(-ke * dt);
    }
    return this.levels;
  }

  /** Starts a new segment at t: levels carried over from the current segment, inputs then set by the caller. */
  restartAt(t: number): void {
    if (t !== this.t0) this.start.set(this.levelsAt(t));
    this.t0 = t;
  }
}

/** NEAT1 expression of a NEAT1-high tumour relative to a NEAT1-low one, minus one (chosen: 5x, as for CD24). */
const NEAT1_HIGH_FOLD_MINUS_ONE = 4;

/** Guards 0/0 in ratios when a population is empty; far below one cell, so it never changes a result. */
const TINY = 1e-30;

/** x^n, with the common integer Hill coefficients done by multiplication (pow is several times slower). */
function power(x: number, n: number): number {
  if (n === 2) return x * x;
  if (n === 1) return x;
  return x ** n;
}

function occupancy(level: number, halfMaximal: number): number {
  return level > 0 ? level / (level + halfMaximal) : 0;
}

/** The algebraic signals at one state; reused, never reallocated. */
export interface Signals {
  pge2: number; // intratumoral PGE2 (tumour COX-2 activity), relative to NRF2-wild-type without COX-2 inhibitor
  pge2PlasmaPgMl: number; // plasma PGE2, pg/mL: host baseline + tumour release / clearance
  neat1Plasma: number; // plasma NEAT1, relative to a tumour-free host
  angiogenesisBlocked: number; // 0..1, VEGF signalling blocked (bevacizumab on the ligand, sorafenib on VEGFR)
  sorafenib: number; // 0..1, sorafenib occupancy (RAF and the other kinases it inhibits)
  pge2Inhibition: number; // of T-cell infiltration, 0..1
  il6Signal: number; // 0..1
  vascularAccess: number; // 0..1
  ifn: number; // relative
  pdl1: number; // free PD-L1, relative
  pd1Inhibition: number; // 0..1
  cd24: number; // free CD24, relative to the NEAT1-low level
  cd24Engagement: number; // 0..1
  m2Fraction: number;
  tCellKill: number; // per tumour cell, 1/day
  phagocytosis: number; // per tumour cell, 1/day
}

export class TumourImmuneModel {
  readonly p: ModelParameters;
  readonly inputs: Inputs;
  /** per drug: level for half-maximal effect, nM */
  readonly halfMaximal: Float64Array;
  /** drug levels in closed form; their segments are set between integration segments */
  readonly drugs: DrugExposure;
  readonly s: Signals = {
    pge2: 0,
    pge2PlasmaPgMl: 0,
    neat1Plasma: 0,
    angiogenesisBlocked: 0,
    sorafenib: 0,
    pge2Inhibition: 0,
    il6Signal: 0,
    vascularAccess: 0,
    ifn: 0,
    pdl1: 0,
    pd1Inhibition: 0,
    cd24: 0,
    cd24Engagement: 0,
    m2Fraction: 0,
    tCellKill: 0,
    phagocytosis: 0,
  };
  private readonly recruitment: number;
  /** pge2Half^pge2Hill, constant */
  private readonly pge2HalfPower: number;
  private readonly igf1rDependence: number;
  /** 1 for an EGFR-mutant tumour, 0 for wild type: osimertinib (and the persister route it opens) needs the mutation */
  private readonly egfrDependence: number;
  /** birth rate / net growth rate = 1 / (1 - cell-loss factor) */
  private readonly birthPerGrowth: number;
  /**
   * inputs.nrf2, inputs.neat1 and inputs.il6, the inputs the right-hand side reads at every evaluation, as fields of
   * the model (one shape for every model): the inputs objects of a trial's patients are spreads, and from about the
   * tenth patient on each has a map of its own, so that reading them from `inputs` made the compiled right-hand side
   * fail its map check at every new patient (deoptimisations, new compiles) until its loads went megamorphic.
   */
  private readonly nrf2: number;
  private readonly neat1: number;
  private readonly il6: number;
  /** the right-hand side bound to this model, for the solver */
  readonly derivatives: (t: number, y: Float64Array, dy: Float64Array) => void;

  constructor(p: ModelParameters, inputs: Inputs, halfMaximal: Float64Array, elimination: Float64Array) {
    this.p = p;
    this.inputs = inputs;
    this.nrf2 = inputs.nrf2;
    this.neat1 = inputs.neat1;
    this.il6 = inputs.il6;
    this.halfMaximal = halfMaximal;
    this.drugs = new DrugExposure(elimination);
    // Seed 004 control experiment: depleting CD8 T cells removes their recruitment.
    this.recruitment = inputs.cd8Depleted ? 0 : p.tCellRecruitment;
    this.pge2HalfPower = power(p.pge2Half, p.pge2Hill);
    // Seed 003: persisters of AXL-low cells depend on IGF-1R (FOXA1 -> IGF-1R); AXL-high much less.
    this.igf1rDependence = inputs.axl === 'high' ? p.axlHighIgf1rDependence : 1;
    // Osimertinib is a mutant-selective EGFR inhibitor: tumours without an activating EGFR mutation are not driven by
    // EGFR, so neither its kill nor the persister state it induces applies to them (inputs.egfr is resolved by the
    // caller; absent counts as wild type here).
    this.egfrDependence = inputs.egfr === 'mutant' ? 1 : 0;
    this.birthPerGrowth = 1 / (1 - p.cellLossFactor);
    // The time goes to evaluate() through drugs.clock, unboxed (this arrow is small enough to be inlined into the
    // solver's step loop; evaluate() is not): no allocation per evaluation.
    const clock = this.drugs.clock;
    this.derivatives = (t, y, dy) => {
      clock[0] = t;
      this.evaluate(y, dy);
    };
  }

  /** Computes the algebraic signals at time t and state y into this.s. */
  signals(t: number, y: Float64Array): Signals {
    this.drugs.clock[0] = t;
    return this.signalsAtClock(y);
  }

  /**
   * The signals an output records (plasma PGE2, intratumoral PGE2, plasma NEAT1, CD24, PD-L1, with what they depend
   * on: the drug levels, IL-6 signalling and IFN) at time t and state y, into this.s; the other fields of this.s are
   * left as they were. The same computations as signals() (which calls this first), so the same values, bit for bit.
   */
  readoutSignals(t: number, y: Float64Array): Signals {
    this.drugs.clock[0] = t;
    return this.readoutAtClock(y);
  }

  /** tumour cells and CD24 (absolute) at the last readoutAtClock(), for the rest of signalsAtClock() */
  private readTumour = 0;
  private readCd24 = 0;

  /** The readout signals at time drugs.clock[0] and state y (see readoutSignals). */
  private readoutAtClock(y: Float64Array): Signals {
    const p = this.p;
    const s = this.s;
    const hm = this.halfMaximal;
    const drug = this.drugs.levelsAtClock();
    const tumour = pos(y[SENSITIVE]) + pos(y[PERSISTER]) + pos(y[RESISTANT]) + pos(y[ESCAPE]) + pos(y[T790M]);
    const effector = pos(y[CD8]);
    this.readTumour = tumour;

    // Seed 000: NRF2 -> COX-2 -> PGE2; a COX-2 inhibitor blocks synthesis.
    const cox2Blocked = occupancy(drug[COX2I], hm[COX2I]);
    const pge2 = p.pge2Basal * (1 + p.nrf2Pge2Induction * this.nrf2) * (1 - cox2Blocked);
    s.pge2 = pge2;
    // Plasma PGE2 (the biomarker): host production plus the tumour's, in proportion to tumour burden x COX-2 activity,
    // at the steady state of its clearance (plasma half-life under a minute, so quasi-steady on the scale of days).
    s.pge2PlasmaPgMl = p.pge2PlasmaBaseline + (p.pge2CellProduction * tumour * pge2) / (p.pge2Clearance * 1000);
    // Plasma NEAT1 (seed 001: it falls after treatment): tumour release in proportion to burden and expression.
    s.neat1Plasma = 1 + (p.neat1PlasmaRelease * tumour * (1 + NEAT1_HIGH_FOLD_MINUS_ONE * this.neat1)) / 1e9;

    // Seed 004: IL-6 signalling, blocked by anti-IL-6.
    const il6 = this.il6 * (1 - occupancy(drug[ANTI_IL6], hm[ANTI_IL6]));
    s.il6Signal = il6 / (il6 + p.il6Half);

    // IFN-gamma from effector T cells (saturating in the T-cell:tumour ratio) plus type-I IFN from DCs when IL-6 is
    // low (seed 004: IL-6-deficient DCs make IFN-alpha/beta, which raises tumour PD-L1: adaptive escape).
    s.ifn = effector / (effector + 0.05 * tumour + TINY) + p.type1IfnFromDc * (1 - s.il6Signal);
    // Free PD-L1 on the tumour, after atezolizumab binding.
    s.pdl1 =
      p.pdl1Basal *
      (1 + (p.pdl1IfnInduction * s.ifn) / (s.ifn + p.pdl1IfnHalf)) *
      (1 - occupancy(drug[ATEZOLIZUMAB], hm[ATEZOLIZUMAB]));

    // Seed 001: NEAT1 -| miR-320a -| SP1 -> CD24 ("don't eat me"), blocked by anti-CD24.
    const cd24 =
      p.cd24Basal * (1 + p.neat1Cd24Induction * this.neat1) * (1 - occupancy(drug[ANTI_CD24], hm[ANTI_CD24]));
    s.cd24 = cd24 / p.cd24Basal;
    this.readCd24 = cd24;
    return s;
  }

  /** The algebraic signals at time drugs.clock[0] and state y, into this.s. */
  private signalsAtClock(y: Float64Array): Signals {
    const s = this.readoutAtClock(y);
    const p = this.p;
    const hm = this.halfMaximal;
    const drug = this.drugs.levels; // filled by readoutAtClock() for this t
    const tumour = this.readTumour;
    const effector = pos(y[CD8]);
    const m1 = pos(y[M1]);
    const m2 = pos(y[M2]);

    const ph = power(s.pge2, p.pge2Hill);
    s.pge2Inhibition = (p.pge2MaxInhibition * ph) / (ph + this.pge2HalfPower);

    // Seed 000: VEGF excludes T cells; bevacizumab normalises vessels. VEGF-driven angiogenesis also feeds growth.
    // Sorafenib blocks VEGFR (and RAF, below); the two anti-angiogenic blocks act independently on the pathway.
    const bevacizumab = occupancy(drug[BEVACIZUMAB], hm[BEVACIZUMAB]);
    s.sorafenib = occupancy(drug[SORAFENIB], hm[SORAFENIB]);
    s.angiogenesisBlocked = 1 - (1 - bevacizumab) * (1 - s.sorafenib);
    s.vascularAccess = 1 / (1 + p.vegfExclusion * (1 - bevacizumab));

    // PD-1 engagement by the free PD-L1 (readoutAtClock), after anti-PD-1 binding.
    const engaged = (s.pdl1 * (1 - occupancy(drug[ANTI_PD1], hm[ANTI_PD1]))) / p.pd1HalfPdl1;
    const en = power(engaged, p.pd1Hill);
    s.pd1Inhibition = en / (1 + en);

    const cd24 = this.readCd24;
    const c2 = cd24 * cd24;
    s.cd24Engagement = c2 / (1 + c2);

    s.m2Fraction = m2 / (m1 + m2 + TINY);
    // PGE2 also holds back the effector differentiation of the T cells that do get in (EP2/EP4, Lacher 2024).
    const suppression =
      (1 - s.pd1Inhibition) *
      (1 - p.m2KillSuppression * s.m2Fraction) *
      (1 - p.il6KillSuppression * s.il6Signal) *
      (1 - p.pge2EffectorSuppression * s.pge2Inhibition);
    s.tCellKill = ((p.tCellKillRate * effector) / (p.tCellKillHalfRatio * tumour + effector + TINY)) * suppression;
    // Phagocytosis by M1 macrophages, inhibited by CD24 ("don't eat me", seed 001).
    s.phagocytosis =
      ((p.phagocytosisRate * m1) / (m1 + p.phagocytosisHalfRatio * tumour + TINY)) * (1 - s.cd24Engagement);
    return s;
  }

  /** dy/dt at time drugs.clock[0] and state y. */
  private evaluate(y: Float64Array, dy: Float64Array): void {
    const p = this.p;
    const s = this.signalsAtClock(y);
    const drug = this.drugs.levels; // filled by signals() for this t
    const hm = this.halfMaximal;
    const sensitive = pos(y[SENSITIVE]);
    const persister = pos(y[PERSISTER]);
    const resistant = pos(y[RESISTANT]);
    const variants = pos(y[ESCAPE]);
    const t790m = pos(y[T790M]);
    const tumour = sensitive + persister + resistant + variants + t790m;
    const effector = pos(y[CD8]);
    const m1 = pos(y[M1]);
    const m2 = pos(y[M2]);
    const dc = pos(y[DC]);

    const osimertinib = occupancy(drug[OSIMERTINIB], hm[OSIMERTINIB]) * this.egfrDependence;
    // A first-generation inhibitor (gefitinib) blocks EGFR with a sensitising mutation but not EGFR T790M. On cells
    // with the sensitising mutation alone the two inhibitors act on one receptor: blocked 1 - (1 - th_o)(1 - th_g).
    // Without gefitinib this is osimertinib's occupancy itself (not recomputed, so the arms without it are unchanged).
    const gefitinib = occupancy(drug[GEFITINIB], hm[GEFITINIB]) * this.egfrDependence;
    const egfrBlocked = gefitinib > 0 ? 1 - (1 - osimertinib) * (1 - gefitinib) : osimertinib;
    const igf1r = occupancy(drug[IGF1RI], hm[IGF1RI]);
    const immuneKill = s.tCellKill + s.phagocytosis;
    // Logistic growth, boosted by M2 macrophages (den Breems & Eftimie 2016); the part that depends on VEGF-driven
    // angiogenesis is lost when VEGF-A is blocked. At most all of the growth is lost: the factor stops at 0 when
    // dependence x block > 1 (possible only above the documented range, e.g. at corners of a link's parameter box).
    // Below 0 it would turn the logistic factor's sign, so that a tumour above its carrying capacity grew as N^2 and
    // blew up in finite time (the solver then gave up with a step-size underflow).
    const angiogenesis = 1 - p.angiogenesisGrowthDependence * s.angiogenesisBlocked;
    const growth =
      (1 - tumour / p.carryingCapacity) *
      (1 + p.m2GrowthSupport * s.m2Fraction) *
      (angiogenesis > 0 ? angiogenesis : 0) *
      (1 - p.sorafenibGrowthInhibition * s.sorafenib);

    // Seed 003: osimertinib kills sensitive cells and pushes some into the persister state; off drug, persisters
    // revert; under drug a few acquire resistance; IGF-1R inhibition kills persisters that depend on IGF-1R.
    // EGFR inhibition of either kind kills sensitive cells and pushes some into the persister state (osimertinibKill
    // is the kill at full EGFR blockade); under osimertinib persisters acquire osimertinib resistance (C797S, MET:
    // resistant to both), under gefitinib they acquire T790M (Hata 2016), which osimertinib still kills.
    const entry = p.persisterEntry * egfrBlocked;
    const reversion = p.persisterReversion * (1 - egfrBlocked);
    const acquisition = p.resistanceAcquisition * osimertinib;
    const t790mGain = p.t790mAcquisition * gefitinib;
    // Each inhibitor kills at its own potency (gefitinibRelativeKill: gefitinib's kill at full occupancy relative to
    // osimertinib's), gefitinib on the receptors osimertinib leaves free: k_o (th_o + r_g th_g (1 - th_o)); with r_g = 1
    // this is k_o th_S, and without gefitinib k_o th_o.
    const osiKill = p.osimertinibKill * (osimertinib + p.gefitinibRelativeKill * gefitinib * (1 - osimertinib));
    const t790mKill = p.osimertinibKill * osimertinib;
    // Sorafenib's pro-apoptotic kill (Mcl-1 loss after RAF/MEK/ERK blockade): a loss rate of every tumour cell that
    // does not depend on the tumour's growth, unlike its growth inhibition above.
    const sorKill = p.sorafenibApoptosis * s.sorafenib;
    const persisterLoss = p.persisterDeath + p.igf1rPersisterKill * this.igf1rDependence * igf1r + immuneKill + sorKill;
    // Immune-escape variants (antigen-presentation or IFN-signalling loss) arise at divisions of sensitive cells.
    const growthUp = growth > 0 ? growth : 0;
    const crowding = growth < 0 ? -growth : 0;
    const sensitiveBirth = p.sensitiveGrowthRate * growthUp * this.birthPerGrowth;
    const escapeFlux = p.immuneEscapeRate * sensitiveBirth * sensitive;
    dy[SENSITIVE] =
      p.sensitiveGrowthRate * sensitive * growth -
      immuneKill * sensitive -
      (osiKill + entry + sorKill) * sensitive +
      reversion * persister -
      escapeFlux;
    dy[PERSISTER] = entry * sensitive - (reversion + acquisition + t790mGain + persisterLoss) * persister;
    dy[RESISTANT] =
      p.resistantGrowthRate * resistant * growth + acquisition * persister - (immuneKill + sorKill) * resistant;
    // T790M cells grow as resistant cells do (the regrowth rate measured on first-line gefitinib/erlotinib, Nishino
    // 2016, is theirs), are killed by osimertinib only, and by the immune response (and sorafenib's apoptosis).
    dy[T790M] =
      p.resistantGrowthRate * t790m * growth + t790mGain * persister - (immuneKill + t790mKill + sorKill) * t790m;
    // Escape variants evade immune killing (T cells and macrophages: the model's lumped primary and acquired
    // resistance to immunotherapy); osimertinib and sorafenib still act on them.
    dy[ESCAPE] = p.sensitiveGrowthRate * variants * growth - (osiKill + sorKill) * variants + escapeFlux;

    // Cure as a probability (docs/model.md): lineage weights w of a linear birth-death process along this trajectory,
    // dw/dt = -death * w * (w / N) - switching out * w + switching in (w of the source, per cell). Deaths are
    // the losses above plus intrinsic cell loss behind the net growth rate (cellLossFactor) and crowding.
    const lossPerGrowth = this.birthPerGrowth - 1;
    const intrinsicS = p.sensitiveGrowthRate * (growthUp * lossPerGrowth + crowding);
    const intrinsicR = p.resistantGrowthRate * (growthUp * lossPerGrowth + crowding);
    const wS = pos(y[LINEAGE_SENSITIVE]);
    const wP = pos(y[LINEAGE_PERSISTER]);
    const wR = pos(y[LINEAGE_RESISTANT]);
    const wV = pos(y[LINEAGE_ESCAPE]);
    const wT = pos(y[LINEAGE_T790M]);
    dy[LINEAGE_SENSITIVE] =
      -(intrinsicS + immuneKill + osiKill + sorKill) * wS * share(wS, sensitive) - entry * wS + reversion * wP;
    dy[LINEAGE_PERSISTER] =
      -persisterLoss * wP * share(wP, persister) - (reversion + acquisition + t790mGain) * wP + entry * wS;
    dy[LINEAGE_RESISTANT] = -(intrinsicR + immuneKill + sorKill) * wR * share(wR, resistant) + acquisition * wP;
    // A new escape variant belongs to its parent's lineage: it carries the parent compartment's weight per cell.
    dy[LINEAGE_ESCAPE] =
      -(intrinsicS + osiKill + sorKill) * wV * share(wV, variants) + escapeFlux * share(wS, sensitive);
    dy[LINEAGE_T790M] = -(intrinsicR + immuneKill + t790mKill + sorKill) * wT * share(wT, t790m) + t790mGain * wP;

    // Effector CD8 T cells: recruited in proportion to antigen (tumour cells), DC priming, vascular access, and
    // PGE2 exclusion (seed 000); die, and are exhausted through PD-1.
    // M2 macrophages also hold back T-cell expansion in the tumour (arginase, IL-10, TGF-beta), by the same factor as
    // they hold back killing. Macrophages that engulf tumour cells present their antigens to T cells (seed 001; Tseng
    // 2013): the share phagocyticPriming of the priming needs that phagocytosis, which CD24 blocks as it is engaged.
    dy[CD8] =
      this.recruitment *
        (1 - p.phagocyticPriming * s.cd24Engagement) *
        dc *
        s.vascularAccess *
        (1 - s.pge2Inhibition) *
        (1 - p.m2KillSuppression * s.m2Fraction) *
        tumour -
      (p.tCellDeath + p.tCellExhaustion * s.pd1Inhibition) * effector;

    // Macrophages: recruited with tumour size, repolarised M1 -> M2 by CD24 engagement (seed 001) and IL-6, and M2 -> M1
    // by IFN-gamma from T cells.
    // Recruitment in proportion to the tumour (as QSPIO-TNBC's per-volume k_Mac_rec), so the density M/N is set by
    // recruitment against death and dilution by growth, whatever the size.
    const recruited = p.macrophageRecruitment * tumour;
    // IL-6 drives M2 polarisation too (it induces the IL-4 receptor, Mauer 2014): the share il6M2Polarisation of the
    // M1 -> M2 drive is lost without IL-6 signalling.
    const toM2 =
      p.m1ToM2Rate * (1 + p.cd24Polarisation * s.cd24Engagement) * (1 - p.il6M2Polarisation * (1 - s.il6Signal));
    const toM1 = p.m2ToM1Rate * (1 + (p.ifnRepolarisation * effector) / (effector + 0.05 * tumour + TINY));
    dy[M1] = recruited * p.m1RecruitedFraction - toM2 * m1 + toM1 * m2 - p.macrophageDeath * m1;
    dy[M2] = recruited * (1 - p.m1RecruitedFraction) + toM2 * m1 - toM1 * m2 - p.macrophageDeath * m2;

    // Seed 004: DC maturation needs antigen, is blocked by IL-6 and, partly, by PGE2. NRF2 in the tumour cells represses
    // STING (Olagnier 2018), so an NRF2-active tumour gives DCs less of the type-I IFN that licenses them (not PGE2:
    // a COX-2 inhibitor leaves it).
    dy[DC] =
      p.dcMaturationRate *
        (1 - s.il6Signal) *
        (1 - 0.5 * s.pge2Inhibition) *
        (1 - p.nrf2StingSuppression * this.nrf2) *
        (tumour / (tumour + p.dcAntigenHalf)) *
        (1 - dc) -
      p.dcLoss * dc;

    // Seed 003: IGF-1R inhibition also blocks the insulin receptor; toxicity grows with time on target.
    dy[IGF1R_TOXICITY] = igf1r;
  }
}

function pos(v: number): number {
  return v > 0 ? v : 0;
}

/** w / N, at most 1 (a compartment has no more surviving lineages than cells; 1 when it is empty) */
function share(w: number, cells: number): number {
  return w < cells ? w / cells : 1;
}
