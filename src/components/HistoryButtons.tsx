import { useT } from '../i18n';
import { defaultScenario } from '../scenario/defaults';
import { useExplorer } from '../store/explorer';

/**
 * Undo and Redo of scenario changes (also Ctrl/⌘+Z and Shift+Ctrl/⌘+Z), disabled when there is nothing to walk, and
 * Reset all: the scenario the app starts with, undoable like any change (a notice offers Undo).
 */
export function HistoryButtons() {
  const t = useT();
  const canUndo = useExplorer((s) => s.past.length > 0);
  const canRedo = useExplorer((s) => s.future.length > 0);
  const undo = useExplorer((s) => s.undo);
  const redo = useExplorer((s) => s.redo);
  const resetAll = useExplorer((s) => s.resetAll);
  return (
    <div className="history-buttons" role="toolbar" aria-label={t('history.toolbar')}>
      <button type="button" data-testid="undo" title={t('history.undoHint')} disabled={!canUndo} onClick={undo}>
        ↶ {t('history.undo')}
      </button>
      <button type="button" data-testid="redo" title={t('history.redoHint')} disabled={!canRedo} onClick={redo}>
        ↷ {t('history.redo')}
      </button>
      <button
        type="button"
        data-testid="reset-all"
        title={t('history.resetHint')}
        onClick={() => resetAll(defaultScenario())}
      >
        ⟲ {t('history.reset')}
      </button>
    </div>
  );
}
