import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { getMilestoneDetails } from '../services/contract-views.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/**
 * GET: one milestone as its page shows it — stage, version, amount, transfer reference, payments,
 * history, the transitions open to this person and, while the buyer has to pay, the seller's
 * account with the VietQR payload (`bankTransfer.qrPayload`) to draw the code from.
 */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await getMilestoneDetails(ctx, await requireApiActor(ctx, request), params.id ?? '') };
  });

export const action = methodNotAllowed;
