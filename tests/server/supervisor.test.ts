// The supervisor's rules on stand-in processes: restart after a crash, delays that double
// while restarts fail and start afresh after a healthy run, and nothing restarts after stop().
import { describe, expect, it, vi } from 'vitest';
import { restartDelay, supervise, type BackoffPolicy, type ExitInfo, type Running } from '../../app/server/supervisor.js';

const policy: BackoffPolicy = { initialMs: 1, maxMs: 8, factor: 2, stableAfterMs: 1000 };

interface FakeRun extends Running {
  crash(): void;
  stopped: boolean;
}

function fakeRun(pid: number): FakeRun {
  let exit!: (info: ExitInfo) => void;
  const exited = new Promise<ExitInfo>((resolve) => (exit = resolve));
  const run: FakeRun = {
    pid,
    exited,
    stopped: false,
    crash: () => exit({ code: null, signal: 'SIGKILL' }),
    stop: async () => {
      run.stopped = true;
      exit({ code: 0, signal: null });
    },
  };
  return run;
}

describe('restartDelay', () => {
  it('doubles from the initial delay and stops growing at the maximum', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => restartDelay({ initialMs: 500, maxMs: 30_000, factor: 2, stableAfterMs: 0 }, attempt));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe('supervise', () => {
  it('restarts a server that exits unexpectedly and logs the exit and the restart', async () => {
    const runs: FakeRun[] = [];
    const logs: string[] = [];
    const started: (number | undefined)[] = [];
    const supervisor = await supervise({
      name: 'Meilisearch',
      policy,
      log: (m) => logs.push(m),
      start: async () => {
        const run = fakeRun(100 + runs.length);
        runs.push(run);
        return run;
      },
      onStarted: (run) => started.push(run.pid),
    });
    runs[0]!.crash();
    await vi.waitFor(() => expect(supervisor.current()?.pid).toBe(101));
    expect(logs).toEqual([
      'Meilisearch (pid 100) exited unexpectedly (signal SIGKILL); restarting in 0.0 s (attempt 1)',
      'Meilisearch restarted (pid 101)',
    ]);
    expect(started).toEqual([100, 101]);
    await supervisor.stop();
    expect(runs[1]!.stopped).toBe(true);
  });

  it('waits longer after each failed restart, and starts the delays afresh after a healthy run', async () => {
    let clock = 0;
    let failuresLeft = 3;
    const runs: FakeRun[] = [];
    const logs: string[] = [];
    const supervisor = await supervise({
      name: 'PostgreSQL',
      policy,
      now: () => clock,
      log: (m) => logs.push(m),
      start: async () => {
        if (runs.length > 0 && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('port taken');
        }
        const run = fakeRun(200 + runs.length);
        runs.push(run);
        return run;
      },
    });
    runs[0]!.crash();
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    const attempts = logs.map((l) => l.match(/attempt (\d+)/)?.[1]).filter(Boolean);
    expect(attempts).toEqual(['1', '2', '3', '4']);
    expect(logs[1]).toBe('PostgreSQL could not be restarted (port taken); next attempt in 0.0 s (attempt 2)');

    // A crash right after the restart continues the count; one after a healthy run starts over.
    logs.length = 0;
    runs[1]!.crash();
    await vi.waitFor(() => expect(runs).toHaveLength(3));
    expect(logs[0]).toMatch(/attempt 5\)$/);
    clock += policy.stableAfterMs;
    logs.length = 0;
    runs[2]!.crash();
    await vi.waitFor(() => expect(runs).toHaveLength(4));
    expect(logs[0]).toMatch(/restarting in 0\.0 s \(attempt 1\)$/);
    await supervisor.stop();
  });

  it('does not restart what it was asked to stop, whether a restart is waiting or under way', async () => {
    const waiting: FakeRun[] = [];
    const idle = await supervise({
      name: 'Meilisearch',
      policy: { ...policy, initialMs: 60_000, maxMs: 60_000 },
      log: () => {},
      start: async () => {
        const run = fakeRun(300 + waiting.length);
        waiting.push(run);
        return run;
      },
    });
    waiting[0]!.crash();
    await vi.waitFor(() => expect(idle.current()).toBeNull());
    await idle.stop();
    expect(waiting).toHaveLength(1);

    const runs: FakeRun[] = [];
    let starts = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = await supervise({
      name: 'Meilisearch',
      policy,
      log: () => {},
      start: async () => {
        starts += 1;
        if (starts > 1) await gate;
        const run = fakeRun(400 + runs.length);
        runs.push(run);
        return run;
      },
    });
    runs[0]!.crash();
    await vi.waitFor(() => expect(starts).toBe(2));
    const stopping = busy.stop();
    release();
    await stopping;
    expect(runs).toHaveLength(2);
    expect(runs[1]!.stopped).toBe(true);
    expect(busy.current()).toBeNull();
    expect(starts).toBe(2);
  });
});
