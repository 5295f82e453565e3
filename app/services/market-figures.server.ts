// The agency's figures, read in a few grouped queries from two materialised views over the deal
// tables and the audit events (migration 000009, refreshed by `refreshMarketFacts`), and, for what
// needs care (upkeep), from the tables themselves at the first view after each rebuild.
// Every figure obeys one StatsQuery: its sector, province and organisation type select listings
// (a deal counts under the listing it is about); its dates select listings by publication and
// deals by the day of the interest, in Viet Nam's calendar. Each deal is followed as a cohort
// from its interest: a deal of March signed in May counts as signed in March.
import { sql, type RawBuilder } from 'kysely';
import { mayCurate } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { emptyFunnelRow, gapOf, publicCount, publicFunnelRow, publicSupplyDemand, STALE_AFTER_MONTHS, type PublicFunnelRow, type PublicSupplyDemandRow, type FunnelRow, type MarketStats, type PublishedBy, type ResponseTimes, type SupplyDemandRow, type Upkeep } from '../domain/market-stats.js';
import { problem, type ProblemCode } from '../domain/problem.js';
import { DEFAULT_STATS_QUERY, parseStatsQuery, type StatsPeriod, type StatsQuery } from '../domain/stats-query.js';
import { agencyTable, isAgencyTable, isPublicTable, publicTable, type Namer, type StatsTable } from '../domain/stats-tables.js';
import { SECTORS } from '../domain/taxonomy.js';
import type { AppContext } from '../context.server.js';
import { AuthenticationError, InvalidInputError, PermissionError } from './errors.js';

type Db = AppContext['db'];
const ZONE = 'Asia/Ho_Chi_Minh';

/** The first moment of a Vietnamese calendar day, and of the day after: `[from, to)` as instants. */
const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`);
const dayAfter = (day: string) => new Date(startOf(day).getTime() + 86_400_000);

/** The listing conditions of the query, on a listing aliased `l` (its owner looked up only when the type is asked). */
function listingFilter(q: StatsQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (q.sector) parts.push(sql`l.sectors @> array[${q.sector}]::text[]`);
  if (q.province) parts.push(sql`l.province_code = ${q.province}`);
  if (q.organisationType) parts.push(sql`l.organisation_id in (select id from organisations where type = ${q.organisationType})`);
  return sql.join(parts, sql` and `);
}

/** The same conditions on a row of the statistics' views (`stats_listing_facts`, `stats_deal_facts`), aliased `f`. */
function factFilter(q: StatsQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (q.sector) parts.push(sql`f.sectors @> array[${q.sector}]::text[]`);
  if (q.province) parts.push(sql`f.province_code = ${q.province}`);
  if (q.organisationType) parts.push(sql`f.org_type = ${q.organisationType}`);
  return sql.join(parts, sql` and `);
}

/** A moment within the query's dates. */
function within(column: RawBuilder<unknown>, q: StatsQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (q.from) parts.push(sql`${column} >= ${startOf(q.from)}`);
  if (q.to) parts.push(sql`${column} < ${dayAfter(q.to)}`);
  return sql.join(parts, sql` and `);
}

/** A moment's period in Viet Nam's calendar: `2026-03`, `2026-Q1`, `2026`. */
function periodOf(column: RawBuilder<unknown>, period: StatsPeriod): RawBuilder<string> {
  // The zone as a literal, not a parameter: the same expression in `select`, `grouping` and `group by`.
  const local = sql`(${column} at time zone ${sql.lit(ZONE)})`;
  if (period === 'year') return sql<string>`to_char(${local}, 'YYYY')`;
  if (period === 'quarter') return sql<string>`to_char(${local}, 'YYYY-"Q"Q')`;
  return sql<string>`to_char(${local}, 'YYYY-MM')`;
}

type Grouped = { dimension: 'all' | 'province' | 'organisationType' | 'period' | 'sector'; key: string | null };

const asNumber = (v: unknown) => Number(v ?? 0);

/** Published listings by every dimension at once (grouping sets; sectors apart, since a listing has several). */
async function publishedCounts(db: Db, q: StatsQuery) {
  const period = periodOf(sql`f.published_at`, q.period);
  const where = sql`where ${factFilter(q)} and ${within(sql`f.published_at`, q)}`;
  const grouped = await sql<{ province: string | null; org_type: string | null; period: string | null; g: number; n: string }>`
    select f.province_code as province, f.org_type, ${period} as period, grouping(f.province_code, f.org_type, ${period}) as g, count(*) as n
    from stats_listing_facts f ${where}
    group by grouping sets ((), (f.province_code), (f.org_type), (${period}))`.execute(db);
  const bySector = await sql<{ sector: string; n: string }>`
    select s.sector, count(*) as n from stats_listing_facts f cross join unnest(f.sectors) as s(sector) ${where} group by s.sector`.execute(db);
  const rows: (Grouped & { n: number })[] = [];
  for (const r of grouped.rows) rows.push({ ...keyOfGrouping(r), n: asNumber(r.n) });
  for (const r of bySector.rows) rows.push({ dimension: 'sector', key: r.sector, n: asNumber(r.n) });
  return rows;
}

// grouping(a, b, c) is a bit mask: 0 for the set that keeps all three, 1 bit per column left out.
function keyOfGrouping(r: { province: string | null; org_type: string | null; period: string | null; g: number }): Grouped {
  const g = Number(r.g);
  if (g === 0b111) return { dimension: 'all', key: null };
  if (g === 0b011) return { dimension: 'province', key: r.province };
  if (g === 0b101) return { dimension: 'organisationType', key: r.org_type };
  return { dimension: 'period', key: r.period };
}

type DealCounts = { interests: number; negotiations: number; agreed: number; signed: number; completed: number; valueSigned: number; valuePaid: number; paidContracts: number };

/** The deals of the query followed from their interest, by every dimension. */
async function dealCounts(db: Db, q: StatsQuery) {
  const facts = sql`select * from stats_deal_facts f where ${factFilter(q)} and ${within(sql`f.created_at`, q)}`;
  const measures = sql`
    count(*) as interests, count(*) filter (where negotiated) as negotiations, count(*) filter (where agreed) as agreed,
    count(*) filter (where signed) as signed, count(*) filter (where completed) as completed,
    coalesce(sum(value_signed), 0) as value_signed, coalesce(sum(value_paid), 0) as value_paid,
    count(*) filter (where value_paid > 0) as paid_contracts`;
  type Row = Record<'interests' | 'negotiations' | 'agreed' | 'signed' | 'completed' | 'value_signed' | 'value_paid' | 'paid_contracts', string>;
  const period = periodOf(sql`created_at`, q.period);
  const grouped = await sql<Row & { province: string | null; org_type: string | null; period: string | null; g: number }>`
    with f as (${facts})
    select province_code as province, org_type, ${period} as period, grouping(province_code, org_type, ${period}) as g, ${measures}
    from f group by grouping sets ((), (province_code), (org_type), (${period}))`.execute(db);
  const bySector = await sql<Row & { sector: string }>`
    with f as (${facts})
    select s.sector, ${measures} from f cross join unnest(f.sectors) as s(sector) group by s.sector`.execute(db);
  const counts = (r: Row): DealCounts => ({
    interests: asNumber(r.interests),
    negotiations: asNumber(r.negotiations),
    agreed: asNumber(r.agreed),
    signed: asNumber(r.signed),
    completed: asNumber(r.completed),
    valueSigned: asNumber(r.value_signed),
    valuePaid: asNumber(r.value_paid),
    paidContracts: asNumber(r.paid_contracts),
  });
  const rows: (Grouped & DealCounts)[] = [];
  for (const r of grouped.rows) rows.push({ ...keyOfGrouping(r), ...counts(r) });
  for (const r of bySector.rows) rows.push({ dimension: 'sector', key: r.sector, ...counts(r) });
  return rows;
}

/** Interest to first answer, the share answered within the deadline, and interest to agreement. */
async function responseTimes(db: Db, q: StatsQuery, now: Date): Promise<ResponseTimes> {
  const r = await sql<{ interests: string; answered: string; in_time: string; median: number | null; p90: number | null; agreement: number | null }>`
    with f as (
      select f.created_at, f.answered_at, f.answer_due_at, f.agreed_at
      from stats_deal_facts f
      where f.answer_due_at is not null and ${factFilter(q)} and ${within(sql`f.created_at`, q)}
        and (f.answered_at is not null or f.answer_due_at < ${now})
    )
    select count(*) as interests, count(answered_at) as answered,
           count(*) filter (where answered_at <= answer_due_at) as in_time,
           percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at)) filter (where answered_at is not null) / 86400 as median,
           percentile_cont(0.9) within group (order by extract(epoch from answered_at - created_at)) filter (where answered_at is not null) / 86400 as p90,
           percentile_cont(0.5) within group (order by extract(epoch from agreed_at - created_at)) filter (where agreed_at is not null) / 86400 as agreement
    from f`.execute(db);
  const row = r.rows[0]!;
  const interests = asNumber(row.interests);
  const round1 = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    interests,
    answered: asNumber(row.answered),
    answeredInTime: asNumber(row.in_time),
    shareInTime: interests > 0 ? asNumber(row.in_time) / interests : null,
    medianAnswerDays: round1(row.median),
    p90AnswerDays: round1(row.p90),
    medianAgreementDays: round1(row.agreement),
  };
}

/** Offers and demands published now, by sector: where the agency should find the other side. */
async function supplyDemand(db: Db, q: StatsQuery): Promise<SupplyDemandRow[]> {
  const r = await sql<{ sector: string; offers: string; demands: string }>`
    select s.sector, count(*) filter (where f.kind = 'offer') as offers, count(*) filter (where f.kind = 'demand') as demands
    from stats_listing_facts f cross join unnest(f.sectors) as s(sector)
    where f.status = 'published' and ${factFilter(q)}
    group by s.sector`.execute(db);
  const found = new Map(r.rows.map((row) => [row.sector, row]));
  return SECTORS.filter((s) => !q.sector || s === q.sector).map((sector) => {
    const offers = asNumber(found.get(sector)?.offers);
    const demands = asNumber(found.get(sector)?.demands);
    return { sector, offers, demands, gap: gapOf(offers, demands) };
  });
}

/** How each listing of the query was published, by the transition that published it first. */
async function publishedBy(db: Db, q: StatsQuery): Promise<PublishedBy> {
  const r = await sql<{ action: string; n: string }>`
    select f.published_via as action, count(*) as n from stats_listing_facts f
    where ${factFilter(q)} and ${within(sql`f.published_at`, q)} group by f.published_via`.execute(db);
  const n = (action: string) => asNumber(r.rows.find((row) => row.action === action)?.n);
  return { review: n('approve'), import: n('import'), seed: n('seed') };
}

/** What needs the agency's care now, whatever the dates asked: stale listings, the queue, what is late. */
async function upkeep(db: Db, q: StatsQuery, now: Date): Promise<Upkeep> {
  const staleBefore = new Date(now);
  staleBefore.setUTCMonth(staleBefore.getUTCMonth() - STALE_AFTER_MONTHS);
  // The listings in one pass; then what is late among deals and milestones.
  const r = await sql<{ stale: string; queue: string; oldest: number | null; median: number | null; deals: string; milestones: string }>`
    with waiting as (select extract(epoch from ${now}::timestamptz - l.submitted_at) / 86400 as days from listings l
                     where l.status = 'pending_review' and l.submitted_at is not null and ${listingFilter(q)})
    select
      (select count(*) from listings l
        where l.status = 'published' and coalesce(l.confirmed_active_at, l.published_at) < ${staleBefore} and ${listingFilter(q)}) as stale,
      (select count(*) from listings l where l.status = 'pending_review' and ${listingFilter(q)}) as queue,
      (select max(days) from waiting) as oldest,
      (select percentile_cont(0.5) within group (order by days) from waiting) as median,
      (select count(*) from deals d join listings l on l.id = d.listing_id
        where d.stage in ('introduced', 'inquiry') and d.answer_due_at < ${now} and ${listingFilter(q)}) as deals,
      (select count(*) from milestones m join contracts c on c.id = m.contract_id join deals d on d.id = c.deal_id join listings l on l.id = d.listing_id
        where m.stage = 'due' and c.stage = 'signed' and m.pay_by <= ${now} and ${listingFilter(q)}) as milestones`.execute(db);
  const row = r.rows[0]!;
  const days = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    staleListings: asNumber(row.stale),
    reviewQueue: asNumber(row.queue),
    oldestReviewDays: days(row.oldest),
    medianReviewDays: days(row.median),
    dealsOverdue: asNumber(row.deals),
    milestonesOverdue: asNumber(row.milestones),
  };
}

/** Listings published now, and the organisations behind them, from the listing view. */
async function headlineCounts(db: Db) {
  const r = await sql<{ offers: string; demands: string; organisations: string }>`
    select count(*) filter (where kind = 'offer') as offers, count(*) filter (where kind = 'demand') as demands,
           count(distinct organisation_id) as organisations
    from stats_listing_facts where status = 'published'`.execute(db);
  const c = r.rows[0]!;
  return { offers: asNumber(c.offers), demands: asNumber(c.demands), organisations: asNumber(c.organisations) };
}

/** What the views give for one query: the same until they are rebuilt. */
async function viewFigures(db: Db, query: StatsQuery, now: Date) {
  const [published, deals, times, gaps, by, headlines, care] = await Promise.all([publishedCounts(db, query), dealCounts(db, query), responseTimes(db, query, now), supplyDemand(db, query), publishedBy(db, query), headlineCounts(db), upkeep(db, query, now)]);
  return { published, deals, times, gaps, by, headlines, care };
}

// The views change only when the job rebuilds them, so the figures are kept per database, per
// rebuild and per query, upkeep included (read from the tables at the first view after a rebuild):
// every figure on a page is "as of" the same moment, and only the first view in 5 minutes pays.
const CACHED_QUERIES = 200;
const cache = new WeakMap<object, Map<string, Promise<Awaited<ReturnType<typeof viewFigures>>>>>();

function cachedViewFigures(db: Db, query: StatsQuery, refreshedAt: Date | null, now: Date) {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  const key = `${refreshedAt?.toISOString() ?? 'never'} ${JSON.stringify(query)}`;
  let figures = forDb.get(key);
  if (!figures) {
    figures = viewFigures(db, query, now);
    figures.catch(() => forDb.delete(key));
    forDb.set(key, figures);
    if (forDb.size > CACHED_QUERIES) forDb.delete(forDb.keys().next().value!);
  }
  return figures;
}

/** Every figure of the market for one query (the public page shows a suppressed part of it). */
export async function marketFigures(ctx: Pick<AppContext, 'db' | 'clock'>, query: StatsQuery): Promise<MarketStats> {
  const refreshedAt = await factsRefreshedAt(ctx.db);
  const { published, deals, times, gaps, by, headlines, care } = await cachedViewFigures(ctx.db, query, refreshedAt, ctx.clock());
  const rowsOf = (dimension: Grouped['dimension']): FunnelRow[] => {
    const rows = new Map<string, FunnelRow>();
    const row = (key: string | null) => {
      const k = key ?? '';
      if (!rows.has(k)) rows.set(k, emptyFunnelRow(k));
      return rows.get(k)!;
    };
    for (const p of published) if (p.dimension === dimension) row(p.key).published = p.n;
    for (const d of deals) {
      if (d.dimension !== dimension) continue;
      const { dimension: _d, key, ...counts } = d;
      Object.assign(row(key), counts);
    }
    return [...rows.values()].sort((a, b) => (dimension === 'period' ? a.key.localeCompare(b.key) : b.interests - a.interests || b.published - a.published || a.key.localeCompare(b.key)));
  };
  return {
    query,
    refreshedAt: refreshedAt?.toISOString() ?? null,
    funnel: rowsOf('all')[0] ?? emptyFunnelRow(''),
    publishedBy: by,
    bySector: rowsOf('sector').filter((r) => !query.sector || r.key === query.sector),
    byProvince: rowsOf('province'),
    byOrganisationType: rowsOf('organisationType'),
    byPeriod: rowsOf('period'),
    responseTimes: times,
    supplyDemand: gaps,
    upkeep: care,
    headlines,
  };
}

/** The agency's dashboard: curators only. */
export async function agencyStats(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor | null, query: StatsQuery): Promise<MarketStats> {
  if (!mayCurate(actor)) throw new PermissionError('forbidden_curator');
  return marketFigures(ctx, query);
}

/** The query a URL asks for, or a 400 naming each parameter that is wrong. */
export function statsQueryFrom(params: URLSearchParams): StatsQuery {
  const parsed = parseStatsQuery(params);
  if (!parsed.ok) throw new InvalidInputError(Object.fromEntries(Object.entries(parsed.errors).map(([key, code]) => [key, [problem(code as ProblemCode)]])));
  return parsed.query;
}

/** One of the agency's tables for export (curators only). */
export async function agencyExport(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor | null, name: string, params: URLSearchParams, namer: Namer): Promise<StatsTable> {
  if (!actor) throw new AuthenticationError();
  if (!mayCurate(actor)) throw new PermissionError('forbidden_curator');
  if (!isAgencyTable(name)) throw new InvalidInputError({ table: [problem('unknown_table')] });
  return agencyTable(await marketFigures(ctx, statsQueryFrom(params)), name, namer);
}

/** One of the public tables, suppressed, for anyone. */
export async function publicExport(ctx: Pick<AppContext, 'db' | 'clock'>, name: string, params: URLSearchParams, namer: Namer): Promise<StatsTable> {
  if (!isPublicTable(name)) throw new InvalidInputError({ table: [problem('unknown_table')] });
  return publicTable(await marketFigures(ctx, statsQueryFrom(params)), name, namer);
}

export interface PublicMarket {
  headlines: { offers: number | null; demands: number | null; organisations: number | null; completed: number | null; valueSigned: number | null };
  funnel: PublicFunnelRow;
  supplyDemand: PublicSupplyDemandRow[];
}

/** The public page: headline figures, the funnel and the sector gaps; aggregates only, cells under 3 hidden. */
export async function publicMarket(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<PublicMarket> {
  const stats = await marketFigures(ctx, DEFAULT_STATS_QUERY);
  const funnel = publicFunnelRow(stats.funnel);
  const h = stats.headlines;
  return {
    headlines: { offers: publicCount(h.offers), demands: publicCount(h.demands), organisations: publicCount(h.organisations), completed: funnel.completed, valueSigned: funnel.valueSigned },
    funnel,
    supplyDemand: publicSupplyDemand(stats.supplyDemand),
  };
}

/** Rebuilds the statistics' views from the tables (the `stats-refresh` job, every few minutes; tests and the demo seed after writing). */
export async function refreshMarketFacts(db: Db): Promise<Date> {
  await sql`refresh materialized view concurrently stats_listing_facts`.execute(db);
  await sql`refresh materialized view concurrently stats_deal_facts`.execute(db);
  const row = await db.updateTable('stats_refreshes').set({ refreshed_at: new Date() }).returning('refreshed_at').executeTakeFirstOrThrow();
  return row.refreshed_at;
}

/** When the figures were last rebuilt. */
export async function factsRefreshedAt(db: Db): Promise<Date | null> {
  return (await db.selectFrom('stats_refreshes').select('refreshed_at').executeTakeFirst())?.refreshed_at ?? null;
}
