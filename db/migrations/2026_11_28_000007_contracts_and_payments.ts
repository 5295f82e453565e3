// Contracts made from agreed terms, their versions and signatures; milestones and their payments
// (bank transfer with VietQR, card through Stripe); provider events processed once; express
// licences; reviews after completion. Money is whole đồng (bigint).
import { sql, type Kysely } from 'kysely';

const PARTY = sql`in ('buyer', 'seller')`;

export async function up(db: Kysely<any>): Promise<void> {
  // What a contract names of each party, and who may sign for it.
  await db.schema.alterTable('organisations').addColumn('address', 'text').addColumn('representative_title', 'text').execute();
  await db.schema.alterTable('users').addColumn('may_sign', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('listings').addColumn('express_licence_price', 'bigint', (c) => c.check(sql`express_licence_price > 0`)).execute();

  await db.schema
    .createTable('bank_accounts')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('bank_code', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull().check(sql`account_number ~ '^[0-9A-Za-z]{1,19}$'`))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('stripe_accounts')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().unique())
    .addColumn('charges_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Contract numbers OTX-<year>-<six digits> come from one sequence: never twice, even at once.
  await sql`create sequence contract_numbers`.execute(db);
  await db.schema
    .createTable('contracts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('deal_id', 'uuid', (c) => c.notNull().unique().references('deals.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('opening', 'draft', 'signed', 'completed', 'terminated')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('content_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_sha256', 'text')
    .addColumn('express', 'boolean', (c) => c.notNull().defaultTo(false))
    // The patent or utility-solution number the seller gives for the contract (listings hold none).
    .addColumn('ip_number', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('signed_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();

  // Each version of a contract's content, never changed: a change is a new version.
  await db.schema
    .createTable('contract_versions')
    .addColumn('contract_id', 'uuid', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('contract_versions_pk', ['contract_id', 'version'])
    .execute();
  await sql`create trigger contract_versions_immutable before update on contract_versions for each row execute function opentex_immutable()`.execute(db);

  await db.schema
    .createTable('contract_signatures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contract_id', 'uuid', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party ${PARTY}`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('click', 'digital', 'paper')`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('typed_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('address', 'text')
    // A digital signature's signer certificate (subject, issuer, validity), and the file itself.
    .addColumn('certificate', 'jsonb')
    .addColumn('document', 'bytea')
    .addColumn('document_sha256', 'text')
    // A paper scan counts once the other side confirms it.
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('voided_at', 'timestamptz')
    .execute();
  await sql`create unique index contract_signatures_once on contract_signatures (contract_id, content_version, party, method) where voided_at is null`.execute(db);

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contract_id', 'uuid', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('deliverable', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('due', 'transfer_reported', 'paid', 'delivered', 'changes_requested', 'accepted')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('transfer_reference', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('paid_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('accepted_at', 'timestamptz')
    .addUniqueConstraint('milestones_number', ['contract_id', 'number'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('milestone_id', 'uuid', (c) => c.notNull().references('milestones.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('bank_transfer', 'stripe')`))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('reported', 'confirmed', 'not_received', 'pending', 'paid', 'failed')`))
    .addColumn('provider_ref', 'text', (c) => c.unique())
    .addColumn('platform_fee', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('settled_at', 'timestamptz')
    .execute();
  // One payment counts per milestone: a second confirmation or webhook finds it paid.
  await sql`create unique index payments_one_paid on payments (milestone_id) where status in ('confirmed', 'paid')`.execute(db);

  // Every event a payment provider sent, processed once (its id is the key).
  await db.schema
    .createTable('provider_events')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created', 'timestamptz')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_events_pk', ['provider', 'event_id'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('deal_id', 'uuid', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql`party ${PARTY}`))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('reviews_once', ['deal_id', 'party'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reviews', 'provider_events', 'payments', 'milestones', 'contract_signatures', 'contract_versions', 'contracts', 'stripe_accounts', 'bank_accounts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop sequence if exists contract_numbers`.execute(db);
  await db.schema.alterTable('listings').dropColumn('express_licence_price').execute();
  await db.schema.alterTable('users').dropColumn('may_sign').execute();
  await db.schema.alterTable('organisations').dropColumn('representative_title').dropColumn('address').execute();
}
