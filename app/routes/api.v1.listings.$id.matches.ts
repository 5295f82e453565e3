import type { LoaderFunctionArgs } from '@remix-run/node';
import { getApiActor } from '../auth/session.server.js';
import { listingMatches } from '../services/matching.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/** The listing's matches with scores and reasons: the top public ones, or all for its owner. */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    const { matches } = await listingMatches(ctx, params.id ?? '', await getApiActor(ctx, request));
    return { data: matches };
  });

export const action = methodNotAllowed;
