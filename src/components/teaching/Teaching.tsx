import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { LESSONS } from '../../lessons/lessons';
import {
  dynamicKey,
  endLesson,
  goToStep,
  navigate,
  playPause,
  reset,
  startLesson,
  stepForward,
  togglePresenter,
  useTeaching,
} from '../../store/teaching';

/** Where a key press belongs to a control (typing, a slider, a menu): shortcuts stay out of its way. */
const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="textbox"], [role="spinbutton"], [role="listbox"], [role="menu"]';
/** Elements that a space bar activates by themselves. */
const SPACE_KEYS = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]';

/** Keyboard shortcuts for lectures: space, →, N, P, R, F, ? and Escape (see the help overlay). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(OWN_KEYS)) return;
      const teaching = useTeaching.getState();
      let handled = true;
      switch (e.key) {
        case ' ':
          if (target?.closest(SPACE_KEYS)) return;
          playPause();
          break;
        case 'ArrowRight':
          stepForward();
          break;
        case 'n':
        case 'N':
          navigate(1);
          break;
        case 'p':
        case 'P':
          navigate(-1);
          break;
        case 'r':
        case 'R':
          reset();
          break;
        case 'f':
        case 'F':
          togglePresenter();
          break;
        case '?':
          teaching.setHelpOpen(!teaching.helpOpen);
          break;
        case 'Escape':
          if (teaching.helpOpen) teaching.setHelpOpen(false);
          else handled = false;
          break;
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The list of shortcuts, as a modal dialog. */
export function HelpOverlay() {
  const t = useT();
  const open = useTeaching((s) => s.helpOpen);
  const setOpen = useTeaching((s) => s.setHelpOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  const rows: [string, string][] = [
    [t('help.space'), t('help.playPause')],
    [t('help.right'), t('help.step')],
    ['N', t('help.next')],
    ['P', t('help.previous')],
    ['R', t('help.reset')],
    ['F', t('help.presenter')],
    ['?', t('help.help')],
    ['Esc', t('help.escape')],
  ];
  return (
    <div className="help-backdrop" data-testid="help-overlay">
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">{t('help.title')}</h2>
        <dl>
          {rows.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="help-note">{t('help.note')}</p>
        <button ref={close} type="button" className="primary" onClick={() => setOpen(false)}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}

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

/** Everything teaching adds to the workspace: shortcuts, the help overlay and the lessons. */
export function Teaching() {
  useShortcuts();
  return (
    <>
      <Lessons />
      <HelpOverlay />
    </>
  );
}
