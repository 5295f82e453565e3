// Search when Meilisearch cannot answer: PostgreSQL full-text search over the same public
// listings, diacritics folded by unaccent, with the same filters, sorts and facet counts.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connection.js';
import { FACETS, type Facet, type FacetCounts, type ListingQuery } from '../domain/listing-query.js';
import type { ListingSearchResult } from '../../search/queries.js';
import { publishedListings, rowToCard } from './listing-rows.server.js';

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
  if (query.provinces.length) c.push(sql`l.province_code = any(${query.provinces}::text[])`);
  if (query.organisationTypes.length) c.push(sql`o.type = any(${query.organisationTypes}::text[])`);
  if (query.trlMin !== null) c.push(sql`l.trl >= ${query.trlMin}`);
  if (query.trlMax !== null) c.push(sql`l.trl <= ${query.trlMax}`);
  if (query.q) c.push(sql`l.search_vector @@ ${tsQuery(query.q)}`);
  return c;
}

const allOf = (c: RawBuilder<boolean>[]) => sql<boolean>`${sql.join(c, sql` and `)}`;

function filtered(db: Database) {
  return db.selectFrom('listings as l').innerJoin('organisations as o', 'o.id', 'l.organisation_id');
}

export async function searchListingsInDatabase(db: Database, query: ListingQuery): Promise<ListingSearchResult> {
  const started = performance.now();
  let page = publishedListings(db).where(allOf(conditions(query)));
  switch (query.sort) {
    case 'price_asc':
      page = page.orderBy(sql`l.price_min asc nulls last`).orderBy('l.published_at', 'desc');
      break;
    case 'price_desc':
      page = page.orderBy(sql`l.price_min desc nulls last`).orderBy('l.published_at', 'desc');
      break;
    case 'relevance':
      page = query.q
        ? page.orderBy(sql`ts_rank(l.search_vector, ${tsQuery(query.q)})`, 'desc').orderBy('l.published_at', 'desc')
        : page.orderBy('l.published_at', 'desc');
      break;
    default:
      page = page.orderBy('l.published_at', 'desc');
  }
  const rows = await page.orderBy('l.id').limit(query.perPage).offset((query.page - 1) * query.perPage).execute();
  const countRow = await filtered(db)
    .where(allOf(conditions(query)))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const facets = await facetCounts(db, query);
  return {
    cards: rows.map(rowToCard),
    total: Number(countRow.n),
    facets,
    processingTimeMs: Math.round(performance.now() - started),
  };
}

const FACET_COLUMN: Record<Facet, { expr: string; array: boolean }> = {
  sectors: { expr: 'l.sectors', array: true },
  transfer_modes: { expr: 'l.transfer_modes', array: true },
  ip_status: { expr: 'l.ip_status', array: false },
  province: { expr: 'l.province_code', array: false },
  organisation_type: { expr: 'o.type', array: false },
  kind: { expr: 'l.kind', array: false },
};

// Counts as Meilisearch gives them: each facet counted over the hits of the whole query.
async function facetCounts(db: Database, query: ListingQuery): Promise<FacetCounts> {
  const out: FacetCounts = {};
  for (const facet of FACETS) {
    const { expr, array } = FACET_COLUMN[facet];
    const value = array ? sql<string>`unnest(${sql.raw(expr)})` : sql<string>`${sql.raw(expr)}`;
    const base = filtered(db).where(allOf(conditions(query))).select(value.as('value'));
    const rows = await db
      .selectFrom(base.as('f'))
      .select(['f.value', (eb) => eb.fn.countAll<string>().as('n')])
      .where('f.value', 'is not', null)
      .groupBy('f.value')
      .execute();
    out[facet] = Object.fromEntries(rows.map((r) => [r.value, Number(r.n)]));
  }
  return out;
}
