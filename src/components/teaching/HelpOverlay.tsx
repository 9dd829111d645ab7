/**
 * HelpOverlay is the keyboard-shortcut help shown with '?'; it exists so that presenter shortcuts can be found
 * without documentation.
 */
import { useT } from '../../i18n';
import { useTeaching } from '../../store/teaching';
import { Modal } from '../Modal';

/** The list of shortcuts, as a modal dialog. */
export function HelpOverlay() {
  const t = useT();
  const open = useTeaching((s) => s.helpOpen);
  const setOpen = useTeaching((s) => s.setHelpOpen);
  // the dialog places the focus (Modal: its one button, or itself when it is taller than the screen)
  if (!open) return null;
  const rows: [string, string][] = [
    [t('help.space'), t('help.playPause')],
    [t('help.right'), t('help.step')],
    ['N', t('help.next')],
    ['P', t('help.previous')],
    ['R', t('help.reset')],
    ['F', t('help.presenter')],
    ['?', t('help.help')],
    [t('help.undoKeys'), t('help.undo')],
    [t('help.redoKeys'), t('help.redo')],
    ['Esc', t('help.escape')],
  ];
  return (
    <Modal className="help" testId="help-overlay" labelledBy="help-title" onClose={() => setOpen(false)}>
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
      <button type="button" className="primary" onClick={() => setOpen(false)}>
        {t('help.close')}
      </button>
    </Modal>
  );
}
