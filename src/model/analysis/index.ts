/** Analyses over simulations (the researcher's toolkit): readouts, running lists of scenarios, sensitivity designs. */
export * from './fit';
export * from './readouts';
export * from './run';
export * from './sensitivity';
