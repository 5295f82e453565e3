import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { getContract } from '../services/contract-views.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';

/**
 * GET: the contract as its page shows it to this person — stage, version, content hash, text,
 * blanks, signatures, milestones, the reader's own details when they sign for a party, and the
 * transitions open to them. 404 for anyone but the deal's two organisations and curators.
 */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    return { data: await getContract(ctx, await requireApiActor(ctx, request), params.id ?? '') };
  });

export const action = methodNotAllowed;
