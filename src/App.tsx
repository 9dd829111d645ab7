import { useEffect, useState } from 'react';
import { Arms } from './components/Arms';
import { Charts } from './components/Charts';
import { Controls } from './components/Controls';
import { CohortView } from './components/cohort/CohortView';
import { ViewSwitch } from './components/cohort/ViewSwitch';
import { Mechanism } from './components/Mechanism';
import { Playback } from './components/Playback';
import { Presets } from './components/Presets';
import { Readout } from './components/Readout';
import { LinkNotice, Status } from './components/Status';
import { TreatmentEditor } from './components/TreatmentEditor';
import { Exports } from './components/teaching/Exports';
import { ShareBar } from './components/teaching/Share';
import { Teaching } from './components/teaching/Teaching';
import { useT } from './i18n';
import { useView } from './store/view';

const PHONE_QUERY = '(max-width: 900px)';

export function App() {
  const t = useT();
  const view = useView((s) => s.view);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [phone, setPhone] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(PHONE_QUERY).matches);

  useEffect(() => {
    const query = matchMedia(PHONE_QUERY);
    const update = () => setPhone(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const panelHidden = phone && !drawerOpen;

  return (
    <div className={`app${phone ? ' phone' : ''}${drawerOpen ? ' drawer-open' : ''}`}>
      <a className="skip" href="#charts">
        {t('app.skipToCharts')}
      </a>
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <ViewSwitch />
        <Status />
        <ShareBar />
        {phone && view === 'explorer' ? (
          <button
            type="button"
            className="drawer-toggle primary"
            data-testid="drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="control-panel"
            onClick={() => setDrawerOpen((o) => !o)}
          >
            {drawerOpen ? t('panel.closeControls') : t('panel.openControls')}
          </button>
        ) : null}
      </header>
      <div className="layout" hidden={view !== 'explorer'}>
        <aside
          id="control-panel"
          className="control-panel"
          data-testid="control-panel"
          aria-label={t('panel.controls')}
          hidden={panelHidden}
        >
          {phone ? (
            <button
              type="button"
              className="drawer-close"
              data-testid="drawer-close"
              onClick={() => setDrawerOpen(false)}
            >
              ✕ {t('panel.closeControls')}
            </button>
          ) : null}
          <Controls />
          <Presets />
        </aside>
        {phone && drawerOpen ? (
          <button
            type="button"
            className="scrim"
            tabIndex={-1}
            aria-label={t('panel.closeControls')}
            onClick={() => setDrawerOpen(false)}
          />
        ) : null}
        <main className="workspace">
          <LinkNotice />
          <Teaching />
          <Arms />
          <Playback />
          <Charts />
          <Readout />
          <Exports />
          <TreatmentEditor />
          <Mechanism />
        </main>
      </div>
      {view === 'trial' ? <CohortView /> : null}
    </div>
  );
}
