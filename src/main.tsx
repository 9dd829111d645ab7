import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorker } from './store/release';
import { connectSimulation } from './store/simulation';
import { readScenarioFromUrl, syncUrlWithStore } from './store/url';
import './styles.css';

// which release this page runs (exports carry it too): what a support question or a browser test can read
document.documentElement.dataset.release = __TIMESCAPE_RELEASE__;
readScenarioFromUrl();
// The page owns both subscriptions for its lifetime (docs/architecture.md, "Subscriptions"). A hot reload in
// development replaces this module: it stops them first, so the new module's subscriptions are the only ones.
const stopUrlSync = syncUrlWithStore();
const stopSimulation = connectSimulation();
registerServiceWorker();

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const root = createRoot(element);
import.meta.hot?.dispose(() => {
  root.unmount();
  stopSimulation();
  stopUrlSync();
});
root.render(
  <StrictMode>
    <App />
  </StrictMode>,
);
