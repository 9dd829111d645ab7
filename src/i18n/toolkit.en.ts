/** English messages of the researcher's toolkit (the parameters panel). */
export const toolkitEn = {
  'params.summary': 'Model parameters',
  'params.changedCount': '{count} changed',
  'params.intro':
    'Every parameter of the model, from its parameter table. A changed value is carried in the link (p.<id>) and marked ●.',
  'params.default': 'default {value}',
  'params.range': 'range {min}–{max}',
  'params.reset': 'Reset',
  'params.resetNamed': 'Reset {id} to {value}',
  'params.resetAll': 'Reset all parameters',
  'params.changed': 'changed from {value}',
} as const;
