import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { listMilestones } from '../services/contract-views.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/** GET: the contract's milestones in order (none until it is signed: they fall due at signing). */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await listMilestones(ctx, await requireApiActor(ctx, request), params.id ?? '') };
  });

export const action = methodNotAllowed;
