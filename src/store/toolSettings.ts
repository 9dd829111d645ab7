/**
 * The analysis a link shares (scenario/toolSettings.ts): the toolkit's settings as last run, or as a link opened
 * them. Kept apart from store/toolkit.ts (which loads with the toolkit's chunk and its worker pool) so that the
 * address bar (store/url.ts) can carry it from the first load. Written when an analysis is run (the link then shares
 * what is shown) and when a link is read; `linkRevision` counts the links read, so the panel refills its form (and
 * runs the analysis, when it is cheap) once per link.
 */
import { create } from 'zustand';
import type { ToolSettings } from '../scenario/toolSettings';

interface ToolSettingsState {
  settings: ToolSettings | null;
  /** incremented each time a link (or Back/Forward to another address) sets the settings */
  linkRevision: number;
  /** the link revision whose analysis the panel has taken up (filled in, and run when cheap) */
  takenUp: number;
  /** the settings of an analysis that was just run (from the panel) */
  setSettings: (settings: ToolSettings | null) => void;
  /** the settings of a link that was opened */
  setFromLink: (settings: ToolSettings | null) => void;
  takeUp: (revision: number) => void;
}

export const useToolSettings = create<ToolSettingsState>()((set, get) => ({
  settings: null,
  linkRevision: 0,
  takenUp: 0,
  setSettings: (settings) => set({ settings }),
  setFromLink: (settings) => {
    // the same analysis again (Back to an address that differs elsewhere): nothing to take up
    if (JSON.stringify(settings) === JSON.stringify(get().settings)) return;
    set({ settings, linkRevision: get().linkRevision + 1 });
  },
  takeUp: (revision) => set({ takenUp: revision }),
}));

/** The settings as the link writes them (undefined: none). */
export function currentTool(): ToolSettings | undefined {
  return useToolSettings.getState().settings ?? undefined;
}
