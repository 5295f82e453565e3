// Keeps an embedded server running: when its process dies without being asked to, it is
// started again after a delay that doubles with each failure in a row, and every step is
// logged. The supervisor knows nothing of PostgreSQL or Meilisearch; `start` does.

export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

/** One run of a supervised server. */
export interface Running {
  pid: number | undefined;
  /** Resolves when the process has exited, whoever stopped it. */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** No delay grows beyond this. */
  maxMs: number;
  factor: number;
  /** A run that lasted this long counts as healthy: the next crash starts the delays afresh. */
  stableAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, stableAfterMs: 60_000 };

/** The delay before restart attempt `attempt` (1 for the first attempt after a crash). */
export function restartDelay(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxMs, Math.round(policy.initialMs * policy.factor ** exponent));
}

export interface Supervised {
  /** The current run; null while a restart is pending. */
  current(): Running | null;
  /** Stops the server and every pending restart. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** Used in log lines: "Meilisearch exited unexpectedly…". */
  name: string;
  start: () => Promise<Running>;
  log: (message: string) => void;
  policy?: BackoffPolicy;
  /** Told of every successful start, the first included (to record the new pid). */
  onStarted?: (running: Running) => void;
  now?: () => number;
}

/**
 * Starts the server once (a failure here is the caller's: start-up fails) and restarts it
 * whenever it exits until `stop()` is called.
 */
export async function supervise(options: SuperviseOptions): Promise<Supervised> {
  const policy = options.policy ?? DEFAULT_BACKOFF;
  const now = options.now ?? Date.now;
  const { name, log } = options;
  let current: Running | null = await options.start();
  let stopping = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let restarting: Promise<void> | null = null;

  const watch = (run: Running) => {
    const startedAt = now();
    options.onStarted?.(run);
    void run.exited.then((exit) => {
      if (stopping || current !== run) return;
      current = null;
      if (now() - startedAt >= policy.stableAfterMs) failures = 0;
      failures += 1;
      const delay = restartDelay(policy, failures);
      log(`${name} (pid ${run.pid ?? '?'}) exited unexpectedly (${describeExit(exit)}); restarting in ${seconds(delay)} (attempt ${failures})`);
      schedule(delay);
    });
  };

  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      timer = null;
      restarting = restart().finally(() => {
        restarting = null;
      });
    }, delay);
  };

  const restart = async () => {
    let run: Running;
    try {
      run = await options.start();
    } catch (error) {
      if (stopping) return;
      failures += 1;
      const delay = restartDelay(policy, failures);
      log(`${name} could not be restarted (${error instanceof Error ? error.message : String(error)}); next attempt in ${seconds(delay)} (attempt ${failures})`);
      schedule(delay);
      return;
    }
    if (stopping) {
      await run.stop();
      return;
    }
    current = run;
    log(`${name} restarted (pid ${run.pid ?? '?'})`);
    watch(run);
  };

  watch(current);

  return {
    current: () => current,
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await restarting;
      const run = current;
      current = null;
      if (run) await run.stop();
    },
  };
}

function describeExit(exit: ExitInfo): string {
  if (exit.signal) return `signal ${exit.signal}`;
  return `exit code ${exit.code ?? '?'}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 1000 ? 1 : 0)} s`;
}
