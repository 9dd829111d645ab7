/**
 * English presentation text of the experiments (keyed by preset id: title, two-line summary, arm names) and of the
 * guided lessons (keyed by lesson id and step number). The science of each preset (arms, doses, sources) stays in
 * src/model/presets.ts; src/lessons/lessons.ts says which preset and which change each lesson step shows.
 *
 * Part of the English catalogue (en.ts spreads it in), so every other language must translate all of it.
 */
export const teachingEn = {
  'preset.nrf2-atezo-bev.title': 'NRF2 and resistance to atezolizumab + bevacizumab (HCC, mice)',
  'preset.nrf2-atezo-bev.summary':
    'NRF2-high tumours make PGE2 through COX-2 and keep T cells out, so anti-PD-L1 + anti-VEGF-A fails.\n' +
    'Adding a COX-2 inhibitor lets T cells back in and restores the response.',
  'preset.nrf2-atezo-bev.arm.0': 'NRF2-low, untreated',
  'preset.nrf2-atezo-bev.arm.1': 'NRF2-low, atezo/bev',
  'preset.nrf2-atezo-bev.arm.2': 'NRF2-high, untreated',
  'preset.nrf2-atezo-bev.arm.3': 'NRF2-high, atezo/bev',
  'preset.nrf2-atezo-bev.arm.4': 'NRF2-high, atezo/bev + COX-2i',

  'preset.neat1-cd24.title': 'NEAT1, CD24 and anti-PD-1 resistance (HCC, mice)',
  'preset.neat1-cd24.summary':
    'NEAT1-high tumours raise CD24, a "don\'t eat me" signal that turns macrophages M2 and blocks phagocytosis.\n' +
    'Anti-PD-1 or anti-CD24 alone (days 6, 9, 12) barely slow them by day 15; together they do.',
  'preset.neat1-cd24.arm.0': 'NEAT1-low, untreated',
  'preset.neat1-cd24.arm.1': 'NEAT1-high, untreated',
  'preset.neat1-cd24.arm.2': 'NEAT1-high, anti-PD-1',
  'preset.neat1-cd24.arm.3': 'NEAT1-high, anti-CD24',
  'preset.neat1-cd24.arm.4': 'NEAT1-high, anti-PD-1 + anti-CD24',

  'preset.keap1-nrf2-patients.title': 'KEAP1/NRF2-mutant tumours in patients (C-CAT)',
  'preset.keap1-nrf2-patients.summary':
    'KEAP1 or NRF2-hotspot mutations (35.9 % of oesophageal SCC, 19.6 % of lung SCC, 11.0 % KEAP1 in lung) keep NRF2 on.\n' +
    'Compare a wild-type and a mutant tumour under atezolizumab + bevacizumab: the mutant progresses sooner.',
  'preset.keap1-nrf2-patients.arm.0': 'NRF2 wild type, untreated',
  'preset.keap1-nrf2-patients.arm.1': 'NRF2 wild type, atezo/bev',
  'preset.keap1-nrf2-patients.arm.2': 'KEAP1/NRF2-mutant, untreated',
  'preset.keap1-nrf2-patients.arm.3': 'KEAP1/NRF2-mutant, atezo/bev',

  'preset.osimertinib-igf1r.title': 'Transient IGF-1R inhibition with osimertinib (EGFR-mutant lung, xenograft)',
  'preset.osimertinib-igf1r.summary':
    'Osimertinib shrinks the tumour but IGF-1R keeps drug-tolerant persisters alive, and the tumour comes back.\n' +
    'An IGF-1R inhibitor for 10 of the 40 days clears them; 40 days gains nothing and quadruples the toxicity.',
  'preset.osimertinib-igf1r.arm.0': 'Untreated',
  'preset.osimertinib-igf1r.arm.1': 'Osimertinib 40 d',
  'preset.osimertinib-igf1r.arm.2': 'Osimertinib + IGF-1R inhibitor days 0–10',
  'preset.osimertinib-igf1r.arm.3': 'Osimertinib + IGF-1R inhibitor days 0–40',
  'preset.osimertinib-igf1r.arm.4': 'AXL-high: osimertinib + IGF-1R inh. 0–10',

  'preset.il6-pdl1.title': 'IL-6 and anti-PD-L1 (colorectal liver metastasis, mice)',
  'preset.il6-pdl1.summary':
    'Without IL-6, dendritic cells mature and prime CD8 T cells, but their IFN raises tumour PD-L1 (adaptive escape).\n' +
    'So anti-PD-L1 works far better when IL-6 is low or blocked; depleting CD8 T cells removes the IL-6-low advantage.',
  'preset.il6-pdl1.arm.0': 'IL-6 high, untreated',
  'preset.il6-pdl1.arm.1': 'IL-6 high, anti-PD-L1',
  'preset.il6-pdl1.arm.2': 'IL-6 high, anti-IL-6 + anti-PD-L1',
  'preset.il6-pdl1.arm.3': 'IL-6 deficient, untreated',
  'preset.il6-pdl1.arm.4': 'IL-6 deficient, anti-PD-L1',
  'preset.il6-pdl1.arm.5': 'IL-6 deficient, CD8 depleted',

  'preset.imbrave150.title': 'Atezolizumab + bevacizumab ± COX-2 inhibitor in a patient (HCC)',
  'preset.imbrave150.summary':
    'One patient-scale tumour under the IMbrave150 regimen (atezolizumab 1200 mg + bevacizumab 15 mg/kg every 3 weeks).\n' +
    'Move NRF2 up to see the response fade, then add celecoxib to see it come back.',
  'preset.imbrave150.arm.0': 'Untreated',
  'preset.imbrave150.arm.1': 'Atezo/bev',
  'preset.imbrave150.arm.2': 'Atezo/bev + celecoxib',

  'preset.hcc-atezo-bev-trial.title': 'HCC, atezolizumab + bevacizumab: a virtual trial calibrated to IMbrave150',
  'preset.hcc-atezo-bev-trial.summary':
    '500 virtual HCC patients (36.1 % NRF2-active) get atezolizumab + bevacizumab, with or without celecoxib; open the Virtual trial to run it.\n' +
    'About 30 % respond (IMbrave150: 27–30 %); NRF2-high and PGE2-high patients progress sooner.',
  'preset.hcc-atezo-bev-trial.arm.0': 'Atezo/bev',
  'preset.hcc-atezo-bev-trial.arm.1': 'Atezo/bev + celecoxib',

  'preset.flaura-osimertinib.title':
    'FLAURA: osimertinib vs gefitinib first line in a patient (EGFR-mutant lung cancer)',
  'preset.flaura-osimertinib.summary':
    'A patient-scale EGFR-mutant lung tumour on osimertinib 80 mg daily, fitted to FLAURA (response 80 %, median PFS 18.9 months, median overall survival 38.6 months), beside FLAURA’s comparator, gefitinib 250 mg daily, which does not kill cells with the EGFR T790M mutation (osimertinib does).\n' +
    'It shrinks within weeks; the cells neither drug kills regrow, and the tumour progresses after about a year and a half. Open “Virtual trial” to give both drugs to 500 virtual patients and compare them with FLAURA.',
  'preset.flaura-osimertinib.arm.0': 'Gefitinib 250 mg daily',
  'preset.flaura-osimertinib.arm.1': 'Osimertinib 80 mg daily',
  'preset.flaura-osimertinib.arm.2': 'Untreated',

  'preset.imbrave150-trial.title': 'IMbrave150: atezolizumab + bevacizumab vs sorafenib',
  'preset.imbrave150-trial.summary':
    '500 virtual HCC patients get sorafenib and, separately, atezolizumab + bevacizumab; open the Virtual trial to run it.\n' +
    'Compare response, PFS and overall survival with the trial (hazard ratios 0.59 for PFS and 0.58 for OS).',
  'preset.imbrave150-trial.arm.0': 'Sorafenib',
  'preset.imbrave150-trial.arm.1': 'Atezo/bev',

  'lesson.nrf2.title': 'NRF2, PGE2 and atezolizumab + bevacizumab',
  'lesson.nrf2.1.text':
    'Two NRF2-low liver tumours in mice: one untreated, one given atezolizumab + bevacizumab from day 7. The treated tumour stalls as CD8 T cells move in.',
  'lesson.nrf2.1.question': 'What do you expect if the tumour carries an activating KEAP1/NRF2 mutation?',
  'lesson.nrf2.2.text':
    'Now NRF2-high tumours. NRF2 switches on COX-2, plasma PGE2 rises, and T cells stay out: the same treatment barely works.',
  'lesson.nrf2.2.question': 'Which two charts show why the treatment fails?',
  'lesson.nrf2.3.text':
    'Add a COX-2 inhibitor (celecoxib) to atezolizumab + bevacizumab. PGE2 falls, T cells return, and the tumour responds again.',
  'lesson.nrf2.3.question': 'Would you give celecoxib to every patient, or measure NRF2 or PGE2 first?',

  'explain.nrf2Untreated': 'Why does NRF2 barely change an untreated tumour?',
  'explain.nrf2Untreated.body':
    'In the model NRF2 does not make tumour cells divide faster: it acts through the immune response. NRF2 switches on COX-2, the tumour makes PGE2, and PGE2 keeps CD8 T cells out of the tumour (compare the CD8 chart: several times fewer T cells per tumour cell); NRF2 also dampens STING, so dendritic cells mature less. Without treatment the few T cells that get in are held back by PD-L1 and kill little, so keeping them out hardly changes the volume: untreated NRF2-high and NRF2-low tumours end up almost the same size on day 28. Under atezolizumab + bevacizumab the T cells could kill, and that is where NRF2 decides the outcome.',

  'lesson.neat1.title': 'NEAT1, CD24 and anti-PD-1',
  'lesson.neat1.1.text':
    'NEAT1-high tumours sponge miR-320a, SP1 rises and so does CD24, a "don\'t eat me" signal. Compare them with NEAT1-low tumours.',
  'lesson.neat1.1.question': 'Which kind of macrophage do you expect to dominate in the NEAT1-high tumour?',
  'lesson.neat1.2.text': 'Anti-PD-1 alone, or anti-CD24 alone, on days 6, 9 and 12. Look at the volume on day 15.',
  'lesson.neat1.2.question': 'Why might anti-PD-1 alone fail in these tumours?',
  'lesson.neat1.3.text':
    'Both antibodies together: macrophages turn back to M1, phagocytosis resumes and T cells keep working.',
  'lesson.neat1.3.question': 'What would you measure in a biopsy to choose patients for this combination?',

  'lesson.keap1.title': 'How common are KEAP1/NRF2-mutant tumours?',
  'lesson.keap1.1.text':
    'In 60,056 Japanese patients (C-CAT), 35.9 % of oesophageal and 19.6 % of lung squamous cancers had a KEAP1 or NRF2-hotspot mutation. Here, a wild-type and a mutant tumour in patients, with and without atezolizumab + bevacizumab.',
  'lesson.keap1.1.question':
    'In a trial of 500 patients with lung squamous cancer, about how many would carry such a mutation?',
  'lesson.keap1.2.text':
    'Set the mutant tumours to half-way NRF2 activation. The response lies between the two: in the model NRF2 is a dial, not a switch.',
  'lesson.keap1.2.question': 'Should a trial report results separately for KEAP1/NRF2-mutant patients? Why?',

  'lesson.osimertinib.title': 'Osimertinib and a transient IGF-1R inhibitor',
  'lesson.osimertinib.1.text':
    'An EGFR-mutant lung tumour under osimertinib for 40 days: it shrinks, then comes back. Drug-tolerant persister cells survive the drug.',
  'lesson.osimertinib.1.question': 'Why does the tumour grow again although osimertinib is still given?',
  'lesson.osimertinib.2.text':
    'Add an IGF-1R inhibitor, either for the first 10 days or for all 40. Compare the curves and the toxicity chart.',
  'lesson.osimertinib.2.question': 'What happens if we stop the IGF-1R inhibitor on day 10?',
  'lesson.osimertinib.3.text':
    'The same short combination in an AXL-high tumour: its persisters rely on IGF-1R much less, and the benefit shrinks.',
  'lesson.osimertinib.3.question': 'Which patients would you choose for the transient combination?',

  'lesson.il6.title': 'IL-6 and anti-PD-L1 in liver metastases',
  'lesson.il6.1.text':
    'Colorectal cancer in the mouse liver, in hosts with plenty of IL-6 and in IL-6-deficient hosts. Without IL-6, dendritic cells mature and prime CD8 T cells.',
  'lesson.il6.1.question': 'Why would the tumour grow more slowly without IL-6?',
  'lesson.il6.2.text':
    'Add anti-PD-L1. Active T cells release IFN-γ, which raises tumour PD-L1; the antibody removes that brake.',
  'lesson.il6.2.question': 'Why does anti-PD-L1 help more when IL-6 is low?',
  'lesson.il6.3.text':
    'Two controls: blocking IL-6 with an antibody in IL-6-high hosts, and depleting CD8 T cells in IL-6-deficient hosts.',
  'lesson.il6.3.question': 'What does the CD8-depletion arm prove about the mechanism?',
} as const;
