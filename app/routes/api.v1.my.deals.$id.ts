import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { getDeal } from '../services/deal-views.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/**
 * GET: one deal as the deal page shows it to this person — the confidential details and the
 * contacts only once the NDA is in force, the owner's name only once it accepted. 404 for anyone
 * but its two organisations and curators.
 */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await getDeal(ctx, await requireApiActor(ctx, request), params.id ?? '') };
  });

export const action = methodNotAllowed;
