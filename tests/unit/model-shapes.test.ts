/**
 * The right-hand side reads the patient's inputs (NRF2, NEAT1, IL-6) from fields of the model, copied when it is made,
 * so that its compiled code sees one shape for every patient (a trial's inputs objects are spreads, with a map of
 * their own per patient); the derivatives are those of the inputs as given, whatever the object's shape.
 */
import { describe, expect, it } from 'vitest';
import { TumourImmuneModel } from '../../src/model/equations';
import { armTables } from '../../src/model/simulate';
import { STATE_SIZE } from '../../src/model/state';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Inputs } from '../../src/scenario/types';

describe('the right-hand side and the shape of its inputs', () => {
  it('gives bit-identical derivatives for inputs objects of any shape (key order, spreads, extra keys)', () => {
    const preset = presetById('imbrave150');
    if (!preset) throw new Error('preset missing');
    const scenario = preset.scenario;
    const tables = armTables(scenario, scenario.arms[2]);
    const given: Inputs = { nrf2: 0.37, neat1: 0.61, il6: 0.23, axl: 'low', cd8Depleted: false, egfr: 'wild-type' };
    const shapes: Inputs[] = [
      given,
      { egfr: 'wild-type', cd8Depleted: false, axl: 'low', il6: 0.23, neat1: 0.61, nrf2: 0.37 },
      { ...{ il6: 0.23, extra: 1 }, ...given } as Inputs,
    ];
    const models = shapes.map((inputs) => {
      const model = new TumourImmuneModel(
        tables.params,
        inputs,
        tables.model.halfMaximal,
        tables.model.drugs.elimination,
      );
      // drug levels at the segment start, so that every occupancy term is on
      model.drugs.start.fill(50);
      return model;
    });
    const dy = models.map(() => new Float64Array(STATE_SIZE));
    for (let k = 0; k < 20; k++) {
      const y = Float64Array.from({ length: STATE_SIZE }, (_, i) => 1e3 * (1 + ((k * 31 + i * 17) % 13)) ** 3);
      const t = 0.5 * k;
      for (let m = 0; m < models.length; m++) models[m].derivatives(t, y, dy[m]);
      expect(Array.from(dy[1])).toStrictEqual(Array.from(dy[0]));
      expect(Array.from(dy[2])).toStrictEqual(Array.from(dy[0]));
    }
  });
});
