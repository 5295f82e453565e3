import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { getLanguage } from '../i18n/language.server.js';
import { startCardPayment } from '../services/card-payments.server.js';
import { appContext } from '../web/context.server.js';
import { isExpectedFailure } from '../web/failure.server.js';
import { asPage } from '../web/page-errors.server.js';

const milestonePage = (id: string) => `/milestones/${encodeURIComponent(id)}`;

/**
 * POST, the buyer's "pay by card" button: 303 to Stripe Checkout (the milestone's open checkout
 * if there is one). A refusal goes back to the milestone page with `?card=<problem code>` for it
 * to explain (no card payment configured, amount above Stripe's limit, not due, not the buyer …);
 * a milestone the person may not see is the 404 page.
 */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  asPage(async () => {
    const ctx = appContext(context);
    const actor = await requireActor(ctx, request);
    const id = params.id ?? '';
    try {
      const checkout = await startCardPayment(ctx, actor, id, { lang: await getLanguage(request) });
      return redirect(checkout.url, 303);
    } catch (error) {
      if (isExpectedFailure(error) && error.kind !== 'hidden') return redirect(`${milestonePage(id)}?card=${error.problem.code}`, 303);
      throw error;
    }
  });

export const loader = ({ params }: LoaderFunctionArgs) => redirect(milestonePage(params.id ?? ''));
