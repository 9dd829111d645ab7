/**
 * The address bar mirrors the scenario (the link is shareable), through the scenario codec: read once at start-up,
 * written back (history.replaceState, debounced) after each change.
 */
import { decodeScenario, encodeScenario } from '../scenario/codec';
import { useExplorer } from './explorer';

const WRITE_DELAY_MS = 250;

/** Load the scenario from the query string, if there is one. Problems with the link are kept for the notice. */
export function readScenarioFromUrl(): void {
  const query = location.search.replace(/^\?/, '');
  if (!query) return;
  const { scenario, errors, normalised } = decodeScenario(query);
  useExplorer.getState().setScenario(scenario);
  useExplorer.getState().setLinkErrors(errors.map((e) => e.message));
  history.replaceState(history.state, '', `${location.pathname}?${normalised}${location.hash}`);
}

/** Keep the query string in step with the scenario. Returns the unsubscribe function. */
export function syncUrlWithStore(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const query = encodeScenario(useExplorer.getState().scenario);
    const url = `${location.pathname}?${query}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  };
  const unsubscribe = useExplorer.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
