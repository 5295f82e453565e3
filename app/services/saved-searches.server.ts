// Saved searches: a signed-in person keeps a query with its filters and hears of new listings
// that meet it (in the app at once, by email in the daily digest).
import type { Actor } from '../domain/actor.js';
import { ListingQueryError, listingQueryToParams, parseListingQuery, type ListingQuery } from '../domain/listing-query.js';
import { savedSearchInputSchema } from '../domain/saved-search-input.js';
import { findSavedSearchesMet, savedSearchFilterColumns } from './saved-search-alerts.server.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError, invalidField, parsed } from './errors.js';
import { isUuid } from './listings.server.js';

export async function saveSearch(ctx: AppContext, actor: Actor, input: unknown): Promise<{ id: string }> {
  const v = parsed(savedSearchInputSchema, input);
  let params: URLSearchParams;
  let query: ListingQuery;
  try {
    query = parseListingQuery(new URLSearchParams(v.query));
    params = listingQueryToParams({ ...query, page: 1, sort: query.q ? 'relevance' : 'newest' });
  } catch (error) {
    if (error instanceof ListingQueryError) throw invalidField('query', 'query_parameter', { parameter: error.parameter });
    throw error;
  }
  return ctx.db.insertInto('saved_searches').values({ user_id: actor.userId, name: v.name, query: params.toString(), ...savedSearchFilterColumns(query) }).returning('id').executeTakeFirstOrThrow();
}

export async function listSavedSearches(ctx: AppContext, actor: Actor) {
  return ctx.db.selectFrom('saved_searches').select(['id', 'name', 'query', 'created_at']).where('user_id', '=', actor.userId).orderBy('created_at', 'desc').execute();
}

export async function deleteSavedSearch(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError('listing', id);
  const result = await ctx.db.deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('listing', id);
}

/**
 * After a listing is published: tell the owner of every saved search it meets, once. The alert is
 * recorded per (saved search, listing) with its notification, so a retried job or a renewal
 * never alerts twice. One SQL query picks the saved searches whose filters the listing meets and
 * one Meilisearch multi-search checks their texts (docs/decisions/030-saved-search-alerts.md).
 */
export async function alertSavedSearches(ctx: AppContext, listingId: string): Promise<number> {
  const listing = await ctx.db.selectFrom('listings').select(['title', 'organisation_id', 'status']).where('id', '=', listingId).executeTakeFirst();
  if (!listing || listing.status !== 'published') return 0;
  const met = await findSavedSearchesMet(ctx, listingId, listing.organisation_id);
  let alerted = 0;
  for (let i = 0; i < met.length; i += ALERT_BATCH) {
    const batch = met.slice(i, i + ALERT_BATCH);
    alerted += await ctx.db.transaction().execute(async (trx) => {
      const recorded = await trx
        .insertInto('saved_search_alerts')
        .values(batch.map((s) => ({ saved_search_id: s.id, listing_id: listingId, alerted_at: ctx.clock() })))
        .onConflict((oc) => oc.columns(['saved_search_id', 'listing_id']).doNothing())
        .returning('saved_search_id')
        .execute();
      if (recorded.length === 0) return 0;
      const first = new Set(recorded.map((r) => r.saved_search_id));
      // In the app now, by email in the daily digest (notifyUser's { email: false }).
      await trx
        .insertInto('notifications')
        .values(
          batch
            .filter((s) => first.has(s.id))
            .map((s) => ({
              user_id: s.userId,
              kind: 'saved_search_hit',
              params: JSON.stringify({ name: s.name, title: listing.title }),
              link: `/listings/${listingId}`,
              created_at: ctx.clock(),
              emailed_at: null,
            })),
        )
        .execute();
      return first.size;
    });
  }
  return alerted;
}

/** Rows per insert: two tables, well under PostgreSQL's 65,535 parameters. */
const ALERT_BATCH = 2000;
