/**
 * ViewSwitch is the switch between the explorer and the virtual trial; it exists because the two views share one
 * scenario.
 */
// the main catalogue, not the trial's: the switch is on every page, the trial's texts load with the trial view
import type { CSSProperties } from 'react';
import { useT } from '../../i18n';
import { useCohort } from '../../store/cohort';
import { useView, VIEW_HASH, type View } from '../../store/view';

/**
 * Explorer | Virtual trial: two links to the views (#explorer, #trial), so that they work with the keyboard, the
 * back button and shared links. A running trial shows its progress on its link: "(61 %)" after its name, and on a
 * phone a bar under the name instead (the words stay for screen readers), so the header does not wrap mid-run.
 */
export function ViewSwitch() {
  const t = useT();
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  const running = useCohort((s) => s.status === 'running');
  const percent = useCohort((s) => (s.total > 0 ? Math.round((100 * s.done) / s.total) : 0));
  const link = (target: View, label: string, progress?: number) => (
    <a
      href={VIEW_HASH[target]}
      className={view === target ? 'active' : undefined}
      aria-current={view === target ? 'page' : undefined}
      data-testid={`view-${target}`}
      onClick={() => setView(target)}
      style={progress === undefined ? undefined : ({ '--progress': String(progress / 100) } as CSSProperties)}
    >
      {label}
      {progress === undefined ? null : (
        <span className="view-progress">{t('viewSwitch.progress', { percent: progress })}</span>
      )}
    </a>
  );
  return (
    <nav className="view-switch" aria-label={t('viewSwitch.label')}>
      {link('explorer', t('viewSwitch.explorer'))}
      {link('trial', t('viewSwitch.trial'), running ? percent : undefined)}
    </nav>
  );
}
