// The embedded servers as an operator meets them: `kill -9` of the server leaves nothing that
// blocks the next start, a crashed Meilisearch or PostgreSQL comes back on its own, and a
// second process beside a running server shares its servers without stopping them.
import { afterAll, describe, expect, it } from 'vitest';
import { alive, appPid, cleanUp, eventually, health, newInstance, parentOf, run, serversOf } from './harness.js';

const LONG = 300_000;

afterAll(cleanUp, 60_000);

describe('kill -9', () => {
  it('of the server leaves nothing that blocks the next start: its orphans are stopped and the new start owns fresh servers', async () => {
    const instance = await newInstance();
    const first = run(instance);
    await first.waitFor(/OpenTEX is running/);
    expect(await health(instance)).toBe(200);
    const before = serversOf(instance);
    expect(before.postgres).toHaveLength(1);
    expect(before.meilisearch).toHaveLength(1);

    const node = appPid(first);
    expect(node).not.toBeNull();
    process.kill(node!, 'SIGKILL');
    await first.exited;
    // What the audit saw: the servers outlive the killed process.
    expect([...before.postgres, ...before.meilisearch].every(alive)).toBe(true);

    const second = run(instance);
    await second.waitFor(/OpenTEX is running/);
    await eventually('the second start is healthy', async () => (await health(instance)) === 200);
    expect(second.output()).toMatch(/is gone without stopping them; stopped Meilisearch \(pid \d+\) and PostgreSQL \(pid \d+\)/);
    expect([...before.postgres, ...before.meilisearch].filter(alive)).toEqual([]);
    const after = serversOf(instance);
    const owner = appPid(second);
    expect(after.postgres).toHaveLength(1);
    expect(after.meilisearch).toHaveLength(1);
    expect([...after.postgres, ...after.meilisearch].map(parentOf)).toEqual([owner, owner]);

    // And a clean stop of the new owner stops them.
    process.kill(owner!, 'SIGTERM');
    await second.exited;
    expect(second.output()).toMatch(/SIGTERM: stopping…\n.*Stopped\./);
    await eventually('no server of this data directory runs', () => Object.values(serversOf(instance)).flat().length === 0, 60_000);
  }, LONG);

  for (const launcher of ['tsx', 'npm'] as const) {
    it(`of the ${launcher} that started the server makes the server stop cleanly rather than linger on its port`, async () => {
      const instance = await newInstance();
      const first = run(instance, 'app/server/main.ts', { via: launcher });
      await first.waitFor(/OpenTEX is running/);
      const node = appPid(first);
      expect(node).not.toBeNull();
      expect(node).not.toBe(first.child.pid);

      process.kill(first.child.pid!, 'SIGKILL');
      await eventually('the orphaned server has stopped', () => !alive(node!), 90_000);
      expect(Object.values(serversOf(instance)).flat()).toEqual([]);

      const second = run(instance);
      await second.waitFor(/OpenTEX is running/);
      await eventually('the second start is healthy', async () => (await health(instance)) === 200);
    }, LONG);
  }
});

describe('a running server', () => {
  it('restarts a Meilisearch killed with SIGKILL, logs it, and is healthy again', async () => {
    const instance = await newInstance();
    const server = run(instance);
    await server.waitFor(/OpenTEX is running/);
    const [meili] = serversOf(instance).meilisearch;
    expect(meili).toBeDefined();

    process.kill(meili!, 'SIGKILL');
    await server.waitFor(new RegExp(`Meilisearch \\(pid ${meili}\\) exited unexpectedly \\(signal SIGKILL\\); restarting in`));
    const [, restarted] = await server.waitFor(/Meilisearch restarted \(pid (\d+)\)/);
    await eventually('health is 200 again', async () => (await health(instance)) === 200);
    expect(serversOf(instance).meilisearch).toEqual([Number(restarted)]);
    expect(Number(restarted)).not.toBe(meili);

    // PostgreSQL is supervised the same way.
    const [postmaster] = serversOf(instance).postgres;
    process.kill(postmaster!, 'SIGKILL');
    await server.waitFor(new RegExp(`PostgreSQL \\(pid ${postmaster}\\) exited unexpectedly \\(signal SIGKILL\\)`));
    await server.waitFor(/PostgreSQL restarted \(pid \d+\)/);
    await eventually('health is 200 again', async () => (await health(instance)) === 200);

    // Beside it, a second process (here `npm run reindex`) shares the servers and leaves them running.
    const servers = serversOf(instance);
    const reindex = run(instance, 'app/server/reindex.ts');
    expect((await reindex.exited).code).toBe(0);
    expect(reindex.output()).toMatch(/Using the embedded PostgreSQL of OpenTEX \(pid \d+\)/);
    expect(reindex.output()).toMatch(/Using the embedded Meilisearch of OpenTEX \(pid \d+\)/);
    expect(serversOf(instance)).toEqual(servers);
    expect(await health(instance)).toBe(200);
  }, LONG);
});
