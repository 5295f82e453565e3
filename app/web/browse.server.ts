import { data, type AppLoadContext } from '@remix-run/node';
import { ListingQueryError, parseListingQuery, type ListingQuery } from '../domain/listing-query.js';
import type { ListingKind } from '../domain/taxonomy.js';
import { findListings } from '../services/listings.server.js';
import type { BrowseData } from '../ui/listing-browser.js';
import { appContext } from './context.server.js';

/**
 * Loader body of the browse and search pages. A parameter the API refuses is refused here too,
 * with the same sentence (status 400): the form keeps the other filters so that the reader can
 * mend it, and no results pretend the bad filter was applied.
 */
export async function loadBrowse(request: Request, context: AppLoadContext, fixedKind?: ListingKind) {
  const params = new URL(request.url).searchParams;
  let invalidParameter: string | null = null;
  let query: ListingQuery | null = null;
  for (let attempt = 0; attempt < 12 && !query; attempt += 1) {
    try {
      query = parseListingQuery(params, fixedKind);
    } catch (error) {
      if (!(error instanceof ListingQueryError)) throw error;
      invalidParameter ??= error.parameter;
      if (!params.has(error.parameter)) break;
      params.delete(error.parameter);
    }
  }
  query ??= parseListingQuery(new URLSearchParams(), fixedKind);
  if (invalidParameter) {
    const refused: BrowseData = { query, cards: [], total: 0, facets: {}, engine: 'meilisearch', invalidParameter };
    return data(refused, { status: 400 });
  }
  const result = await findListings(appContext(context), query);
  const body: BrowseData = {
    query,
    cards: result.cards,
    total: result.total,
    facets: result.facets,
    engine: result.engine,
    invalidParameter: null,
  };
  return data(body, { status: 200 });
}
