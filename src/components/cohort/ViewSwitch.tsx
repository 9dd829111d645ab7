/**
 * ViewSwitch is the switch between the explorer and the virtual trial; it exists because the two views share one
 * scenario.
 */
// the main catalogue, not the trial's: the switch is on every page, the trial's texts load with the trial view
import { useT } from '../../i18n';
import { useCohort } from '../../store/cohort';
import { useView, VIEW_HASH, type View } from '../../store/view';

/**
 * Explorer | Virtual trial: two links to the views (#explorer, #trial), so that they work with the keyboard, the
 * back button and shared links. A running trial shows its progress on its link.
 */
export function ViewSwitch() {
  const t = useT();
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
    <nav className="view-switch" aria-label={t('viewSwitch.label')}>
      {link('explorer', t('viewSwitch.explorer'))}
      {link('trial', running ? t('viewSwitch.trialRunning', { percent }) : t('viewSwitch.trial'))}
    </nav>
  );
}
