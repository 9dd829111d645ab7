/** Scenarios: the type, its limits and defaults, validation, and the URL codec. */
export { type DecodeResult, decodeScenario, decodeWith, splitArm } from './codec';
export * from './defaults';
export * from './encode';
export * from './limits';
export * from './migrations';
export * from './names';
export * from './scan';
export * from './tool';
export * from './toolSettings';
export * from './types';
export * from './validate';
export * from './variables';
export * from './view';
export * from './worst';
