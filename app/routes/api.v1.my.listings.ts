import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { listingInputSchema } from '../domain/listing-input.js';
import { parsed } from '../web/form-schema.server.js';
import { createListing, listOwnListings } from '../services/my-listings.server.js';
import { apiResponse, methodNotAllowed, readJson } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/** GET: the signed-in organisation's listings, in every state. */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await listOwnListings(ctx, await requireApiActor(ctx, request)) };
  });

/** POST: a new draft, with the fields of GET /api/v1/my/listings/:id's `data.input` (the listing form's schema). */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    const { id } = await createListing(ctx, actor, parsed(listingInputSchema, await readJson(request)));
    return Response.json({ data: { id, status: 'draft' } }, { status: 201 });
  });
