import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectSimulation } from './store/simulation';
import { readScenarioFromUrl, syncUrlWithStore } from './store/url';
import './styles.css';

readScenarioFromUrl();
syncUrlWithStore();
connectSimulation();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
