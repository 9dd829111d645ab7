// Reset all, "this arm only", the history-step count the address pushes entries by, saved scenarios in a storage
// that can fail, and scenario files read back through the codec (refused with every problem when malformed).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeLink } from '../../src/scenario/codec';
import { defaultScenario } from '../../src/scenario/defaults';
import { useExplorer } from '../../src/store/explorer';
import { readScenarioFile, scenarioFileText } from '../../src/store/scenarioFile';

class MemoryStorage {
  data = new Map<string, string>();
  failWith: DOMException | null = null;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw this.failWith;
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

beforeEach(() => {
  useExplorer.getState().setScenario(defaultScenario());
  useExplorer.getState().clearHistory();
});

describe('reset all and per-arm biology', () => {
  it('Reset all brings the starting scenario back with a notice, and one undo restores the edits', () => {
    const s = useExplorer.getState();
    s.setInput('nrf2', 0.7);
    s.endHistoryStep();
    s.addArm('B');
    const edited = useExplorer.getState().scenario;
    s.resetAll(defaultScenario());
    expect(useExplorer.getState().scenario).toEqual(defaultScenario());
    expect(useExplorer.getState().undoNotice?.kind).toBe('reset');
    useExplorer.getState().undo();
    expect(useExplorer.getState().scenario).toBe(edited);
  });

  it('"this arm only" copies the value the arm sees into the arm, and off makes it follow the shared value again', () => {
    const s = useExplorer.getState();
    s.setInput('nrf2', 0.3);
    s.addArm('B');
    s.setArmOnly('nrf2', true);
    expect(useExplorer.getState().scenario.arms[1].inputs.nrf2).toBe(0.3);
    useExplorer.getState().setInput('nrf2', 0.9);
    expect(useExplorer.getState().scenario.arms[1].inputs.nrf2).toBe(0.9);
    expect(useExplorer.getState().scenario.inputs.nrf2).toBe(0.3);
    useExplorer.getState().setArmOnly('nrf2', false);
    expect(useExplorer.getState().scenario.arms[1].inputs.nrf2).toBeUndefined();
    // an EGFR status left to the setting's default becomes explicit for the arm
    useExplorer.getState().setArmOnly('egfr', true);
    expect(useExplorer.getState().scenario.arms[1].inputs.egfr).toBeDefined();
  });

  it('counts one history step per undo step begun: a drag of one control is one step', () => {
    const s = useExplorer.getState();
    const before = useExplorer.getState().historyStep;
    s.setInput('nrf2', 0.1);
    s.setInput('nrf2', 0.2);
    s.setInput('nrf2', 0.3);
    expect(useExplorer.getState().historyStep).toBe(before + 1);
    s.endHistoryStep();
    s.setInput('nrf2', 0.4);
    expect(useExplorer.getState().historyStep).toBe(before + 2);
  });

  it('a setting change tells the horizon before and after and each schedule it converted to the new scale', () => {
    const s = useExplorer.getState();
    s.setTreatment('igf1ri', true);
    s.setSchedule('igf1ri', { dose: 50 }); // twice the mouse reference dose (25 mg/kg/day)
    s.setSetting('hcc-patient');
    const state = useExplorer.getState();
    const notice = state.undoNotice;
    expect(notice?.kind).toBe('setting');
    expect(notice?.detail).toMatchObject({
      fromHorizon: 28,
      toHorizon: state.scenario.horizon,
      schedulesReplaced: false,
      fromScale: 'mouse',
      toScale: 'patient',
    });
    const to = state.scenario.arms[state.selectedArm].treatments.igf1ri;
    // twice the label dose (300 mg/day), daily, over the label's 60 days
    expect(to).toEqual({ dose: 600, start: 0, stop: 60, interval: 1 });
    expect(notice?.detail?.conversions).toEqual([
      { arm: state.scenario.arms[state.selectedArm].name, drug: 'igf1ri', from: expect.any(Object), to },
    ]);
  });
});

describe('saved scenarios', () => {
  it('saves, renames, deletes with undo; a full storage keeps nothing and says quota', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    vi.resetModules();
    const saved = await import('../../src/store/saved');
    expect(saved.useSaved.getState().entries).toEqual([]);
    expect(saved.saveScenario('  Lecture\u202e 1 ', 'v=1&s=hcc-mouse')).toBe(true);
    const [entry] = saved.useSaved.getState().entries;
    expect(entry.name).toBe('Lecture 1');
    expect(JSON.parse(storage.getItem(saved.SAVED_KEY) ?? '[]')).toHaveLength(1);
    expect(saved.renameSaved(entry.id, 'Renamed')).toBe(true);
    expect(saved.useSaved.getState().entries[0].name).toBe('Renamed');
    expect(saved.renameSaved(entry.id, '   ')).toBe(false);
    expect(saved.deleteSaved(entry.id)).toBe(true);
    expect(saved.useSaved.getState().entries).toEqual([]);
    expect(saved.undoDeleteSaved()).toBe(true);
    expect(saved.useSaved.getState().entries[0].name).toBe('Renamed');

    storage.failWith = new DOMException('full', 'QuotaExceededError');
    expect(saved.saveScenario('Another', 'v=1')).toBe(false);
    expect(saved.useSaved.getState().problem).toBe('quota');
    expect(saved.useSaved.getState().entries).toHaveLength(1);
    vi.unstubAllGlobals();
  });

  it('damaged stored data is reported as unreadable and never overwritten', async () => {
    const storage = new MemoryStorage();
    storage.data.set('timescape.saved.v1', '{not json');
    vi.stubGlobal('localStorage', storage);
    vi.resetModules();
    const saved = await import('../../src/store/saved');
    expect(saved.useSaved.getState().unreadable).toBe(true);
    expect(saved.saveScenario('X', 'v=1')).toBe(false);
    expect(storage.data.get('timescape.saved.v1')).toBe('{not json');
    vi.unstubAllGlobals();
  });
});

describe('scenario files', () => {
  it('reads back what the export writes', () => {
    const scenario = defaultScenario();
    scenario.inputs.nrf2 = 0.7;
    const result = readScenarioFile(scenarioFileText(scenario, encodeLink(scenario, {}), 1));
    expect(result.ok && result.scenario.inputs.nrf2).toBe(0.7);
  });

  it('refuses what is not a scenario file, naming why, and lists each invalid field', () => {
    expect(readScenarioFile('{"format":')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(readScenarioFile('[1]')).toMatchObject({ ok: false, problem: 'not-scenario' });
    expect(readScenarioFile('{"format":"other","link":"v=1"}')).toMatchObject({ ok: false, problem: 'not-scenario' });
    const bad = readScenarioFile(JSON.stringify({ format: 'timescape-scenario', link: 'v=1&s=hcc-mouse&nrf2=7&h=-1' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok && bad.problem === 'fields') expect(bad.errors.map((e) => e.field).sort()).toEqual(['horizon', 'nrf2']);
    else throw new Error('expected field errors');
    // a scenario object without a link is validated as it stands
    const objectOnly = readScenarioFile(
      JSON.stringify({ format: 'timescape-scenario', scenario: { setting: 'nowhere' } }),
    );
    expect(objectOnly).toMatchObject({ ok: false, problem: 'fields' });
  });
});

describe('the lesson in the address', () => {
  it('splits a lesson position off the query, leaving the codec its own keys, and drops one that does not exist', async () => {
    const { splitLesson } = await import('../../src/store/url');
    expect(splitLesson('v=2&s=hcc-mouse&lesson=nrf2.2&arm=A')).toEqual({
      query: 'v=2&s=hcc-mouse&arm=A',
      lesson: { id: 'nrf2', step: 1 },
    });
    expect(splitLesson('v=2&lesson=nrf2.99').lesson).toBeNull();
    expect(splitLesson('v=2&lesson=nowhere.1')).toEqual({ query: 'v=2', lesson: null });
    expect(splitLesson('v=2&s=hcc-mouse')).toEqual({ query: 'v=2&s=hcc-mouse', lesson: null });
  });
});
