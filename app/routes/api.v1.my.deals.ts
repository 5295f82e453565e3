import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { newDealSchema } from '../domain/deal-actions.js';
import { listMyDeals } from '../services/deal-inbox.server.js';
import { expressInterest } from '../services/deals.server.js';
import { apiResponse, methodNotAllowed, readJson } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { parsed } from '../web/form-schema.server.js';

/** GET: the organisation's deals, grouped by what they wait for (the inbox of /my/deals). */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await listMyDeals(ctx, await requireApiActor(ctx, request)) };
  });

/**
 * POST: interest in a published listing — `{ listingId, cooperation, unclear, aboutUs,
 * transferMode, priceIndication }`. 201 with the new deal, or 200 with the organisation's open
 * deal on that listing (one open deal per organisation and listing).
 */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    const { listingId, ...interest } = parsed(newDealSchema, await readJson(request));
    const deal = await expressInterest(ctx, actor, listingId, interest);
    return Response.json({ data: deal }, { status: deal.existing ? 200 : 201, headers: { Location: `/api/v1/my/deals/${deal.id}` } });
  });
