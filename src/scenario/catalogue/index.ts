/**
 * The catalogue is the scenario-level knowledge the views, the store, the worker and the CLI all read: the seed
 * experiments as presets, the drugs' units and typical schedules, the calendar of doses and outputs, and what a
 * virtual trial reports. It exists so that nobody outside the model needs to import the model to know these.
 */
export * from './calendar';
export * from './drugs';
export * from './parameters';
export * from './presets';
export * from './trial';
