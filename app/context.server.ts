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
  /** Without SMTP, emails stay in the development mailbox page. */
  smtpConfigured: boolean;
}

export interface Jobs {
  /** Asks the search relay to run soon; the outbox row is already committed. */
  requestSearchRelay(): Promise<void>;
  /** Asks the mailer to send queued emails soon. */
  requestMailDelivery(): Promise<void>;
  /** A listing was published: compute its matches and alert saved searches, soon. */
  requestMatching(listingId: string): Promise<void>;
}
