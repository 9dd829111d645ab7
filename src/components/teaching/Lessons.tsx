/**
 * Lessons is the guided-lesson panel (steps, questions, next and end); it exists so that a lecturer can walk a class
 * through the experiments.
 */
import { useT } from '../../i18n';
import { LESSONS } from '../../lessons/lessons';
import { dynamicKey, endLesson, goToStep, startLesson, useTeaching } from '../../store/teaching';
import { Explain, LESSON_EXPLANATIONS } from '../Explain';

/** The guided lessons: a list to start one, then the current step with its question and navigation. */
export function Lessons() {
  const t = useT();
  const lesson = useTeaching((s) => s.lesson);
  const current = lesson ? LESSONS.find((l) => l.id === lesson.id) : undefined;
  if (!lesson || !current) {
    return (
      <details className="lessons" data-testid="lessons">
        <summary>
          <h2>{t('lessons.title')}</h2>
        </summary>
        <p>{t('lessons.intro')}</p>
        <ul>
          {LESSONS.map((l) => (
            <li key={l.id}>
              <button type="button" data-testid={`lesson-${l.id}`} onClick={() => startLesson(l.id)}>
                {t(dynamicKey(`lesson.${l.id}.title`))}
              </button>
            </li>
          ))}
        </ul>
      </details>
    );
  }
  const n = lesson.step + 1;
  const total = current.steps.length;
  const last = n === total;
  return (
    <section className="lesson" data-testid="lesson" aria-labelledby="lesson-title" data-step={n}>
      <header>
        <h2 id="lesson-title">{t(dynamicKey(`lesson.${lesson.id}.title`))}</h2>
        <p className="lesson-progress" data-testid="lesson-progress" aria-live="polite">
          {t('lessons.step', { n, total })}
        </p>
      </header>
      <p className="lesson-text" data-testid="lesson-text">
        {t(dynamicKey(`lesson.${lesson.id}.${n}.text`))}
      </p>
      <p className="lesson-question" data-testid="lesson-question">
        <strong>{t('lessons.question')}:</strong> {t(dynamicKey(`lesson.${lesson.id}.${n}.question`))}
      </p>
      <Explain topics={LESSON_EXPLANATIONS[`${lesson.id}.${n}`]} testId="lesson-explain" />
      {last ? <p className="lesson-end">{t('lessons.finished')}</p> : null}
      <div className="lesson-nav">
        <button
          type="button"
          data-testid="lesson-previous"
          disabled={n === 1}
          onClick={() => goToStep(lesson.id, lesson.step - 1)}
        >
          ‹ {t('lessons.previous')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="lesson-next"
          disabled={last}
          onClick={() => goToStep(lesson.id, lesson.step + 1)}
        >
          {t('lessons.next')} ›
        </button>
        <button type="button" data-testid="lesson-end" onClick={endLesson}>
          {t('lessons.end')}
        </button>
        <span className="lesson-keys">{t('lessons.keys')}</span>
      </div>
    </section>
  );
}
