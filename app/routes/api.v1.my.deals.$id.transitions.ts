import type { ActionFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { dealActionSchema } from '../domain/deal-actions.js';
import { actOnDeal } from '../services/deals.server.js';
import { apiResponse, methodNotAllowed, readJson } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { parsed } from '../web/form-schema.server.js';

/**
 * POST `{ name, version, … }`: take a transition of the deal — accept, decline (`declineReason`,
 * `reason`), propose_nda, accept_nda, propose_terms (`terms`), accept_terms (`termsVersion`),
 * withdraw (`reason`), terminate (`reason`, curators). 409 when somebody acted first.
 */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    const body = await readJson(request);
    return { data: await actOnDeal(ctx, actor, params.id ?? '', parsed(dealActionSchema, body)) };
  });

export const loader = methodNotAllowed;
