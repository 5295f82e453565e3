// The agency's statistics read two materialised views instead of joining listings, deals,
// contracts, payments and the audit events on every page view: one row per published listing
// (with how it was first published: review, import or seed) and one row per opened deal (with the
// steps it reached and its values). A job refreshes them every few minutes (`stats-refresh`);
// `stats_refreshes` says when, and the pages show it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create materialized view stats_listing_facts as
    select l.id, l.organisation_id, l.kind, l.status, l.sectors, l.province_code, o.type as org_type, l.published_at,
           (select e.action from audit_events e
             where e.entity_type = 'listing' and e.entity_id = l.id and e.to_state = 'published' and e.action in ('approve', 'import', 'seed')
             order by e.at, e.id limit 1) as published_via
    from listings l join organisations o on o.id = l.organisation_id
    where l.published_at is not null`.execute(db);
  await sql`create unique index stats_listing_facts_id on stats_listing_facts (id)`.execute(db);
  await sql`
    create materialized view stats_deal_facts as
    select d.id, d.created_at, d.answered_at, d.answer_due_at, d.agreed_at, l.sectors, l.province_code, o.type as org_type,
           (d.accepted_at is not null or d.agreed_at is not null) as negotiated,
           d.agreed_at is not null as agreed,
           c.signed_at is not null as signed,
           c.completed_at is not null as completed,
           case when c.signed_at is not null then coalesce(t.price, 0) else 0 end as value_signed,
           coalesce(pay.paid, 0) as value_paid
    from deals d
    join listings l on l.id = d.listing_id
    join organisations o on o.id = l.organisation_id
    left join contracts c on c.deal_id = d.id
    left join term_sheets t on t.deal_id = d.id and t.version = d.agreed_terms_version
    left join lateral (
      select sum(p.amount) as paid from milestones m join payments p on p.milestone_id = m.id
      where m.contract_id = c.id and p.status in ('confirmed', 'paid')
    ) pay on c.id is not null
    where d.stage <> 'opening'`.execute(db);
  await sql`create unique index stats_deal_facts_id on stats_deal_facts (id)`.execute(db);
  await db.schema
    .createTable('stats_refreshes')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`insert into stats_refreshes (refreshed_at) values (now())`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stats_refreshes').execute();
  await sql`drop materialized view stats_deal_facts`.execute(db);
  await sql`drop materialized view stats_listing_facts`.execute(db);
}
