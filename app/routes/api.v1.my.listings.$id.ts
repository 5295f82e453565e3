import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { listingDraftUpdateSchema } from '../domain/listing-input.js';
import { parsed } from '../web/form-schema.server.js';
import { getOwnListing, updateListing } from '../services/my-listings.server.js';
import { apiResponse, methodNotAllowed, readJson } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/** GET: the whole listing for its owner: status, version, confidential details, history. */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await getOwnListing(ctx, await requireApiActor(ctx, request), params.id ?? '') };
  });

/** PATCH: replace the listing's fields (a draft may stay incomplete); `version` (optional) guards against lost updates. */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'PATCH') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    const input = parsed(listingDraftUpdateSchema, await readJson(request));
    const result = await updateListing(ctx, actor, params.id ?? '', input, input.version ?? null);
    return { data: { id: params.id, ...result } };
  });
