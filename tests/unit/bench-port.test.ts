import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { benchPort, freePort } from '../../bench/port';

function listen(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null)); // taken already: just as good for the test
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const close = (server: Server | null) =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

describe('the browser benchmark port', () => {
  it('is BENCH_PORT when set', async () => {
    expect(await benchPort('4321')).toBe(4321);
  });

  it('says which BENCH_PORT is wrong instead of serving on it', async () => {
    await expect(benchPort('http')).rejects.toThrow(/BENCH_PORT .*"http"/);
    await expect(benchPort('70000')).rejects.toThrow(/BENCH_PORT/);
  });

  it('without BENCH_PORT is a port nothing listens on, even with the old default 4199 taken', async () => {
    const blocker = await listen(4199);
    try {
      const port = await benchPort(undefined);
      expect(port).not.toBe(4199);
      const server = await listen(port);
      expect(server).not.toBeNull();
      await close(server);
    } finally {
      await close(blocker);
    }
  });

  it('gives two different ports while the first is in use', async () => {
    const first = await freePort();
    const held = await listen(first);
    try {
      expect(await freePort()).not.toBe(first);
    } finally {
      await close(held);
    }
  });
});
