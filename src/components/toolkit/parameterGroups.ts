/**
 * The mechanism each model parameter belongs to, for the parameters panel: tumour growth, then one group per study's
 * mechanism (T cells and PD-1/PD-L1; NRF2 and PGE2; VEGF and vessels; IL-6 and dendritic cells; macrophages, NEAT1
 * and CD24; EGFR, persisters and IGF-1R), and the drugs' pharmacokinetics. Read from the parameter's id by its stem, so a parameter added to the table
 * lands in its mechanism's group without a list to keep up to date; an id no rule knows is shown under "Other".
 */
import type { MessageKey } from '../../i18n';

export const PARAMETER_GROUPS = [
  'growth',
  'tcells',
  'pge2',
  'vessels',
  'il6',
  'macrophages',
  'egfr',
  'pk',
  'other',
] as const;
export type ParameterGroup = (typeof PARAMETER_GROUPS)[number];

/** First matching rule wins (the order matters: 'm2KillSuppression' is a macrophage effect, not a T-cell one). */
const RULES: [RegExp, ParameterGroup][] = [
  // a drug's half-life, central volume or oral clearance (before 'osimertinib...' and 'sorafenib...' match the mechanisms)
  [
    /^(atezolizumab|bevacizumab|antiPD1|cox2i|antiCD24|antiIL6|osimertinib|sorafenib|igf1ri|gefitinib)(HalfLife|Volume|Clearance)$/,
    'pk',
  ],
  [/^(osimertinib|gefitinibRelativeKill|persister|resistance|igf1r|axl|resistantFraction|t790m)/, 'egfr'],
  [/^(m1|m2|macrophage|phagocyt|cd24|neat1|ifnRepolarisation)/, 'macrophages'],
  [/^(pge2|nrf2)/, 'pge2'],
  [/^(vegf|angiogenesis|sorafenib)/, 'vessels'],
  [/^(il6|dc|type1Ifn)/, 'il6'],
  [/^(tCell|pdl1|pd1)/, 'tcells'],
  [/^(sensitiveGrowth|resistantGrowth|carryingCapacity|cellLoss|extinction|immuneEscape)/, 'growth'],
];

export function parameterGroup(id: string): ParameterGroup {
  for (const [rule, group] of RULES) if (rule.test(id)) return group;
  return 'other';
}

export function groupLabel(group: ParameterGroup): MessageKey {
  return `params.group.${group}` as MessageKey;
}
