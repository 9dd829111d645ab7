/**
 * The view slice is how the explorer is looked at, not what is simulated: the cursor's day, playback, and the chart
 * options as one `view` object (the part a link carries). It exists so that looking never changes the scenario, and
 * store/url.ts can tell a change of the view from a change of the scenario by one comparison.
 */
import type { StateCreator } from 'zustand';
import type { ViewOptions } from '../../scenario/view';

/**
 * The chart options: every link-carried view option except the language (which the i18n store owns) and the preset
 * the scenario came from (the scenario slice's presetId: it belongs to the scenario's undo steps). The ensemble
 * size of the trial's "across plausible models" is there only once chosen (or given by a link), so that links
 * without it stay as they were.
 */
export type ChartView = Required<Omit<ViewOptions, 'language' | 'preset' | 'ensembleDraws'>> &
  Pick<ViewOptions, 'ensembleDraws'>;
export type CompartmentView = ChartView['compartments'];
export type MacrophageView = ChartView['macrophageView'];

export const DEFAULT_VIEW: Readonly<ChartView> = Object.freeze({
  logScale: true,
  compartments: 'total',
  macrophageView: 'fraction',
  drugView: 'atezolizumab',
});

/** What the view slice needs to know of the rest of the store: the horizon the cursor stays within. */
interface HorizonSource {
  scenario: { horizon: number };
}

export interface ViewSlice {
  /** day the cursor reads values at */
  cursorDay: number;
  /** playback: curves are drawn up to this day; null = whole horizon */
  playDay: number | null;
  playing: boolean;
  /** simulated days per second of playback, as a fraction of the horizon per 10 s */
  speed: number;
  /** chart options; replaced (never mutated) on every change, so `view !== previous.view` means it changed */
  view: ChartView;

  setCursorDay: (day: number) => void;
  setPlayDay: (day: number | null) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  /** changes some chart options; a change that changes nothing keeps the same object */
  setView: (change: Partial<ChartView>) => void;
}

export function createViewSlice(initialCursorDay: number): StateCreator<ViewSlice & HorizonSource, [], [], ViewSlice> {
  return (set, get) => ({
    cursorDay: initialCursorDay,
    playDay: null,
    playing: false,
    speed: 1,
    view: DEFAULT_VIEW,

    setCursorDay: (day) => {
      const h = get().scenario.horizon;
      set({ cursorDay: Math.min(h, Math.max(0, day)) });
    },
    setPlayDay: (day) => set({ playDay: day }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    setView: (change) => {
      const view = get().view;
      const keys = Object.keys(change) as (keyof ChartView)[];
      if (keys.every((k) => change[k] === undefined || change[k] === view[k])) return;
      const next = { ...view };
      for (const k of keys) if (change[k] !== undefined) Object.assign(next, { [k]: change[k] });
      set({ view: next });
    },
  });
}
