import * as Comlink from 'comlink';
import { simulationApi } from './api';

// Module-local typing of the worker global: avoids mixing the DOM and WebWorker libs in one tsconfig.
declare const self: Comlink.Endpoint;

// Pass `self` explicitly: in a browser worker globalThis === self, but the same-thread Worker polyfill used by the
// unit tests only provides `self`.
Comlink.expose(simulationApi, self);
