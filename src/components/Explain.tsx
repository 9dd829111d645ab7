/**
 * Explain is a "?" disclosure with a short answer to the question a student asks about a preset or a lesson step
 * (why NRF2 barely changes an untreated tumour); it exists so that a result that looks wrong at first is explained
 * where it is seen. Native <details>: the keyboard opens it (Enter, Space) and screen readers announce it as
 * expandable. The texts are in the teaching catalogue under `explain.<topic>` and `explain.<topic>.body`.
 */
import { useT } from '../i18n';
import { dynamicKey } from '../store/teaching';

/** The explanations a preset shows under its summary, and a lesson step under its text. */
export const PRESET_EXPLANATIONS: Readonly<Record<string, readonly string[]>> = {
  'nrf2-atezo-bev': ['nrf2Untreated'],
};
export const LESSON_EXPLANATIONS: Readonly<Record<string, readonly string[]>> = {
  // lesson "nrf2", step 2: the NRF2-high tumours beside step 1's NRF2-low ones
  'nrf2.2': ['nrf2Untreated'],
};

/** One "?" question with its answer, opened by the keyboard or a tap (also the trial's TrialHelp rows). */
export function Disclosure({ question, answer, testId }: { question: string; answer: string; testId: string }) {
  return (
    <details data-testid={testId}>
      <summary>
        <span className="help-mark" aria-hidden="true">
          ?
        </span>
        {question}
      </summary>
      <p>{answer}</p>
    </details>
  );
}

export function Explain({ topics, testId }: { topics: readonly string[] | undefined; testId: string }) {
  const t = useT();
  if (!topics || topics.length === 0) return null;
  return (
    <div className="explain" data-testid={testId}>
      {topics.map((topic) => (
        <Disclosure
          key={topic}
          testId={`${testId}-${topic}`}
          question={t(dynamicKey(`explain.${topic}`))}
          answer={t(dynamicKey(`explain.${topic}.body`))}
        />
      ))}
    </div>
  );
}
