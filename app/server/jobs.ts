// Background work on a PostgreSQL job queue (pg-boss): the search relay, email delivery, matching
// of newly published listings, sign-up and password-reset emails, the daily digest, the hourly
// round (freshness, housekeeping), and the safety nets of search: the matching sweep and the index check.
import PgBoss from 'pg-boss';
import { relayOutbox } from '../../search/relay.js';
import type { AppContext, Jobs } from '../context.server.js';
import { handleAccountRequests, purgeExpiredAccess } from '../services/accounts.server.js';
import { expireListings, sendExpiryReminders } from '../services/listing-expiry.server.js';
import { deliverQueuedEmails, type SendEmail } from '../services/mail.server.js';
import { matchPublishedListing, sweepMatching } from '../services/matching-runs.server.js';
import { sendDigests } from '../services/notifications.server.js';
import { checkSearchIndex, describeSearchIndexCheck } from '../services/search-index-check.server.js';

const SEARCH_RELAY = 'search-relay';
const MAIL_DELIVERY = 'mail-delivery';
const FRESHNESS = 'listing-freshness';
const PUBLISHED = 'listing-published';
const DIGEST = 'daily-digest';
const ACCOUNT_MAIL = 'account-mail';
const MATCHING_SWEEP = 'matching-sweep';
const SEARCH_CHECK = 'search-index-check';

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
  // "stately": at most one queued and one running — a burst of writes costs one run.
  for (const name of [SEARCH_RELAY, MAIL_DELIVERY, FRESHNESS, DIGEST, ACCOUNT_MAIL, MATCHING_SWEEP, SEARCH_CHECK]) {
    await boss.createQueue(name, { name, policy: 'stately', retryLimit: 3, retryDelay: 5 });
  }
  // Matching outlives an outage of any length: 12 retries, 10–20 s apart at first, doubling to
  // 5.7–11 h apart at the last (half a day to a day in all); beyond that, and for anything else
  // that was missed, the sweep. (createQueue keeps an existing queue's settings: update them.)
  const published = { name: PUBLISHED, policy: 'standard' as const, retryLimit: 12, retryDelay: 10, retryBackoff: true };
  await boss.createQueue(PUBLISHED, published);
  await boss.updateQueue(PUBLISHED, published);
  const runner: JobRunner = {
    async requestSearchRelay() {
      await boss.send(SEARCH_RELAY, {});
      boss.notifyWorker(relayWorker);
    },
    async requestMailDelivery() {
      if (!options.sendEmail) return;
      await boss.send(MAIL_DELIVERY, {});
      boss.notifyWorker(mailWorker);
    },
    async requestMatching(listingId: string) {
      // The relay first: matching searches the index, which must hold the new listing.
      await boss.send(PUBLISHED, { listingId }, { singletonKey: listingId, startAfter: 2 });
    },
    async requestAccountMail() {
      await boss.send(ACCOUNT_MAIL, {});
      boss.notifyWorker(accountWorker);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
  const ctx: AppContext = { ...options.context, jobs: runner };
  const relayWorker = await boss.work(SEARCH_RELAY, { pollingIntervalSeconds: 0.5 }, async () => {
    await relayOutbox(ctx.db, ctx.search);
  });
  const send = options.sendEmail;
  const mailWorker = await boss.work(MAIL_DELIVERY, { pollingIntervalSeconds: 1 }, async () => {
    if (send) await deliverQueuedEmails(ctx, send);
  });
  // Sign-ups and reset requests wait as rows; a lost or failed run is caught up by the next one.
  const accountWorker = await boss.work(ACCOUNT_MAIL, { pollingIntervalSeconds: 1 }, async () => {
    await handleAccountRequests(ctx);
  });
  await boss.work<{ listingId: string }>(PUBLISHED, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await matchPublishedListing(ctx, job.data.listingId);
  });
  await boss.work(MATCHING_SWEEP, async () => {
    const swept = await sweepMatching(ctx);
    if (swept.due) log(`Matching sweep: ${swept.matched} of ${swept.due} unmatched listing(s) matched`);
  });
  await boss.work(SEARCH_CHECK, async () => {
    try {
      log(describeSearchIndexCheck(await checkSearchIndex(ctx)));
    } catch (error) {
      log(`Search index check failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  });
  await boss.work(DIGEST, async () => {
    if ((await sendDigests(ctx)) > 0) await runner.requestMailDelivery();
  });
  await boss.work(FRESHNESS, async () => {
    await sendExpiryReminders(ctx);
    await expireListings(ctx);
    await purgeExpiredAccess(ctx);
  });
  // Safety nets and timed work: whatever was left behind (a server down, a crash) is retried.
  await boss.schedule(SEARCH_RELAY, '* * * * *');
  await boss.schedule(ACCOUNT_MAIL, '* * * * *');
  if (send) await boss.schedule(MAIL_DELIVERY, '*/5 * * * *');
  await boss.schedule(FRESHNESS, '7 * * * *');
  await boss.schedule(DIGEST, '0 7 * * *', undefined, { tz: 'Asia/Ho_Chi_Minh' });
  await boss.schedule(MATCHING_SWEEP, everyMinutes(intervals.matchingSweepMinutes));
  await boss.schedule(SEARCH_CHECK, everyMinutes(intervals.searchCheckMinutes));
  return runner;
}

function everyMinutes(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`An interval of ${n} minutes cannot be scheduled (1–60)`);
  return n === 1 ? '* * * * *' : n === 60 ? '0 * * * *' : `*/${n} * * * *`;
}
