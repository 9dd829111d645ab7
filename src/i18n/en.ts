/**
 * English message catalogue: every string the interface shows. Other catalogues (ja.ts) must have exactly the same
 * keys: they are typed as `Catalogue` (below), so a missing or extra key is a type error.
 *
 * Placeholders are written {name} and filled by t(key, { name: ... }).
 */
import { interfaceEn } from './interface.en';
import { teachingEn } from './teaching.en';
import { toolkitEn } from './toolkit.en';

export const en = {
  'app.title': 'TIMEscape',
  'app.subtitle': 'Tumour immune microenvironment simulator',
  'app.skipToCharts': 'Skip to charts',
  'app.language': 'Language',

  'status.idle': 'Ready',
  'status.computing': 'Computing…',
  'status.ready': 'Up to date',
  'status.error': 'The simulation failed: {message}. Restarting the simulator and trying again…',
  'status.unsolvable':
    'This scenario cannot be simulated: the solver could not follow it (an extreme combination of parameters and doses). Change a parameter or a schedule.',
  'status.restarted': 'Simulator restarted',
  'status.unavailable': 'The simulator could not be started. Reload the page to try again.',

  'panel.controls': 'Controls',
  'panel.openControls': 'Open controls',
  'panel.closeControls': 'Close controls',
  'panel.biology': 'Tumour biology',
  'panel.experiment': 'Experiment',
  'panel.presets': 'Experiments from the studies',
  'panel.arms': 'Therapy arms',
  'panel.treatments': 'Treatment schedule',
  'panel.charts': 'Time courses',
  'panel.readout': 'Readout',
  'panel.mechanism': 'Mechanism',

  'control.setting': 'Setting',
  'control.horizon': 'Duration',
  'control.horizonValue': '{value} days',
  'control.scope.shared': 'all arms',
  'control.scope.arm': 'this arm only',
  'control.scopeLabel': 'applies to {scope}',
  'control.nrf2': 'NRF2 activation (tumour biology)',
  'control.nrf2.min': 'wild type',
  'control.nrf2.max': 'KEAP1/NRF2-mutant (constitutively active)',
  'control.neat1': 'NEAT1 expression',
  'control.neat1.min': 'low (normal liver)',
  'control.neat1.max': 'high (NEAT1-overexpressing)',
  'control.il6': 'IL-6 level',
  'control.il6.min': 'IL-6-deficient',
  'control.il6.max': 'high',
  'control.mid': 'intermediate',
  'control.axl': 'AXL expression',
  'control.axl.low': 'AXL low',
  'control.axl.high': 'AXL high',
  'control.egfr': 'EGFR status',
  'control.egfr.mutant': 'EGFR mutant',
  'control.egfr.wild-type': 'EGFR wild type',
  'control.cd8Depleted': 'Deplete CD8 T cells',

  'setting.hcc-mouse': 'HCC, mouse',
  'setting.hcc-patient': 'HCC, patient',
  'setting.lung-egfr': 'EGFR-mutant lung (xenograft)',
  'setting.crc-liver': 'Colorectal liver metastasis, mouse',
  'setting.lung-patient': 'EGFR-mutant lung, patient',

  'drug.atezolizumab': 'Atezolizumab (anti-PD-L1)',
  'drug.bevacizumab': 'Bevacizumab (anti-VEGF-A)',
  'drug.antiPD1': 'Anti-PD-1',
  'drug.cox2i': 'COX-2 inhibitor (celecoxib)',
  'drug.antiCD24': 'Anti-CD24',
  'drug.antiIL6': 'Anti-IL-6',
  'drug.osimertinib': 'Osimertinib (EGFR inhibitor)',
  'drug.sorafenib': 'Sorafenib (multi-kinase inhibitor)',
  'drug.igf1ri': 'IGF-1R inhibitor',

  'treatment.for': 'Schedule for arm: {arm}',
  'treatment.given': 'Give {drug}',
  'treatment.dose': 'Dose',
  'treatment.start': 'Start (day)',
  'treatment.stop': 'Stop (day)',
  'treatment.interval': 'Every (days)',
  'treatment.window':
    '{drug} dosing window, day {start} to {stop}. Arrow keys move it; Shift with arrow keys changes its end.',
  'treatment.windowStart': '{drug}: first dose day {start}. Arrow keys move the start.',
  'treatment.windowStop': '{drug}: dosing stops day {stop}. Arrow keys move the end.',
  'treatment.axis': 'Days',
  'treatment.help':
    'Drag a bar to move a dosing window, drag its ends to resize it. With the keyboard: focus a bar and use the arrow keys.',
  'treatment.none': 'No treatment in this arm. Tick a drug to give it.',

  'arms.add': 'Add arm',
  'arms.addHint': 'Add an arm with the current biology and no treatment',
  'arms.duplicate': 'Duplicate',
  'arms.rename': 'Rename',
  'arms.hide': 'Hide',
  'arms.show': 'Show',
  'arms.delete': 'Delete',
  'arms.select': 'Edit arm {name}',
  'arms.selected': 'selected',
  'arms.selectedLabel': 'Selected arm:',
  'arms.hidden': 'hidden',
  'arms.nameLabel': 'Name of arm {index}',
  'arms.nameInvisible': 'A name needs at least one visible character.',
  'arms.newName': 'Arm {index}',
  'arms.copyName': '{name} (copy)',
  'arms.max': 'Up to {max} arms',
  'arms.legend': 'Legend',
  'arms.save': 'Save',
  'arms.cancel': 'Cancel',

  'presets.load': 'Load',
  'presets.loaded': 'Loaded: {title}',
  'presets.doi': 'DOI {doi}',
  'viewSwitch.label': 'View',
  'viewSwitch.explorer': 'Explorer',
  'viewSwitch.trial': 'Virtual trial',
  'viewSwitch.trialRunning': 'Virtual trial ({percent} %)',
  'presets.robustness.summary': 'Its claims over {n} drawn parameter sets',
  'presets.robustness.holdsPlausible': 'holds in {pct} % of parameter sets consistent with untreated graft growth',
  'presets.robustness.holdsAllToo': '; {all} % of all sets',
  'presets.robustness.holdsAll': 'holds in {pct} % of all parameter sets (no growth criterion in this setting)',
  'presets.robustness.interval': '95 % interval {lower}–{upper} %: holds in {holds} of {n} parameter sets',
  'presets.robustness.intervalPlausible':
    'consistent with graft growth: 95 % interval {lower}–{upper} %, holds in {holds} of {n} sets',
  'presets.robustness.intervalAll': 'all sets: {text}',
  'presets.robustness.explainSummary': 'What “consistent with untreated graft growth” means',
  'presets.robustness.explainAll':
    'All sets: {n} parameter sets drawn around the default point, each parameter within ×0.7–1.3 of its value or its documented range, whichever is narrower.',
  'presets.robustness.explainPlausible':
    'Consistent with untreated graft growth: a set counts only if its untreated graft on day {day} is within ×/÷{factor} of a measured control mean of {target} mm³ (accepted {low}–{high} mm³); {accepted} of the first {draws} sets pass. Measured: {measured}.',
  'presets.robustness.standIn':
    'The seed study reports no control volumes, so the target is a published control of the same kind of graft in the same mouse strain; the tolerance ×/÷{factor} is chosen (one volume doubling either way). Method: plausible models (Allen, Rieger & Musante 2016).',
  'presets.robustness.source': 'Source: {source}',
  'presets.robustness.noCriterion':
    'This setting has no growth criterion: there is no measured untreated growth to compare with (the xenograft’s claims turn on osimertinib’s kill; the patient settings are calibrated to trials), so every drawn set counts.',

  'playback.play': 'Play',
  'playback.pause': 'Pause',
  'playback.step': 'Step forward',
  'playback.reset': 'Show all',
  'playback.speed': 'Speed',
  'playback.day': 'Shown up to',
  'playback.label': 'Playback',

  'cursor.day': 'Day',
  'cursor.month': 'Month',
  'cursor.label': 'Read values at',

  'chart.volume': 'Tumour volume',
  'chart.cd8': 'CD8 T cells in the tumour',
  'chart.macrophages': 'Macrophages',
  'chart.m1Fraction': 'M1 fraction of macrophages',
  'chart.pge2': 'Plasma PGE2',
  'chart.pdl1': 'Free tumour PD-L1',
  'chart.cd24': 'Tumour CD24',
  'chart.drugs': 'Drug level',
  'chart.igf1rToxicity': 'IGF-1R toxicity index',
  'chart.logScale': 'Log scale',
  'chart.compartments': 'Compartments',
  'chart.compartments.total': 'Total',
  'chart.compartments.stacked': 'Stacked',
  'chart.compartments.separate': 'Separate',
  'chart.macrophageView': 'Show',
  'chart.macrophageView.fraction': 'M1 fraction',
  'chart.macrophageView.counts': 'M1 and M2 counts',
  'chart.drugSelect': 'Drug',
  'chart.empty': 'No visible arm. Show an arm or load an experiment.',
  'chart.waiting': 'Computing the first time course…',
  'chart.failed': 'No result to show yet.',
  'chart.description': '{title} over time for {count} arms. Use left and right arrow keys to move the cursor.',
  'chart.cursorValue': 'Day {day}',
  'chart.stackHint': 'Areas: compartments of the selected arm ({arm})',
  'chart.m2Hint': 'thick: M1, thin: M2',

  'unit.days': 'days',
  'unit.months': 'months',
  'unit.mm3': 'mm³',
  'unit.cm3': 'cm³',
  'unit.cells': 'cells',
  'unit.relative': 'relative to baseline',
  'unit.pgPerMl': 'pg/mL',
  'unit.fraction': 'fraction',
  'unit.nM': 'nM',
  'unit.occupancyDays': 'occupancy-days',

  'series.sensitiveVolume': 'drug-sensitive',
  'series.persisterVolume': 'persisters',
  'series.resistantVolume': 'resistant',

  'readout.atDay': 'Values at',
  'readout.arm': 'Arm',
  'readout.volume': 'Volume',
  'readout.change': 'Change from start',
  'readout.cd8': 'CD8 T cells',
  'readout.m1Fraction': 'M1 fraction',
  'readout.pge2': 'PGE2',
  'readout.none': 'No result yet.',

  'mechanism.title': 'How the pieces connect',
  'mechanism.description':
    'Signalling diagram. Node colour shows the level in the selected arm at the cursor day: light is low, dark is high. Choose a node to read about it.',
  'mechanism.level': 'level {level}',
  'mechanism.blocked': 'blocked by drug',
  'mechanism.select': 'Choose a node to read about it.',
  'mechanism.close': 'Close',
  'mechanism.legendLow': 'low',
  'mechanism.legendHigh': 'high',
  'mechanism.activates': 'activates',
  'mechanism.inhibits': 'inhibits',

  'node.nrf2': 'NRF2',
  'node.nrf2.text':
    'NRF2 is the master switch of the oxidative-stress response. KEAP1 or NRF2-hotspot mutations keep it on. In HCC mice, NRF2-high tumours induce COX-2 (Yamamoto, Kodama et al., Hepatology 2026); in patients such mutations are common in squamous cancers (Iwasaki et al., Cancer Science, C-CAT).',
  'node.cox2': 'COX-2',
  'node.cox2.text':
    'COX-2 (PTGS2) is induced by NRF2 and makes prostaglandin E2. A COX-2 inhibitor such as celecoxib blocks it (Yamamoto, Kodama et al., Hepatology 2026).',
  'node.pge2': 'PGE2',
  'node.pge2.text':
    'Prostaglandin E2 made by NRF2-high tumours rises in plasma and keeps CD8 T cells out of the tumour, which is why atezolizumab + bevacizumab fails there (Yamamoto, Kodama et al., Hepatology 2026).',
  'node.infiltration': 'T-cell infiltration',
  'node.infiltration.text':
    'How many CD8 T cells get into the tumour per tumour cell. PGE2 and VEGF both reduce it; bevacizumab and COX-2 inhibition restore it (Yamamoto, Kodama et al., Hepatology 2026).',
  'node.neat1': 'NEAT1',
  'node.neat1.text':
    'The long non-coding RNA NEAT1 is high in many HCCs. It soaks up miR-320a, which frees SP1 to raise CD24 (Tsuchiya, Namba et al., Oncogene 2025).',
  'node.mir320a': 'miR-320a',
  'node.mir320a.text':
    'miR-320a normally keeps SP1 low. NEAT1 sponges it, so NEAT1-high tumours lose this brake (Tsuchiya, Namba et al., Oncogene 2025).',
  'node.sp1': 'SP1',
  'node.sp1.text':
    'The transcription factor SP1 switches on CD24. It rises when miR-320a is sponged by NEAT1 (Tsuchiya, Namba et al., Oncogene 2025).',
  'node.cd24': 'CD24',
  'node.cd24.text':
    'CD24 is a "don\'t eat me" signal: through Siglec-10 on macrophages it blocks phagocytosis and pushes macrophages towards M2. Anti-CD24 blocks it, and works best with anti-PD-1 (Tsuchiya, Namba et al., Oncogene 2025).',
  'node.phagocytosis': 'Phagocytosis',
  'node.phagocytosis.text':
    'Macrophages eating tumour cells. Shown here by the M1 share of macrophages; CD24 blocks it (Tsuchiya, Namba et al., Oncogene 2025).',
  'node.m2': 'M2 macrophages',
  'node.m2.text':
    'Pro-tumour (M2) macrophages. CD24 on NEAT1-high tumours shifts macrophages towards M2 (Tsuchiya, Namba et al., Oncogene 2025).',
  'node.il6': 'IL-6',
  'node.il6.text':
    'IL-6 in colorectal liver metastases keeps dendritic cells immature. IL-6-deficient mice prime more CD8 T cells (Toyoshima, Kitamura et al., Cancer Immunology Research 2019).',
  'node.dc': 'DC maturation',
  'node.dc.text':
    'Mature dendritic cells prime CD8 T cells. IL-6 holds maturation back; blocking IL-6 releases it (Toyoshima, Kitamura et al., Cancer Immunology Research 2019).',
  'node.cd8': 'CD8 T cells',
  'node.cd8.text':
    'Effector CD8 T cells kill tumour cells. Their number rises with DC maturation and infiltration; depleting them removes the advantage of IL-6-low tumours (Toyoshima, Kitamura et al., Cancer Immunology Research 2019).',
  'node.ifn': 'IFN-γ',
  'node.ifn.text':
    'Interferon-γ from active CD8 T cells raises PD-L1 on the tumour: adaptive immune escape (Toyoshima, Kitamura et al., Cancer Immunology Research 2019).',
  'node.pdl1': 'PD-L1',
  'node.pdl1.text':
    'PD-L1 on the tumour switches off T cells that reach it. Atezolizumab (anti-PD-L1) and anti-PD-1 block this brake (Toyoshima, Kitamura et al., Cancer Immunology Research 2019; Finn et al., NEJM 2020).',
  'node.killing': 'T-cell killing',
  'node.killing.text':
    'Tumour cells killed by CD8 T cells. PD-L1 blocks it unless an anti-PD-L1 or anti-PD-1 antibody is present.',
  'node.vegf': 'VEGF-A',
  'node.vegf.text':
    'VEGF-A makes abnormal vessels that keep T cells out. Bevacizumab neutralises it, the partner of atezolizumab in IMbrave150 (Finn et al., NEJM 2020).',
  'node.osimertinib': 'Osimertinib',
  'node.osimertinib.text':
    'Osimertinib blocks mutant EGFR and shrinks EGFR-mutant lung tumours, but leaves drug-tolerant persister cells behind (Wang, Yamada, …, Yano, Nature Communications 2020).',
  'node.igf1r': 'IGF-1R',
  'node.igf1r.text':
    'Persisters of AXL-low tumours survive osimertinib through IGF-1R. Blocking IGF-1R for the first days clears them; longer blockade only adds toxicity (Wang, Yamada, …, Yano, Nature Communications 2020).',
  'node.persisters': 'Persisters',
  'node.persisters.text':
    'Drug-tolerant persister cells survive osimertinib without a mutation, and later give rise to resistant cells (Wang, Yamada, …, Yano, Nature Communications 2020).',
  'node.resistant': 'Resistant cells',
  'node.resistant.text':
    'Cells that have acquired resistance and grow despite osimertinib: the relapse (Wang, Yamada, …, Yano, Nature Communications 2020).',

  'share.toolbar': 'Share and present',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied. Paste it anywhere: it opens this exact scenario.',
  'share.copyFailed': 'The browser did not allow copying. Select the link in the box and copy it.',
  'share.linkLabel': 'Link to this scenario',
  'share.qr': 'QR code',
  'share.qrTitle': 'Scan to open this scenario',
  'share.qrTooLong':
    'This link is {length} characters long, too long for a QR code (at most {max}). Remove an arm or shorten names.',
  'share.close': 'Close',

  'presenter.enter': 'Presenter mode',
  'presenter.exit': 'Leave presenter mode',
  'presenter.on': 'Presenter mode on: large type, thick lines, high contrast. Press ? for the shortcuts.',
  'presenter.off': 'Presenter mode off',

  'help.open': 'Keyboard shortcuts',
  'help.title': 'Keyboard shortcuts',
  'help.space': 'Space',
  'help.right': '→',
  'help.playPause':
    'Play or pause the time course (in presenter mode wherever the focus is; otherwise a button or box you moved to with Tab takes Space itself)',
  'help.undoKeys': 'Ctrl/⌘+Z',
  'help.undo': 'Undo the last change of the scenario',
  'help.redoKeys': 'Shift+Ctrl/⌘+Z',
  'help.redo': 'Redo it',
  'help.step': 'Step forward',
  'help.next': 'Next experiment (in a lesson: next step)',
  'help.previous': 'Previous experiment (in a lesson: previous step)',
  'help.reset': 'Reset: reload the experiment or lesson step and rewind',
  'help.presenter': 'Presenter mode on or off',
  'help.help': 'Show or hide this list',
  'help.escape': 'Close this list (or any open panel)',
  'help.note':
    'These keys work wherever the focus is, except while you type in a text field or choose from a menu. A slider you moved to with Tab keeps its arrow keys; after a mouse click on a slider or a box, Space and the arrows are shortcuts and never change it.',
  'help.close': 'Close',

  'history.undo': 'Undo',
  'history.redo': 'Redo',
  'history.undoHint': 'Undo the last change of the scenario (Ctrl/⌘+Z)',
  'history.redoHint': 'Redo the change undone (Shift+Ctrl/⌘+Z)',
  'history.toolbar': 'Undo and redo',
  'history.notice.preset': 'Loaded “{name}”; the scenario before it can be brought back.',
  'history.notice.delete': 'Deleted arm “{name}”.',
  'history.notice.setting':
    'Setting changed to {name}: every arm’s dosing schedules and the horizon were set to its defaults.',
  'history.dismiss': 'Dismiss',

  'lessons.title': 'Guided lessons',
  'lessons.intro': 'One lesson per study: a few steps, each with a question for the audience.',
  'lessons.start': 'Start lesson',
  'lessons.step': 'Step {n} of {total}',
  'lessons.next': 'Next step',
  'lessons.previous': 'Previous step',
  'lessons.end': 'End lesson',
  'lessons.question': 'Ask the audience',
  'lessons.keys': 'Keys: N next, P previous, R reset this step.',
  'lessons.finished': 'End of the lesson.',

  'export.title': 'Export',
  'export.chart': 'Chart',
  'export.svg': 'Chart as SVG',
  'export.png': 'Chart as PNG',
  'export.csv': 'Data of all arms (CSV)',
  'export.json': 'Scenario (JSON)',
  'export.text': 'Text summary',
  'export.sbmlArm': 'Arm',
  'export.sbml': 'Model of this arm (SBML, for COPASI)',
  'export.sbmlFailed': 'The SBML export failed: {message}',
  'export.saved': 'Saved {file}',
  'export.noData': 'Nothing to export yet: wait for the time course.',

  'summary.heading': 'Text summary of the curves',
  'summary.chart': '{title} ({unit})',
  'summary.arm':
    '{arm}: {start} at the start, {end} at {endTime}; lowest {min} at {minTime}, highest {max} at {maxTime}.',
  'summary.none': 'No result yet.',
  'summary.hidden': 'Hidden arms are not simulated and not summarised: {arms}.',

  'link.problems': 'Parts of this link could not be used; defaults were used instead:',
  'link.more': 'and {count} more',
  'link.dismiss': 'Dismiss',
  'release.ready': 'A new version is ready — reload to use it (your scenario is kept).',
  'release.chunkFailed':
    'Part of the app could not be loaded, most likely because a new version was released. Reload to continue (your scenario is kept).',
  'release.reload': 'Reload',
  'release.updateFailed':
    'A new version could not be saved on this device (the browser may be out of storage for this site, or refuses it). This version keeps working and your scenario is safe; the new version is tried again later.',
  'release.offlineUnavailable':
    'This app could not be saved for offline use (the browser may be out of storage for this site, or blocks it). It keeps working while online.',
  'link.original': 'The link as it was opened, with the parts left out:',
  'link.copyOriginal': 'Copy the original link',
  'link.error': '{field}: {problem}',
  'link.field.version': 'Format version (v)',
  'link.field.query': 'The link',
  'link.field.setting': 'Setting (s)',
  'link.field.horizon': 'Horizon (h)',
  'link.field.outputStep': 'Output step (dt)',
  'link.field.input': 'Tumour input {key}',
  'link.field.arms': 'Arms',
  'link.field.arm': 'Arm {n}',
  'link.field.cohort': 'Virtual-trial settings',
  'link.field.parameter': 'Model parameter {id}',
  'link.field.parameters': 'Model parameters',
  'link.field.view': 'Chart option {key}',
  'link.field.other': 'Parameter {key}',
  'link.code.unknown-version': 'the format version is not one this release reads.',
  'link.code.unknown-key': 'not known to this release; ignored.',
  'link.code.out-of-range': 'a value outside its allowed range.',
  'link.code.not-a-number': 'not a number.',
  'link.code.impossible-schedule': 'a dosing schedule that cannot be given.',
  'link.code.too-long': 'too long; shortened or dropped.',
  'link.code.malformed': 'could not be read.',
  'link.code.duplicate': 'given more than once; the first is used.',
  'link.code.too-many': 'too many; the extra ones are dropped.',
  'link.code.incompatible': 'does not fit the rest of the scenario; ignored.',
  'link.code.migrated': 'from an older link whose unit changed; converted.',

  'error.title': 'Something went wrong',
  'error.reload': 'Reload',

  'fault.crashed': 'the simulator stopped with an error',
  'fault.timeout': 'the simulator stopped answering',
  'notice.restarted': 'Simulator restarted: {reason}. Your latest change was computed again.',
  'notice.dismiss': 'Dismiss',
  'boundary.failed': 'This part of the page could not be shown because of an error. The rest of the page still works.',
  'boundary.failedNamed': '“{panel}” could not be shown because of an error. The rest of the page still works.',
  'boundary.retry': 'Try again',

  ...teachingEn,
  ...toolkitEn,
  ...interfaceEn,
} as const;

export type MessageKey = keyof typeof en;

/** A complete catalogue: exactly the keys of the English one (here, so other catalogues need not import index.ts). */
export type Catalogue = { readonly [K in MessageKey]: string };
