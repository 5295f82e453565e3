// Outbox → Meilisearch. Rows are marked done only after Meilisearch reports the task
// succeeded; if it is unreachable the rows stay and the next run picks them up.
//
// Runs never overlap, in this process or any other: each holds a PostgreSQL advisory lock from
// reading the outbox to marking it done. Each run reads the listings' state after the previous
// run's tasks succeeded, and Meilisearch applies tasks in the order they were sent, so the last
// document sent for a listing is always built from a state at least as new as any before it: a
// deletion read from an older state can no longer land after a newer upsert
// (docs/decisions/011-search-relay-and-matching-after-outages.md).
import { sql } from 'kysely';
import type { Database } from '../db/connection.js';
import { markOutboxDone, markOutboxFailed, pendingOutbox } from '../db/outbox.js';
import type { Search } from './client.js';
import { loadListingDocuments } from './documents.js';
import { ensureListingIndex } from './index-setup.js';

export interface RelayResult {
  relayed: number;
  batches: number;
}

/** Advisory lock key (two ints: OpenTEX's namespace, the relay). Locks are per database. */
const RELAY_LOCK = [7007, 1] as const;

/**
 * Runs `work` while holding the relay's lock, on the connection that holds it. A second caller
 * waits for the first to finish; the lock goes with the session if the process dies.
 */
export async function withRelayLock<T>(db: Database, work: (conn: Database) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${RELAY_LOCK[0]}, ${RELAY_LOCK[1]})`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(${RELAY_LOCK[0]}, ${RELAY_LOCK[1]})`.execute(conn);
    }
  });
}

export async function relayOutbox(
  db: Database,
  search: Search,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<RelayResult> {
  return withRelayLock(db, (conn) => relayLocked(conn, search, options));
}

async function relayLocked(
  db: Database,
  search: Search,
  options: { batchSize?: number; maxBatches?: number },
): Promise<RelayResult> {
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? 1000;
  let relayed = 0;
  let batches = 0;
  let indexReady = false;
  while (batches < maxBatches) {
    const rows = await pendingOutbox(db, 'listing.changed', batchSize);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    try {
      if (!indexReady) {
        await ensureListingIndex(search, search.indexName);
        indexReady = true;
      }
      const listingIds = [...new Set(rows.map((r) => r.entity_id))];
      // The state at the moment of sending: read under the lock, after every earlier run's tasks.
      const { upsert, remove } = await loadListingDocuments(db, listingIds);
      const index = search.listings();
      if (upsert.length) await assertSucceeded(index.addDocuments(upsert, { primaryKey: 'id' }).waitTask());
      if (remove.length) await assertSucceeded(index.deleteDocuments(remove).waitTask());
    } catch (error) {
      search.facets.clear();
      await markOutboxFailed(db, ids, error instanceof Error ? error.message : String(error));
      throw error;
    }
    // Facet counts may have changed.
    search.facets.clear();
    await markOutboxDone(db, ids);
    relayed += rows.length;
    batches += 1;
  }
  return { relayed, batches };
}

async function assertSucceeded(task: Promise<{ status: string; error?: { message: string } | null }>) {
  const done = await task;
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? 'no reason given'}`);
  }
}
