import type { ActionFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { milestoneActionSchema } from '../domain/contract-form.js';
import { takeMilestoneTransition } from '../services/milestones.server.js';
import { apiResponse, methodNotAllowed, readJson } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { parsed } from '../web/form-schema.server.js';

/**
 * POST `{ name, version?, note? }`: the buyer's `report_transfer`, `accept`, `request_changes`
 * (note required); the seller's `confirm_receipt`, `report_not_received`, `deliver` (note
 * required). 409 when somebody acted first or the milestone is not at that step.
 */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    const { name, version, note } = parsed(milestoneActionSchema, await readJson(request));
    return { data: await takeMilestoneTransition(ctx, actor, params.id ?? '', name, { version, note }) };
  });

export const loader = methodNotAllowed;
