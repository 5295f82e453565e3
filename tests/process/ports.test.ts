// A port that is already taken stops the start with one clear line and a non-zero exit,
// never a stack trace, and leaves nothing running.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, newInstance, run, serversOf, type Instance } from './harness.js';

afterAll(cleanUp, 60_000);

async function occupy(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

async function startOnTakenPort(instance: Instance, port: number) {
  const squatter = await occupy(port);
  try {
    const attempt = run(instance);
    const exit = await attempt.exited;
    return { exit, output: attempt.output() };
  } finally {
    squatter.close();
  }
}

describe('a port that is taken', () => {
  for (const setting of ['PORT', 'EMBEDDED_PG_PORT', 'EMBEDDED_MEILI_PORT'] as const) {
    it(`(${setting}) gives one clear line and a non-zero exit, no stack trace, nothing left running`, async () => {
      const instance = await newInstance();
      const port = Number(instance.env[setting]);
      const { exit, output } = await startOnTakenPort(instance, port);

      expect(exit.code).not.toBe(0);
      const complaint = output.split('\n').filter((line) => line.includes('Could not start'));
      expect(complaint).toEqual([
        `[opentex] Could not start: Port ${port} (${setting}) is already in use by another program. ` +
          `Stop that program (\`ss -ltnp 'sport = :${port}'\` names it) or set ${setting} to a free port.`,
      ]);
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toMatch(/EADDRINUSE|node:events/);
      expect(Object.values(serversOf(instance)).flat()).toEqual([]);
    }, 180_000);
  }
});
