/**
 * linkErrorText is the wording of one problem of a shared link in the interface's language, built from the
 * problem's code and field through the message catalogues. It exists so that a Japanese reader gets a Japanese
 * sentence for every problem, whatever language the codec's own detailed message is in.
 */
import { type MessageKey, t } from '../i18n';
import type { LinkError } from '../store/explorer';

const TOP_LEVEL: Record<string, MessageKey> = {
  v: 'link.field.version',
  query: 'link.field.query',
  setting: 'link.field.setting',
  horizon: 'link.field.horizon',
  outputStep: 'link.field.outputStep',
  arms: 'link.field.arms',
  cohort: 'link.field.cohort',
  parameters: 'link.field.parameters',
};
const INPUTS = new Set(['nrf2', 'neat1', 'il6', 'axl', 'cd8Depleted']);

/** The field of a FieldError ('arm[1].treatments.atz', 'cohort.size', 'p.tCellKillRate', ...) in words. */
export function linkFieldText(field: string): string {
  const arm = /^arm\[(\d+)\]/.exec(field);
  if (arm) return t('link.field.arm', { n: Number(arm[1]) + 1 });
  if (field.startsWith('p.')) return t('link.field.parameter', { id: field.slice(2) });
  if (field.startsWith('cohort.')) return t('link.field.cohort');
  if (field.startsWith('view.')) return t('link.field.view', { key: field.slice(5) });
  if (field === 'tool' || field.startsWith('tool.')) return t('link.field.tool', { key: field });
  if (INPUTS.has(field)) return t('link.field.input', { key: field });
  const key = TOP_LEVEL[field];
  return key ? t(key) : t('link.field.other', { key: field });
}

/** One line for the link notice: what was wrong with which field, in the current language. */
export function linkErrorText(error: Pick<LinkError, 'code' | 'field'>): string {
  return t('link.error', { field: linkFieldText(error.field), problem: t(`link.code.${error.code}`) });
}

/** The codec's detailed message (values quoted, what was done instead) in the current language where it has one. */
export function linkErrorDetail(error: LinkError, language: string): { text: string; lang: string } {
  if (language === 'ja' && error.messageJa) return { text: error.messageJa, lang: 'ja' };
  return { text: error.message, lang: 'en' };
}
