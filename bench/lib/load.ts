// Loads the synthetic market the way the app's writes reach search: listings and their outbox
// rows inserted in one transaction per batch (db/outbox.ts), then search/relay.ts pushes the
// outbox to Meilisearch. Progress bars on both, since 100,000 listings take a while.
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.js';
import { countPendingOutbox, enqueueListingChanged } from '../../db/outbox.js';
import type { Search } from '../../search/client.js';
import { relayOutbox } from '../../search/relay.js';
import { organisationCount, syntheticListings, syntheticOrganisations, type SyntheticListing } from './synthetic-market.js';

function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(9)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

export async function loadMarket(
  db: Database,
  options: { seed: number; listings: number; batchSize?: number },
): Promise<{ organisations: number; listings: number; seconds: number }> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const organisations = syntheticOrganisations(options.seed, organisationCount(options.listings));
  for (let i = 0; i < organisations.length; i += batchSize) {
    await db.insertInto('organisations').values(organisations.slice(i, i + batchSize)).execute();
  }
  const bar = progressBar('Loading', options.listings);
  let batch: SyntheticListing[] = [];
  let done = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('listings').values(rows).execute();
      await enqueueListingChanged(trx, rows.map((r) => r.id));
    });
    done += rows.length;
    bar.update(done);
  };
  try {
    for (const listing of syntheticListings(options.seed, options.listings, organisations.map((o) => o.id))) {
      batch.push(listing);
      if (batch.length === batchSize) await flush();
    }
    if (batch.length) await flush();
  } finally {
    bar.stop();
  }
  // Fresh statistics for the planner, as autovacuum would gather them on a live server.
  await sql`analyze`.execute(db);
  return { organisations: organisations.length, listings: done, seconds: (performance.now() - started) / 1000 };
}

/** Runs the relay until the outbox is empty, one batch at a time so the bar can move. */
export async function indexMarket(
  db: Database,
  search: Search,
  options: { batchSize: number },
): Promise<{ relayed: number; seconds: number }> {
  const started = performance.now();
  const bar = progressBar('Indexing', await countPendingOutbox(db));
  let relayed = 0;
  try {
    for (;;) {
      const result = await relayOutbox(db, search, { batchSize: options.batchSize, maxBatches: 1 });
      if (result.relayed === 0) break;
      relayed += result.relayed;
      bar.update(relayed);
    }
  } finally {
    bar.stop();
  }
  return { relayed, seconds: (performance.now() - started) / 1000 };
}
