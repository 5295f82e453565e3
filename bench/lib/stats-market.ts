// The market at the statistics benchmark's size, written straight in SQL after `loadMarket` has
// loaded the listings: the review queue and stale listings, who published each listing (review,
// import or seed), deals at every stage with their answer times, term sheets, contracts, their
// milestones and payments, and the audit events the engine would have written for all of it,
// padded with reminders to the number asked. Deterministic (`setseed`), so two runs compare.
// Nothing here goes through the engine: 50,000 deals one transition at a time would take hours,
// and the benchmark measures reading figures, not writing them.
import { sql } from 'kysely';
import type { Database } from '../../db/connection.js';

export interface StatsMarketSize {
  deals: number;
  auditEvents: number;
  seed: number;
}

export interface StatsMarketCounts {
  listings: number;
  deals: number;
  contracts: number;
  milestones: number;
  payments: number;
  auditEvents: number;
  seconds: number;
}

const count = async (db: Database, table: 'listings' | 'deals' | 'contracts' | 'milestones' | 'payments' | 'audit_events') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

export async function loadStatsMarket(db: Database, size: StatsMarketSize, log: (m: string) => void): Promise<StatsMarketCounts> {
  const started = performance.now();
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = performance.now();
    await query.execute(db);
    log(`  ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };
  await sql`select setseed(${(size.seed % 1000) / 1000})`.execute(db);

  // Listings: 3 % waiting for review, 6 % not confirmed active for over six months.
  await step('review queue and stale listings', sql`
    with pick as (select id, random() as r from listings)
    update listings l set
      status = case when p.r < 0.03 then 'pending_review' else l.status end,
      submitted_at = coalesce(l.published_at, now()) - interval '2 days',
      published_at = case when p.r < 0.03 then null else l.published_at end,
      confirmed_active_at = case when p.r between 0.03 and 0.09 then now() - interval '200 days' - (p.r * interval '300 days') else l.confirmed_active_at end
    from pick p where p.id = l.id`);
  // Who published each listing: reviewed (submit, then approve), imported or seeded.
  await step('publication events', sql`
    with pub as (select id, published_at, random() as r from listings where status = 'published')
    insert into audit_events (entity_type, entity_id, action, from_state, to_state, at)
    select 'listing', id, 'submit', 'draft', 'pending_review', published_at - interval '2 days' from pub where r < 0.7
    union all
    select 'listing', id, case when r < 0.7 then 'approve' when r < 0.9 then 'import' else 'seed' end,
           case when r < 0.7 then 'pending_review' else 'draft' end, 'published', published_at from pub`);

  // Deals on offers, from an enterprise that is not the seller, created over the last two years.
  await step(`${size.deals} deals`, sql`
    with offers as (select id, organisation_id, row_number() over (order by id) as n from listings where kind = 'offer' and status = 'published'),
         buyers as (select id, row_number() over (order by id) as n from organisations where type = 'enterprise'),
         sizes as (select (select count(*) from offers) as offers, (select count(*) from buyers) as buyers),
         drawn as (
           select o.id as listing_id, o.organisation_id as seller, b.id as buyer, x.r, now() - (x.age * interval '730 days') as created
           from generate_series(1, ${size.deals}) g(i)
           cross join sizes s
           -- g.i in each draw keeps PostgreSQL from drawing once for all rows.
           cross join lateral (select random() + 0 * g.i as r, random() + 0 * g.i as age,
                                      1 + floor(random() * s.offers + 0 * g.i)::int as oi, 1 + floor(random() * s.buyers + 0 * g.i)::int as bi) x
           join offers o on o.n = x.oi
           join buyers b on b.n = x.bi
           where b.id <> o.organisation_id
         )
    insert into deals (listing_id, buyer_organisation_id, seller_organisation_id, owner, interested_organisation_id, stage, cooperation, about_us,
                       created_at, updated_at, answer_due_at, answered_at, accepted_at, agreed_at, closed_at, decline_reason)
    select listing_id, buyer, seller, 'seller', buyer,
           case when r < 0.15 then 'inquiry' when r < 0.40 then 'negotiating' when r < 0.55 then 'agreed'
                when r < 0.75 then 'declined' when r < 0.87 then 'expired' else 'withdrawn' end,
           'Hợp tác chuyển giao công nghệ', 'Doanh nghiệp sản xuất', created, created,
           created + interval '7 days',
           case when r < 0.15 or r between 0.75 and 0.87 then null else created + (random() * interval '10 days') end,
           case when r between 0.15 and 0.55 or r >= 0.87 then created + interval '3 days' end,
           case when r between 0.40 and 0.55 then created + interval '20 days' + (random() * interval '60 days') end,
           case when r >= 0.55 then created + interval '15 days' end,
           case when r between 0.55 and 0.75 then 'not_a_fit' end
    from drawn
    on conflict do nothing`);
  // Answers never come before the interest: a few drawn above 7 days are late, as in life.
  await step('deal events', sql`
    insert into audit_events (entity_type, entity_id, action, from_state, to_state, at)
    select 'deal', id, 'express_interest', 'opening', 'inquiry', created_at from deals
    union all select 'deal', id, case when stage = 'declined' then 'decline' else 'accept' end, 'inquiry',
                     case when stage = 'declined' then 'declined' else 'negotiating' end, answered_at from deals where answered_at is not null
    union all select 'deal', id, 'expire', 'inquiry', 'expired', closed_at from deals where stage = 'expired'
    union all select 'deal', id, 'withdraw', 'negotiating', 'withdrawn', closed_at from deals where stage = 'withdrawn'
    union all select 'deal', id, 'propose_terms', 'negotiating', 'negotiating', accepted_at + interval '1 day' from deals where stage in ('negotiating', 'agreed')
    union all select 'deal', id, 'accept_terms', 'negotiating', 'agreed', agreed_at from deals where stage = 'agreed'`);

  // Agreed deals: the terms, a contract (40 % draft, 35 % signed, 25 % completed), two milestones.
  await step('term sheets', sql`
    insert into term_sheets (deal_id, version, proposed_by, terms, price, valid_until, created_at)
    select id, 1, 'seller', jsonb_build_object('price', p.price), p.price, accepted_at + interval '15 days', accepted_at + interval '1 day'
    from deals cross join lateral (select (100 + floor(random() * 4900) + 0 * extract(epoch from created_at))::bigint * 1000000 as price) p
    where stage in ('negotiating', 'agreed')`);
  await step('agreed terms', sql`
    update deals set agreed_terms_version = 1, agreed_terms_sha256 = encode(sha256(id::text::bytea), 'hex') where stage = 'agreed'`);
  await step('contracts', sql`
    with agreed as (select d.id, d.agreed_at, t.price, random() as r, row_number() over (order by d.id) as n
                    from deals d join term_sheets t on t.deal_id = d.id and t.version = 1 where d.stage = 'agreed')
    insert into contracts (deal_id, number, stage, version, content_version, content_sha256, created_at, updated_at, signed_at, completed_at)
    select id, 'OTX-BENCH-' || lpad(n::text, 6, '0'),
           case when r < 0.4 then 'draft' when r < 0.75 then 'signed' else 'completed' end,
           1, 1, encode(sha256(('c' || id::text)::bytea), 'hex'), agreed_at, agreed_at,
           case when r >= 0.4 then agreed_at + interval '5 days' end,
           case when r >= 0.75 then agreed_at + interval '90 days' end
    from agreed`);
  await step('contract versions', sql`
    insert into contract_versions (contract_id, version, content, sha256, created_at)
    select c.id, 1, jsonb_build_object('terms', jsonb_build_object('price', t.price)), c.content_sha256, c.created_at
    from contracts c join term_sheets t on t.deal_id = c.deal_id and t.version = 1`);
  await step('milestones', sql`
    insert into milestones (contract_id, number, amount, condition, deliverable, stage, transfer_reference, created_at, updated_at, paid_at, delivered_at, accepted_at)
    select c.id, m.n, t.price / 2, 'Theo hợp đồng', 'Bàn giao',
           case when c.stage = 'completed' then 'accepted' when m.n = 1 then 'paid' else 'due' end,
           'OTXB' || upper(substr(md5(c.id::text || m.n), 1, 16)), c.signed_at, c.signed_at,
           case when c.stage = 'completed' or m.n = 1 then c.signed_at + interval '10 days' end,
           case when c.stage = 'completed' then c.signed_at + interval '40 days' end,
           case when c.stage = 'completed' then c.completed_at end
    from contracts c join term_sheets t on t.deal_id = c.deal_id and t.version = 1
    cross join generate_series(1, 2) m(n)
    where c.stage in ('signed', 'completed')`);
  await step('payments', sql`
    insert into payments (milestone_id, provider, amount, status, created_at, settled_at)
    select id, 'bank_transfer', amount, 'confirmed', paid_at - interval '1 day', paid_at from milestones where paid_at is not null`);

  // The engine's reminders and renewals, to the number of audit events asked.
  await step('padding events', sql`
    with missing as (select greatest(0, ${size.auditEvents} - (select count(*) from audit_events)) as n),
         pub as (select id, published_at, row_number() over (order by id) as k from listings where status = 'published'),
         total as (select count(*) as n from pub),
         -- Each padding event's listing number first, so that the join below is an equality (a hash join).
         drawn as (select g.i, 1 + (g.i % t.n) as k from missing, total t, generate_series(1, (select n from missing)) g(i))
    insert into audit_events (entity_type, entity_id, action, from_state, to_state, at)
    select 'listing', p.id, case when d.i % 2 = 0 then 'remind_expiry' else 'renew' end, 'published', 'published',
           p.published_at + (d.i % 300) * interval '1 day'
    from drawn d join pub p on p.k = d.k`);
  // As autovacuum would have on a live server: the updates above left every listing's old version behind.
  await sql`vacuum analyze`.execute(db);
  return {
    listings: await count(db, 'listings'),
    deals: await count(db, 'deals'),
    contracts: await count(db, 'contracts'),
    milestones: await count(db, 'milestones'),
    payments: await count(db, 'payments'),
    auditEvents: await count(db, 'audit_events'),
    seconds: (performance.now() - started) / 1000,
  };
}
