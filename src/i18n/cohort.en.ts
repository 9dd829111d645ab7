/**
 * English messages of the virtual-trial view. A section of its own so that the trial can grow without touching the
 * explorer's catalogue; another language adds `cohort.<lang>.ts` typed as `CohortCatalogue` (below), which
 * makes a missing or extra key a type error.
 *
 * Placeholders are written {name} and filled by tc(key, { name: ... }).
 */
export const cohortEn = {
  'trial.heading': 'Virtual trial',
  'trial.intro':
    'Every arm is given to the same virtual patients with {patients}. Tumours are measured every assessment interval and classified by RECIST 1.1; progression-free survival is the time to the first assessment showing progression.',
  'trial.patients.hcc': 'advanced HCC',
  'trial.patients.lung': 'advanced EGFR-mutant lung cancer',
  'trial.settings': 'Trial settings',
  'trial.size': 'Patients',
  'trial.sizeUnit': 'patients',
  'trial.seed': 'Random seed',
  'trial.seedHint': 'The same seed gives the same patients.',
  'trial.cancer': 'Cancer type',
  'trial.lungPopulation':
    'EGFR-mutant lung cancer patients, as in FLAURA: they differ in how well osimertinib kills their tumour, how many resistant cells and how many EGFR T790M cells (which gefitinib does not kill) it holds, how fast it grows and how large it is. They have no NRF2, PGE2 or NEAT1 strata.',
  'trial.nrf2Share':
    'NRF2-active stratum: {share} % of patients (HCC: P-NRF2 immunostaining; other cancers: KEAP1/NRF2 mutations)',
  'source.nrf2.hcc': 'P-NRF2-positive in 36.1 % of 335 resected HCCs (Iseda et al. 2021)',
  'source.nrf2.escc': 'NFE2L2 hotspot mutations in 35.9 % of oesophageal SCC (seed 002, C-CAT)',
  'source.nrf2.lusc': 'NFE2L2 hotspot mutations in 19.6 % of lung SCC (seed 002, C-CAT)',
  'source.nrf2.lung': 'KEAP1 mutations in 11.0 % of lung cancers (seed 002, C-CAT)',
  'source.nrf2.pan-cancer': 'KEAP1 mutations in 2.5 % of 60,056 advanced solid tumours (seed 002, C-CAT)',
  'source.finn2020': 'Finn et al., NEJM 2020; 382:1894–1905 (IMbrave150 primary analysis)',
  'source.soria2018': 'Soria et al., NEJM 2018; 378:113–125 (FLAURA primary analysis)',
  'source.ramalingam2020': 'Ramalingam et al., NEJM 2020; 382:41–50 (FLAURA final overall survival)',
  'source.salem2021':
    'Salem et al., Cancer Med 2021; 10:5437–5447 (characterisation of response in IMbrave150: median time to response, RECIST 1.1, range 1.2–12.3 months)',
  'source.cox2Evidence': 'Yamamoto, Kodama et al., Hepatology 2026 (DOI 10.1097/HEP.0000000000001677)',
  'source.cox2Caveat':
    'Finn et al., NEJM 2020 (IMbrave150 eligibility); EASL Clinical Practice Guidelines on decompensated cirrhosis, J Hepatol 2018',
  'trial.nrf2Source': 'Source: {source}',
  'trial.interval': 'Assessment interval',
  'trial.intervalUnit': 'days',
  'trial.intervalHint': 'every {weeks} weeks (IMbrave150: every 6 weeks)',
  'trial.pge2Cutoff': 'Plasma PGE2 cut-off',
  'trial.pge2CutoffHint':
    'Splits patients by baseline plasma PGE2 in pg/mL (healthy adults about 30–50 pg/mL). Changing it updates the biomarker view without a new run.',
  'trial.arms': 'Arms',
  'trial.armsHint': 'The arms are those of the Explorer; the first arm is the reference for hazard ratios.',
  'trial.hiddenArms': '{count} hidden arm(s) left out, as in the Explorer.',
  'trial.editArms': 'Edit arms in the Explorer',
  'trial.needSetting':
    'A virtual trial runs in the “HCC, patient” and “EGFR-mutant lung, patient” settings only. The Explorer is set to “{setting}”.',
  'trial.needArms': 'A trial compares at least two arms; the scenario has {count}.',
  'trial.usePreset': 'Use HCC, atezolizumab + bevacizumab',
  'trial.usePresetHint': 'Loads the IMbrave150 regimen with and without celecoxib, {size} patients.',
  'trial.useImbrave150': 'Use IMbrave150: atezolizumab + bevacizumab vs sorafenib',
  'trial.useImbrave150Hint':
    'Both arms of the trial, sorafenib as the reference, {size} patients: compared with the trial’s results.',
  'trial.cancer.hcc': 'Hepatocellular carcinoma',
  'trial.cancer.escc': 'Oesophageal squamous (ESCC)',
  'trial.cancer.lusc': 'Lung squamous (LUSC)',
  'trial.cancer.lung': 'Lung cancer, all types',
  'trial.cancer.pan-cancer': 'Solid tumours (pan-cancer)',

  'cost.estimate':
    'Estimated time on this device: about {duration} for {patients} patients × {arms} arms over {days} days on {workers} workers ({ms} ms per patient, {source}).',
  'cost.fromProbe': 'measured on the first {count} patients',
  'cost.fromRun': 'measured in the last run',
  'cost.measuring': 'Measuring what {patients} patients × {arms} arms over {days} days cost on this device…',
  'cost.failed': 'The cost could not be measured on this device; the trial can still run.',
  'cost.seconds': '{value} s',
  'cost.minutes': '{value} min',

  'run.start': 'Run trial',
  'run.again': 'Run again',
  'run.busy': 'Running…',
  'run.cancel': 'Cancel',
  'run.progress': 'Simulated patients',
  'run.progressText': '{done} of {total} patients',
  'run.running': 'Running: {done} of {total} patients on {workers} workers…',
  'run.partial': 'Partial results: drawn from the {done} patients finished so far.',
  'run.done': '{total} patients × {arms} arms in {seconds} s.',
  'run.cancelled': 'Cancelled after {done} of {total} patients. The results below are for those patients only.',
  'run.cancelledEmpty': 'Cancelled before any patient finished.',
  'run.error': 'The trial failed: {message}',
  'run.retry': 'Try again',
  'run.errorPartial': 'The results below are for the {done} of {total} patients that finished before the failure.',
  'run.stale': 'The settings or arms changed since this run. Run again to update the results.',
  'run.empty':
    'No results yet. Choose the settings and press “Run trial”: response rates, Kaplan–Meier curves, waterfall and spider plots appear here while the patients are simulated.',
  'run.waiting': 'Waiting for the first patients…',
  'run.fromLink':
    'Recomputing the trial of this link from its seed {seed}: the same patients give the same figures. Cancel stops it; “Run trial” starts it again.',
  'run.doneFromLink': 'Recomputed from the link: {total} patients × {arms} arms in {seconds} s.',
  'run.openingKept': 'Opening the results this browser kept for this trial…',
  'run.doneFromKept':
    'Opened the results this browser kept for this trial ({total} patients × {arms} arms, seed {seed}). “Run again” recomputes them from the seed.',

  'export.heading': 'Save the results',
  'export.patients': 'Patients (CSV)',
  'export.km': 'Kaplan–Meier tables (CSV)',
  'export.responses': 'Response table (CSV)',
  'export.hint':
    'Patients: one row per patient and arm (best response, best change, PFS, OS, day of response, baseline covariates). Kaplan–Meier: numbers at risk, events and censored at every time, with the 95 % band. Each figure saves itself as SVG or PNG (buttons beside its title). The link reproduces the run.',
  'export.whenDone': 'The files can be saved when the run has finished (or is cancelled).',
  'export.partial': 'The run did not finish: the files hold the {done} of {total} patients that did.',
  'export.saved': 'Saved {file}.',
  'export.failed': 'Could not save the file: {message}',
  'export.figure': 'Save the figure “{title}”',
  'export.figureAs': 'Save “{title}” as {format}',

  'help.rates': 'What do ORR, DCR, HR and the brackets mean?',
  'help.rates.body':
    'ORR, objective response rate: the share of patients whose best confirmed response is complete (CR: the target lesion has disappeared) or partial (PR: its diameter at least 30 % below baseline). DCR, disease control rate: CR + PR + stable disease (SD: neither a response nor progression), so only patients whose first assessment already shows progression (PD), and those never assessed, fall outside it. NE, not evaluable: no assessment after baseline, because the patient died or left the trial’s scans (not treated, consent withdrawn, early toxicity) before the first one; IMbrave150 had 6.8 % and 20.2 % (sorafenib) such patients. Every share is of all the arm’s patients, NE included, as in the trial. HR, hazard ratio: how often patients of an arm progress, at any moment, relative to the reference arm (the first): 0.59 means 41 % fewer progressions per month among the patients still free of progression, 1 no difference; it comes from a Cox model. p: the log-rank test of equal curves. The brackets are 95 % intervals: how far a figure could move with another draw of as many patients. They count sampling only, not the model’s own uncertainty.',
  'help.nr': 'Why “NR”?',
  'help.nr.body':
    'The median PFS is the first time the Kaplan–Meier curve is at or below 50 %. If more than half of the patients are still free of progression when follow-up ends ({months} months here), the curve never gets there: the median is “not reached” (NR). Each limit of its 95 % interval is found the same way on the confidence band, so a band that stays above 50 % gives an NR limit, e.g. “8.3 (6.9–NR)”. More patients or a longer follow-up can turn NR into a number; it never means “infinite”.',
  'help.steps': 'Why do medians fall on assessment days?',
  'help.steps.body':
    'Progression is only seen when the tumour is measured: every {weeks} weeks ({days} days) here, as in IMbrave150. So every PFS is a whole number of assessment intervals (or the end of follow-up), the Kaplan–Meier curve steps down only on assessment days ({list} months, …), and a median and its limits must be one of these days. Two arms can share a median although their curves differ between the steps. Only a death before progression (it also ends PFS) falls between assessment days. In a real trial scans slip by a few days, which blurs the steps.',
  'help.os': 'How is overall survival modelled?',
  'help.os.body':
    'Each virtual patient has a risk of dying on every day: a background risk (in HCC from the liver disease; in EGFR-mutant lung cancer that of people of the patients’ age), a risk that grows with the tumour’s size, and a higher risk after progression. In the HCC trial, treatments after progression on a first-line drug (second-line drugs, care) slow the disease that drives the size risk: from the progression scan on, that risk follows only part of the tumour’s simulated growth, which lengthens survival and leaves PFS as it was; an untreated arm, the disease’s natural course, gets none (a stated simplification: one average effect for every patient). A patient has the same luck in every arm, so the arms differ only by what the treatment does to the tumour. A patient alive at the end of follow-up ({months} months) is censored. PFS counts a death before progression as an event, as IMbrave150 and FLAURA did, so a PFS can end between assessment days. OS at 12 months is the Kaplan–Meier estimate at 365 days, with its 95 % band.',
  'help.untreated': 'Why does an untreated arm have a PFS?',
  'help.untreated.body':
    'PFS ends at the first assessment that shows progression: a diameter at least 20 % (and 5 mm) above the smallest so far. A 20 % longer diameter is about 73 % more volume, and growth is only seen at the next assessment. So an untreated patient’s PFS is the time their tumour takes to grow that much, rounded up to an assessment day: fast tumours progress at the first assessment ({first} months), slow ones may not progress before follow-up ends and are censored. The placebo arm of a real trial has a PFS for the same reason.',

  'results.heading': 'Results',
  'results.table': 'Results by arm',
  'results.arm': 'Arm',
  'results.n': 'N',
  'results.orr': 'ORR (95 % CI)',
  'results.dcr': 'DCR (95 % CI)',
  'results.medianPfs': 'Median PFS, months (95 % CI)',
  'results.p': 'Log-rank p',
  'results.responseCaption': 'Best overall response (confirmed, RECIST 1.1)',
  'results.timeToResponse': 'Median time to response, months',
  'results.survivalCaption': 'Survival; hazard ratios against {reference}',
  'results.pfsHr': 'PFS HR (95 % CI)',
  'results.medianOs': 'Median OS, months (95 % CI)',
  'results.os12': 'OS at 12 months (95 % CI)',
  'results.osHr': 'OS HR (95 % CI)',
  'results.reference': 'reference',
  'results.notReached': 'NR',
  'results.method':
    'ORR = CR + PR, DCR = CR + PR + SD (confirmed best overall response, RECIST 1.1), with Wilson 95 % intervals. Median PFS and OS: Kaplan–Meier with log-log 95 % interval (Brookmeyer–Crowley); NR = not reached. PFS ends at progression or death; OS at death. OS at 12 months: the Kaplan–Meier estimate at 365 days with its log-log band. Time to response: median over the responders of the day their response was first seen. Hazard ratio: Cox proportional hazards, Efron ties, 95 % Wald interval; p: log-rank test. Months = days / 30.44.',

  'hypothesis.badge': 'Hypothesis',
  'hypothesis.heading': 'The COX-2-inhibitor add-on is a hypothesis, not a prediction',
  'hypothesis.body':
    'No randomised trial has tested a COX-2 inhibitor with atezolizumab + bevacizumab. The model’s effect rests on mouse experiments (a COX-2 inhibitor abolished NRF2-driven resistance) and on an observational finding (patients who happened to take a COX-2 inhibitor had longer PFS), which other differences between those patients may explain. The figures for these arms show what the model’s assumptions imply; the intervals count sampling only, and the spread across plausible models is wider.',
  'hypothesis.caveatLabel': 'Caveat:',
  'hypothesis.caveat':
    'celecoxib is an NSAID. With bevacizumab, in patients with cirrhosis, it adds to the risk of bleeding (bevacizumab raises it; varices) and of kidney injury (NSAIDs reduce kidney blood flow in cirrhosis). Nothing here is a treatment recommendation.',
  'hypothesis.fileNote': '{arms}: a hypothesis (COX-2-inhibitor add-on, not tested in a trial), not a prediction.',
  'hypothesis.sources': 'Evidence: {evidence}. Caveat: {caveat}.',

  'spread.heading': 'Across plausible models',
  'spread.intro':
    'The brackets in the tables count sampling only: another draw of as many patients. Repeating this trial over {draws} plausible parameter sets (every model parameter moved within its documented range; the same patients) shows how much the model’s own uncertainty adds.',
  'spread.cost': 'Cost: {draws} trials of {patients} patients × {arms} arms, about {duration} on this device.',
  'spread.unknownTime': 'a time not measured yet',
  'spread.run': 'Compute across plausible models',
  'spread.again': 'Compute again',
  'spread.running': '{done} of {total} trials…',
  'spread.afterRun': 'Available when this trial has finished.',
  'spread.cancelled': 'Cancelled: no spread across plausible models.',
  'spread.done': 'Computed over {draws} plausible parameter sets.',
  'spread.caption': 'This trial with its sampling interval, and the central 95 % across plausible models',
  'spread.figure': '{sampling}; across plausible models {across}',
  'spread.pfsHr': 'PFS HR, {name} vs {reference}',
  'spread.osHr': 'OS HR, {name} vs {reference}',
  'spread.orr': 'ORR, {name}',
  'spread.medianPfs': 'Median PFS, months, {name}',
  'spread.medianOs': 'Median OS, months, {name}',
  'spread.size': 'Plausible models to repeat the trial over:',
  'spread.os12': 'OS at 12 months, {name}',
  'spread.directions': "Seed 000's biomarker directions across plausible models",
  'spread.directionShares':
    '{name}: NRF2-active patients have the shorter PFS in {nrf2} of {draws} plausible models; PGE2-high patients in {pge2}.',
  'spread.note':
    'Across plausible models: the 2.5th to 97.5th percentile of the figure over the parameter sets (NR where a median is not reached). An arm marked Hypothesis rests on what these sets assume about the COX-2 inhibitor.',

  'compare.heading': 'Model vs IMbrave150',
  'compare.atezoBev': 'Atezolizumab + bevacizumab',
  'compare.sorafenib': 'Sorafenib',
  'compare.figure': 'Outcome',
  'compare.model': 'Model (95 % CI)',
  'compare.trial': 'IMbrave150 (95 % CI)',
  'compare.noArm': 'no such arm',
  'compare.orr': 'ORR, confirmed',
  'compare.cr': 'Complete response',
  'compare.pr': 'Partial response',
  'compare.sd': 'Stable disease',
  'compare.pd': 'Progressive disease (best response)',
  'compare.ne': 'Not evaluable (no assessment after baseline)',
  'compare.dcr': 'DCR',
  'compare.timeToResponse': 'Median time to response, months',
  'compare.medianPfs': 'Median PFS, months',
  'compare.pfsHr': 'PFS hazard ratio vs sorafenib',
  'compare.os12': 'OS at 12 months',
  'compare.osHr': 'OS hazard ratio vs sorafenib',
  'compare.note':
    'The model’s intervals count sampling only (the trial’s size), not the model’s own uncertainty. Every best-response share (CR, PR, SD, PD, NE) is of all the arm’s patients, with its Wilson interval. Aims: rates within 5 points, medians within 1 month, hazard ratios within 0.1.',
  'compare.noSorafenib':
    'No arm gives sorafenib alone, so the sorafenib column and the hazard ratios stay empty: add one (or load the IMbrave150 preset with its sorafenib arm) to compare them. The model’s intervals count sampling only.',
  'compare.sources': 'Sources: {sources}.',
  'compare.flauraHeading': 'Model vs FLAURA',
  'compare.osimertinib': 'Osimertinib',
  'compare.flauraTrial': 'FLAURA (95 % CI)',
  'compare.medianOs': 'Median OS, months',
  'compare.flauraNote':
    'FLAURA’s osimertinib arm (279 patients) and its comparator arm (277 patients, gefitinib or erlotinib; the model gives gefitinib 250 mg daily). The model was fitted to both arms of the same virtual patients (response, progression-free and overall survival, duration of response and the hazard ratios): osimertinib and gefitinib differ by dose, potency and the EGFR T790M cells gefitinib does not kill. As in FLAURA, a comparator patient whose disease progresses can cross over to osimertinib (in the model a chance of 0.3 per progression: T790M is found in about half of the progressions, and about 0.6 of those switched); from the switch, that patient’s risk of death follows the same patient’s course on the osimertinib arm. The osimertinib arm’s own treatment after progression (mostly chemotherapy) is not modelled apart. The hazard ratios are osimertinib’s against the comparator. The model’s intervals count sampling only. Aims: rates within 5 points, medians within 1 month, hazard ratios within 0.1.',
  'compare.flauraNoComparator':
    'No arm gives gefitinib alone, so the comparator column and the hazard ratios stay empty: add one (or load the FLAURA preset with its gefitinib arm) to compare them. The model’s intervals count sampling only.',
  'compare.gefitinib': 'Gefitinib (comparator)',
  'compare.aim': 'Against the aim',
  'compare.aim.rate': '5 points',
  'compare.aim.months': '1 month',
  'compare.aim.ratio': '0.1',
  'compare.aimWithin': '✓ within ±{aim}',
  'compare.aimOutside': '⚠ outside ±{aim}',
  'compare.aimSummary':
    '⚠ {count} of {total} rows have a model figure outside its aim (marked “outside” under “Against the aim”): there this run does not reproduce FLAURA (a small trial can also miss by chance: compare its interval).',
  'compare.osimertinibShort': 'Osimertinib',
  'compare.gefitinibShort': 'Gefitinib',
  'compare.flauraPfsHr': 'PFS hazard ratio, osimertinib vs comparator',
  'compare.flauraOsHr': 'OS hazard ratio, osimertinib vs comparator',
  'compare.crossover': 'Crossed over to osimertinib after progression, % of the arm',
  'compare.crossoverNone': 'none (not modelled)',

  'chart.km': 'Progression-free survival (Kaplan–Meier)',
  'chart.kmCi': 'Show 95 % confidence bands',
  'chart.survival': 'Progression-free and overall survival',
  'chart.kmOs': 'Overall survival (Kaplan–Meier)',
  'chart.os': 'OS probability',
  'chart.months': 'months',
  'chart.pfs': 'PFS probability',
  'chart.atRisk': 'Number at risk',
  'chart.censored': '| censored',
  'chart.waterfall': 'Waterfall: best change in tumour diameter',
  'chart.waterfallNote':
    'One bar per patient, sorted; dashed lines at −30 % (partial response) and +20 % (progression). The best change is the smallest diameter change at any assessment up to progression, so tumours that only grew stand above zero. Patients never assessed after baseline (NE) have no bar.',
  'chart.change': 'change from baseline, %',
  'chart.spider': 'Spider plot: tumour diameter over time',
  'chart.spiderNote': 'The first {count} patients of the cohort; each line ends at progression.',
  'chart.patients': 'patients',
  'chart.legend': 'Legend',

  'response.CR': 'Complete response',
  'response.PR': 'Partial response',
  'response.SD': 'Stable disease',
  'response.PD': 'Progressive disease',
  'response.NE': 'Not evaluable',

  'bio.heading': 'Biomarkers',
  'bio.choose': 'Split patients by',
  'bio.NRF2': 'NRF2',
  'bio.PGE2': 'Plasma PGE2',
  'bio.NEAT1': 'NEAT1',
  'bio.NRF2.high': 'NRF2-active stratum',
  'bio.NRF2.low': 'NRF2-inactive',
  'bio.PGE2.high': 'PGE2 ≥ {cutoff}',
  'bio.PGE2.low': 'PGE2 < {cutoff}',
  'bio.NEAT1.high': 'NEAT1 high (≥ 0.5)',
  'bio.NEAT1.low': 'NEAT1 low (< 0.5)',
  'bio.kmTitle': 'PFS by {biomarker}: {arm}',
  'bio.logRank': 'log-rank p = {p}',
  'bio.table': 'Response and PFS by {biomarker}, per arm',
  'bio.subgroup': 'Subgroup',
  'bio.note': 'p compares the high and low subgroups within each arm (log-rank test).',
  'bio.empty': 'Too few patients in one subgroup to compare.',

  'summary.km': 'Kaplan–Meier curves of progression-free survival over {months} months. {arms}',
  'summary.kmArm': '{name}: {n} patients, median PFS {median} months.',
  'summary.kmOs': 'Kaplan–Meier curves of overall survival over {months} months. {arms}',
  'summary.kmOsArm': '{name}: {n} patients, median OS {median} months.',
  'summary.waterfall':
    'Waterfall plot of {n} patients in arm {name}: {cr} complete, {pr} partial responses, {sd} stable, {pd} progressive disease; ORR {orr} %.',
  'summary.spider': 'Spider plot of {n} patients in arm {name}: change of tumour diameter at each assessment, %.',
} as const;

export type CohortMessageKey = keyof typeof cohortEn;

/** A complete catalogue of the trial view: exactly the keys of the English one. */
export type CohortCatalogue = { readonly [K in CohortMessageKey]: string };
