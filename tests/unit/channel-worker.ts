// A worker stand-in for pool tests: the real simulation API exposed over its own MessageChannel.
import * as Comlink from 'comlink';
import { simulationApi } from '../../src/worker/api';

export const channelWorker = (): Worker => {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(simulationApi, port2);
  return Object.assign(port1, {
    terminate() {
      port1.close();
      port2.close();
    },
  }) as unknown as Worker;
};
