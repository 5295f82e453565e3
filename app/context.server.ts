import type { Database } from '../db/connection.js';
import type { Search } from '../search/client.js';
import type { StripeCardProvider } from './payments/stripe.server.js';

/** What every service receives: no service reaches for a global. */
export interface AppContext {
  db: Database;
  search: Search;
  jobs: Jobs;
  clock: () => Date;
  /** Where people reach the market; links in emails start here. */
  publicUrl: string;
  /** Without SMTP, emails are printed to the server's log. */
  smtpConfigured: boolean;
  /**
   * The development mailbox's key when DEV_MAILBOX=true (null: off). The page answers only a
   * local request that carries it; the key is printed in the operator's log, so a proxy on the
   * same host, which makes every request look local, still cannot open it.
   */
  devMailbox: string | null;
  /**
   * Card payments through Stripe Connect. Absent or null without Stripe keys: card payment shows
   * as unavailable and bank transfer works as ever. (Optional so that contexts built for work
   * that never takes a card — benches, CLIs — need not name it.)
   */
  payments?: { card: StripeCardProvider | null };
}

/** Every kind of background work, by name, with what it is given. */
export interface JobPayloads {
  /** Send committed outbox rows to the search index. */
  'search-relay': Record<string, never>;
  /** Send queued emails. */
  'mail-delivery': Record<string, never>;
  /** A listing was published or its text changed: compute its matches and alert saved searches. */
  'listing-published': { id: string };
  /** Handle recorded sign-ups and password-reset requests. */
  'account-mail': Record<string, never>;
  /** Take the transitions whose timers are due, for every process. */
  'process-timers': Record<string, never>;
  /** Scheduled: the daily digest of matches and alerts. */
  'daily-digest': Record<string, never>;
  /** Scheduled: forget expired sessions, links and attempts. */
  housekeeping: Record<string, never>;
  /** Scheduled: match every published listing that has no run. */
  'matching-sweep': Record<string, never>;
  /** Scheduled: rebuild the statistics' views from the tables. */
  'stats-refresh': Record<string, never>;
  /** Write a confirmed bulk import's rows, continuing where a previous run stopped; without `id` (scheduled), every import left running. */
  'bulk-import': { id?: string };
  /** Scheduled: compare the search index with the database and repair it. */
  'search-index-check': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export interface Jobs {
  /** Asks for background work soon; whatever it needs is already committed. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void>;
}
