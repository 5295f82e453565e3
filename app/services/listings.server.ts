// Use cases of the public market: browse, search, read a listing.
import type { ListingCard, ListingDetail } from '../domain/listing.js';
import { DEFAULT_PER_PAGE, type FacetCounts, type ListingQuery } from '../domain/listing-query.js';
import { isSearchUnavailable } from '../../search/client.js';
import { searchListingsInIndex } from '../../search/queries.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError } from './errors.js';
import { searchListingsInDatabase } from './listing-search-fallback.server.js';
import { findPublishedListing, publishedListings, rowsToCards } from './listing-rows.server.js';

export type SearchEngine = 'meilisearch' | 'postgres';

export interface ListingResults {
  cards: ListingCard[];
  total: number;
  facets: FacetCounts;
  /** `postgres` when Meilisearch could not answer and the full-text fallback did. */
  engine: SearchEngine;
  processingTimeMs: number;
}

/**
 * Browse or search published listings; falls back to PostgreSQL when Meilisearch does not answer.
 * Any other error is a fault of ours and is not hidden behind the fallback.
 */
export async function findListings(ctx: AppContext, query: ListingQuery): Promise<ListingResults> {
  try {
    const result = await searchListingsInIndex(ctx.search, query);
    return { ...result, engine: 'meilisearch' };
  } catch (error) {
    if (!isSearchUnavailable(error)) throw error;
    const result = await searchListingsInDatabase(ctx.db, query);
    return { ...result, engine: 'postgres' };
  }
}

export async function getListing(ctx: AppContext, id: string): Promise<ListingDetail> {
  if (!isUuid(id)) throw new NotFoundError('listing', id);
  const listing = await findPublishedListing(ctx.db, id);
  if (!listing) throw new NotFoundError('listing', id);
  return listing;
}

/**
 * Listings of the same kind and a shared sector, newest first. Never the owner's own: beside an
 * anonymous listing they would name it, and beside a named one they would tie its anonymous ones to it.
 */
export async function relatedListings(ctx: AppContext, listing: ListingDetail, limit = 4): Promise<ListingCard[]> {
  const owner = await ctx.db.selectFrom('listings').select('organisation_id').where('id', '=', listing.id).executeTakeFirst();
  if (!owner) return [];
  const query = emptyQuery({ kind: listing.kind, sectors: listing.sectors, perPage: limit + RELATED_SPARE });
  const { cards } = await findListings(ctx, query);
  const ids = cards.map((c) => c.id);
  const own = ids.length
    ? new Set((await ctx.db.selectFrom('listings').select('id').where('id', 'in', ids).where('organisation_id', '=', owner.organisation_id).execute()).map((r) => r.id))
    : new Set<string>();
  return cards.filter((c) => c.id !== listing.id && !own.has(c.id)).slice(0, limit);
}

/** Candidates read beyond the limit, so that the owner's own listings leave enough others. */
const RELATED_SPARE = 12;

export async function newestListings(ctx: AppContext, limit = 6): Promise<ListingCard[]> {
  const rows = await publishedListings(ctx.db).orderBy('l.published_at', 'desc').orderBy('l.id').limit(limit).execute();
  return rowsToCards(ctx.db, rows);
}

/** What the agency chose to put on the home page, newest first. */
export async function featuredListings(ctx: AppContext, limit = 6): Promise<ListingCard[]> {
  const rows = await publishedListings(ctx.db).where('l.featured', '=', true).orderBy('l.published_at', 'desc').orderBy('l.id').limit(limit).execute();
  return rowsToCards(ctx.db, rows);
}

export function emptyQuery(overrides: Partial<ListingQuery> = {}): ListingQuery {
  return {
    q: '', kind: null, sectors: [], trlMin: null, trlMax: null, transferModes: [], ipStatuses: [],
    provinces: [], organisationTypes: [], sort: 'newest', page: 1, perPage: DEFAULT_PER_PAGE, ...overrides,
  };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
