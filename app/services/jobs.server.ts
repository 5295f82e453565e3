// Asking for background work after a commit. A failed request is logged, never swallowed: the
// scheduled safety nets (the relay every minute, the matching sweep, the timer job) catch up.
import type { AppContext, JobName, JobPayloads } from '../context.server.js';

export type JobRequest = { [N in JobName]: [N, JobPayloads[N]] }[JobName];

export async function askFor(ctx: AppContext, requests: readonly JobRequest[]): Promise<void> {
  const seen = new Set<string>();
  for (const [name, payload] of requests) {
    const key = `${name} ${JSON.stringify(payload)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await ctx.jobs.enqueue(name, payload as never).catch((error: unknown) => {
      console.warn(`Could not ask for job ${name} now; its scheduled run will catch up: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
