import type { ActionFunctionArgs } from '@remix-run/node';
import { handleStripeWebhook } from '../services/stripe-webhook.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { MAX_BODY_BYTES, readBodyBytes } from '../web/body.server.js';
import { appContext } from '../web/context.server.js';

/**
 * POST from Stripe (the Connect endpoint's events): no session and no CSRF check — the signature
 * over the raw body is the only credential (Stripe sends no Origin, so the edge lets it through).
 * 200 `{ received, eventId, type, outcome }` for every verified event, handled, ignored or a
 * duplicate; 400 `{ error, code: "webhook_signature" }` when the signature does not verify.
 */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    // The raw body, decoded as `request.text()` would, but counted against the 1 MB limit as it arrives.
    const rawBody = new TextDecoder().decode(await readBodyBytes(request, MAX_BODY_BYTES));
    const result = await handleStripeWebhook(appContext(context), rawBody, request.headers.get('stripe-signature'));
    return Response.json({ received: true, ...result }, { headers: { 'Cache-Control': 'no-store' } });
  });

export const loader = methodNotAllowed;
