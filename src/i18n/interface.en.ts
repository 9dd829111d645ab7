/** English messages of the interface's handling: reset, saved scenarios, scenario files, field problems. */
export const interfaceEn = {
  'history.reset': 'Reset all',
  'history.resetHint': 'Back to the scenario the app starts with (can be undone)',
  'history.notice.reset': 'Everything was reset to the starting scenario.',
  'history.notice.import': 'Loaded the scenario file “{name}”.',
  'history.notice.saved': 'Loaded the saved scenario “{name}”.',
  'history.notice.settingHorizon': 'Setting changed to {name}: the horizon went from {from} to {to} days.',
  'history.notice.settingSchedules':
    'Setting changed to {name}: the horizon went from {from} to {to} days, and every arm’s dosing schedules were replaced by this setting’s defaults (mouse doses in mg/kg and patient doses in mg have no one-to-one conversion).',

  'saved.title': 'Saved scenarios',
  'saved.intro': 'Kept in this browser only. To move a scenario to another computer, use its link or a file.',
  'saved.name': 'Name',
  'saved.save': 'Save current scenario',
  'saved.defaultName': 'Scenario {n}',
  'saved.empty': 'Nothing saved yet.',
  'saved.list': 'Scenarios saved in this browser',
  'saved.load': 'Load',
  'saved.loadLabel': 'Load “{name}”',
  'saved.rename': 'Rename',
  'saved.renameLabel': 'Rename “{name}”',
  'saved.newName': 'New name for “{name}”',
  'saved.renameOk': 'Save name',
  'saved.cancel': 'Cancel',
  'saved.delete': 'Delete',
  'saved.deleteLabel': 'Delete “{name}”',
  'saved.deleted': 'Deleted “{name}”.',
  'saved.undo': 'Undo',
  'saved.dismiss': 'Dismiss',
  'saved.savedAs': 'Saved as “{name}”.',
  'saved.replaced': 'Saved as “{name}” (the older one of that name was replaced).',
  'saved.nameEmpty': 'A name needs at least one visible character.',
  'saved.problem.quota':
    'This browser’s storage is full, so nothing was kept. Delete saved scenarios you no longer need, or save the scenario as a file.',
  'saved.problem.unavailable':
    'This browser does not let the page keep data (storage is off, or this is a private window), so nothing was kept. Save the scenario as a file instead.',
  'saved.problem.full': 'At most {max} scenarios are kept. Delete one first.',
  'saved.unreadable':
    'The scenarios saved in this browser could not be read (the stored data is damaged); they were left untouched.',
  'saved.problems': 'Loaded; parts of it could not be used and were set to their defaults:',

  'file.open': 'Open scenario file…',
  'file.hint': 'A .json file saved with “Scenario (JSON)”.',
  'file.problem.notJson': '“{name}” is not valid JSON ({detail}). Nothing was changed.',
  'file.problem.notScenario':
    '“{name}” is not a TIMEscape scenario file: it needs "format": "timescape-scenario" and a "link". Nothing was changed.',
  'file.problem.tooLarge': '“{name}” is too large to be a scenario file. Nothing was changed.',
  'file.problem.read': '“{name}” could not be read. Nothing was changed.',
  'file.problem.fields': '“{name}” has {count} invalid field(s), so nothing was changed:',

  'control.armOnly': 'This arm only',
  'control.armOnlyLabel': '{input}: set for the selected arm only ({arm})',

  'field.notNumber': 'Not a number. Kept {value}.',
  'field.belowMin': 'Must be at least {min}. Kept {value}.',
  'field.aboveMax': 'Must be at most {max}. Kept {value}.',
  'treatment.stopNotAfterStart': 'Must be after the start (day {start}). Kept {value}.',
  'treatment.startNotBeforeStop': 'Must be before the stop (day {stop}). Kept {value}.',
  'treatment.pastHorizon': 'Ends after the horizon (day {horizon}); doses after it are not simulated.',
  'treatment.days': 'days',
} as const;
