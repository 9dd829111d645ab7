// A worker stand-in for pool tests: an API (the real simulation API unless given) exposed over its own MessageChannel.
import * as Comlink from 'comlink';
import { simulationApi } from '../../src/worker/api';

export const channelWorker = (api: object = simulationApi): Worker => {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2);
  return Object.assign(port1, {
    terminate() {
      port1.close();
      port2.close();
    },
  }) as unknown as Worker;
};
