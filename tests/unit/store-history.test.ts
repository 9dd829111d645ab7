// Undo and redo of scenario changes: every change is one step, a drag of one control is one step until the pointer is
// released, the history is bounded, and the changes that replace much at once raise a notice with Undo.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presetById } from '../../src/scenario/catalogue/presets';
import { defaultScenario } from '../../src/scenario/defaults';
import { HISTORY_LIMIT, useExplorer } from '../../src/store/explorer';
import { syncUrlWithStore } from '../../src/store/url';

beforeEach(() => {
  useExplorer.getState().setScenario(defaultScenario());
  useExplorer.getState().clearHistory();
});

describe('scenario history', () => {
  it('undoes and redoes each change, and a new change forgets what was undone', () => {
    const s = useExplorer.getState();
    const start = s.scenario;
    s.setHorizon(40);
    s.endHistoryStep();
    s.addArm('Second');
    expect(useExplorer.getState().scenario.arms).toHaveLength(start.arms.length + 1);
    s.undo();
    expect(useExplorer.getState().scenario.arms).toHaveLength(start.arms.length);
    expect(useExplorer.getState().scenario.horizon).toBe(40);
    s.undo();
    expect(useExplorer.getState().scenario).toBe(start);
    s.undo(); // nothing left: no change
    expect(useExplorer.getState().scenario).toBe(start);
    s.redo();
    expect(useExplorer.getState().scenario.horizon).toBe(40);
    s.setInput('nrf2', 0.9);
    expect(useExplorer.getState().future).toEqual([]);
    s.redo();
    expect(useExplorer.getState().scenario.arms).toHaveLength(start.arms.length);
  });

  it('a slider drag is one step until the pointer is released; another control starts a new step', () => {
    const s = useExplorer.getState();
    const before = s.scenario.inputs.nrf2;
    for (const v of [0.51, 0.6, 0.7, 0.8]) s.setInput('nrf2', v);
    expect(useExplorer.getState().past).toHaveLength(1);
    s.endHistoryStep();
    s.setInput('nrf2', 0.2);
    s.setInput('neat1', 0.3);
    expect(useExplorer.getState().past).toHaveLength(3);
    s.undo();
    s.undo();
    expect(useExplorer.getState().scenario.inputs.nrf2).toBe(0.8);
    s.undo();
    expect(useExplorer.getState().scenario.inputs.nrf2).toBe(before);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    const s = useExplorer.getState();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s.toggleHidden(0);
    expect(useExplorer.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('loading a preset, deleting an arm and changing the setting raise a notice; Undo brings the scenario back', () => {
    const s = useExplorer.getState();
    s.addArm('Mine');
    s.renameArm(1, 'Custom arm');
    const custom = useExplorer.getState().scenario;
    const preset = presetById('nrf2-atezo-bev');
    if (!preset) throw new Error('no preset');
    s.loadPreset('nrf2-atezo-bev', preset.scenario);
    expect(useExplorer.getState().undoNotice).toMatchObject({ kind: 'preset', subject: 'nrf2-atezo-bev' });
    // a preset replacing an unchanged preset loses nothing: no notice (Ctrl+Z still goes back)
    s.loadPreset('nrf2-atezo-bev', preset.scenario);
    expect(useExplorer.getState().undoNotice).toBeNull();
    useExplorer.getState().undo();
    useExplorer.getState().undo();
    expect(useExplorer.getState().scenario).toBe(custom);
    expect(useExplorer.getState().undoNotice).toBeNull();

    s.deleteArm(1);
    expect(useExplorer.getState().undoNotice).toMatchObject({ kind: 'delete', subject: 'Custom arm' });
    s.undo();
    expect(useExplorer.getState().scenario.arms[1].name).toBe('Custom arm');

    s.setSetting('hcc-patient');
    expect(useExplorer.getState().undoNotice).toMatchObject({ kind: 'setting', subject: 'hcc-patient' });
    s.setInput('il6', 0.4); // any other change clears the notice (its Undo would no longer undo what it says)
    expect(useExplorer.getState().undoNotice).toBeNull();
    s.undo();
    s.undo();
    expect(useExplorer.getState().scenario).toBe(custom);
  });
});

/**
 * A browser's session history, as far as the address sync uses it: a list of entries (address and state), the
 * current one, pushState/replaceState, and go(n), which moves later and then fires popstate (as browsers do).
 */
class FakeBrowser {
  entries: { url: URL; state: unknown }[] = [];
  index = 0;
  private listeners = new Map<string, Set<() => void>>();
  constructor(start: string) {
    this.entries.push({ url: new URL(start), state: null });
  }
  get location() {
    const url = this.entries[this.index].url;
    return {
      origin: url.origin,
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      href: url.href,
      reload: () => {},
    };
  }
  readonly history = {
    state: null as unknown,
    pushState: (state: unknown, _: string, url: string) => {
      this.entries.splice(this.index + 1);
      this.entries.push({ url: new URL(url, this.entries[this.index].url), state: structuredClone(state) });
      this.index += 1;
      this.history.state = structuredClone(state);
    },
    replaceState: (state: unknown, _: string, url: string) => {
      this.entries[this.index] = { url: new URL(url, this.entries[this.index].url), state: structuredClone(state) };
      this.history.state = structuredClone(state);
    },
    go: (n: number) => {
      const target = this.index + n;
      if (n === 0 || target < 0 || target >= this.entries.length) return;
      setTimeout(() => {
        this.index = target;
        this.history.state = structuredClone(this.entries[target].state);
        for (const f of this.listeners.get('popstate') ?? []) f();
      }, 1);
    },
  };
  back = () => this.history.go(-1);
  forward = () => this.history.go(1);
  addEventListener = (type: string, f: () => void) => {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(f);
  };
  removeEventListener = (type: string, f: () => void) => this.listeners.get(type)?.delete(f);
  param(name: string): string | null {
    return this.entries[this.index].url.searchParams.get(name);
  }
}

describe('undo/redo and Back/Forward are one history', () => {
  let browser: FakeBrowser;
  let stop: () => void = () => {};
  const settle = () => new Promise((resolve) => setTimeout(resolve, 320)); // past the address write's delay

  beforeEach(() => {
    browser = new FakeBrowser('http://localhost/');
    Object.defineProperty(globalThis, 'location', { get: () => browser.location, configurable: true });
    vi.stubGlobal('history', browser.history);
    vi.stubGlobal('addEventListener', browser.addEventListener);
    vi.stubGlobal('removeEventListener', browser.removeEventListener);
    // the address sync also listens for the page being hidden
    vi.stubGlobal('document', {
      hidden: false,
      visibilityState: 'visible',
      documentElement: { lang: '', classList: { toggle: () => false } },
      addEventListener: () => {},
      removeEventListener: () => {},
    });
  });
  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(globalThis, 'location');
  });

  it('after Ctrl+Z, one Back goes to the step before (the undo was a Back), and Ctrl+Shift+Z is Forward', async () => {
    stop = syncUrlWithStore();
    const s = useExplorer.getState();
    const start = s.scenario.inputs.nrf2;
    s.setInput('nrf2', 0.9);
    s.endHistoryStep();
    await settle();
    s.setInput('neat1', 0.4);
    s.endHistoryStep();
    await settle();
    expect(browser.entries).toHaveLength(3); // the start and one entry per change
    expect(browser.index).toBe(2);

    useExplorer.getState().undo(); // Ctrl+Z
    await settle();
    // the browser stepped back to the entry of the first change; the one of the second is Forward from here
    expect(browser.index).toBe(1);
    expect(browser.entries).toHaveLength(3);
    expect(browser.param('neat1')).not.toBe('0.4');
    expect(browser.param('nrf2')).toBe('0.9');
    expect(useExplorer.getState().scenario.inputs.neat1).not.toBe(0.4);

    browser.back(); // one Back after the undo: the scenario before the first change (was: no change at all)
    await settle();
    expect(browser.index).toBe(0);
    expect(useExplorer.getState().scenario.inputs.nrf2).toBe(start);

    browser.forward(); // Forward is redo
    await settle();
    expect(useExplorer.getState().scenario.inputs.nrf2).toBe(0.9);
    useExplorer.getState().redo(); // Ctrl+Shift+Z is Forward
    await settle();
    expect(browser.index).toBe(2);
    expect(useExplorer.getState().scenario.inputs.neat1).toBe(0.4);
    expect(useExplorer.getState().future).toEqual([]);

    // a new change after an undo drops the entries ahead, as it drops the redo steps
    useExplorer.getState().undo();
    await settle();
    useExplorer.getState().setInput('il6', 0.2);
    await settle();
    expect(browser.entries).toHaveLength(3);
    expect(browser.param('il6')).toBe('0.2');
    expect(browser.param('neat1')).not.toBe('0.4');
    useExplorer.getState().redo(); // nothing to redo: the browser stays
    await settle();
    expect(browser.index).toBe(2);
  });

  it('a drag writes the address when the page is idle: not between a move and the frame of its result', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (f: () => void) => idle.push(f));
    vi.stubGlobal('cancelIdleCallback', () => {});
    stop = syncUrlWithStore();
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const s = useExplorer.getState();
    s.setInput('il6', 0.11); // after a quiet spell: written at once after its frame, not when idle
    await wait(10);
    expect(browser.param('il6')).toBe('0.11');
    // a drag: a change every 100 ms; the one 300 ms after the last write waits for an idle moment
    for (const value of [0.12, 0.13, 0.14]) {
      await wait(100);
      s.setInput('il6', value);
    }
    await wait(10);
    expect(browser.param('il6')).toBe('0.11');
    expect(idle).toHaveLength(1);
    idle[0]();
    expect(browser.param('il6')).toBe('0.14');
  });
});
