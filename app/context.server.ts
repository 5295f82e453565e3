import type { Database } from '../db/connection.js';
import type { Search } from '../search/client.js';

/** What every service receives: no service reaches for a global. */
export interface AppContext {
  db: Database;
  search: Search;
  jobs: Jobs;
  clock: () => Date;
}

export interface Jobs {
  /** Asks the search relay to run soon; the outbox row is already committed. */
  requestSearchRelay(): Promise<void>;
}
