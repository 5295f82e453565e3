import { type Kysely, sql } from 'kysely';

// Issue 7 (accounts): sign-in attempts are reserved before they are evaluated; a sign-up waits
// for its emailed confirmation; reset requests are recorded and handled by a job; organisations
// carry the evidence a curator checks their tax code against.
export async function up(db: Kysely<any>): Promise<void> {
  // null: being evaluated now (it counts against the limits until it has an outcome).
  await db.schema.alterTable('sign_in_attempts').alterColumn('succeeded', (c) => c.dropNotNull()).execute();

  await db.schema
    .createTable('sign_ups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('organisation_type', 'text', (c) => c.notNull().check(sql`organisation_type in ('enterprise', 'university', 'institute')`))
    .addColumn('tax_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('website', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('registration_document', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // Set by the job: the confirmation link's hash, or nothing when the email already had an account.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('mailed_at', 'timestamptz')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('confirmation_sent', 'account_exists')`))
    .addColumn('confirmed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sign_ups_pending_idx').on('sign_ups').column('created_at').where(sql<boolean>`mailed_at is null`).execute();
  await db.schema.createIndex('sign_ups_ip_idx').on('sign_ups').columns(['ip', 'created_at']).execute();

  await db.schema
    .createTable('password_reset_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('handled_at', 'timestamptz')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('sent', 'unknown_email', 'throttled')`))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('password_reset_requests_pending_idx').on('password_reset_requests').column('at').where(sql<boolean>`handled_at is null`).execute();
  await db.schema.createIndex('password_reset_requests_ip_idx').on('password_reset_requests').columns(['ip', 'at']).execute();
  await db.schema.createIndex('password_reset_requests_user_idx').on('password_reset_requests').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('password_resets_user_idx').on('password_resets').column('user_id').execute();

  await db.schema
    .alterTable('organisations')
    .addColumn('legal_representative', 'text')
    .addColumn('registration_document', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('legal_representative').dropColumn('registration_document').execute();
  await db.schema.dropIndex('password_resets_user_idx').ifExists().execute();
  await db.schema.dropTable('password_reset_requests').ifExists().execute();
  await db.schema.dropTable('sign_ups').ifExists().execute();
  await db.deleteFrom('sign_in_attempts').where('succeeded', 'is', null).execute();
  await db.schema.alterTable('sign_in_attempts').alterColumn('succeeded', (c) => c.setNotNull()).execute();
}
