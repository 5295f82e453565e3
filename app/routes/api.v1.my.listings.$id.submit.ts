import type { ActionFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { applyListingTransition } from '../services/listing-lifecycle.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/** POST: send a draft (or a listing with changes requested, or rejected) to the curators; 400 with `fields` while incomplete. */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    return { data: await applyListingTransition(ctx, actor, params.id ?? '', 'submit') };
  });

export const loader = methodNotAllowed;
