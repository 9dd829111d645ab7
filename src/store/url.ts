/**
 * The address bar mirrors what a person would share, through the scenario codec: the scenario, the chart options
 * and the interface language. Read once at start-up, written back (history.replaceState, throttled, after the frame
 * is painted) after each change; a change that begins a new undo step is a new browser-history entry
 * (history.pushState), so Back returns to the scenario before it, and Ctrl+Z moves back to that entry too
 * (store/historyEntries.ts), so that undo/redo and Back/Forward are one history. Without a language in the link, the
 * browser's preferred language is used (and then written).
 */

import { create } from 'zustand';
import { browserLanguage, isLanguage, useLanguage } from '../i18n';
import { LESSONS } from '../lessons/lessons';
import { decodeScenario, encodeLink } from '../scenario/codec';
import type { ViewOptions } from '../scenario/view';
import { useExplorer } from './explorer';
import { EntryLedger, tagOf } from './historyEntries';
import { onBeforeReload } from './release';
import { type LessonPosition, useTeaching } from './teaching';
import { currentTool, useToolSettings } from './toolSettings';
import { VIEW_HASH } from './view';

const WRITE_DELAY_MS = 250;

/** The view options of the current state, as a link carries them. */
export function currentView(): ViewOptions {
  const { view, presetId } = useExplorer.getState();
  return { ...view, language: useLanguage.getState().language, ...(presetId ? { preset: presetId } : {}) };
}

/** The query string (without '?') of the current state: what 'Copy link' shares (with the analysis last run). */
export function currentQuery(): string {
  return encodeLink(useExplorer.getState().scenario, currentView(), currentTool());
}

/**
 * The guided lesson in progress travels in the address beside the scenario (`lesson=<id>.<step>`, step from 1), so
 * that a link copied mid-lesson opens at that step. It is not part of the scenario: saved scenarios and files leave
 * it out, and the codec never sees it.
 */
const LESSON_KEY = 'lesson';

function lessonParam(): string {
  const lesson = useTeaching.getState().lesson;
  return lesson ? `&${LESSON_KEY}=${encodeURIComponent(`${lesson.id}.${lesson.step + 1}`)}` : '';
}

/** Splits the lesson position off a query string: the rest is the codec's. A lesson that does not exist is dropped. */
export function splitLesson(query: string): { query: string; lesson: LessonPosition | null } {
  const params = new URLSearchParams(query);
  const value = params.get(LESSON_KEY);
  if (value === null) return { query, lesson: null };
  const rest = query
    .split('&')
    .filter((part) => part.split('=')[0] !== LESSON_KEY)
    .join('&');
  const match = /^([a-z0-9-]+)\.(\d{1,3})$/i.exec(value);
  const found = match ? LESSONS.find((l) => l.id === match[1]) : undefined;
  const step = match ? Number(match[2]) - 1 : -1;
  const lesson = found && step >= 0 && step < found.steps.length ? { id: found.id, step } : null;
  return { query: rest, lesson };
}

/** The query string of the address: the scenario's link and, during a lesson, its position. */
function addressQuery(): string {
  return `${currentQuery()}${lessonParam()}`;
}

/** The full link of the current state. */
export function currentLink(): string {
  // the virtual-trial view travels with the link (#trial), so a shared trial opens as a trial
  const hash = location.hash === VIEW_HASH.trial ? VIEW_HASH.trial : '';
  return `${location.origin}${location.pathname}?${addressQuery()}${hash}`;
}

/** Applies the view options of a link (the ones it has) to the stores. */
export function applyView(view: ViewOptions): void {
  // the preset belongs to the scenario's undo steps: setScenario takes it (linkPreset)
  const { language: _language, preset: _preset, ...chart } = view;
  useExplorer.getState().setView(chart);
  if (view.language && isLanguage(view.language)) useLanguage.getState().setLanguage(view.language);
}

/**
 * The preset a link's scenario came from: the one it names (`preset=`), or else the preset of the lesson step it opens
 * at (links copied mid-lesson before the key existed). Unknown ids never get here: the codec reports and drops them.
 */
export function linkPreset(view: ViewOptions, lesson: LessonPosition | null): string | null {
  if (view.preset) return view.preset;
  const step = lesson ? LESSONS.find((l) => l.id === lesson.id)?.steps[lesson.step] : undefined;
  return step?.preset ?? null;
}

/**
 * The link as it was opened, when the address bar was rewritten to its normalised form because parts of it could
 * not be used: the notice offers it, so that what was dropped can still be recovered. '' otherwise.
 */
export const useOriginalLink = create<{ link: string }>()(() => ({ link: '' }));

/** Load the scenario from the query string, if there is one. Problems with the link are kept for the notice. */
export function readScenarioFromUrl(): void {
  const { query, lesson } = splitLesson(location.search.replace(/^\?/, ''));
  if (!query) {
    useLanguage.getState().setLanguage(browserLanguage());
    return;
  }
  const { scenario, errors, view, tool } = decodeScenario(query);
  useToolSettings.getState().setFromLink(tool ?? null);
  // the step's text and question are shown over the link's scenario (which may have been changed after the step began)
  useTeaching.getState().setLesson(lesson);
  useExplorer.getState().setScenario(scenario, undefined, linkPreset(view, lesson));
  // the link's scenario is where the session starts: nothing before it to undo
  useExplorer.getState().clearHistory();
  useLanguage.getState().setLanguage(browserLanguage());
  applyView(view);
  useExplorer.getState().setLinkErrors(errors);
  useOriginalLink.setState({ link: errors.length > 0 ? location.href : '' });
  history.replaceState(history.state, '', `${location.pathname}?${addressQuery()}${location.hash}`);
}

/** Keep the query string in step with the scenario, the chart options and the language. Returns the unsubscribe. */
export function syncUrlWithStore(): () => void {
  // the scheduled write's cancel, while one is scheduled
  let pending: (() => void) | null = null;
  // A change that begins a new undo step (not a slider still being dragged) gets its own browser-history entry, so
  // that Back returns to the scenario before it instead of leaving the app; later changes of the same step replace it.
  let push = false;
  // Every entry of the page is tagged with its position and the undo depth it holds (historyEntries.ts).
  const ledger = new EntryLedger(tagOf(history.state)?.pos ?? 0);
  const depth = () => useExplorer.getState().historyDepth;
  history.replaceState(ledger.replace(depth()), '', location.href);
  const write = () => {
    pending = null;
    const url = `${location.pathname}?${addressQuery()}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      if (push) history.pushState(ledger.push(depth()), '', url);
      else history.replaceState(ledger.replace(depth()), '', url);
    } else if (tagOf(history.state)?.depth !== depth()) {
      history.replaceState(ledger.replace(depth()), '', url);
    }
    push = false;
  };
  // Throttled, not only debounced, and never on the input path: the first change after a quiet spell is written
  // right after the frame that shows it is painted (the encoding and history.replaceState cost ~6 ms at 4x CPU
  // slowdown, which kept the slider's move from its frame), later ones at most every WRITE_DELAY_MS (when the page is
  // idle, below), the last one always. Anything that may read or keep the address takes a write still pending at once
  // (flush, below).
  let lastWrite = -Infinity;
  const writeNow = () => {
    lastWrite = performance.now();
    write();
  };
  const cancel = () => {
    pending?.();
    pending = null;
  };
  const afterPaint = () => {
    if (typeof requestAnimationFrame === 'undefined' || document.hidden) {
      const t = setTimeout(writeNow, 0);
      pending = () => clearTimeout(t);
      return;
    }
    const frame = requestAnimationFrame(() => {
      const t = setTimeout(writeNow, 0);
      pending = () => clearTimeout(t);
    });
    pending = () => cancelAnimationFrame(frame);
  };
  // A write in the middle of a drag (a change within WRITE_DELAY_MS of the one before) waits for the page to be idle,
  // at most WRITE_DELAY_MS: it then lands between a move's painted frame and the next move, not between a move's
  // input and the frame that draws its result (~20-30 ms at 4x CPU slowdown, every 2-3 moves of a drag).
  const whenIdle = () => {
    if (typeof requestIdleCallback !== 'function') {
      afterPaint();
      return;
    }
    const id = requestIdleCallback(writeNow, { timeout: WRITE_DELAY_MS });
    pending = () => cancelIdleCallback(id);
  };
  let lastChange = -Infinity;
  // while Back/Forward brings the page in line with the address, the address is not written
  let restoring = false;
  const schedule = () => {
    if (restoring) return;
    cancel();
    const now = performance.now();
    const quiet = now - lastChange >= WRITE_DELAY_MS;
    lastChange = now;
    if (now - lastWrite >= WRITE_DELAY_MS) {
      if (quiet) afterPaint();
      else whenIdle();
      return;
    }
    const t = setTimeout(writeNow, WRITE_DELAY_MS);
    pending = () => clearTimeout(t);
  };
  // A write still pending is done at once when the page goes away (reload, close, another page), is hidden, loses the
  // focus (a click in the address bar, to copy it) or copies: the address never lags behind an edit when it is read.
  const flush = () => {
    if (pending === null) return;
    cancel();
    writeNow();
  };
  const flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  onBeforeReload(flush);
  addEventListener('pagehide', flush);
  addEventListener('blur', flush);
  addEventListener('copy', flush);
  document.addEventListener('visibilitychange', flushWhenHidden);
  // Back and Forward (also across view switches, #trial) move to an entry whose address holds another scenario: the
  // address is the source of truth then, so the page takes the scenario and view from it. A write still pending
  // belonged to the entry left behind; it must not overwrite this one.
  // Undo and redo move the browser to the entry that holds the scenario they bring back (history.go), when there is
  // one; its arrival is then expected, and only the address is brought in line with the page (it already shows it).
  let expected: number | null = null;
  const travel = (direction: -1 | 1) => {
    cancel();
    push = false;
    const distance = ledger.distanceTo(depth(), direction);
    if (distance === null || distance === 0) {
      // no entry of its own (or the current one): the current entry takes the scenario, as before
      expected = null;
      write();
      return;
    }
    expected = ledger.pos + distance;
    history.go(distance);
  };
  const restore = () => {
    cancel();
    const tag = tagOf(history.state);
    if (expected !== null && tag?.pos === expected) {
      expected = null;
      ledger.arrive(tag, depth());
      push = false;
      write();
      return;
    }
    expected = null;
    ledger.arrive(tag, depth());
    restoring = true;
    try {
      restoreFromAddress();
    } finally {
      restoring = false;
    }
    cancel();
    push = false; // the entry a change above would have pushed is the one the browser is on
    // the entry now holds the page's scenario at its undo depth (a Back to an older scenario is a change of its own)
    if (tagOf(history.state)?.depth !== depth()) history.replaceState(ledger.replace(depth()), '', location.href);
  };
  const restoreFromAddress = () => {
    const split = splitLesson(location.search.replace(/^\?/, ''));
    const query = split.query;
    useTeaching.getState().setLesson(split.lesson);
    if (query === currentQuery()) return;
    const { scenario, view, tool } = decodeScenario(query);
    useToolSettings.getState().setFromLink(tool ?? null);
    // Back to the scenario before the last change (or Forward to the one undone) is that undo step itself: the arms
    // keep their colours and the selected arm; any other entry replaces the scenario (an undoable change too).
    const state = useExplorer.getState();
    const previous = state.past[state.past.length - 1];
    const next = state.future[state.future.length - 1];
    const sameView = (s: typeof scenario) => encodeLink(s, { ...currentView(), ...view }, tool);
    // the address as the page would write it (the first entry's bare address is the starting scenario's)
    const target = sameView(scenario);
    const holds = (s: typeof scenario) => {
      const link = sameView(s);
      return link === query || link === target;
    };
    if (previous && holds(previous.scenario)) state.undo();
    else if (next && holds(next.scenario)) state.redo();
    else state.setScenario(scenario, undefined, linkPreset(view, split.lesson));
    applyView(view);
  };
  addEventListener('popstate', restore);
  // a fragment link (#trial) adds an entry the page did not tag (when the browser does not say so with a popstate)
  const tagNewEntry = () => {
    if (tagOf(history.state)) return;
    ledger.arrive(null, depth());
    history.replaceState(ledger.replace(depth()), '', location.href);
  };
  addEventListener('hashchange', tagNewEntry);
  const unsubscribe = useExplorer.subscribe((state, previous) => {
    // an undo or a redo (the depth moved without a new step): Back or Forward to its entry, not a rewrite of this one
    if (!restoring && state.historyStep === previous.historyStep && state.historyDepth !== previous.historyDepth) {
      travel(state.historyDepth < previous.historyDepth ? -1 : 1);
      return;
    }
    if (state.historyStep !== previous.historyStep && state.scenario !== previous.scenario) push = true;
    // The view slice replaces its `view` object on every change, so one comparison covers every chart option.
    if (state.scenario !== previous.scenario || state.view !== previous.view || state.presetId !== previous.presetId)
      schedule();
  });
  const unsubscribeLanguage = useLanguage.subscribe(schedule);
  const unsubscribeTool = useToolSettings.subscribe((state, previous) => {
    if (state.settings !== previous.settings) schedule();
  });
  const unsubscribeLesson = useTeaching.subscribe((state, previous) => {
    if (state.lesson !== previous.lesson) schedule();
  });
  return () => {
    cancel();
    removeEventListener('pagehide', flush);
    removeEventListener('blur', flush);
    removeEventListener('copy', flush);
    document.removeEventListener('visibilitychange', flushWhenHidden);
    removeEventListener('popstate', restore);
    removeEventListener('hashchange', tagNewEntry);
    unsubscribe();
    unsubscribeLanguage();
    unsubscribeTool();
    unsubscribeLesson();
  };
}
