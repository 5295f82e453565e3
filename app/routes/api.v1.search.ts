import type { LoaderFunctionArgs } from '@remix-run/node';
import { ListingQueryError, parseListingQuery } from '../domain/listing-query.js';
import { findListings } from '../services/listings.server.js';
import { apiResponse, listingPage, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const params = new URL(request.url).searchParams;
    const query = parseListingQuery(params);
    if (!query.q) throw new ListingQueryError('q', 'Missing parameter "q": the words to search for');
    return listingPage(query, await findListings(appContext(context), query));
  });

export const action = methodNotAllowed;
