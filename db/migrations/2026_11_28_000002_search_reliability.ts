import { type Kysely, sql } from 'kysely';

// Issue 7: what the search relay, the matching sweep and the index check need to remember.
export async function up(db: Kysely<any>): Promise<void> {
  // A completed matching run of one version of a listing: the sweep matches every published
  // listing whose current version has none (docs/decisions/011-search-relay-and-matching-after-outages.md).
  await db.schema
    .createTable('matching_runs')
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('listing_version', 'integer', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('matches', 'integer', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('matching_runs_pkey', ['listing_id', 'listing_version'])
    .execute();
  // A listing published before runs were recorded counts as matched only if it has a match: one
  // whose job gave up in an outage has none, and the sweep runs it (a listing that rightly has
  // none is run once more, which alerts no one twice: alerts are recorded below).
  await sql`
    insert into matching_runs (listing_id, listing_version, matches, alerts)
    select l.id, l.version, count(*), 0
    from listings l join matches m on m.demand_id = l.id or m.offer_id = l.id
    where l.status = 'published'
    group by l.id, l.version
  `.execute(db);

  // One alert per (saved search, listing), whatever retries or renewals happen.
  await db.schema
    .createTable('saved_search_alerts')
    .addColumn('saved_search_id', 'uuid', (c) => c.notNull().references('saved_searches.id').onDelete('cascade'))
    .addColumn('listing_id', 'uuid', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('alerted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('saved_search_alerts_pkey', ['saved_search_id', 'listing_id'])
    .execute();
  await db.schema.createIndex('saved_search_alerts_listing_idx').on('saved_search_alerts').column('listing_id').execute();
  // Alerts already sent are known from their notifications (the search's name and the listing's link).
  await sql`
    insert into saved_search_alerts (saved_search_id, listing_id, alerted_at)
    select distinct on (s.id, l.id) s.id, l.id, n.created_at
    from notifications n
    join saved_searches s on s.user_id = n.user_id and s.name = n.params->>'name'
    join listings l on n.link = '/listings/' || l.id::text
    where n.kind = 'saved_search_hit'
    order by s.id, l.id, n.created_at
  `.execute(db);

  // What each comparison of PostgreSQL with the search index found and repaired.
  await db.schema
    .createTable('search_index_checks')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('public_listings', 'integer', (c) => c.notNull())
    .addColumn('indexed_documents', 'integer', (c) => c.notNull())
    .addColumn('missing', 'integer', (c) => c.notNull())
    .addColumn('stale', 'integer', (c) => c.notNull())
    .addColumn('extra', 'integer', (c) => c.notNull())
    .addColumn('in_flight', 'integer', (c) => c.notNull())
    .addColumn('requeued', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('search_index_checks_at_idx').on('search_index_checks').column('checked_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_index_checks').execute();
  await db.schema.dropTable('saved_search_alerts').execute();
  await db.schema.dropTable('matching_runs').execute();
}
