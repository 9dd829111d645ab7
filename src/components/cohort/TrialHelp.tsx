/**
 * TrialHelp is a row of short explanations beside a trial's table or figure ("?" disclosures: what ORR, DCR and HR
 * mean, why an interval says NR, why medians fall on assessment days, why an untreated arm has a PFS); it exists
 * because these are the questions a student asks first. Native <details>: the keyboard opens them (Enter, Space) and
 * screen readers announce them as expandable; the texts use the run's own assessment interval and follow-up.
 */
import { useMemo } from 'react';
import { DAYS_PER_MONTH } from '../../charts/format';
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import { defaultCohort } from '../../scenario/defaults';
import { useCohort } from '../../store/cohort';
import { Disclosure } from '../Explain';

export type HelpTopic = 'rates' | 'nr' | 'steps' | 'untreated' | 'os';

export function TrialHelp({ topics, testId }: { topics: readonly HelpTopic[]; testId: string }) {
  const tc = useCohortT();
  const interval = useCohort((s) => s.scenario?.cohort?.assessmentInterval ?? defaultCohort().assessmentInterval);
  const horizon = useCohort((s) => s.scenario?.horizon ?? 0);
  const lang = locale();
  // one number format per language (toLocaleString builds one at every call, in every redraw of a running trial)
  const format = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), [lang]);
  const months = (days: number) => format.format(days / DAYS_PER_MONTH);
  const weeks = interval / 7;
  const params = {
    weeks: Number.isInteger(weeks) ? weeks : weeks.toFixed(1),
    days: interval,
    list: [1, 2, 3, 4, 5].map((k) => months(k * interval)).join(', '),
    first: months(interval),
    months: months(horizon),
  };
  return (
    <div className="trial-help" data-testid={testId}>
      {topics.map((topic) => (
        <Disclosure
          key={topic}
          testId={`${testId}-${topic}`}
          question={tc(`help.${topic}` as CohortMessageKey)}
          answer={tc(`help.${topic}.body` as CohortMessageKey, params)}
        />
      ))}
    </div>
  );
}
