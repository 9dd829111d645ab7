/**
 * Which view is shown: the explorer or the virtual trial. Kept in the address's fragment (#trial) so that a link can
 * open the trial directly, and the browser's back button returns to the explorer; the query string stays the
 * scenario's (store/url.ts keeps the fragment when it rewrites the address).
 */
import { create } from 'zustand';

export type View = 'explorer' | 'trial';

export const VIEW_HASH: Record<View, string> = { explorer: '#explorer', trial: '#trial' };

export function viewOfHash(hash: string): View {
  return hash === VIEW_HASH.trial ? 'trial' : 'explorer';
}

interface ViewState {
  view: View;
  setView: (view: View) => void;
}

export const useView = create<ViewState>()((set) => ({
  view: typeof location !== 'undefined' ? viewOfHash(location.hash) : 'explorer',
  setView: (view) => set({ view }),
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useView.getState().setView(viewOfHash(location.hash)));
}
