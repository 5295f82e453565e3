// Who is who (issue 13). An organisation asks to be verified with evidence (its business
// registration document and a contact person); the curator records what was checked and decides.
// A member an admin removes keeps their row (their name stays on what they did) but is marked
// removed. A curator's decision on a listing keeps the text it decided on, so a resubmission can
// be compared with the last reviewed version.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('verification_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'verified', 'refused')`))
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('document_type', 'text', (c) => c.notNull().check(sql`document_type in ('application/pdf', 'image/png', 'image/jpeg')`))
    .addColumn('document_size', 'integer', (c) => c.notNull().check(sql`document_size > 0`))
    .addColumn('document', 'bytea', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_role', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('submitted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('checks', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('note', 'text')
    .addColumn('reason', 'text')
    .addCheckConstraint('verification_requests_contact', sql`contact_phone is not null or contact_email is not null`)
    .addCheckConstraint('verification_requests_decided', sql`(state = 'pending') = (decided_at is null)`)
    .addCheckConstraint('verification_requests_refusal_reason', sql`state <> 'refused' or reason is not null`)
    .execute();
  // One request waits at a time per organisation.
  await sql`create unique index verification_requests_one_pending on verification_requests (organisation_id) where state = 'pending'`.execute(db);
  await db.schema.createIndex('verification_requests_organisation').on('verification_requests').columns(['organisation_id', 'submitted_at']).execute();

  await db.schema.alterTable('users').addColumn('removed_at', 'timestamptz').addColumn('removed_by', 'uuid', (c) => c.references('users.id')).execute();

  await db.schema
    .createTable('listing_reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Near-duplicates on the curator's review page: trigram similarity of folded titles (pg_trgm is a
  // trusted extension, shipped with PostgreSQL's contrib, so the database owner may create it).
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index listings_title_trigram on listings using gin (opentex_fold(title) gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('listing_reviews_listing').on('listing_reviews').columns(['listing_id', 'reviewed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index listings_title_trigram`.execute(db);
  await db.schema.dropTable('listing_reviews').execute();
  await db.schema.alterTable('users').dropColumn('removed_by').dropColumn('removed_at').execute();
  await db.schema.dropTable('verification_requests').execute();
}
