import type { Database } from '../db/connection.js';
import type { Search } from '../search/client.js';

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
}

export interface Jobs {
  /** Asks the search relay to run soon; the outbox row is already committed. */
  requestSearchRelay(): Promise<void>;
  /** Asks the mailer to send queued emails soon. */
  requestMailDelivery(): Promise<void>;
  /** A listing was published: compute its matches and alert saved searches, soon. */
  requestMatching(listingId: string): Promise<void>;
  /** Asks the accounts worker to handle recorded sign-ups and password-reset requests soon. */
  requestAccountMail(): Promise<void>;
}
