import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Arms } from './components/Arms';
import { Charts } from './components/Charts';
import { Controls } from './components/Controls';
import { ViewSwitch } from './components/cohort/ViewSwitch';
import { RestartNotice } from './components/FaultNotice';
import { HistoryButtons } from './components/HistoryButtons';
import { LinkNotice } from './components/LinkNotice';
import { Mechanism } from './components/Mechanism';
import { trapTab } from './components/Modal';
import { PanelBoundary } from './components/PanelBoundary';
import { ParametersPanel } from './components/ParametersPanel';
import { Playback } from './components/Playback';
import { Presets } from './components/Presets';
import { Readout } from './components/Readout';
import { ReleaseNotice } from './components/ReleaseNotice';
import { Status } from './components/Status';
import { watchStickyInset } from './components/stickyInset';
import { TreatmentEditor } from './components/TreatmentEditor';
import { ShareBar } from './components/teaching/Share';
import { Teaching } from './components/teaching/Teaching';
import { UndoNotice } from './components/UndoNotice';
import { useMediaQuery } from './components/useMediaQuery';
import { useT } from './i18n';
import { loadChunk } from './store/release';
import { useTeaching } from './store/teaching';
import { useView } from './store/view';

/** The trial view is its own chunk: the explorer's first load does not carry the trial's tables and charts. */
// the analyses panel (scans, heat maps, sensitivity, measurements and fits) loads as its own chunk
const Toolkit = lazy(() =>
  loadChunk(() => import('./components/toolkit/Toolkit')).then((m) => ({ default: m.Toolkit })),
);
const CohortView = lazy(() =>
  loadChunk(() => import('./components/cohort/CohortView')).then((m) => ({ default: m.CohortView })),
);

/** Saved scenarios (and opening a scenario file) are their own chunk, loaded just after the first draw: the
 * first-load budget stays for what the first screen shows. */
const SavedScenarios = lazy(() =>
  loadChunk(() => import('./components/SavedScenarios')).then((m) => ({ default: m.SavedScenarios })),
);

/** The exports (figures, CSV, scenario files) are their own chunk too, like the saved scenarios. */
const Exports = lazy(() =>
  loadChunk(() => import('./components/teaching/Exports')).then((m) => ({ default: m.Exports })),
);

const PHONE_QUERY = '(max-width: 900px)';

export function App() {
  const t = useT();
  const view = useView((s) => s.view);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = useMediaQuery(PHONE_QUERY);
  const presenter = useTeaching((s) => s.presenter);
  // On a phone, and in presenter mode (the chart first and large), the controls fold into a drawer opened from the
  // header.
  const drawer = phone || presenter;
  useEffect(() => {
    if (!drawer) setDrawerOpen(false);
  }, [drawer]);
  // whatever is scrolled into view lands below the bar stuck at the top (the header, or a phone's Play bar)
  useEffect(() => watchStickyInset(), []);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const panelHidden = drawer && !drawerOpen;
  // The open drawer is a modal dialog: the page behind it is inert (not focusable, not clickable, hidden from
  // assistive technology), Tab cycles inside it, Esc and the scrim close it, and the focus goes back to the toggle.
  // The undo and restart notices stay usable: a preset loaded from the drawer can be undone at once.
  const modal = drawer && drawerOpen;
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const panel = panelRef.current;
    if (!modal || !panel) return;
    // (aria-modal set here: the linter does not see that the role is 'dialog' while the drawer is open)
    panel.setAttribute('aria-modal', 'true');
    panel.addEventListener('keydown', trapTab);
    return () => {
      panel.removeAttribute('aria-modal');
      panel.removeEventListener('keydown', trapTab);
    };
  }, [modal]);
  // Opening the drawer moves the focus into it (its Close button); closing it returns the focus to the toggle.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (drawerOpen) closeRef.current?.focus();
    else if (wasOpen.current && document.activeElement === document.body) toggleRef.current?.focus();
    else if (wasOpen.current && document.getElementById('control-panel')?.contains(document.activeElement)) {
      toggleRef.current?.focus();
    }
    wasOpen.current = drawerOpen;
  }, [drawerOpen]);

  return (
    <div className={`app${phone ? ' phone' : ''}${drawer ? ' drawer' : ''}${drawerOpen ? ' drawer-open' : ''}`}>
      <a className="skip" href="#charts" inert={modal}>
        {t('app.skipToCharts')}
      </a>
      <a className="skip" href="#playback" inert={modal}>
        {t('app.skipToPlay')}
      </a>
      <header className="app-header" inert={modal}>
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <ViewSwitch />
        <Status />
        <PanelBoundary name="share" label={t('share.toolbar')}>
          <ShareBar />
        </PanelBoundary>
        {drawer && view === 'explorer' ? (
          <button
            ref={toggleRef}
            type="button"
            className="drawer-toggle primary"
            data-testid="drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="control-panel"
            aria-label={drawerOpen ? undefined : t('panel.openControls')}
            onClick={() => setDrawerOpen((o) => !o)}
          >
            {drawerOpen ? t('panel.closeControls') : t('panel.controlsShort')}
          </button>
        ) : null}
      </header>
      <div className="layout" hidden={view !== 'explorer'}>
        {/* a section, not an aside: an aside may not take the dialog role (axe aria-allowed-role) */}
        <section
          ref={panelRef}
          id="control-panel"
          className="control-panel"
          data-testid="control-panel"
          aria-label={t('panel.controls')}
          hidden={panelHidden}
          role={modal ? 'dialog' : 'complementary'}
        >
          {drawer ? (
            <button
              ref={closeRef}
              type="button"
              className="drawer-close"
              data-testid="drawer-close"
              onClick={() => setDrawerOpen(false)}
            >
              ✕ {t('panel.closeControls')}
            </button>
          ) : null}
          <HistoryButtons />
          <PanelBoundary name="controls" label={t('panel.controls')}>
            <Controls />
          </PanelBoundary>
          <PanelBoundary name="presets" label={t('panel.presets')}>
            <Presets />
          </PanelBoundary>
          <PanelBoundary name="saved" label={t('saved.title')}>
            <Suspense fallback={<div className="saved-loading" aria-busy="true" />}>
              <SavedScenarios />
            </Suspense>
          </PanelBoundary>
          <PanelBoundary name="parameters" label={t('params.summary')}>
            <ParametersPanel />
          </PanelBoundary>
        </section>
        {drawer && drawerOpen ? (
          <button
            type="button"
            className="scrim"
            tabIndex={-1}
            aria-label={t('panel.closeControls')}
            onClick={() => setDrawerOpen(false)}
          />
        ) : null}
        <main className="workspace" inert={modal}>
          <LinkNotice />
          <ReleaseNotice />
          {/* Each panel in its own boundary: one that fails to render shows "Try again", the others go on. */}
          <PanelBoundary name="teaching" label={t('lessons.title')}>
            <Teaching />
          </PanelBoundary>
          <PanelBoundary name="arms" label={t('panel.arms')}>
            <Arms />
          </PanelBoundary>
          <PanelBoundary name="playback" label={t('playback.label')}>
            <Playback />
          </PanelBoundary>
          <PanelBoundary name="charts" label={t('panel.charts')}>
            <Charts />
          </PanelBoundary>
          <PanelBoundary name="readout" label={t('panel.readout')}>
            <Readout />
          </PanelBoundary>
          <PanelBoundary name="exports" label={t('export.title')}>
            <Suspense fallback={<div className="exports-loading" aria-busy="true" />}>
              <Exports />
            </Suspense>
          </PanelBoundary>
          <PanelBoundary name="toolkit" label={t('tool.title')}>
            <Suspense fallback={null}>
              <Toolkit />
            </Suspense>
          </PanelBoundary>
          <PanelBoundary name="treatments" label={t('panel.treatments')}>
            <TreatmentEditor />
          </PanelBoundary>
          <PanelBoundary name="mechanism" label={t('panel.mechanism')}>
            <Mechanism />
          </PanelBoundary>
        </main>
      </div>
      {view === 'trial' ? (
        <PanelBoundary name="trial">
          <Suspense fallback={<div className="trial-loading" aria-busy="true" />}>
            <CohortView />
          </Suspense>
        </PanelBoundary>
      ) : null}
      <RestartNotice />
      <UndoNotice />
    </div>
  );
}
