// Undo and redo of scenario changes: every change is one step, a drag of one control is one step until the pointer is
// released, the history is bounded, and the changes that replace much at once raise a notice with Undo.
import { beforeEach, describe, expect, it } from 'vitest';
import { presetById } from '../../src/scenario/catalogue/presets';
import { defaultScenario } from '../../src/scenario/defaults';
import { HISTORY_LIMIT, useExplorer } from '../../src/store/explorer';

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
