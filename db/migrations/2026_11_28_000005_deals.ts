import { type Kysely, sql } from 'kysely';

// Deals (issue 9): an expression of interest in a listing, negotiated between a buyer and a
// seller organisation. Stages and transitions live in app/domain/deal-process.ts; the row keeps
// the stage, a version for concurrency, and the time of each milestone for the statistics.
// Term sheets are immutable, numbered per deal; NDA acceptances and messages have their tables.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id'))
    .addColumn('buyer_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('seller_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner', 'text', (c) => c.notNull().check(sql`owner in ('buyer', 'seller')`))
    .addColumn('interested_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('opening', 'introduced', 'inquiry', 'negotiating', 'agreed', 'declined', 'withdrawn', 'expired', 'terminated', 'resolved')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cooperation', 'text', (c) => c.notNull())
    .addColumn('unclear', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('about_us', 'text', (c) => c.notNull())
    .addColumn('transfer_mode', 'text')
    .addColumn('price_indication', 'bigint')
    .addColumn('nda_proposed_by', 'text', (c) => c.check(sql`nda_proposed_by in ('buyer', 'seller')`))
    .addColumn('nda_in_force_at', 'timestamptz')
    .addColumn('decline_reason', 'text')
    // A curator's introduction: its note, and each side's consent before the deal opens.
    .addColumn('introduced_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('buyer_consented_at', 'timestamptz')
    .addColumn('seller_consented_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('answer_due_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('agreed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addCheckConstraint('deals_two_organisations', sql`buyer_organisation_id <> seller_organisation_id`)
    .execute();
  // One open deal per organisation and listing: a second attempt opens the existing one.
  await sql`create unique index deals_one_open on deals (listing_id, interested_organisation_id) where stage in ('opening', 'introduced', 'inquiry', 'negotiating')`.execute(db);
  await sql`create index deals_buyer_idx on deals (buyer_organisation_id, updated_at desc)`.execute(db);
  await sql`create index deals_seller_idx on deals (seller_organisation_id, updated_at desc)`.execute(db);

  await db.schema
    .createTable('term_sheets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('deal_id', 'uuid', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().check(sql`proposed_by in ('buyer', 'seller')`))
    .addColumn('proposed_by_user', 'uuid', (c) => c.references('users.id'))
    .addColumn('terms', 'jsonb', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('term_sheets_deal_version', ['deal_id', 'version'])
    .execute();
  // Immutable: a proposal is never changed, only followed by another.
  await sql`
    create function opentex_immutable() returns trigger language plpgsql as $$
    begin raise exception '% rows are immutable', tg_table_name; end $$
  `.execute(db);
  await sql`create trigger term_sheets_immutable before update on term_sheets for each row execute function opentex_immutable()`.execute(db);

  await db.schema
    .createTable('nda_acceptances')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('deal_id', 'uuid', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party in ('buyer', 'seller')`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('nda_version', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('nda_acceptances_once', ['deal_id', 'party'])
    .execute();

  await db.schema
    .createTable('deal_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('deal_id', 'uuid', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('party', 'text', (c) => c.check(sql`party in ('buyer', 'seller')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('deal_messages_deal_idx').on('deal_messages').columns(['deal_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['deal_messages', 'nda_acceptances', 'term_sheets', 'deals']) await db.schema.dropTable(t).ifExists().execute();
  await sql`drop function if exists opentex_immutable`.execute(db);
}
