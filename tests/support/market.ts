// A clean market per test file: its own database (copied from the migrated template) and its
// own Meilisearch index, on the real servers the global set-up started.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { AppContext } from '../../app/context.server.js';
import { jobHandlers } from '../../app/services/job-handlers.server.js';
import { createDb, type Database } from '../../db/connection.js';
import { dropDatabase, ensureDatabase } from '../../db/create-database.js';
import { createSearch, type Search } from '../../search/client.js';
import { relayOutbox } from '../../search/relay.js';

export interface TestMarket {
  ctx: AppContext;
  db: Database;
  search: Search;
  databaseUrl: string;
  /** Sends pending listing changes to Meilisearch now, as the job would. */
  relay(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestMarket(options: { clock?: () => Date; devMailbox?: string | null } = {}): Promise<TestMarket> {
  const id = randomBytes(5).toString('hex');
  const admin = inject('pgAdminUrl');
  const name = `t_${id}`;
  await ensureDatabase(admin, name, inject('templateDatabase'));
  const databaseUrl = admin.replace(/\/[^/]*$/, `/${name}`);
  const db = createDb(databaseUrl, { max: 5 });
  const search = createSearch({ host: inject('meiliHost'), apiKey: inject('meiliKey'), indexName: `listings_${id}`, timeoutMs: 5000 });
  // Through ctx.search, so a test that swaps the search client (an outage) reaches the relay too.
  const relay = async () => {
    await relayOutbox(ctx.db, ctx.search);
  };
  // The real job handlers, run in-process at once where the app would queue them on pg-boss.
  // Email stays in the `emails` table for tests to read.
  const handlers = jobHandlers({ sendEmail: null, log: () => {} });
  const ctx: AppContext = {
    db,
    search,
    clock: options.clock ?? (() => new Date()),
    publicUrl: 'http://opentex.test',
    smtpConfigured: false,
    devMailbox: options.devMailbox ?? null,
    jobs: {
      enqueue: async (name, payload) => {
        await (handlers[name] as (c: AppContext, p: unknown) => Promise<void>)(ctx, payload);
      },
    },
  };
  return {
    ctx,
    db,
    search,
    databaseUrl,
    relay,
    async close() {
      await search.client.deleteIndex(search.indexName).waitTask().catch(() => {});
      search.close();
      await db.destroy();
      await dropDatabase(admin, name);
    },
  };
}
