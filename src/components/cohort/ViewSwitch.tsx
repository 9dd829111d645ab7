/**
 * ViewSwitch is the switch between the explorer and the virtual trial; it exists because the two views share one
 * scenario.
 */
import { useCohortT } from '../../i18n/cohort';
import { useCohort } from '../../store/cohort';
import { useView, VIEW_HASH, type View } from '../../store/view';

/**
 * Explorer | Virtual trial: two links to the views (#explorer, #trial), so that they work with the keyboard, the
 * back button and shared links. A running trial shows its progress on its link.
 */
export function ViewSwitch() {
  const tc = useCohortT();
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  const running = useCohort((s) => s.status === 'running');
  const percent = useCohort((s) => (s.total > 0 ? Math.round((100 * s.done) / s.total) : 0));
  const link = (target: View, label: string) => (
    <a
      href={VIEW_HASH[target]}
      className={view === target ? 'active' : undefined}
      aria-current={view === target ? 'page' : undefined}
      data-testid={`view-${target}`}
      onClick={() => setView(target)}
    >
      {label}
    </a>
  );
  return (
    <nav className="view-switch" aria-label={tc('view.label')}>
      {link('explorer', tc('view.explorer'))}
      {link('trial', running ? tc('view.trialRunning', { percent }) : tc('view.trial'))}
    </nav>
  );
}
