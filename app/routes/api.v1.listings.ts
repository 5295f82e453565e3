import type { LoaderFunctionArgs } from '@remix-run/node';
import { parseListingQuery } from '../domain/listing-query.js';
import { findListings } from '../services/listings.server.js';
import { apiResponse, listingPage, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const query = parseListingQuery(new URL(request.url).searchParams);
    return listingPage(query, await findListings(appContext(context), query));
  });

export const action = methodNotAllowed;
