import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Records, in the caller's transaction, that a listing must be (re)sent to the search index. */
export async function enqueueListingChanged(db: Executor, listingIds: string[]): Promise<void> {
  if (listingIds.length === 0) return;
  await db
    .insertInto('outbox')
    .values(listingIds.map((entity_id) => ({ topic: 'listing.changed' as const, entity_id })))
    .execute();
}

export async function pendingOutbox(db: Executor, limit: number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markOutboxDone(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ processed_at: new Date() }).where('id', 'in', ids).execute();
}

export async function markOutboxFailed(db: Executor, ids: string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 1000) }))
    .where('id', 'in', ids)
    .execute();
}

export async function countPendingOutbox(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('processed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
