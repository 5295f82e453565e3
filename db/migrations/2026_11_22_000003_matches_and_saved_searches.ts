import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('matches')
    .addColumn('demand_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('score', 'smallint', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('demand_side_state', 'text', (c) => c.check(sql`demand_side_state in ('saved', 'dismissed')`))
    .addColumn('offer_side_state', 'text', (c) => c.check(sql`offer_side_state in ('saved', 'dismissed')`))
    .addColumn('notified_at', 'timestamptz')
    .addPrimaryKeyConstraint('matches_pkey', ['demand_id', 'offer_id'])
    .execute();
  await db.schema.createIndex('matches_offer_idx').on('matches').columns(['offer_id', 'score']).execute();
  await db.schema.createIndex('matches_demand_idx').on('matches').columns(['demand_id', 'score']).execute();

  await db.schema
    .createTable('saved_searches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn('query', 'text', (c) => c.notNull().check(sql`length(query) <= 2000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('saved_searches_user_idx').on('saved_searches').column('user_id').execute();

  await db.schema.alterTable('organisations').addColumn('digest_sent_at', 'timestamptz').execute();
  await db.schema.alterTable('notifications').addColumn('emailed_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('emailed_at').execute();
  await db.schema.alterTable('organisations').dropColumn('digest_sent_at').execute();
  await db.schema.dropTable('saved_searches').execute();
  await db.schema.dropTable('matches').execute();
}
