/**
 * The port the browser benchmark serves the built app on: BENCH_PORT when it is set, otherwise one the operating
 * system reports free at that moment (a listener on port 0, closed again), so the benchmark does not collide with a
 * development server, a preview or another checkout's tests on a fixed port.
 */
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on now (the OS picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port reported'))));
    });
  });
}

/** BENCH_PORT if given (a whole number 1-65535, else an error that names it), otherwise a free port. */
export async function benchPort(env: string | undefined = process.env.BENCH_PORT): Promise<number> {
  if (env !== undefined && env.trim() !== '') {
    const port = Number(env);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(`BENCH_PORT must be a port number from 1 to 65535, not "${env}"`);
    }
    return port;
  }
  return freePort();
}
