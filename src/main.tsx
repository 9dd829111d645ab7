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
syncUrlWithStore();
connectSimulation();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
