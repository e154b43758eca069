import { createServer } from 'node:net';

/**
 * A port that is free now: the system's pick for port 0. Tests that start servers take their
 * port from here, never at random, since two test files may run at once.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
