import { type Kysely, sql } from 'kysely';

// The process engine (issue 8):
// - `audit_events.payload`: what a transition carried besides its reason (any entity type).
// - `process_timers`: transitions due later (a listing's expiry and its reminder), for any
//   process. A timer belongs to a stay in a state; the runner cancels it when the stay ends.
// - `listing_revisions`: a published listing's new text, waiting beside the public one for a curator.
// - `emails.claimed_until`: a sender claims a batch, commits, and sends outside any transaction.
// - `users.language`: the language each person reads, so their emails come in it.
// Published listings get their expiry and reminder timers from `expires_at`; a reminder already
// sent is not sent again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('payload', 'jsonb').execute();
  await db.schema.alterTable('emails').addColumn('claimed_until', 'timestamptz').execute();
  await db.schema
    .alterTable('users')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('vi').check(sql`language in ('vi', 'en')`))
    .execute();

  await db.schema
    .createTable('process_timers')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('transition', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('done_at', 'timestamptz')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('taken', 'moved_on', 'cancelled')`))
    .execute();
  await sql`create index process_timers_due_idx on process_timers (due_at) where done_at is null`.execute(db);
  await sql`create index process_timers_entity_idx on process_timers (entity_type, entity_id) where done_at is null`.execute(db);

  await db.schema
    .createTable('listing_revisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('proposed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'approved', 'declined', 'replaced', 'withdrawn')`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('reason', 'text')
    .execute();
  await sql`create unique index listing_revisions_one_pending on listing_revisions (listing_id) where state = 'pending'`.execute(db);

  await sql`
    insert into process_timers (entity_type, entity_id, transition, due_at)
    select 'listing', id, 'expire', expires_at from listings where status = 'published' and expires_at is not null
    union all
    select 'listing', id, 'remind_expiry', expires_at - interval '14 days' from listings
     where status = 'published' and expires_at is not null and expiry_reminder_sent_at is null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('listing_revisions').execute();
  await db.schema.dropTable('process_timers').execute();
  await db.schema.alterTable('users').dropColumn('language').execute();
  await db.schema.alterTable('emails').dropColumn('claimed_until').execute();
  await db.schema.alterTable('audit_events').dropColumn('payload').execute();
}
