// Background work on a PostgreSQL job queue (pg-boss): the search relay for now.
import PgBoss from 'pg-boss';
import type { Database } from '../../db/connection.js';
import type { Search } from '../../search/client.js';
import { relayOutbox } from '../../search/relay.js';
import type { Jobs } from '../context.server.js';

const SEARCH_RELAY = 'search-relay';

export interface JobRunner extends Jobs {
  stop(): Promise<void>;
}

export async function startJobs(options: {
  databaseUrl: string;
  db: Database;
  search: Search;
  onError?: (error: unknown) => void;
}): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, schema: 'pgboss' });
  boss.on('error', (e) => options.onError?.(e));
  await boss.start();
  // "stately": at most one relay queued and one running — a burst of writes costs one run.
  await boss.createQueue(SEARCH_RELAY, { name: SEARCH_RELAY, policy: 'stately', retryLimit: 3, retryDelay: 5 });
  const workerId = await boss.work(SEARCH_RELAY, { pollingIntervalSeconds: 0.5 }, async () => {
    await relayOutbox(options.db, options.search);
  });
  // A safety net: whatever was left behind (Meilisearch down, a crash) is retried every minute.
  await boss.schedule(SEARCH_RELAY, '* * * * *');
  return {
    async requestSearchRelay() {
      await boss.send(SEARCH_RELAY, {});
      boss.notifyWorker(workerId);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
}
