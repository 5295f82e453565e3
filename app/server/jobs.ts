// Background work on a PostgreSQL job queue (pg-boss): each job of app/services/job-handlers.server.ts
// gets a queue and a worker; use cases ask for work by name, and the timed work is scheduled here.
import PgBoss from 'pg-boss';
import type { AppContext, JobName, Jobs } from '../context.server.js';
import { jobHandlers } from '../services/job-handlers.server.js';
import type { SendEmail } from '../services/mail.server.js';

/** Work asked for by a use case is picked up at once, not at the next poll. */
const PROMPT: readonly JobName[] = ['search-relay', 'mail-delivery', 'account-mail', 'bulk-import'];

/** How often the search safety nets run, in minutes (1–60; cron-driven, so whole minutes). */
export interface SearchJobIntervals {
  matchingSweepMinutes: number;
  searchCheckMinutes: number;
}

export const DEFAULT_SEARCH_JOB_INTERVALS: SearchJobIntervals = { matchingSweepMinutes: 10, searchCheckMinutes: 15 };

export interface JobRunner extends Jobs {
  stop(): Promise<void>;
}

export async function startJobs(options: {
  databaseUrl: string;
  /** The services' context; its `jobs` is this runner once started. */
  context: Omit<AppContext, 'jobs'>;
  /** Null: email stays queued in the database (the development mailbox shows it). */
  sendEmail: SendEmail | null;
  onError?: (error: unknown) => void;
  log?: (message: string) => void;
  intervals?: SearchJobIntervals;
}): Promise<JobRunner> {
  const log = options.log ?? (() => {});
  const intervals = options.intervals ?? DEFAULT_SEARCH_JOB_INTERVALS;
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, schema: 'pgboss' });
  boss.on('error', (e) => options.onError?.(e));
  await boss.start();
  const handlers = jobHandlers({ sendEmail: options.sendEmail, log });
  const names = Object.keys(handlers) as JobName[];
  // "stately": at most one queued and one running — a burst of writes costs one run.
  for (const name of names) {
    if (name !== 'listing-published' && name !== 'bulk-import') await boss.createQueue(name, { name, policy: 'stately', retryLimit: 3, retryDelay: 5 });
  }
  // Matching outlives an outage of any length: 12 retries, 10–20 s apart at first, doubling to
  // 5.7–11 h apart at the last (half a day to a day in all); beyond that, and for anything else
  // that was missed, the sweep. (createQueue keeps an existing queue's settings: update them.)
  const published = { name: 'listing-published', policy: 'standard' as const, retryLimit: 12, retryDelay: 10, retryBackoff: true };
  await boss.createQueue('listing-published', published);
  await boss.updateQueue('listing-published', published);
  // Each confirmed import is its own job (a stately queue would drop a second import queued while
  // one runs); chunks lock the import's row, so two runs of one import never write a row twice.
  await boss.createQueue('bulk-import', { name: 'bulk-import', policy: 'standard', retryLimit: 3, retryDelay: 10 });
  const workers = new Map<JobName, string>();
  const runner: JobRunner = {
    async enqueue(name, payload) {
      if (name === 'mail-delivery' && !options.sendEmail) return;
      // The relay first: matching searches the index, which must hold the new listing.
      const sendOptions =
        name === 'listing-published'
          ? { singletonKey: (payload as { id: string }).id, startAfter: 2 }
          : name === 'bulk-import' && (payload as { id?: string }).id
            ? { singletonKey: (payload as { id: string }).id }
            : {};
      await boss.send(name, payload as object, sendOptions);
      const worker = workers.get(name);
      if (worker && PROMPT.includes(name)) boss.notifyWorker(worker);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
  const ctx: AppContext = { ...options.context, jobs: runner };
  for (const name of names) {
    const handler = handlers[name] as (ctx: AppContext, payload: unknown) => Promise<void>;
    const polling = PROMPT.includes(name) ? { pollingIntervalSeconds: name === 'search-relay' ? 0.5 : 1 } : name === 'listing-published' ? { pollingIntervalSeconds: 1 } : {};
    workers.set(
      name,
      await boss.work(name, polling, async (jobs) => {
        for (const job of jobs) await handler(ctx, job.data ?? {});
      }),
    );
  }
  // Safety nets and timed work: whatever was left behind (a server down, a crash) is retried.
  await boss.schedule('search-relay', '* * * * *');
  await boss.schedule('account-mail', '* * * * *');
  if (options.sendEmail) await boss.schedule('mail-delivery', '*/5 * * * *');
  await boss.schedule('process-timers', '*/5 * * * *');
  await boss.schedule('stats-refresh', '*/5 * * * *');
  await boss.schedule('bulk-import', '*/5 * * * *');
  await boss.schedule('housekeeping', '7 * * * *');
  await boss.schedule('daily-digest', '0 7 * * *', undefined, { tz: 'Asia/Ho_Chi_Minh' });
  await boss.schedule('matching-sweep', everyMinutes(intervals.matchingSweepMinutes));
  await boss.schedule('search-index-check', everyMinutes(intervals.searchCheckMinutes));
  // The freshness job of earlier versions is replaced by the timer job.
  await boss.unschedule('listing-freshness');
  return runner;
}

function everyMinutes(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`An interval of ${n} minutes cannot be scheduled (1–60)`);
  return n === 1 ? '* * * * *' : n === 60 ? '0 * * * *' : `*/${n} * * * *`;
}
