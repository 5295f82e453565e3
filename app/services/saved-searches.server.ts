// Saved searches: a signed-in person keeps a query with its filters and hears of new listings
// that meet it (in the app at once, by email in the daily digest).
import type { Actor } from '../domain/actor.js';
import { ListingQueryError, listingQueryToParams, parseListingQuery } from '../domain/listing-query.js';
import { savedSearchInputSchema } from '../domain/saved-search-input.js';
import { searchListingsInIndex } from '../../search/queries.js';
import type { AppContext } from '../context.server.js';
import { NotFoundError, invalidField, parsed } from './errors.js';
import { isUuid } from './listings.server.js';
import { notifyUser } from './notifications.server.js';

export async function saveSearch(ctx: AppContext, actor: Actor, input: unknown): Promise<{ id: string }> {
  const v = parsed(savedSearchInputSchema, input);
  let params: URLSearchParams;
  try {
    const query = parseListingQuery(new URLSearchParams(v.query));
    params = listingQueryToParams({ ...query, page: 1, sort: query.q ? 'relevance' : 'newest' });
  } catch (error) {
    if (error instanceof ListingQueryError) throw invalidField('query', 'query_parameter', { parameter: error.parameter });
    throw error;
  }
  return ctx.db.insertInto('saved_searches').values({ user_id: actor.userId, name: v.name, query: params.toString() }).returning('id').executeTakeFirstOrThrow();
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
 * never alerts twice.
 */
export async function alertSavedSearches(ctx: AppContext, listingId: string): Promise<number> {
  const listing = await ctx.db.selectFrom('listings').select(['title', 'organisation_id', 'status']).where('id', '=', listingId).executeTakeFirst();
  if (!listing || listing.status !== 'published') return 0;
  const searches = await ctx.db
    .selectFrom('saved_searches as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.name', 's.query', 'u.id as user_id', 'u.email', 'u.organisation_id'])
    // A removed member hears nothing more from the market.
    .where('u.removed_at', 'is', null)
    // Searches already told of this listing are not asked again (the insert below still decides).
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('saved_search_alerts as a').select('a.listing_id').whereRef('a.saved_search_id', '=', 's.id').where('a.listing_id', '=', listingId))),
    )
    .execute();
  let alerted = 0;
  for (const s of searches) {
    if (s.organisation_id === listing.organisation_id) continue; // one's own listing is no news
    const query = parseListingQuery(new URLSearchParams(s.query));
    const { cards } = await searchListingsInIndex(ctx.search, { ...query, page: 1, perPage: 1 }, { facets: false, extraFilter: [`id = "${listingId}"`] });
    if (cards.length === 0) continue;
    const first = await ctx.db.transaction().execute(async (trx) => {
      const recorded = await trx
        .insertInto('saved_search_alerts')
        .values({ saved_search_id: s.id, listing_id: listingId, alerted_at: ctx.clock() })
        .onConflict((oc) => oc.columns(['saved_search_id', 'listing_id']).doNothing())
        .returning('listing_id')
        .executeTakeFirst();
      if (!recorded) return false;
      await notifyUser(ctx, trx, { id: s.user_id }, { kind: 'saved_search_hit', params: { name: s.name, title: listing.title }, link: `/listings/${listingId}` });
      return true;
    });
    if (first) alerted += 1;
  }
  return alerted;
}
