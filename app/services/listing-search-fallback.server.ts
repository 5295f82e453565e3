// Search when Meilisearch cannot answer: PostgreSQL full-text search over the same public
// listings, diacritics folded by unaccent, with the same filters, sorts and facet counts.
// The matching rows are found once (a materialised CTE); the page, the count and every facet
// are computed from them in the same statement, then the page's cards are read by id.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connection.js';
import { FACETS, type Facet, type FacetCounts, type ListingQuery } from '../domain/listing-query.js';
import type { ListingSearchResult } from '../../search/queries.js';
import { publishedListings, rowsToCards } from './listing-rows.server.js';

function tsQuery(q: string) {
  return sql`websearch_to_tsquery('simple'::regconfig, opentex_fold(${q}))`;
}

/** The query's conditions as SQL, values bound. */
function conditions(query: ListingQuery): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = [sql`l.status = 'published'`];
  if (query.kind) c.push(sql`l.kind = ${query.kind}`);
  if (query.sectors.length) c.push(sql`l.sectors && ${query.sectors}::text[]`);
  if (query.transferModes.length) c.push(sql`l.transfer_modes && ${query.transferModes}::text[]`);
  if (query.ipStatuses.length) c.push(sql`l.ip_status = any(${query.ipStatuses}::text[])`);
  // An anonymous owner's type and place never narrow a search here: the fallback does not
  // count crowds, so it answers as if they were withheld (docs/decisions/013-anonymity.md).
  if (query.provinces.length) c.push(sql`not l.anonymous and l.province_code = any(${query.provinces}::text[])`);
  if (query.organisationTypes.length) c.push(sql`not l.anonymous and o.type = any(${query.organisationTypes}::text[])`);
  if (query.trlMin !== null) c.push(sql`l.trl >= ${query.trlMin}`);
  if (query.trlMax !== null) c.push(sql`l.trl <= ${query.trlMax}`);
  if (query.q) c.push(sql`l.search_vector @@ ${tsQuery(query.q)}`);
  return c;
}

function order(query: ListingQuery): RawBuilder<unknown> {
  switch (query.sort) {
    case 'price_asc':
      return sql`price_min asc nulls last, published_at desc, id`;
    case 'price_desc':
      return sql`price_min desc nulls last, published_at desc, id`;
    case 'relevance':
      return query.q ? sql`rank desc, published_at desc, id` : sql`published_at desc, id`;
    default:
      return sql`published_at desc, id`;
  }
}

const FACET_VALUES: Record<Facet, RawBuilder<string>> = {
  sectors: sql`unnest(sectors)`,
  transfer_modes: sql`unnest(transfer_modes)`,
  ip_status: sql`ip_status`,
  province: sql`case when anonymous then null else province_code end`,
  organisation_type: sql`case when anonymous then null else organisation_type end`,
  kind: sql`kind`,
};

export async function searchListingsInDatabase(db: Database, query: ListingQuery): Promise<ListingSearchResult> {
  const started = performance.now();
  const rank = query.q ? sql`ts_rank(l.search_vector, ${tsQuery(query.q)})` : sql`0`;
  const facetColumns = FACETS.map(
    (f) => sql`(select coalesce(json_object_agg(v, n), '{}'::json) from (select ${FACET_VALUES[f]} as v, count(*) as n from hits group by 1) f where v is not null) as ${sql.ref(f)}`,
  );
  const { rows } = await sql<{ total: string; page: string[] | null } & Record<Facet, Record<string, string | number>>>`
    with hits as materialized (
      select l.id, l.kind, l.sectors, l.transfer_modes, l.ip_status, l.province_code, l.anonymous, l.price_min, l.published_at,
             o.type as organisation_type, ${rank} as rank
      from listings l join organisations o on o.id = l.organisation_id
      where ${sql.join(conditions(query), sql` and `)}
    )
    select (select count(*) from hits) as total,
           (select json_agg(id) from (select id from hits order by ${order(query)} limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) p) as page,
           ${sql.join(facetColumns, sql`, `)}
  `.execute(db);
  const result = rows[0]!;
  const ids = result.page ?? [];
  const cardRows = ids.length ? await publishedListings(db).where('l.id', 'in', ids).execute() : [];
  const cards = await rowsToCards(db, cardRows);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const facets: FacetCounts = {};
  for (const f of FACETS) facets[f] = Object.fromEntries(Object.entries(result[f] ?? {}).map(([k, n]) => [k, Number(n)]));
  return {
    cards: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    total: Number(result.total),
    facets,
    processingTimeMs: Math.round(performance.now() - started),
  };
}
