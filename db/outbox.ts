import type { Kysely, Transaction } from 'kysely';
import type { DB, OutboxTopic } from './schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Records, in the caller's transaction, that entities of one kind changed, for the topic's consumer. */
export async function enqueueChanged(db: Executor, topic: OutboxTopic, entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  await db
    .insertInto('outbox')
    .values(entityIds.map((entity_id) => ({ topic, entity_id })))
    .execute();
}

/** Records, in the caller's transaction, that a listing must be (re)sent to the search index. */
export async function enqueueListingChanged(db: Executor, listingIds: string[]): Promise<void> {
  await enqueueChanged(db, 'listing.changed', listingIds);
}

/** The oldest rows of one topic not yet handled by its consumer. */
export async function pendingOutbox(db: Executor, topic: OutboxTopic, limit: number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('topic', '=', topic)
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
