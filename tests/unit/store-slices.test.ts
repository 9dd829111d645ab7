// The explorer store is three slices (scenario and arms; run status; view). These tests pin what the slices promise:
// one input setter for every input, the view object replaced only on a real change (store/url.ts compares it), and
// scenario actions that reset the cursor and playback.
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/defaults';
import { DEFAULT_VIEW, selectedInputs, useExplorer } from '../../src/store/explorer';
import { currentView } from '../../src/store/url';

beforeEach(() => {
  useExplorer.getState().setScenario(defaultScenario());
  useExplorer.setState({ view: DEFAULT_VIEW });
});

describe('explorer store slices', () => {
  it('one setter sets numeric, choice and boolean inputs, on the arm that overrides them or else on the scenario', () => {
    const s = useExplorer.getState();
    s.setInput('nrf2', 0.7);
    s.setInput('axl', 'high');
    s.setInput('cd8Depleted', true);
    let state = useExplorer.getState();
    expect(state.scenario.inputs).toMatchObject({ nrf2: 0.7, axl: 'high', cd8Depleted: true });

    useExplorer.setState({
      scenario: {
        ...state.scenario,
        arms: state.scenario.arms.map((a, i) => (i === 0 ? { ...a, inputs: { axl: 'low' as const } } : a)),
      },
      selectedArm: 0,
    });
    useExplorer.getState().setInput('axl', 'high');
    state = useExplorer.getState();
    expect(state.scenario.arms[0].inputs.axl).toBe('high');
    expect(selectedInputs(state).axl).toBe('high');
  });

  it('the view object is replaced when a chart option changes and kept when nothing changes', () => {
    const before = useExplorer.getState().view;
    useExplorer.getState().setView({ logScale: before.logScale });
    expect(useExplorer.getState().view).toBe(before);
    useExplorer.getState().setView({ compartments: 'stacked' });
    const after = useExplorer.getState().view;
    expect(after).not.toBe(before);
    expect(after).toEqual({ ...before, compartments: 'stacked' });
    expect(currentView()).toMatchObject({ compartments: 'stacked', logScale: before.logScale });
  });

  it('changing the horizon keeps the cursor inside it and stops playback', () => {
    const s = useExplorer.getState();
    s.setCursorDay(25);
    s.setPlayDay(10);
    s.setPlaying(true);
    s.setHorizon(14);
    const state = useExplorer.getState();
    expect(state.scenario.horizon).toBe(14);
    expect(state.cursorDay).toBe(14);
    expect(state.playDay).toBeNull();
    expect(state.playing).toBe(false);
  });
});

describe('model parameters in the store', () => {
  it('a parameter is changed, reset, and a change out of range is ignored', () => {
    const s = useExplorer.getState();
    s.setParameter('tCellKillRate', 4);
    expect(useExplorer.getState().scenario.parameters).toEqual({ tCellKillRate: 4 });
    s.setParameter('tCellKillRate', 1e6);
    expect(useExplorer.getState().scenario.parameters).toEqual({ tCellKillRate: 4 });
    s.setParameter('tCellKillRate', undefined);
    expect(useExplorer.getState().scenario.parameters).toBeUndefined();
    s.setParameter('pd1Hill', 2.5);
    s.resetParameters();
    expect(useExplorer.getState().scenario.parameters).toBeUndefined();
  });

  it('changing the setting keeps only the parameter changes that are in range at the new scale', () => {
    const s = useExplorer.getState();
    s.setParameter('pd1Hill', 2.5); // unitless, the same range in every setting
    s.setParameter('tCellRecruitment', 0.2); // a mouse-scale rate, above the patient range
    s.setSetting('hcc-patient');
    expect(useExplorer.getState().scenario.parameters).toEqual({ pd1Hill: 2.5 });
  });
});
